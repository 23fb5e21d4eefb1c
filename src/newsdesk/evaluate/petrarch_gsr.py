"""The PETRARCH-2 gold-standard validation records, coded with our own dictionaries.

``PETR2_GSR_validation.xml`` holds news-style sentences about real states and groups (AFP
excerpts with hand-corrected gold, 2014 news, and cases for passive voice, negation, nesting and
reciprocity), each with the (source, target, CAMEO code) triples PETRARCH-2 coded with the
operational Phoenix dictionaries, or with ``noevents``. Unlike the unit-test suite it needs no
dictionary of its own: our actor registry, agent nouns and verb patterns code it, so it measures
the product as shipped.

The file is not well-formed XML (each ``<Sentence …/>`` is closed at once and its codings and
text follow it, up to a stray ``</Sentence>``), so records are read by their tags; a record
whose ``<Text>`` is empty takes its text from the tokens of its CoNLL-U parse.

Scored as the unit-test suite is (``petrarch.py``): for each expected triple, whether one of our
events has its CAMEO root, its full code, its source, its target (the expected actor code starts
ours, or ours starts it), and the root with both actors (the triple); and, the other way, how
many of our events are an expected triple. Roots 01
(statements) and 02 (appeals) have no PLOVER type and are never coded: they are counted apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..entities import load_registry
from ..events import load_patterns
from ..geo import open_gazetteer
from ..nlp import load_model
from ..pipeline import analyse_doc
from ..records import UNREAL, Event
from .petrarch import same_actor

_RECORD = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTRIBUTE = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
UNCODED_ROOTS = ("01", "02")


@dataclass(frozen=True)
class Triple:
    source: str
    target: str
    cameo: str


@dataclass(frozen=True)
class GoldSentence:
    id: str
    category: str
    text: str
    triples: tuple[Triple, ...]  # empty: no event expected


def read_gsr(path: Path) -> list[GoldSentence]:
    """The records of a PETRARCH validation file, tolerant of its broken nesting."""
    sentences = []
    for match in _RECORD.finditer(path.read_text(encoding="utf-8", errors="replace")):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        body = match.group(2)
        codings = [dict(_ATTRIBUTE.findall(c)) for c in _CODING.findall(body)]
        triples = tuple(Triple(c.get("sourcecode", ""), c.get("targetcode", ""), c["eventcode"]) for c in codings if c.get("eventcode"))
        text = _TEXT.search(body)
        words = " ".join(text.group(1).split()) if text else ""
        if not words and (parse := _PARSE.search(body)):
            words = " ".join(line.split("\t")[1] for line in parse.group(1).splitlines() if line.count("\t") >= 2)
        if words:
            sentences.append(GoldSentence(attributes.get("id", "?"), attributes.get("category", "?"), words, triples))
    return sentences


def matches(event: Event, triple: Triple) -> bool:
    return event.cameo[:2] == triple.cameo[:2] and same_actor(event.source, triple.source) and same_actor(event.target, triple.target)


@dataclass
class GsrScores:
    # per category: expected triples; of them, one of our events has the root, the full code, the
    # source, the target, root and both actors (the triple); sentences with no event expected, of
    # them left without one; our events, of them an expected triple
    per_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 10))
    uncoded_roots: int = 0  # expected triples of roots 01 and 02
    misses: list[tuple[GoldSentence, list[Event]]] = field(default_factory=list)

    def total(self, column: int) -> int:
        return sum(row[column] for row in self.per_category.values())


def evaluate_gsr(path: Path) -> GsrScores:
    sentences = read_gsr(path)
    registry, gazetteer, patterns = load_registry(), open_gazetteer(), load_patterns()
    scores = GsrScores()
    for sentence, doc in zip(sentences, load_model().parse(s.text for s in sentences)):
        events = [e for e in analyse_doc(doc, registry, gazetteer, patterns).events if e.modality not in UNREAL]
        row = scores.per_category[sentence.category]
        row[8] += len(events)
        row[9] += sum(any(matches(e, t) for t in sentence.triples) for e in events)
        if not sentence.triples:
            row[6] += 1
            row[7] += not events
            if events:
                scores.misses.append((sentence, events))
            continue
        for triple in sentence.triples:
            row[0] += 1
            row[1] += any(e.cameo[:2] == triple.cameo[:2] for e in events)
            row[2] += any(e.cameo == triple.cameo for e in events)
            row[3] += any(same_actor(e.source, triple.source) for e in events)
            row[4] += any(same_actor(e.target, triple.target) for e in events)
            row[5] += any(matches(e, triple) for e in events)
            scores.uncoded_roots += triple.cameo[:2] in UNCODED_ROOTS
        if not all(any(matches(e, t) for e in events) for t in sentence.triples):
            scores.misses.append((sentence, events))
    return scores
