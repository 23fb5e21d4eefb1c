"""Finding toponyms in a parsed article: what may be a place, before choosing which one.

Sources, first reading of a span wins:

1. the actor layer's country mentions (registry names, so "Tajikistan" is found even when the
   model tags it NORP), with their sense; demonyms ("Afghan") as references;
2. the model's GPE, LOC and FAC mentions, and NORP mentions that are place names;
3. capitalised proper nouns after a locative preposition ("in Maywand") that the gazetteer knows.

Never a place: a person's name ("Kabulov" is not Kabul), a capital standing for its state
("Moscow believes": an actor mention of the actor layer), an organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from ..records import EntityMention

PLACE_LABELS = ("GPE", "LOC", "FAC")
MISTAKEN_LABELS = ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART")
CONTAINER_NOUNS = frozenset("city town village capital province region district area camp county state neighborhood neighbourhood suburb port island localities locality".split())
LOCATIVE = frozenset("in at near outside inside into across around throughout from to towards toward via of".split())
DIRECTIONS = {
    "north": "north", "south": "south", "east": "east", "west": "west", "northeast": "northeast",
    "northwest": "northwest", "southeast": "southeast", "southwest": "southwest", "centre": "centre", "center": "centre",
    "northern": "north", "southern": "south", "eastern": "east", "western": "west", "central": "centre",
    "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast", "southwestern": "southwest",
}
DISTANCE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|kilometers|kilometres|miles|mi)\b\s*\(?[^)]*?\)?\s*(north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s*$", re.I)
KM = {"km": 1.0, "kilometers": 1.0, "kilometres": 1.0, "miles": 1.609, "mi": 1.609}


@dataclass(frozen=True)
class Toponym:
    start: int  # character offsets in the text
    end: int
    text: str
    sense: str  # place | actor | reference
    rule: str
    geonames_id: int | None = None  # known already (registry countries)
    relation: str | None = None
    direction: str | None = None
    distance_km: float | None = None
    area_word: bool = False  # "Kunduz province", "the state of Oklahoma": an administrative area
    tentative: bool = False  # kept only if the gazetteer knows it well (NORP mentions, untagged proper nouns)
    named_area: bool = False  # "the town of X", "X province": a place even when the gazetteer does not know it


def find_toponyms(doc: Doc, mentions: tuple[EntityMention, ...], country_ids: dict[str, int]) -> list[Toponym]:
    """``country_ids``: registry entity id → the country's GeoNames id."""
    found: list[Toponym] = []
    taken: list[tuple[int, int]] = []

    def add(toponym: Toponym) -> None:
        if any(toponym.start < e and s < toponym.end for s, e in taken):
            return
        taken.append((toponym.start, toponym.end))
        found.append(toponym)

    # Spans that name actors: organisations, people, capitals standing for states, "US authorities"
    actors = [(m.span.start, m.span.end) for m in mentions if m.entity_id not in country_ids or m.rule in ("metonym", "agent-phrase")]
    for mention in mentions:
        if mention.entity_id in country_ids and mention.rule in ("alias", "fuzzy-alias", "agent-phrase", "demonym"):
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if mention.rule == "agent-phrase":
                continue  # "Russian forces": an actor, not a place
            sense = "reference" if mention.rule == "demonym" else mention.sense
            add(_with_relation(Toponym(mention.span.start, mention.span.end, mention.span.text, sense, "registry" if mention.rule != "demonym" else "demonym",
                                       country_ids[mention.entity_id]), span))
    registry_actors = [(m.span.start, m.span.end) for m in mentions if not m.entity_id.startswith(("person:", "org:")) and
                       (m.entity_id not in country_ids or m.rule in ("metonym", "agent-phrase"))]
    for ent in doc.ents:
        span = _trim(ent)
        if span is None:
            continue
        if ent.label_ in PLACE_LABELS or ent.label_ == "NORP":
            if not _overlaps(span, actors):
                add(_with_relation(Toponym(span.start_char, span.end_char, span.text, "place", "ner", tentative=ent.label_ == "NORP"), span))
        elif ent.label_ in MISTAKEN_LABELS and (_locative_context(span) or span[-1].lemma_.lower() in AREA_WORDS) and not _overlaps(span, registry_actors):
            # "in Palmyra", "the town of Umm Batna": the model said PERSON or ORG, the context says place
            add(_with_relation(Toponym(span.start_char, span.end_char, span.text, "place", "ner-context", tentative=True,
                                       named_area=_named_area(span)), span))
    for token in doc:
        if token.pos_ == "PROPN" and token.i > 0 and doc[token.i - 1].lower_ in LOCATIVE and token.text[:1].isupper() and not token.ent_type_:
            end = token.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_:
                end += 1
            span = doc[token.i:end]
            if not _overlaps(span, actors):
                add(_with_relation(Toponym(span.start_char, span.end_char, span.text, "place", "gazetteer", tentative=True), span))
    return sorted(found, key=lambda t: t.start)


def _named_area(span: Span) -> bool:
    doc = span.doc
    if len(span) > 1 and span[-1].lemma_.lower() in AREA_WORDS:
        return True  # "Rapides Parish", "Douglas County"
    if span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lemma_.lower() in CONTAINER_NOUNS:
        return True
    return span.end < len(doc) and doc[span.end].lemma_.lower() in AREA_WORDS


def _locative_context(span: Span) -> bool:
    doc = span.doc
    root = span.root
    if root.dep_ == "conj" and root.head.i < span.start:
        # "to Kunduz and Baghlan": the second name stands where the first does
        if _locative_context(doc[root.head.i:root.head.i + 1]):
            return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None:
        return False
    if before.lower_ in ("in", "at", "near", "outside", "inside", "into", "across", "around", "throughout", "to", "from", "toward", "towards"):
        return True
    if before.lower_ == "of" and span.start > 1 and doc[span.start - 2].lemma_.lower() in CONTAINER_NOUNS:
        return True  # "the town of Umm Batna"
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lemma_.lower() in AREA_WORDS


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the",):
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or not ent.doc[end - 1].text[:1].isalnum()):
        end -= 1
    return ent.doc[start:end] if start < end else None


def _overlaps(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(span.start_char < e and s < span.end_char for s, e in ranges)


AREA_WORDS = frozenset("province provinces state region governorate district county oblast prefecture department parish municipality territory".split())


def _with_relation(toponym: Toponym, span: Span | None) -> Toponym:
    """"the north of Afghanistan", "southern parts of Russia", "30 km south of Kunduz"."""
    if span is None or toponym.sense == "reference":
        return toponym
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before_of = span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in AREA_WORDS
    if after in AREA_WORDS or before_of:
        toponym = replace(toponym, area_word=True)
    doc = span.doc
    before = doc[max(0, span.start - 8):span.start]
    text = before.text
    distance = DISTANCE.search(text)
    if distance:
        km = float(distance.group(1).replace(",", "")) * KM[distance.group(2).lower()]
        direction = distance.group(3).lower()
        return _replace(toponym, f"{distance.group(0).strip()}", direction, km)
    words = [t.lower_ for t in before]
    # "the north of X", "northern parts of X", "the south-east of X"
    if len(words) >= 2 and words[-1] == "of":
        for back in (2, 3, 4):
            if len(words) >= back and words[-back] in DIRECTIONS:
                return _replace(toponym, " ".join(t.text for t in before[-back:]), DIRECTIONS[words[-back]], None)
    # "northern Afghanistan"
    if words and words[-1] in DIRECTIONS and before[-1].pos_ == "ADJ":
        return _replace(toponym, before[-1].text, DIRECTIONS[words[-1]], None)
    return toponym


def _replace(toponym: Toponym, relation: str, direction: str, km: float | None) -> Toponym:
    return replace(toponym, relation=relation, direction=direction, distance_km=km)
