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

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .registry import Name, Registry

FUZZY_LABELS = ("ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC")
FUZZY_MIN_LENGTH = 6
PLACE_OR_NAME_LABELS = frozenset({"PERSON", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW"})
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


@lru_cache(maxsize=8)
def _matchers(registry_key: str, names: tuple[Name, ...], vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, list[Name]]]:
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
    exact, folded, by_key = _matchers(registry.key, registry.names, doc.vocab)
    found: list[Match] = []
    for key, start, end in exact(doc):
        found.append(Match(start, end, tuple(by_key[key]), "alias"))
    for key, start, end in folded(doc):
        if any(t.text[:1].isupper() for t in doc[start:end]):
            found.append(Match(start, end, tuple(by_key[key]), "alias"))
    kept = [m for m in _longest_first(found) if _plausible(doc, registry, m)]
    replaced: list[Match] = []
    fuzzy = _fuzzy(doc, registry, kept, replaced)
    kept = [m for m in kept if m not in replaced] + fuzzy
    return sorted(kept, key=lambda m: m.start)


def _longest_first(matches: list[Match]) -> list[Match]:
    taken: set[int] = set()
    kept = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if taken.isdisjoint(range(match.start, match.end)):
            kept.append(match)
            taken.update(range(match.start, match.end))
    return kept


def _plausible(doc: Doc, registry: Registry, match: Match) -> bool:
    span = doc[match.start:match.end]
    text = span.text
    if text.isupper() and len(text) <= 6 and _shouting(span.sent):
        return False
    kinds = {n.kind for n in match.names}
    if len(span) == 1 and not text.isupper() and kinds.isdisjoint({"demonym"}):
        token = span[0]
        if token.pos_ != "PROPN" and not token.ent_type_:
            return False  # "Dawn" opening a sentence, "Amal" as a word
    around = [e for e in doc.ents if e.start <= match.start and match.end <= e.end and len(e) > len(span)]
    country_like = all(n.kind in ("capital", "metonym") or registry.entities[n.entity_id].type == "COUNTRY" for n in match.names)
    if country_like and any(e.label_ in PLACE_OR_NAME_LABELS for e in around):
        return False  # "Denzel Washington", "the Gulf of Oman", "the US Open"
    if not country_like and len(span) == 1 and any(e.label_ in ("ORG", "PERSON") for e in around):
        return False  # "Fateh" inside "Jaysh Al-Fateh": part of another name
    return True


def _shouting(sentence: Span) -> bool:
    words = [t for t in sentence if t.is_alpha and len(t) > 1]
    return bool(words) and sum(t.is_upper for t in words) / len(words) > SHOUTING


def _fuzzy(doc: Doc, registry: Registry, kept: list[Match], replaced: list[Match]) -> list[Match]:
    index = _fuzzy_index(registry.key, registry.names)
    extra: list[Match] = []
    for span in _name_like_spans(doc):
        inside = [m for m in kept if span.start <= m.start and m.end <= span.end]
        crossing = [m for m in kept if m.start < span.end and span.start < m.end and m not in inside]
        if crossing or any(m.end - m.start == len(span) for m in inside) or any(e.start < span.end and span.start < e.end for e in extra):
            continue  # a name already matched, or one crossing the span's edge
        text = span.text
        if len(text) < FUZZY_MIN_LENGTH:
            continue
        budget = 1 if len(text) < 10 else 2
        close = [
            n for n in index.get(text[0].lower(), ())
            if abs(len(n.text) - len(text)) <= budget and _distance(n.text.lower(), text.lower(), budget) <= budget
        ]
        if close and len({n.entity_id for n in close}) == 1:
            extra.append(Match(span.start, span.end, tuple(close), "fuzzy-alias"))
            replaced.extend(inside)  # "RIA" inside "RIA Novositi" gives way to the whole name
    return extra


def _name_like_spans(doc: Doc) -> list[Span]:
    """The model's named entities, and runs of proper nouns it did not tag as one."""
    spans = [_trim(ent) for ent in doc.ents if ent.label_ in FUZZY_LABELS]
    run_start = None
    for token in [*doc, None]:
        if token is not None and token.pos_ == "PROPN" and token.text[:1].isupper():
            run_start = token.i if run_start is None else run_start
            continue
        if run_start is not None:
            end = token.i if token is not None else len(doc)
            if end - run_start > 1:
                spans.append(doc[run_start:end])
            run_start = None
    return spans


@lru_cache(maxsize=8)
def _fuzzy_index(registry_key: str, names: tuple[Name, ...]) -> dict[str, list[Name]]:
    index: dict[str, list[Name]] = {}
    for name in names:
        if name.kind in ("name", "alias") and len(name.text) >= FUZZY_MIN_LENGTH:
            index.setdefault(name.text[0].lower(), []).append(name)
    return index


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
