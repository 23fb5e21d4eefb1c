"""Attribution accuracy on PolNeAR (brat files: Source, Cue, Content linked per attribution).

Each text is parsed as it is (so brat offsets stay valid) and our quotes are
compared with the gold attributions, component by component:

- **exact**: same span, ignoring surrounding spaces and punctuation;
- **overlap**: our span covers at least half of the gold span's word tokens (a gold
  span of punctuation only, a colon or a dash cue, must match exactly).

Each text opens with its headline on a line of its own; it is read as the pipeline reads an
article's title ("Sanders: Clinton needs to …", ``attribution/headline.py``) as well as parsed.

Resolved speakers are scored apart, against hand judgements of who each speaker mention stands
for (``tests/gold/speakers.jsonl``: pronouns, surnames, roles): right when the name we resolve
it to is the same person (``same_person``), or the same words for a group.

Matching is one-to-one (each gold span matches at most one of ours, the largest
such matching). Precision is over our spans, recall over gold spans. Where several annotator passes exist
for one text, the first (by file name) is the gold.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..attribution import extract_quotes
from ..attribution.headline import headline_quote
from ..nlp import load_model
from ..nlp.names import same_person

COMPONENTS = ("cue", "source", "content")
_WORD = re.compile(r"\w+")
_SAYING = re.compile(r"\b(say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|according)\b", re.IGNORECASE)
_TRIM = " \t\n\r\"'“”‘’.,;:—–-"


@dataclass
class GoldAttribution:
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


def read_brat(path: Path) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            spans[parts[0]] = (kind, [p for p in pieces if len(p) == 2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    attributions = []
    for event in events:
        gold = GoldAttribution()
        for role in ("Cue", "Source", "Content"):
            if role in event and event[role] in spans:
                pieces = spans[event[role]][1]
                if pieces:
                    getattr(gold, role.lower()).append((pieces[0][0], pieces[-1][1]))
        attributions.append(gold)
    return attributions


def _words(text: str, span: tuple[int, int]) -> set[int]:
    return {m.start() + span[0] for m in _WORD.finditer(text[span[0]:span[1]])}


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def match(text: str, predicted: list[tuple[int, int]], gold: list[tuple[int, int]], mode: str) -> int:
    """Size of the largest one-to-one matching between predicted and gold spans.

    A greedy pass can let one wide span take a gold span that only it could have
    shared with another; augmenting paths (Kuhn's algorithm) find the best pairing."""
    if mode == "exact":
        trimmed = [_trimmed(text, p) for p in predicted]
        candidates = [[i for i, p in enumerate(trimmed) if p == _trimmed(text, g)] for g in gold]
    else:
        predicted_words = [_words(text, p) for p in predicted]
        candidates = []
        for g in gold:
            g_words = _words(text, g)
            if not g_words:  # a cue that is punctuation ("PENCE:", "” ― Carla Sanchez") can only match exactly
                candidates.append([i for i, p in enumerate(predicted) if text[p[0]:p[1]].strip() == text[g[0]:g[1]].strip() and p[0] <= g[1] and g[0] <= p[1]])
                continue
            candidates.append([i for i, w in enumerate(predicted_words) if len(g_words & w) >= 0.5 * len(g_words)])
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for i in candidates[g]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i] = g
                return True
        return False

    return sum(augment(g, set()) for g in range(len(gold)))


@dataclass
class SpeakerScores:
    judged: int = 0  # hand-judged speaker mentions
    found: int = 0  # of those, mentions we made the speaker of a quote
    right: int = 0  # of those, resolved to the judged person
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 0.0


@dataclass
class SpeechScores:
    """Quotes in the narrow sense: gold attributions cued by say, tell, add, according to, against
    our direct, indirect and according-to quotes with a speech cue."""

    gold: int = 0
    gold_found: int = 0
    ours: int = 0
    ours_right: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.ours_right / self.ours if self.ours else 0.0
        r = self.gold_found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class QuoteScores:
    texts: int = 0
    gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    matched: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    by_cue_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    speakers: dict[str, SpeakerScores] = field(default_factory=dict)  # by set of the judgements: development, held_out
    speech: SpeechScores = field(default_factory=SpeechScores)

    def prf(self, component: str, mode: str) -> tuple[float, float, float]:
        m = self.matched[(component, mode)]
        p = m / self.predicted[component] if self.predicted[component] else 0.0
        r = m / self.gold[component] if self.gold[component] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_files(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    annotations = sorted((folder / "attributions").glob("*.ann"))
    for text in sorted((folder / "text").glob("*.txt")):
        passes = [a for a in annotations if a.name.rsplit("_", 1)[0] == text.stem]
        if passes:
            pairs.append((text, passes[0]))
    return pairs


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]


def read_speaker_judgements(path: Path | None) -> dict[str, dict[tuple[int, int], tuple[str, str]]]:
    """Article → speaker mention span → the person it stands for, and the set of the judgement:
    ``development`` (rules were written against it) or ``held_out`` (judged once, never used)."""
    if path is None or not path.is_file():
        return {}
    judged: dict[str, dict[tuple[int, int], tuple[str, str]]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        row = json.loads(line)
        judged[row["article"]][tuple(row["speaker"])] = (row["expected"], row.get("set", "development"))
    return judged


def same_speaker(expected: str, ours: str | None) -> bool:
    return ours is not None and (ours.lower() == expected.lower() or same_person(expected.lower(), ours.lower()))


def evaluate_quotes(folder: Path, keep_kinds: frozenset[str] | None = None, speaker_gold: Path | None = None) -> QuoteScores:
    model = load_model()
    scores = QuoteScores()
    speakers = read_speaker_judgements(speaker_gold)
    pairs = gold_files(folder)
    texts = [t.read_text(encoding="utf-8") for t, _ in pairs]
    for (text_path, ann_path), text, doc in zip(pairs, texts, model.parse(texts)):
        gold = read_brat(ann_path)
        quotes = [q for q in extract_quotes(doc, paragraph_starts(text)) if keep_kinds is None or q.cue_kind in keep_kinds]
        headline = headline_quote(text.split("\n", 1)[0], len(quotes))  # the title starts the text: offsets agree
        if headline is not None and not any(q.content.start < headline.content.end for q in quotes):
            quotes.append(headline)
        predicted = {
            "cue": [(q.cue.start, q.cue.end) for q in quotes if q.cue],
            "source": [(q.speaker.start, q.speaker.end) for q in quotes if q.speaker],
            "content": [(q.content.start, q.content.end) for q in quotes],
        }
        for q in quotes:
            scores.by_cue_kind[q.cue_kind or "none"] += 1
        _score_speakers(scores, quotes, speakers.get(text_path.stem, {}), text_path.stem)
        _score_reported_speech(scores, text, quotes, gold)
        for component in COMPONENTS:
            gold_spans = [span for g in gold for span in getattr(g, component)]
            scores.gold[component] += len(gold_spans)
            scores.predicted[component] += len(predicted[component])
            for mode in ("exact", "overlap"):
                scores.matched[(component, mode)] += match(text, predicted[component], gold_spans, mode)
        scores.texts += 1
    return scores


def _score_speakers(scores: QuoteScores, quotes, judged: dict[tuple[int, int], tuple[str, str]], article: str) -> None:
    ours = {(q.speaker.start, q.speaker.end): q.speaker_name for q in quotes if q.speaker is not None}
    for span, (expected, set_name) in judged.items():
        tally = scores.speakers.setdefault(set_name, SpeakerScores())
        tally.judged += 1
        if span not in ours:
            continue
        tally.found += 1
        if same_speaker(expected, ours[span]):
            tally.right += 1
        elif set_name != "held_out":  # held-out errors are not shown: they must not steer the rules
            tally.wrong.append(f"{article} {span}: {ours[span]!r}, not {expected!r}")


def _score_reported_speech(scores: QuoteScores, text: str, quotes, gold: list[GoldAttribution]) -> None:
    """Cue overlap for quotes in the narrow sense the quote extractors of the Gender Gap Tracker
    and Citron report: what someone says, tells, adds, or is "according to". Ours count right
    when they match any gold cue (a speech quote of ours PolNeAR cues with another verb is still
    a quote)."""
    all_cues = [span for g in gold for span in g.cue]
    said = [span for span in all_cues if _SAYING.search(text[span[0]:span[1]])]
    ours = [(q.cue.start, q.cue.end) for q in quotes
            if q.cue is not None and q.cue_kind == "speech" and q.kind in ("direct", "indirect", "according_to")]
    scores.speech.gold += len(said)
    scores.speech.gold_found += match(text, ours, said, "overlap")
    scores.speech.ours += len(ours)
    scores.speech.ours_right += match(text, ours, all_cues, "overlap")
