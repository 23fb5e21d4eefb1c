"""Resolving an article's mentions to canonical actors.

Order of evidence: registry names on the article's tokens (exact, any-case,
then by spelling), in the sense the clause gives them (actor, place,
reference; capitals count only as actors); agent phrases ("Russian forces");
people from the model's PERSON mentions, with role and affiliation; the
speakers attribution resolved through coreference ("the Russian envoy" →
Zamir Kabulov); other organisations and groups the model names, as entities
of their own. Each mention keeps the rule that resolved it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..records import Entity, EntityMention, Quantity, Quote, TextSpan
from .match import Match, find_names
from ..attribution.speakers import ROLE_NOUNS
from .people import Person, affiliation_span, formerly, name_kind, people, person_id
from .registry import Name, Registry, slug
from .sense import ELITE_WHEN_FORMER, MOTION, PLACE_PREPOSITIONS, QUANTITY_WORDS, SUBJECTS, agent_head, agent_of, metonymic_actor, sense_of

EXTRACTOR = "newsdesk.entities/2"
KIND_PREFERENCE = {"name": 0, "alias": 1, "metonym": 2, "capital": 3, "demonym": 4}
CONFIDENCE = {"alias": 0.9, "agent-phrase": 0.85, "metonym": 0.8, "demonym": 0.8, "fuzzy-alias": 0.7,
              "person": 0.9, "surname": 0.85, "apposition": 0.85, "ner": 0.6}
TEXT_ENTITY_TYPES = {"ORG": ("org", "ORGANIZATION")}


@dataclass(frozen=True)
class Resolved:
    """An article's entities and mentions, and the people behind its speakers."""

    entities: tuple[Entity, ...]
    mentions: tuple[EntityMention, ...]
    speaker_ids: dict[str, str]  # resolved speaker name → entity_id


def resolve_entities(doc: Doc, registry: Registry, quotes: list[Quote], sentence_starts: list[int], on: date | None = None) -> Resolved:
    """The article's actors and their mentions; ``on`` (its publication date, when known) decides
    whether a dated office holder still holds it: Trump in 2016 is no government."""
    drafts: list[tuple[int, int, str, str, str | None, str, float]] = []  # start, end, id, sense, code, rule, confidence
    entities: dict[str, Entity] = {}
    matches = find_names(doc, registry)
    actor_spans: list[tuple[Span, str]] = []
    for match in matches:
        draft = _registry_mention(doc, registry, match, on)
        if draft is None:
            continue
        drafts.append(draft)
        entities[draft[2]] = registry.entities[draft[2]]
        actor_spans.append((match.span(doc), draft[2]))

    covered = {i for m in matches for i in range(m.start, m.end)}
    persons = people(doc, covered, {q.speaker_name for q in quotes if q.speaker_name})
    surnames = _surnames_read_as_names(doc, matches, persons)
    if surnames:
        for person, span in surnames:
            person.mentions.append(span)
        starts = {span.start_char for _, span in surnames}
        drafts = [d for d in drafts if d[0] not in starts]
        actor_spans = [(s, e) for s, e in actor_spans if s.start_char not in starts]
        still_named = {d[2] for d in drafts}
        entities = {k: v for k, v in entities.items() if k in still_named}
    for person, span in _untagged_surnames(doc, persons, covered):
        person.mentions.append(span)
    speaker_ids: dict[str, str] = {}
    for person in persons:
        known = _known_by_surname(person, registry, actor_spans)
        entity = known or _person_entity(person, registry, actor_spans)
        entities[entity.entity_id] = entity
        speaker_ids[person.name] = entity.entity_id
        for span in person.mentions:
            rule = "person" if span.text == person.name and known is None else "surname"
            code = _person_code(entity, span, on) if known is not None else entity.affiliation
            drafts.append((span.start_char, span.end_char, entity.entity_id, "actor", code, rule, CONFIDENCE[rule]))
        for phrase in person.role_phrases:
            code = _person_code(entity, phrase, on) if known is not None else entity.affiliation
            drafts.append((phrase.start_char, phrase.end_char, entity.entity_id, "actor", code, "apposition", CONFIDENCE["apposition"]))

    drafts += _speaker_mentions(quotes, speaker_ids, entities)
    for ent in doc.ents:
        label = name_kind(ent)
        if label in TEXT_ENTITY_TYPES and covered.isdisjoint(range(ent.start, ent.end)) and ent.text[:1].isupper():
            if not _organisation_like(ent):
                continue
            bearer = _surname_of(ent, persons, entities, speaker_ids)
            if bearer is not None:  # "Chris Christie … Christie blasted Clinton": the small model took the surname for a firm
                drafts.append((ent.start_char, ent.end_char, bearer.entity_id, "actor", bearer.affiliation, "surname", CONFIDENCE["surname"]))
                continue
            prefix, kind = TEXT_ENTITY_TYPES[label]
            name = ent.text[4:] if ent.text.startswith("the ") else ent.text
            entity_id = f"{prefix}:{slug(name)}"
            entities.setdefault(entity_id, Entity(entity_id, name, kind, origin="text"))
            drafts.append((ent.start_char, ent.end_char, entity_id, "actor", None, "ner", CONFIDENCE["ner"]))
    for quote in quotes:
        if quote.speaker_name and quote.speaker_name not in speaker_ids:
            entity = registry.lookup(quote.speaker_name)
            if entity is not None:
                speaker_ids[quote.speaker_name] = entity.entity_id
                entities.setdefault(entity.entity_id, entity)
    return Resolved(tuple(entities.values()), _mentions(drafts, sentence_starts, doc.text), speaker_ids)


def _surnames_read_as_names(doc: Doc, matches: list[Match], persons: list[Person]) -> list[tuple[Person, Span]]:
    """A registry name standing alone that is the surname of a person named before it: after
    "Melton Lewis Paris, 51, was found shot", "Paris had been shot" is him, not France. The
    person must be plainly one (a title, a role, an age, three names), or the model must read the
    name standing alone as a person too ("Richmond native Jeff Hamilton … Hamilton will appear on
    national television" is not Bermuda's capital): the model also takes headlines for people
    ("Rethinking Egypt")."""
    named = {p.name.split()[-1]: p for p in persons if len(p.name.split()) > 1}
    found = []
    for match in matches:
        person = named.get(doc[match.start].text) if match.end - match.start == 1 else None
        if person is not None and not (_plainly_a_person(doc, person) or doc[match.start].ent_type_ == "PERSON"):
            person = None
        if person is not None and min(m.start for m in person.mentions) < match.start:
            found.append((person, match.span(doc)))
    return found


def _untagged_surnames(doc: Doc, persons: list[Person], covered: set[int]) -> list[tuple[Person, Span]]:
    """A surname standing alone that the model tagged as nothing, after the person was named in
    full: "The suspect, Michael Webb, … Officers arrested Webb in the hallway". Only the surname of
    one person of the article, written as a proper noun, outside any other name ("Webb Telescope")."""
    bearers: dict[str, list[Person]] = {}
    for person in persons:
        if len(person.name.split()) > 1 and person.mentions:
            bearers.setdefault(person.name.split()[-1], []).append(person)
    in_names = {i for ent in doc.ents for i in range(ent.start, ent.end)} | covered
    found = []
    for token in doc:
        owners = bearers.get(token.text)
        if not owners or len(owners) > 1 or token.i in in_names or token.tag_ != "NNP":
            continue
        if any(0 <= j < len(doc) and doc[j].tag_ in ("NNP", "NNPS") and doc[j].text[:1].isupper() for j in (token.i - 1, token.i + 1)):
            continue  # part of a longer name
        person = owners[0]
        if min(m.start for m in person.mentions) < token.i:
            found.append((person, doc[token.i:token.i + 1]))
    return found


def _plainly_a_person(doc: Doc, person: Person) -> bool:
    if person.role or person.titled or len(person.name.split()) > 2:
        return True
    return any(m.end + 2 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].like_num for m in person.mentions)  # "Tom Paris, 51,"


def _organisation_like(ent: Span) -> bool:
    """The small model tags many towns as ORG ("in Hasakah", "an Alton funeral director") and
    common nouns too ("the Council")."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
        return False
    if len(ent) == 1 and agent_of(ent[0]):
        return False
    if len(ent) == 1 and root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return False  # "An Alton funeral director": one capitalised word qualifying a noun, a town more often than a firm
    return any(t.text[:1].isupper() for t in ent if t.is_alpha)


def _institution(span: Span, name: Name) -> bool:
    """A seat of government the model reads as an organisation, not a city ("Obama slammed
    Congress", "criticised the Kremlin"), stands for its institution wherever it is not a place
    someone is in or goes to ("at the White House", "flew to the Kremlin")."""
    if name.kind != "metonym" or span.root.ent_type_ not in ("ORG", "NORP"):
        return False
    root = span.root
    if root.dep_ == "pobj":
        return root.head.lower_ not in PLACE_PREPOSITIONS and root.head.lower_ not in ("to", "from") and not _motion(root.head.head)
    return root.dep_ in ("dobj", "dative", "nsubj", "nsubjpass", "conj", "appos") and not (root.dep_ == "dobj" and _motion(root.head))


def _motion(token: Token) -> bool:
    return token.lemma_.lower() in MOTION


def _registry_mention(doc: Doc, registry: Registry, match: Match, on: date | None = None):
    name = _reading(match.names, registry)
    if name is None:
        return None
    entity = registry.entities[name.entity_id]
    span = match.span(doc)
    start, end = span.start_char, span.end_char
    rule = "fuzzy-alias" if match.rule == "fuzzy-alias" else ("demonym" if name.kind == "demonym" else "alias")
    code = entity.code
    if name.kind in ("capital", "metonym") and not metonymic_actor(span) and not _institution(span, name):
        return None  # a city as a place belongs to the geoparser, not to the actors
    if entity.type != "COUNTRY":
        sense = "actor"
        rule = "metonym" if name.kind == "metonym" else rule
        if entity.type == "PERSON":
            code = _person_code(entity, span, on)
    elif (head := agent_head(span)) is not None:
        code = registry.code_for(entity.entity_id, agent_of(head))
        if head.tag_ in ("NN", "NNP") and head.lemma_.lower() in ROLE_NOUNS:
            sense, rule = "reference", "demonym" if name.kind == "demonym" else "alias"  # "the Russian envoy" is a person
        else:
            end = head.idx + len(head.text)
            sense, rule = "actor", "agent-phrase"  # "Russian forces", "US authorities"
    elif name.kind in ("capital", "metonym"):
        sense, rule, code = "actor", "metonym", registry.code_for(entity.entity_id, name.agent or "GOV")
    elif name.kind == "demonym" and _a_surname(span):
        return None  # "'We cooperated,' French said": a person named French
    elif name.kind == "demonym":
        sense = "actor" if span.root.dep_ in SUBJECTS else "reference"
        if _counted_people(span):
            code = registry.code_for(entity.entity_id, "CVL")
    else:
        sense = sense_of(span)
    return (start, end, entity.entity_id, sense, code, rule, CONFIDENCE[rule])


# Demonyms that are also common surnames: standing alone as a subject ("'We cooperated,' French
# said"), they name a person. Others keep their country ("Russian has also offered", the seed).
SURNAME_DEMONYMS = frozenset("French English Welsh Irish German".split())


def _a_surname(span) -> bool:
    root = span.root
    return (len(span) == 1 and root.text in SURNAME_DEMONYMS and root.dep_ in SUBJECTS
            and not any(c.dep_ in ("det", "amod", "compound") for c in root.children))


def _counted_people(span) -> bool:
    """ "more than 100 Palestinians", "young Algerians": nationals counted or described are
    people (CVL); "the Palestinians" alone may be their nation or its leaders."""
    root = span.root
    if root.tag_ not in ("NNPS", "NNS"):
        return False
    if any(c.dep_ in ("nummod", "amod", "quantmod") or (c.dep_ == "compound" and c.i == root.i - 1 and c.lower_ in QUANTITY_WORDS | {"young", "old"})
           for c in root.children):
        return True
    counter = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None  # "thousands of Afghans"
    return counter is not None and (counter.like_num or counter.lemma_.lower() in QUANTITY_WORDS)


def _reading(names: tuple[Name, ...], registry: Registry) -> Name | None:
    """The one actor a matched name stands for; None when it stays ambiguous. A user's
    dictionary amends ours, so where it names a new actor with one of our names, its actor wins."""
    best = min(KIND_PREFERENCE.get(n.kind, 9) for n in names)
    chosen = {n.entity_id: n for n in names if KIND_PREFERENCE.get(n.kind, 9) == best}
    if len(chosen) > 1:
        users = {i: n for i, n in chosen.items() if "user:" in registry.entities[i].origin}
        chosen = users if len(users) == 1 else chosen
    return next(iter(chosen.values())) if len(chosen) == 1 else None


def _surname_of(ent: Span, persons: list[Person], entities: dict[str, Entity], speaker_ids: dict[str, str]) -> Entity | None:
    """The one person of the article whose surname a one-word name is."""
    found = _sole_bearer(ent.text, ((p.name, speaker_ids[p.name]) for p in persons)) if len(ent) == 1 else None
    return entities[found] if found is not None else None


def _sole_bearer(surname: str, named: Iterable[tuple[str, str]]) -> str | None:
    """The one entity id among (full name, id) pairs whose name of two words or more ends with the surname."""
    bearers = {entity_id for name, entity_id in named if " " in name and name.split()[-1] == surname}
    return bearers.pop() if len(bearers) == 1 else None


def _person_code(entity: Entity, span: Span, on: date | None) -> str | None:
    """A known person's code where named: "former president Carlos Menem", or candidate Trump in
    an article of 2016, is an elite of the country, not its government."""
    code = entity.code
    if code and code[3:6] in ELITE_WHEN_FORMER and (formerly(span) or not entity.holds_office_on(on)):
        return code[:3] + "ELI" + code[6:]
    return code


def _known_by_surname(person: Person, registry: Registry, actor_spans: list[tuple[Span, str]]) -> Entity | None:
    """ "Hillary Clinton … Clinton criticized": a surname standing alone is the one known person of
    the article who bears it. The registry matches "Clinton" alone to no one, since two presidents
    share it; with both named, it stays a person of the text."""
    if " " in person.name:
        return None
    known = ((registry.entities[entity_id].name, entity_id) for _, entity_id in actor_spans if registry.entities[entity_id].type == "PERSON")
    found = _sole_bearer(person.name, known)
    return registry.entities[found] if found is not None else None


def _person_entity(person: Person, registry: Registry, actor_spans: list[tuple[Span, str]]) -> Entity:
    affiliation = None
    found = affiliation_span(person, [(span, entity_id) for span, entity_id in actor_spans])
    if found is not None:
        span, agent = found
        entity_id = next(e for s, e in actor_spans if s == span)
        affiliation = registry.code_for(entity_id, agent)
    party = _us_party(person)
    if party is not None and (affiliation is None or affiliation.startswith("---")):
        affiliation = "USA" + affiliation[3:] if affiliation else f"USAPTY{party}"  # "Sen. Ted Cruz (R-Tex)": American
    aliases = tuple(dict.fromkeys(m.text for m in person.mentions if m.text != person.name))
    return Entity(person_id(person.name), person.name, "PERSON", aliases=aliases, role=person.role, affiliation=affiliation,
                  country=affiliation[:3] if affiliation and affiliation[:3].isupper() else None, origin="text")


# The American press writes a member of Congress's party and state after the name: "Sen. Ted Cruz
# (R-Tex)", "Lindsey Graham, R-S.C.,".
US_PARTY_TAG = re.compile(r"\s*[(,]\s*([RDI])\s?[-–]\s?[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,10})?\s*[),]")
US_PARTIES = {"R": "REP", "D": "DEM", "I": ""}


def _us_party(person: Person) -> str | None:
    for mention in person.mentions:
        found = US_PARTY_TAG.match(mention.doc.text, mention.end_char)
        if found:
            return US_PARTIES[found.group(1)]
    return None


def _speaker_mentions(quotes: list[Quote], speaker_ids: dict[str, str], entities: dict[str, Entity]):
    """"he", "the Russian envoy": speakers that attribution resolved to a named person."""
    drafts = []
    for quote in quotes:
        if quote.field != "text" or quote.speaker is None or quote.speaker_label != "PERSON":
            continue
        entity_id = speaker_ids.get(quote.speaker_name or "")
        if entity_id is None:
            continue
        rule = quote.chain[0].rule if quote.chain else "coreference"
        code = entities[entity_id].affiliation if entity_id in entities else None
        drafts.append((quote.speaker.start, quote.speaker.end, entity_id, "actor", code, f"coreference: {rule}", quote.confidence))
    return drafts


def _mentions(drafts, sentence_starts: list[int], text: str) -> tuple[EntityMention, ...]:
    taken: list[tuple[int, int, bool]] = []
    kept = []
    for start, end, entity_id, sense, code, rule, confidence in drafts:
        nominal = rule == "apposition" or rule.startswith("coreference")
        # The first reading of a span wins (registry, people, coreference, NER), but a
        # description may contain names: "the Russian envoy" (Kabulov) holds "Russian" (Russia).
        if any(start < e and s < end and ((s, e) == (start, end) or not (_nests(start, end, s, e) and (nominal or other))) for s, e, other in taken):
            continue
        taken.append((start, end, nominal))
        kept.append((start, end, entity_id, sense, code, rule, confidence))
    kept.sort(key=lambda d: (d[0], -d[1]))
    return tuple(
        EntityMention(i, TextSpan(start, end, text[start:end]), entity_id, sense, code, rule, max(0, bisect_right(sentence_starts, start) - 1), EXTRACTOR, round(confidence, 3))
        for i, (start, end, entity_id, sense, code, rule, confidence) in enumerate(kept)
    )


def _nests(start: int, end: int, other_start: int, other_end: int) -> bool:
    return (start <= other_start and other_end <= end) or (other_start <= start and end <= other_end)


def link_speakers(quotes: list[Quote], resolved: Resolved) -> list[Quote]:
    """Each quote's speaker as an entity id: "he" → person:zamir-kabulov, "Moscow" → russia."""
    linked = []
    for quote in quotes:
        entity_id = resolved.speaker_ids.get(quote.speaker_name or "") if quote.speaker_label == "PERSON" else None
        if entity_id is None and quote.speaker is not None and quote.field == "text":
            inside = [m for m in resolved.mentions if m.span.start >= quote.speaker.start and m.span.end <= quote.speaker.end]
            entity_id = inside[0].entity_id if len({m.entity_id for m in inside}) == 1 else None
        if entity_id is None and quote.speaker_name:
            entity_id = resolved.speaker_ids.get(quote.speaker_name)
        linked.append(replace(quote, speaker_entity=entity_id))
    return linked


def link_claims(quantities: list[Quantity], quotes: list[Quote], resolved: Resolved, registry: Registry) -> list[Quantity]:
    """Who claims a figure and whose it is, as entity ids."""
    by_index = {q.index: q for q in quotes}
    linked = []
    for quantity in quantities:
        claimed = by_index[quantity.quote].speaker_entity if quantity.quote is not None else None
        if claimed is None and quantity.quote is None and quantity.claimed_by:
            outlet = registry.lookup(quantity.claimed_by)
            claimed = outlet.entity_id if outlet is not None else None
        of = None
        if quantity.of:
            same = [m for m in resolved.mentions if m.sentence == quantity.sentence and m.span.text == quantity.of]
            of = same[0].entity_id if same else getattr(registry.lookup(quantity.of), "entity_id", None)
        if quantity.restates is not None and quantity.of is None:
            # "stronger than 10,000 troops" restates "more than 10,000 Daesh fighters": same whose, same where
            first = linked[quantity.restates]
            quantity = replace(quantity, of=first.of, where=quantity.where or first.where)
            of = first.of_entity
        linked.append(replace(quantity, claimed_by_entity=claimed, of_entity=of))
    return linked
