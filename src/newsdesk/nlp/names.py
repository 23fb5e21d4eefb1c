"""Whether two mentions of a personal name can name one person, and what the text says of its gender."""

from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Span

HONORIFICS = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f"}
GENDERED_NOUNS = {
    **dict.fromkeys("man boy father husband son brother uncle grandfather businessman spokesman chairman congressman "
                    "councilman alderman king prince sheikh emir gentleman boyfriend".split(), "m"),
    **dict.fromkeys("woman girl mother wife daughter sister aunt grandmother businesswoman spokeswoman chairwoman "
                    "congresswoman councilwoman queen princess lady girlfriend".split(), "f"),
}
PERSONAL_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}
# Titles a name may be written with, and not part of it: "Sens. Jeff Merkley" is Jeff Merkley.
NAME_TITLES = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame gen. col. lt. sgt. capt. prof. rev. sen. sens. rep. reps. gov.".split())


def same_person(name: str, mention: str) -> bool:
    """The same surname and no other first name: "Colleen Williams" is not "Charles S. Williams",
    "C. Williams" may be either, and a bare "Williams" may be any Williams (the caller decides which)."""
    words, other = name.split(), mention.split()
    if not words or not other or words[-1] != other[-1]:
        return False
    if len(words) == 1 or len(other) == 1:
        return True
    # any given name in common: a title the model took into the name ("Restaurateur Bill Sohovich") stays harmless
    return any(_compatible(a.rstrip("."), b.rstrip(".")) for a in words[:-1] for b in other[:-1])


def _compatible(given: str, other: str) -> bool:
    return given == other or (min(len(given), len(other)) == 1 and given[:1] == other[:1])


@cache
def given_name_genders() -> dict[str, str]:
    """Given names that almost always name a man or a woman (``data/given-names.yaml``)."""
    data = yaml.safe_load(resources.files("newsdesk.nlp").joinpath("data", "given-names.yaml").read_text(encoding="utf-8"))
    return {name: gender for gender in ("m", "f") for name in data[gender]}


def gender_clues(name: Span) -> set[str]:
    """What the words of a person's name and around it say of their gender: an honorific before
    it ("Mr. Obama"), a gendered noun in apposition or as its title ("spokeswoman Jessica Ditto"),
    a given name borne by one sex ("Hillary Clinton"; a lone "Ali" may be a surname)."""
    doc = name.doc
    clues = {HONORIFICS[t.lower_] for t in name[:1] if t.lower_ in HONORIFICS}
    if name.start > 0 and doc[name.start - 1].lower_ in HONORIFICS:
        clues.add(HONORIFICS[doc[name.start - 1].lower_])
    genders = given_name_genders()
    # the first given name of the list before the surname: "President Barack Obama", "Hillary Rodham Clinton"
    given = next((genders[t.lower_] for t in name[:-1] if t.is_title and t.lower_ in genders), None)
    if given is not None:
        clues.add(given)
    related = [name.root.head] if name.root.dep_ == "appos" else []
    related += [c for t in name for c in t.children if c.dep_ in ("appos", "compound", "amod") and not name.start <= c.i < name.end]
    return clues | {GENDERED_NOUNS[t.lemma_.lower()] for t in related if t.lemma_.lower() in GENDERED_NOUNS}


def pronoun_after(name: Span) -> str | None:
    """The gender of the first he, she, his or her after a name in its sentence, a subject or a
    possessor, not an object ("scolded him": him is someone else). It tells the name's gender only
    where the sentence names no one else ("Smith, 34, was arrested at his home"): the caller knows
    who else is named."""
    pronoun = next((t for t in name.doc[name.end:name.sent.end] if t.lower_ in PERSONAL_GENDER and t.pos_ == "PRON"
                    and t.dep_ in ("nsubj", "nsubjpass", "poss")), None)
    return PERSONAL_GENDER[pronoun.lower_] if pronoun is not None else None


def without_titles(name: str) -> str:
    """A name without the titles before it and a possessive after it: "Sens. Jeff Merkley",
    "Tom Joyner's"."""
    for suffix in ("'s", "’s"):
        name = name.removesuffix(suffix)
    words = name.split()
    while len(words) > 1 and words[0].lower() in NAME_TITLES:
        words = words[1:]
    return " ".join(words)
