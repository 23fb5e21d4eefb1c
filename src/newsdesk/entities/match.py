"""Finding registry names in a parsed article, including ones the model misses.

Names are matched on the article's own tokens with spaCy's PhraseMatcher:
exact case for every name (so "IS" and "US" never match "is" and "us"), any
case for names of two words or more ("Haqqani Network"). Overlaps keep the
longest name ("IS (Daesh)" over "IS"). A named entity the model found but no
name matched gets a second chance by spelling: one or two edits from a
registry name ("RIA Novositi" → RIA Novosti).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from spacy.symbols import PROPN
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .registry import Name, Registry
from .sense import agent_of

FUZZY_LABELS = ("ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC")
FUZZY_MIN_LENGTH = 6
PLACE_OR_NAME_LABELS = frozenset({"PERSON", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW"})
REGION_WORDS = frozenset("north south east west northern southern eastern western central northeastern northwestern "
                         "southeastern southwestern north-eastern north-western south-eastern south-western".split())
SHOUTING = 0.5  # share of upper-case words above which acronyms are not trusted (headlines in capitals)


@dataclass(frozen=True)
class Match:
    start: int  # token indices in the Doc
    end: int
    names: tuple[Name, ...]
    rule: str  # alias | fuzzy-alias

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


@lru_cache(maxsize=1)
def _tokenizer():
    return spacy.blank("en").tokenizer


_MATCHERS: dict[tuple[str, int], tuple[PhraseMatcher, PhraseMatcher, dict[int, list[Name]]]] = {}
_FUZZY: dict[str, dict[tuple[str, int], list[Name]]] = {}


def _matchers(registry: Registry, vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, list[Name]]]:
    """Built once per registry and vocabulary (per process), on first use."""
    key = (registry.key, id(vocab))
    if key not in _MATCHERS:
        _MATCHERS[key] = _build_matchers(registry.names, vocab)
    return _MATCHERS[key]


def _build_matchers(names: tuple[Name, ...], vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, list[Name]]]:
    tokenize = _tokenizer()
    exact = PhraseMatcher(vocab, attr="ORTH")
    folded = PhraseMatcher(vocab, attr="LOWER")
    by_key: dict[int, list[Name]] = {}
    patterns: dict[str, Doc] = {}
    for name in names:
        if name.text not in patterns:
            words = [t.text for t in tokenize(name.text)]
            patterns[name.text] = Doc(vocab, words=words)
        key = vocab.strings.add(name.text)
        by_key.setdefault(key, []).append(name)
    for text, pattern in patterns.items():
        exact.add(text, [pattern])
        if len(pattern) > 1 and not text.isupper():
            folded.add("~" + text, [pattern])
            by_key.setdefault(vocab.strings.add("~" + text), by_key[vocab.strings[text]])
    return exact, folded, by_key


def find_names(doc: Doc, registry: Registry) -> list[Match]:
    exact, folded, by_key = _matchers(registry, doc.vocab)
    found: list[Match] = []
    for key, start, end in exact(doc):
        found.append(Match(start, end, tuple(by_key[key]), "alias"))
    for key, start, end in folded(doc):
        if any(t.text[:1].isupper() for t in doc[start:end]):
            found.append(Match(start, end, tuple(by_key[key]), "alias"))
    found = [m for m in found if not _inside_a_new_name(doc, m)]
    negated = [m for m in found if _negated_name(doc, m)]
    context = _Context(doc)
    kept = [m for m in _longest_first(found) if _plausible(doc, context, registry, m)]
    kept = [m for m in kept if not _part_of_another_name(context, registry, m, kept)]
    replaced: list[Match] = []
    fuzzy = _fuzzy(doc, registry, kept, replaced)
    kept = [m for m in kept if m not in replaced] + [m for m in fuzzy if not _addressed(doc, registry, m)]
    kept = [m for m in kept if not any(n.start < m.end and m.start < n.end for n in negated)]  # nor a name inside it, nor one found again by fuzzy matching
    return sorted(kept, key=lambda m: m.start)


def _addressed(doc: Doc, registry: Registry, match: Match) -> bool:
    """ "Mr. Wagner", "Ms. Jordan", "Dr. Paris": a person so called, not the group, country or city."""
    return (match.start > 0 and doc[match.start - 1].lower_.rstrip(".") in HONORIFICS
            and not any(registry.entities[n.entity_id].type == "PERSON" for n in match.names))


def _inside_a_new_name(doc: Doc, match: Match) -> bool:
    """ "New Mexico", "New Jersey", "New South Wales", "New England": the place named after another
    is not it (a registry name that starts with "New" is matched whole, and wins as the longer)."""
    return match.start > 0 and doc[match.start - 1].text == "New"


OTHER_NAMES = frozenset("ORG FAC PRODUCT WORK_OF_ART EVENT".split())
# Bodies of one state: named with another state ("the Georgian Conservative Party") they are that state's own.
NATIONAL_BODIES = frozenset("PARTY GOVERNMENT MILITARY INTELLIGENCE POLICE".split())
NAME_GLUE = frozenset("the of and for & 's ’s".split())


def _part_of_another_name(context: _Context, registry: Registry, match: Match, matches: list[Match]) -> bool:
    """ "the Peoples Democratic Party", "the Georgian Conservative Party": an organisation of ours
    named inside the name of one the registry does not know is not it, when another country is
    named with it, or the other words of the name say no institution of it ("the US Justice
    Department" is two names of ours). A country's name inside another stays its country: "the
    Rwandan Patriotic Front" is Rwanda's."""
    if any(registry.entities[n.entity_id].type == "COUNTRY" for n in match.names):
        return False
    name = context.ent_at.get(match.start)
    around = (name.start, name.end) if name is not None and name.label_ in OTHER_NAMES else (match.start, match.end)
    with_it = [m for m in matches if m is not match and (around[0] <= m.start and m.end <= around[1] or m.end == match.start)]
    states = {_state(registry, n) for m in with_it for n in m.names if registry.entities[n.entity_id].type == "COUNTRY"}
    national = [n for n in match.names if registry.entities[n.entity_id].type in NATIONAL_BODIES]
    if states and national and not states & {_state(registry, n) for n in national}:
        return True  # "the Georgian Conservative Party" is Georgia's, not Britain's
    if name is None or name.label_ not in OTHER_NAMES or (name.start, name.end) == (match.start, match.end):
        return False
    if not (name.start <= match.start and match.end <= name.end):
        return False
    ours = {i for m in matches for i in range(m.start, m.end)}
    rest = [t for t in name if t.i not in ours and t.is_alpha and t.lower_ not in NAME_GLUE]
    return bool(rest) and not any(agent_of(t) for t in rest)


def _state(registry: Registry, name: Name) -> str:
    return (registry.entities[name.entity_id].code or "")[:3]


def _negated_name(doc: Doc, match: Match) -> bool:
    """ "a non-United Russia candidate", "non-NATO states": named as what it is not."""
    before = [t.lower_ for t in doc[max(0, match.start - 2):match.start]]
    return before[-2:] == ["non", "-"] or before[-1:] == ["non-"]


class _Context:
    """Per-document facts the checks share: the entity around each token, shouting sentences."""

    def __init__(self, doc: Doc) -> None:
        self.ent_at: dict[int, Span] = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self._shouting: dict[int, bool] = {}

    def shouting(self, sentence: Span) -> bool:
        if sentence.start not in self._shouting:
            words = [t for t in sentence if t.is_alpha and len(t) > 1]
            self._shouting[sentence.start] = bool(words) and sum(t.is_upper for t in words) / len(words) > SHOUTING
        return self._shouting[sentence.start]


def _longest_first(matches: list[Match]) -> list[Match]:
    taken: set[int] = set()
    kept = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if taken.isdisjoint(range(match.start, match.end)):
            kept.append(match)
            taken.update(range(match.start, match.end))
    return kept


# Forms of address that only come before a person's name.
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame madam prof".split())


def _plausible(doc: Doc, context: _Context, registry: Registry, match: Match) -> bool:
    length = match.end - match.start
    token = doc[match.start]
    text = token.text if length == 1 else doc[match.start:match.end].text
    if text.isupper() and len(text) <= 6 and context.shouting(token.sent):
        return False
    if length == 1 and not text.isupper() and all(n.kind != "demonym" for n in match.names):
        if token.pos_ != "PROPN" and not token.ent_type_:
            return False  # "Dawn" opening a sentence, "Amal" as a word
    if _addressed(doc, registry, match):
        return False
    ent = context.ent_at.get(match.start)
    if ent is None or not (match.end <= ent.end and len(ent) > length):
        return True
    country_like = all(n.kind in ("capital", "metonym") or registry.entities[n.entity_id].type == "COUNTRY" for n in match.names)
    if country_like and match.end == ent.end and all(t.lower_ in REGION_WORDS for t in doc[ent.start:match.start]):
        return True  # "Western Cambodia", "Southern Sudan": a part of the country, named with it
    if country_like and ent.label_ in PLACE_OR_NAME_LABELS:
        return False  # "Denzel Washington", "the Gulf of Oman", "the US Open"
    if not country_like and length == 1 and ent.label_ in ("ORG", "PERSON"):
        return False  # "Fateh" inside "Jaysh Al-Fateh": part of another name
    return True


def _fuzzy(doc: Doc, registry: Registry, kept: list[Match], replaced: list[Match]) -> list[Match]:
    _fuzzy_index(registry)  # built once per registry; _close_names reads it
    match_at = {i: m for m in kept for i in range(m.start, m.end)}
    extra: list[Match] = []
    taken: set[int] = set()
    for span in _name_like_spans(doc):
        if len(span.text) < FUZZY_MIN_LENGTH or not taken.isdisjoint(range(span.start, span.end)):
            continue
        inside = {match_at[i] for i in range(span.start, span.end) if i in match_at}
        if any(m.start < span.start or m.end > span.end or m.end - m.start == len(span) for m in inside):
            continue  # a name already matched, or one crossing the span's edge
        close = _close_names(registry.key, span.text)
        if close and len({n.entity_id for n in close}) == 1 and _plausible_misspelling(registry, span, close[0]):
            extra.append(Match(span.start, span.end, tuple(close), "fuzzy-alias"))
            taken.update(range(span.start, span.end))
            replaced.extend(inside)  # "RIA" inside "RIA Novositi" gives way to the whole name
    return extra


def _plausible_misspelling(registry: Registry, span: Span, name: Name) -> bool:
    """A misspelt or transliterated name ("RIA Novositi", "Laurent Gbago", "Assayish"), not a
    different name a letter or two away: a lone word near a person's name is as often another
    person ("Markel" is not Merkel), and a country's near-namesake is usually a real place
    ("Columbia", South Carolina; "Jordon" a first name), so countries match their listed names only."""
    if span.text.lower() == name.text.lower():
        return True  # only the case differs ("iSrael", "AFGHANISTAN")
    kind = registry.entities[name.entity_id].type
    return kind != "COUNTRY" and (len(span) > 1 or kind != "PERSON")


def _name_like_spans(doc: Doc) -> list[Span]:
    """The model's named entities, and runs of proper nouns it did not tag as one."""
    spans = [_trim(ent) for ent in doc.ents if ent.label_ in FUZZY_LABELS]
    if not len(doc):
        return spans
    pos, title, upper = doc.to_array(["POS", "IS_TITLE", "IS_UPPER"]).T  # one pass in C
    proper = (pos == PROPN) & ((title == 1) | (upper == 1))
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], proper.astype(numpy.int8), [0]))))
    for start, end in zip(edges[::2], edges[1::2]):
        if end - start > 1:
            spans.append(doc[int(start):int(end)])
    return spans


def _fuzzy_index(registry: Registry) -> dict[tuple[str, int], list[Name]]:
    """Names by first letter and length: a spelling variant is looked for among a few dozen."""
    if registry.key not in _FUZZY:
        index: dict[tuple[str, int], list[Name]] = {}
        for name in registry.names:
            if name.kind in ("name", "alias") and len(name.text) >= FUZZY_MIN_LENGTH:
                index.setdefault((name.text[0].lower(), len(name.text)), []).append(name)
        _FUZZY[registry.key] = index
    return _FUZZY[registry.key]


@lru_cache(maxsize=50_000)
def _close_names(registry_key: str, text: str) -> tuple[Name, ...]:
    """Names one or two edits from ``text``; names recur across articles, so answers are kept."""
    index = _FUZZY[registry_key]
    budget = 1 if len(text) < 10 else 2
    lowered = text.lower()
    letters = set(lowered)
    close = []
    for length in range(len(text) - budget, len(text) + budget + 1):
        for name in index.get((lowered[0], length), ()):
            candidate = name.text.lower()
            if len(letters.symmetric_difference(candidate)) > 2 * budget:
                continue  # cheap: too many letters differ for a few edits
            if _distance(candidate, lowered, budget) <= budget:
                close.append(name)
    return tuple(close)


def _trim(ent: Span) -> Span:
    start, end = ent.start, ent.end
    if ent[0].lower_ == "the" and end - start > 1:
        start += 1
    if ent[-1].tag_ == "POS" and end - start > 1:
        end -= 1
    return ent.doc[start:end]


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (limit + 1) as soon as it must exceed the limit."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
