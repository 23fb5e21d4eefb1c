"""Numeric claims: a found quantity placed in its article — who claims it, of whom, where.

A quantity inside a quote's content is claimed by that quote's speaker; other
figures are the outlet's own. Two figures in one article restate each other
when they have the same value and count the same kind of thing ("more than
10,000 Daesh fighters" … "stronger than 10,000 troops").
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..records import Quantity, Quote, TextSpan
from .extract import EXTRACTOR, Found, find_quantities

# Counted nouns that name the same kind of thing, for linking restatements.
KINDRED = (
    frozenset("fighter troop militant insurgent soldier force combatant member".split()),
    frozenset("civilian people person resident".split()),
    frozenset("refugee displaced".split()),
)
PLACE_LABELS = ("GPE", "LOC")
ACTOR_LABELS = ("ORG", "NORP", "GPE")


def numeric_claims(doc: Doc, quotes: list[Quote], sentence_starts: list[int], outlet: str | None) -> list[Quantity]:
    claims: list[Quantity] = []
    everything = find_quantities(doc)
    figures = {i for f in everything for i in range(f.start, f.end)}
    for found in everything:
        span = doc[found.start:found.end]
        quote = _enclosing_quote(quotes, span.start_char, span.end_char)
        claims.append(
            Quantity(
                index=len(claims),
                span=TextSpan(span.start_char, span.end_char, span.text),
                value=found.value,
                value_high=found.high,
                qualifier=found.qualifier,
                change=found.change,
                unit=found.unit,
                counted=found.counted,
                of=_of(found),
                where=_where(doc, found),
                when=_when(doc, found, figures),
                event=found.event,
                sentence=max(0, bisect_right(sentence_starts, span.start_char) - 1),
                claimed_by=quote.speaker_name if quote is not None else outlet,
                quote=quote.index if quote is not None else None,
                restates=_restates(claims, found),
                extractor=EXTRACTOR,
                confidence=0.8 if found.counted or found.unit else 0.6,
            )
        )
    return claims


def _enclosing_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    inside = [q for q in quotes if q.field == "text" and q.content.start <= start and end <= q.content.end and q.speaker_name]
    return min(inside, key=lambda q: q.content.end - q.content.start) if inside else None


def _of(found: Found) -> str | None:
    if found.counted_head is None:
        return None
    phrase = found.counted_head.doc[found.start:found.counted_head.i + 1]
    named = [e for e in phrase.ents if e.label_ in ACTOR_LABELS]
    if named:
        return named[0].text
    proper = [t for t in found.counted_head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if proper:  # "Daesh fighters" even when the model tags no entity
        return " ".join(t.text for t in proper)
    for child in found.counted_head.children:  # "fighters of the Islamic State"
        if child.dep_ == "prep" and child.lower_ == "of":
            named = [e for e in child.subtree if e.ent_type_ in ACTOR_LABELS]
            if named:
                ent = next(e for e in found.counted_head.doc.ents if e.start <= named[0].i < e.end)
                return ent.text
    return None


def _where(doc: Doc, found: Found) -> str | None:
    """A place in "in <place>" within the clause of the number, after it."""
    sentence = doc[found.start].sent
    for ent in sentence.ents:
        if ent.label_ in PLACE_LABELS and ent.start >= found.end and ent.start > 0 and doc[ent.start - 1].lower_ in ("in", "across", "inside"):
            return ent.text
    return None


def _when(doc: Doc, found: Found, figures: set[int]) -> str | None:
    """The date or period in the number's sentence, nearest to it ("this year", "on Sunday");
    not a duration that is itself a figure ("two weeks")."""
    sentence = doc[found.start].sent
    dates = [e for e in sentence.ents if e.label_ in ("DATE", "TIME") and figures.isdisjoint(range(e.start, e.end))]
    if not dates:
        return None
    nearest = min(dates, key=lambda e: (e.start - found.end) if e.start >= found.end else (found.start - e.end) + 1000)
    return nearest.text


def _restates(earlier: list[Quantity], found: Found) -> int | None:
    lemma = found.counted_head.lemma_.lower() if found.counted_head is not None else None
    for claim in earlier:
        if claim.value != found.value or claim.value_high != found.high or claim.restates is not None:
            continue
        other = claim.unit
        if lemma and other and (lemma == other or any(lemma in group and other in group for group in KINDRED)):
            return claim.index
    return None
