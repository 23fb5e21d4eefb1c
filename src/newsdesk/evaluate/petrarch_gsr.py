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

Scored like the unit-test suite (``petrarch.py``, whose actor match it shares), for each expected
triple: whether one of our events has its CAMEO root, its full code, its source, its target, and
its root with both actors (the triple; the suite's own triple asks for the full code); and, the
other way, how many of our events are an expected triple. Roots 01
(statements) and 02 (appeals) have no PLOVER type and are never coded: they are counted apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
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
class GsrCounts:
    """One category's counts: expected triples, and of them how many one of our events matches by
    root, by full code, by source, by target, and by root with both actors (the triple);
    sentences with no event expected, and of them those we leave without one; our events, and
    of them those that are an expected triple."""

    triples: int = 0
    root: int = 0
    full: int = 0
    source: int = 0
    target: int = 0
    triple: int = 0
    no_event: int = 0
    left_empty: int = 0
    events: int = 0
    matched: int = 0

    def __add__(self, other: GsrCounts) -> GsrCounts:
        return GsrCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass
class GsrScores:
    per_category: dict[str, GsrCounts] = field(default_factory=lambda: defaultdict(GsrCounts))
    uncoded_roots: int = 0  # expected triples of roots 01 and 02
    misses: list[tuple[GoldSentence, list[Event]]] = field(default_factory=list)

    @property
    def overall(self) -> GsrCounts:
        return sum(self.per_category.values(), GsrCounts())


def evaluate_gsr(sentences: list[GoldSentence]) -> GsrScores:
    """Code the sentences (``read_gsr``) with our own actors and verb patterns and score them."""
    registry, gazetteer, patterns = load_registry(), open_gazetteer(), load_patterns()
    scores = GsrScores()
    for sentence, doc in zip(sentences, load_model().parse(s.text for s in sentences)):
        events = [e for e in analyse_doc(doc, registry, gazetteer, patterns).events if e.modality not in UNREAL]
        counts = scores.per_category[sentence.category]
        counts.events += len(events)
        counts.matched += sum(any(matches(e, t) for t in sentence.triples) for e in events)
        if not sentence.triples:
            counts.no_event += 1
            counts.left_empty += not events
            if events:
                scores.misses.append((sentence, events))
            continue
        for triple in sentence.triples:
            counts.triples += 1
            counts.root += any(e.cameo[:2] == triple.cameo[:2] for e in events)
            counts.full += any(e.cameo == triple.cameo for e in events)
            counts.source += any(same_actor(e.source, triple.source) for e in events)
            counts.target += any(same_actor(e.target, triple.target) for e in events)
            counts.triple += any(matches(e, triple) for e in events)
            scores.uncoded_roots += triple.cameo[:2] in UNCODED_ROOTS
        if not all(any(matches(e, t) for e in events) for t in sentence.triples):
            scores.misses.append((sentence, events))
    return scores
