"""Who a "them" in an event's role stands for, when only one group can be meant.

"Israel accused Hamas of firing rockets and threatened them with retaliation": them is Hamas.
Plural pronouns are the commonest way an article names a party the second time, and the riskiest
to guess, so the rule is narrow. Only the object "them" is resolved: a "they" as subject would
bring in events of its own, and those ("they will ease your pain") were mostly no events in the
development articles. The pronoun stands for a group only when exactly one group is
named before it in its own sentence, or else (when that names none) in the sentence before.

A group is an organisation, an armed group, a party, a people ("Palestinians") or an agent noun
in the plural ("rebels", "police officers", "the protesters"). A country alone is not one
("it", not "they", stands for a state in news English), nor a place. A person named in those
words, or a plural noun of people ("two men"), counts as a candidate too, so that "them" after
"Smith and Jones" or "two suspects" stays unresolved rather than going to an organisation named
beside them. An object pronoun never stands for its own verb's subject ("Israel … threatened
them"); a pronoun inside a direct quote is left alone: the quote speaks of its own world.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..entities.sense import agent_of
from ..records import EntityMention

PLURAL_PRONOUNS = frozenset({"them"})
COLLECTIVES = frozenset({"police"})  # plural in sense, singular in form
PAIRS = frozenset("pair couple trio duo both".split())  # people the rule will not choose between
OBJECTS = ("dobj", "dative", "pobj")
SENTENCES_BACK = 1


def group_referent(pronoun: Token, mention_at: Callable[[Token], EntityMention | None], is_person: Callable[[EntityMention], bool],
                   in_quote: Callable[[Token], bool]) -> Token | None:
    """The head word of the one group a they/them can stand for, or None.

    ``mention_at`` gives the actor mention covering a token, ``is_person`` whether a mention names
    a person, ``in_quote`` whether a token lies inside a direct quote."""
    if pronoun.lower_ not in PLURAL_PRONOUNS or pronoun.dep_ not in OBJECTS or in_quote(pronoun):
        return None
    excluded = _own_subjects(pronoun)
    sentence = pronoun.sent
    for _ in range(SENTENCES_BACK + 1):
        found = _groups_before(sentence, pronoun, mention_at, is_person, excluded)
        if found:
            keys = {key for key, _ in found}
            return found[-1][1] if len(keys) == 1 and None not in keys else None
        if sentence.start == 0:
            return None
        sentence = sentence.doc[sentence.start - 1].sent
    return None


def _groups_before(sentence: Span, pronoun: Token, mention_at, is_person, excluded: set[int]) -> list[tuple[str | None, Token]]:
    """Candidates in the sentence before the pronoun, each with a key saying who it is (None: a
    person or people the rule will not choose between)."""
    found: list[tuple[str | None, Token]] = []
    seen: set[str] = set()
    for token in sentence:
        if token.i >= pronoun.i:
            break
        if token.i in excluded or token.pos_ == "PRON":
            continue
        mention = mention_at(token)
        if mention is not None:
            if mention.sense == "place" or mention.entity_id in seen or _modifies_group(token):
                continue
            if is_person(mention):
                seen.add(mention.entity_id)
                found.append((None, token))
            elif len(mention.code or "") != 3 or token.tag_ == "NNPS":
                seen.add(mention.entity_id)
                found.append((mention.entity_id, token))
            elif (first := _first_of_states(token, mention_at)) is not None:
                seen.add(mention.entity_id)
                if not any(key == f"states:{first.i}" for key, _ in found):
                    found.append((f"states:{first.i}", first))
            continue
        if token.lower_ in PAIRS:
            found.append((None, token))
            continue
        if token.tag_ == "NNS" or token.lower_ in COLLECTIVES:
            if token.dep_ == "compound" or token.ent_type_:
                continue
            agent = agent_of(token)
            if agent is None:
                continue
            found.append((None if agent == "CVL" else f"{agent}:{token.lemma_.lower()}", token))
    return found


def _first_of_states(token: Token, mention_at) -> Token | None:
    """The first of several states named together ("Europe, Japan, Canada and Mexico"), who are
    a "them" as one; None for a state named alone."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    fellows = [first, *first.conjuncts]
    states = [t for t in fellows if (m := mention_at(t)) is not None and len(m.code or "") == 3]
    return states[0] if len(fellows) > 1 and token in states else None


def _modifies_group(token: Token) -> bool:
    """ "Israeli forces", "Hamas fighters": the noun they modify is the candidate."""
    head = token.head
    return token.dep_ in ("amod", "compound", "poss", "nmod") and (head.tag_ == "NNS" or head.lower_ in COLLECTIVES) and agent_of(head) is not None


def _own_subjects(pronoun: Token) -> set[int]:
    """The tokens of the subjects of the verb an object pronoun depends on, shared along a coordination."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    while True:
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or verb.dep_ != "conj" or verb.head.i == verb.i:
            return {t.i for s in found for t in s.subtree}
        verb = verb.head
