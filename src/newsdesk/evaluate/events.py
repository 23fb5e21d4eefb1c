"""Precision of event coding on real news, against hand judgements.

``tests/gold/event_judgements.jsonl`` names the corpus, the articles used to develop the coder
and held-out articles judged once and never used for it; each row is an event
newsdesk coded there (article, span of the event word, PLOVER type, the offsets of the source
and target it coded and of the name a pronoun in either stands for), judged by hand against the
codebook: right when the text reports that type of event with that source and target (or none
named). A row without source and target
judges the event word whatever its roles (a football result is no event). Evaluating re-codes
the articles: an event matching a judged one counts as judged right or wrong; an event no
judgement covers (the coder changed since, or coded other roles) is counted apart, so the
figure never silently includes unjudged output.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.tokens import Token

from ..entities import load_registry
from ..geo import open_gazetteer
from ..nlp import load_model
from ..pipeline import analyse_doc
from ..records import UNREAL, Event

ANY_ROLES = ("*", "*")
_NAME_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
# "/2019/11/18/", "/2019/nov/18/", "/2019-11-19/": the day a news site files an article under
_URL_DATE = re.compile(r"/(\d{4})[/-](\d{2}|[a-z]{3})[/-](\d{2})(?:/|[-_][a-z])", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def _offsets(actor) -> tuple[int, int] | None:
    """An actor's span, from an event (EventActor) or a judgement row ([start, end])."""
    if actor is None:
        return None
    return (actor.span.start, actor.span.end) if hasattr(actor, "span") else (actor[0], actor[1])


def _antecedent(actor) -> tuple[int, int] | None:
    return (actor.antecedent.start, actor.antecedent.end) if actor is not None and actor.antecedent is not None else None


def _event_roles(event) -> tuple:
    """Source and target, each with the name a pronoun in it stands for: "He" judged as Lopez is
    not "He" read as his attorney."""
    return (_offsets(event.source), _offsets(event.target), _antecedent(event.source), _antecedent(event.target))


def _event_codes(event) -> list:
    return [event.source.code if event.source else None, event.target.code if event.target else None]


def _row_roles(row: dict) -> tuple:
    if "source" not in row:
        return ANY_ROLES
    return (_offsets(row["source"]), _offsets(row["target"]), _offsets(row.get("source_antecedent")), _offsets(row.get("target_antecedent")))


@dataclass
class EventPrecision:
    articles: int = 0
    judged_right: int = 0
    judged_wrong: int = 0
    unjudged: int = 0
    no_longer_coded: int = 0
    wrong_examples: list[str] = field(default_factory=list)
    by_confidence: list[tuple[float, bool]] = field(default_factory=list)  # each judged event's confidence and verdict

    @property
    def precision(self) -> float:
        judged = self.judged_right + self.judged_wrong
        return self.judged_right / judged if judged else 0.0

    def at_confidence(self, threshold: float) -> tuple[float, int]:
        """Precision of the judged events at or above a confidence, and how many those are."""
        kept = [right for confidence, right in self.by_confidence if confidence >= threshold]
        return (sum(kept) / len(kept) if kept else 0.0), len(kept)


@dataclass(frozen=True)
class JudgedEvent:
    article: str
    event: Event
    token: Token  # the event word in the article's parse
    row: dict | None  # the judgement, None when no judgement covers the event as coded now


@dataclass(frozen=True)
class Judgements:
    """The gold file, read once: its rows by event word and roles, and the texts of its articles by set."""

    rows: dict[tuple, list[dict]]
    articles: dict[str, list[tuple[str, str]]]  # set name → (docid, text) in the file's order
    published: dict[str, date] = field(default_factory=dict)  # docid → publication date, where the corpus gives one


def load_judgements(gold_path: Path, eval_root: Path) -> Judgements:
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    rows: dict[tuple, list[dict]] = {}
    for line in lines[1:]:
        row = json.loads(line)
        rows.setdefault((row["article"], row["start"], row["end"], row["plover"], _row_roles(row)), []).append(row)
    texts, urls = _corpus_texts(eval_root / header["source"])
    sets = {"development": header["articles"], "held_out": header.get("held_out", [])}
    published = {d: day for d in texts if (day := published_on(d, urls.get(d))) is not None}
    return Judgements(rows, {name: [(d, texts[d]) for d in docids if d in texts] for name, docids in sets.items()}, published)


def _corpus_texts(source: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Article id → text, and → address where the corpus gives one: the articles of an LGL-style
    XML corpus by docid, the ``.txt`` files of a folder by name (PolNeAR's texts), or the gold
    bodies of the article-extraction benchmark (``ground-truth.json``) by page hash."""
    if source.is_dir():
        return {path.stem: path.read_text(encoding="utf-8") for path in sorted(source.glob("*.txt"))}, {}
    if source.suffix == ".json":
        pages = json.loads(source.read_text(encoding="utf-8"))
        return {k: page["articleBody"] for k, page in pages.items()}, {k: page.get("url") or "" for k, page in pages.items()}
    return {a.get("docid"): a.findtext("text") or "" for a in ET.parse(source).getroot().iter("article")}, {}


def published_on(docid: str, url: str | None = None) -> date | None:
    """The publication date a corpus names its files by ("nyt_2016-09-20_examining-…", PolNeAR)
    or a site files its address under ("…/2019/11/18/business/…", "…/2019/nov/18/…"). LGL's
    docids carry none, and its download times are no publication dates."""
    found = _NAME_DATE.search(docid)
    if found:
        return date.fromisoformat(found.group(1))
    found = _URL_DATE.search(url or "")
    if found is None:
        return None
    year, month, day = found.groups()
    month_number = _MONTHS.get(month.lower()) if month.isalpha() else int(month)
    try:
        return date(int(year), month_number, int(day)) if month_number else None
    except ValueError:
        return None


def judged_events(judgements: Judgements, set_name: str, scores: EventPrecision | None = None) -> Iterator[JudgedEvent]:
    """Re-code the articles of one set of the gold file (``development`` or ``held_out``) and
    pair each real event with its judgement; ``scores`` counts articles and judged events no longer coded."""
    wanted = judgements.articles[set_name]
    registry, gazetteer = load_registry(), open_gazetteer()
    seen: dict[tuple, int] = {}
    for (docid, _), doc in zip(wanted, load_model().parse(t for _, t in wanted)):
        if scores is not None:
            scores.articles += 1
        for event in analyse_doc(doc, registry, gazetteer, published=judgements.published.get(docid)).events:
            if event.modality not in UNREAL:
                word = doc.char_span(event.predicate.start, event.predicate.end)[0]
                yield JudgedEvent(docid, event, word, _judgement(event, docid, judgements.rows, seen))
    if scores is not None:
        docids = {docid for docid, _ in wanted}
        judged_here = {k: r for k, r in judgements.rows.items() if k[0] in docids}
        scores.no_longer_coded = sum(len(r) for r in judged_here.values()) - sum(min(seen.get(k, 0), len(r)) for k, r in judged_here.items())


def evaluate_events(gold_path: Path, eval_root: Path) -> dict[str, EventPrecision]:
    """Precision per article set of the gold file: ``development`` and ``held_out``."""
    judgements = load_judgements(gold_path, eval_root)
    results = {}
    for name in ("development", "held_out"):
        scores = results[name] = EventPrecision()
        for judged in judged_events(judgements, name, scores):
            if judged.row is None:
                scores.unjudged += 1
                continue
            right = bool(judged.row["correct"])
            scores.by_confidence.append((judged.event.confidence, right))
            if right:
                scores.judged_right += 1
            else:
                scores.judged_wrong += 1
                event = judged.event
                scores.wrong_examples.append(f"{judged.article} {event.plover} “{event.predicate.text}”: {judged.row.get('note', '')}")
    return results


def _judgement(event, docid: str, judgements: dict, seen: dict) -> dict | None:
    word = (docid, event.predicate.start, event.predicate.end, event.plover)
    roles = _event_roles(event)
    key = (*word, roles) if (*word, roles) in judgements else (*word, ANY_ROLES)
    codes = _event_codes(event)
    rows = [r for r in judgements.get(key, []) if "codes" not in r or r["codes"] == codes]  # a verdict given on the actors' codes stands only while the codes do
    index = seen.get(key, 0)
    seen[key] = index + 1
    return rows[index] if index < len(rows) else None
