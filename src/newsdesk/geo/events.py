"""Where an event happened: which of the places a sentence names is the event's place.

Reads the dependency parse around the event's word (a verb, or a noun such as "attack"):

- a place in a locative phrase attached to the event ("killed … in Mosul") scores highest,
  the fewer steps from the event the better;
- inside "the West Bank city of Nablus" or "the town of Adwar", the named town is the place;
- in "Mosul, Iraq" the first, more specific name is;
- a place only modifying another word ("an Iraqi official", "Gaza peace talks") is no event
  place (those are references, not places, already);
- otherwise the nearest place in a locative phrase of the sentence, then the nearest place;
- when a town and its country both belong to the event ("near Mopti in central Mali"), the
  town is the answer.

A dateline is where the report was filed, not where its events happened: never chosen.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..records import Place

LOCATIVE = frozenset("in at near outside inside across around throughout on into within along off".split())
SPECIFICITY = {"PPL": 0, "PPLC": 0, "ADM2": 1, "ADM1": 2, "PCLI": 3, "RGN": 4}
CONTAINER_NOUNS = frozenset("city town village capital province region district area camp county state neighborhood neighbourhood suburb port island".split())


def event_place(doc: Doc, event: Token, places: list[Place]) -> Place | None:
    candidates = [p for p in places if p.sense == "place" and p.field == "text" and p.span.start >= event.sent.start_char and p.span.end <= event.sent.end_char]
    if not candidates:
        return None
    scored = []
    for place in candidates:
        span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if span is None:
            continue
        scored.append((_score(span.root, event, candidates, doc), -abs(span.root.i - event.i), place, _steps_to(span.root, event)))
    if not scored:
        return None
    best = max(scored, key=lambda s: (s[0], s[1]))
    # "near Mopti in central Mali": both belong to the event; the town is the more precise answer
    finer = [s for s in scored if s[3] is not None and s[2].country == best[2].country and best[2].country
             and SPECIFICITY.get(s[2].feature_code, 9) < SPECIFICITY.get(best[2].feature_code, 9)]
    if best[3] is not None and finer:
        return max(finer, key=lambda s: (s[0], s[1]))[2]
    return best[2]


def _score(token: Token, event: Token, candidates: list[Place], doc: Doc) -> float:
    score = 0.0
    anchor = token
    # "the West Bank city of Nablus": climb "of" + container noun to the phrase's preposition
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() in CONTAINER_NOUNS:
        anchor = anchor.head.head
        score += 1.0  # the named town is more specific than the region before it
    if anchor.dep_ in ("appos", "npadvmod", "conj") and _is_place(anchor.head, candidates):
        score -= 2.0  # "Mosul, Iraq": Iraq only situates Mosul
    locative = anchor.dep_ == "pobj" and anchor.head.lower_ in LOCATIVE
    if locative:
        score += 5.0
    steps = _steps_to(anchor, event)
    if steps is not None:
        score += 10.0 - min(steps, 8)
    if anchor.dep_ in ("compound", "amod", "poss", "nmod") and not locative:
        score -= 3.0  # "Gaza peace talks", "Baghdad's mayor": a modifier, not where it happened
    return score


def _steps_to(token: Token, event: Token) -> int | None:
    """Dependency steps up from the place to the event word, if the event governs it."""
    steps = 0
    current = token
    while current.i != event.i:
        if current.head.i == current.i:
            return None
        current = current.head
        steps += 1
        if steps > 12:
            return None
    return steps


def within_event(doc: Doc, event: Token, place: Place, carrier: Token | None = None) -> bool:
    """Whether the event word's own phrase names the place, as an object or in a locative phrase
    ("withdrew from Lebanon", "a curfew in the town of Cizre"), not as a modifier ("a North
    Carolina nursing home") or elsewhere in the sentence. ``carrier``: the verb an event noun is
    the object of, whose own place phrase is the event's too ("staged a protest in Beijing")."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    anchor = span.root
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() in CONTAINER_NOUNS:
        anchor = anchor.head.head
    if anchor.dep_ in ("compound", "amod", "poss", "nmod", "appos", "npadvmod"):
        return False
    steps = _steps_to(anchor, event)
    if steps is None and carrier is not None:  # "staged a protest in Beijing": the place of the verb that carries the event noun
        steps = _steps_to(anchor, carrier)
        return steps is not None and steps <= 2 and anchor.dep_ == "pobj" and anchor.head.lower_ in LOCATIVE
    return steps is not None and steps <= 5 and (anchor.dep_ in ("dobj", "nsubjpass") or anchor.dep_ == "pobj" and anchor.head.lower_ in LOCATIVE | {"from"})


def _is_place(token: Token, candidates: list[Place]) -> bool:
    return any(p.span.start <= token.idx < p.span.end for p in candidates)


def event_word(doc: Doc, start: int, end: int) -> Token:
    """The word a figure's event hangs on: the verb governing it ("12 soldiers were killed"), else
    its sentence's root."""
    token = doc[start]
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return token.sent.root


def place_claims(doc: Doc, quantities, places) -> list:
    """Each numeric claim with the place its event happened in, where the sentence says."""
    located = []
    for quantity in quantities:
        span = doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
        chosen = event_place(doc, event_word(doc, span.start, span.end), list(places)) if span is not None else None
        located.append(replace(quantity, place=chosen.index if chosen is not None else None))
    return located
