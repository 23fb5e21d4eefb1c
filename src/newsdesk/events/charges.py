"""Who did the act someone is charged with: the accused ("charged a teenager with killing
Welch", "the gunman accused of the killings", "arrested a man on a charge of assault")."""

from __future__ import annotations

from spacy.tokens import Token

ACCUSING = frozenset("charge accuse suspect convict indict blame arrest sentence prosecute".split())
CHARGES = frozenset("charge count accusation allegation suspicion".split())
# "a charge of evading detention", "resisting arrest": the offence is escaping the act, not doing it.
EVADING = frozenset("evade evading resist resisting escape escaping flee fleeing avoid avoiding obstruct obstructing".split())


def accused_of(noun: Token) -> Token | None:
    """ "arrested a man on a charge of sexual assault", "the gunman accused of the killings",
    "charged in the assaults": the one charged did it."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in", "with", "for")):
        return None
    if any(c.dep_ in ("amod", "compound") and c.lower_ in EVADING for c in noun.children):
        return None
    verb = noun.head.head
    if verb.lemma_.lower() in CHARGES and noun.head.lower_ == "of":
        while verb.dep_ in ("pobj", "prep") and verb.head.i != verb.i:
            verb = verb.head
    return the_accused(verb) if verb.lemma_.lower() in ACCUSING else None


def the_accused(accusing: Token) -> Token | None:
    """Who is charged or accused: the object, the passive subject, the subject of a bare
    participle ("Woman accused of attacking people") or the noun it describes ("the gunman
    accused of the killings")."""
    found = next((c for c in accusing.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if found is None and not any(c.dep_ in ("aux", "auxpass") for c in accusing.children):
        found = next((c for c in accusing.children if c.dep_ == "nsubj"), None)  # a headline's "X accused of …"
        if found is None and accusing.dep_ == "acl":
            found = accusing.head
    return found
