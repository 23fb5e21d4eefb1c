"""People named in an article: one entity per person, with role and affiliation.

"Zamir Kabulov" and "Kabulov" are one person (the fullest form names them).
The role comes from an apposition or title ("A Special Representative to
Russian President on Afghanistan, Zamir Kabulov" → representative; "army
spokesman Colonel X" → spokesman), the affiliation from an actor inside that
phrase or a possessive ("Russia's envoy" → RUSGOV, "Taliban spokesman" →
the Taliban's code). Across articles the store merges a surname-only person
into the one full name that ends with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..attribution.speakers import ROLE_NOUNS
from ..nlp.names import same_person
from .registry import slug
from .sense import EMPLOYERS, FORMER, INSTITUTIONS, PLACE_NOUNS, PLACE_PREPOSITIONS, TOPIC_PREPOSITIONS, agent_nouns, agent_of, dateline, role_sector

# Abbreviated titles that name a role: "Sen. Westrom", "Capt. Steve Juge".
TITLE_ROLES = {"sen.": "senator", "sen": "senator", "rep.": "lawmaker", "rep": "lawmaker", "gov.": "governor", "gen.": "general",
               "col.": "colonel", "lt.": "lieutenant", "sgt.": "sergeant", "capt.": "captain", "adm.": "admiral",
               "det.": "detective", "insp.": "inspector", "supt.": "superintendent", "amb.": "ambassador"}
TITLES = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady gen. gen col. col lt. sgt. capt. prof. rev. sen. rep. gov.".split())
COMPANY_MARKS = frozenset("inc inc. corp corp. co. llc ltd ltd. plc company corporation".split())
ROLE_WINDOW = 12  # tokens before a name searched for its title phrase


@dataclass
class Person:
    name: str
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    role_phrases: list[Span] = field(default_factory=list)  # "A Special Representative …" before ", Zamir Kabulov"
    titled: bool = False  # "Mr. Smith"

    @property
    def entity_id(self) -> str:
        return person_id(self.name)


def person_id(name: str) -> str:
    return "person:" + slug(name)


def people(doc: Doc, excluded: set[int], speakers: set[str] = frozenset()) -> list[Person]:
    """Persons from the model's PERSON mentions; tokens in ``excluded`` belong to registry actors.

    A one-word name where a place would stand ("in Garissa", "Misrata city")
    needs support: a fuller form ending with it, a title or role, or a quote it
    speaks. The small model tags many towns as PERSON.
    """
    persons: list[Person] = []
    for ent in doc.ents:
        if name_kind(ent) != "PERSON" or excluded.intersection(range(ent.start, ent.end)):
            continue
        span = _clean(ent)
        if span is None:
            continue
        known = next((p for p in persons if same_person(p.name, span.text)), None)  # a bare surname: the first so named
        if known is None:
            known = Person(span.text)
            persons.append(known)
        elif len(span.text) > len(known.name):
            known.name = span.text
        known.mentions.append(span)
        role, phrase = _role(span)
        if role and (known.role is None or role_sector(known.role) is None and role_sector(role)):
            known.role = role  # "Sgt. David Collins" … "Collins, a trained crisis negotiator": the role that names a sector
        if phrase is not None:
            known.role_phrases.append(phrase)
        if span.start > 0 and doc[span.start - 1].lower_ in TITLES:
            known.titled = True
            known.role = known.role or TITLE_ROLES.get(doc[span.start - 1].lower_)
    return [p for p in persons if len(p.name.split()) > 1 or p.role or p.titled or p.name in speakers or not all(_place_like(m) for m in p.mentions)]


# Words that end an organisation's name: "Nasser Institute", "Jimmy Carter Center".
ORGANISATION_WORDS = frozenset("party front movement league committee commission association institute foundation alliance "
                               "organisation organization society center centre fund trust club university".split())


def name_kind(ent: Span) -> str:
    """The model's label of a name, corrected where the small model is known to slip: a name it
    tags PERSON that ends in an organisation's word is an organisation ("the President Nasser
    Institute"); one it tags ORG right after a title is a person ("Vice-President Moody Awori")."""
    if ent.label_ == "PERSON" and ent[-1].lemma_.lower() in ORGANISATION_WORDS and ent[-1].is_title:
        return "ORG"
    if ent.label_ == "ORG" and _titled_name(ent):
        return "PERSON"
    return ent.label_


def _titled_name(ent: Span) -> bool:
    """Two or three capitalised words right after a capitalised title that modifies them, none
    an agent noun or an organisation's word."""
    if ent.start == 0 or not 2 <= len(ent) <= 3:
        return False
    title = ent.doc[ent.start - 1]
    if not title.text[:1].isupper() or not (title.lemma_.lower() in ROLE_NOUNS or title.lower_ in TITLES) or title.head.i not in range(ent.start, ent.end):
        return False
    return all(t.pos_ == "PROPN" and t.is_title and not agent_of(t) and t.lemma_.lower() not in ORGANISATION_WORDS for t in ent)


def _place_like(mention: Span) -> bool:
    """ "in Garissa", "Misrata city", "CLINTON —": a one-word "person" where places stand."""
    root = mention.root
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
        return True
    following = mention.doc[mention.end] if mention.end < len(mention.doc) else None
    return dateline(mention) or following is not None and following.lemma_.lower() in PLACE_NOUNS


def affiliation_span(person: Person, actor_spans: list[tuple[Span, str | None]]) -> tuple[Span, str | None] | None:
    """The actor named in a person's title phrase or apposition, with the agent of the role."""
    for phrase in person.role_phrases:
        for span, code in actor_spans:
            if phrase.start <= span.start and span.end <= phrase.end and not _under_topic(span, phrase):
                role_token = next((t for t in phrase if t.lemma_.lower() in ROLE_NOUNS), None)
                return span, (agent_of(role_token) if role_token is not None else None) or "GOV"
    return None


def _under_topic(span: Span, phrase: Span) -> bool:
    """"Representative … on Afghanistan": Afghanistan is the topic, not the employer."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in TOPIC_PREPOSITIONS and phrase.start <= head.i < phrase.end


def _clean(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].lower_ in TITLES or ent.doc[start].lemma_.lower() in ROLE_NOUNS):
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or not ent.doc[end - 1].text[:1].isalpha()):
        end -= 1
    span = ent.doc[start:end]
    if not span or not span.text[:1].isupper() or any(t.is_digit for t in span):
        return None
    return span


def _role(name: Span) -> tuple[str | None, Span | None]:
    """The role noun and the title phrase of one mention of a name."""
    root = name.root
    related: list[Token] = [root.head] if root.dep_ == "appos" else []
    related += [c for c in root.children if c.dep_ in ("appos", "compound", "amod") and not (name.start <= c.i < name.end)]
    for token in related:
        if token.lemma_.lower() in ROLE_NOUNS:
            return _two_word_role(token), _title_phrase(token, name) if token.head == root and token.i < name.start else _phrase(token)
    doc = name.doc
    # "A Special Representative to Russian President on Afghanistan, Zamir Kabulov"
    window_start = max(name.sent.start, name.start - ROLE_WINDOW)
    phrase_start = None
    role = None
    for token in reversed(doc[window_start:name.start]):
        if token.pos_ in ("VERB", "AUX") or token.text in ('"', "“", "”", ";", ":"):
            break
        if token.lemma_.lower() in ROLE_NOUNS and token.dep_ != "pobj":
            role = _two_word_role(token)
            phrase_start = token.left_edge.i if token.left_edge.i >= window_start else token.i
    if role is None:
        return None, None
    end = name.start - 1 if doc[name.start - 1].text == "," else name.start
    return role, doc[phrase_start:end] if phrase_start < end else None


def _two_word_role(token: Token) -> str:
    """ "Attorney General" is a prosecutor's office, not a general; "Prime Minister" a head of
    government; an "opposition leader" leads the opposition; a "former president" no longer governs."""
    role = token.lemma_.lower()
    if token.i > 0:
        before = token.doc[token.i - 1]
        pair = f"{before.lemma_.lower()} {token.lemma_.lower()}"
        institution = agent_of(before) if before.dep_ in ("compound", "amod") else None
        if pair in agent_nouns() or (institution in INSTITUTIONS and (institution not in EMPLOYERS or role in agent_nouns())):
            role = pair
    if agent_nouns().get(role) == "GOV" and (employer := _company_word(token)):
        role = f"{employer} {role}"
    return f"former {role}" if formerly(token.doc[token.i:token.i + 1]) else role


def _company_word(role: Token) -> str | None:
    """The word saying that the employer named with an executive's title is a company: "vice
    president of Hartman & Tyner Inc." is a company's, "United Bank Charleston Market President" a bank's."""
    nouns = agent_nouns()
    words = [t for c in role.children if c.i < role.i and c.dep_ in ("compound", "nmod") for t in c.subtree]
    words += [t for p in role.children if p.dep_ == "prep" and p.lower_ in ("of", "at") for t in p.subtree]
    for word in words:
        if word.lower_ in COMPANY_MARKS:
            return "company"
        if nouns.get(word.lemma_.lower()) == "BUS":
            return word.lemma_.lower()
    return None


def formerly(name: Span) -> bool:
    """Whether the title just before a name or role noun says the office is past: "former president
    Carlos Menem", "Former Pakistani Prime Minister Nawaz Sharif", "ex-president Taylor"."""
    for token in reversed(name.doc[max(name.sent.start, name.start - 5):name.start]):
        if token.lower_ in FORMER:
            return True
        if token.pos_ not in ("PROPN", "NOUN", "ADJ") and token.text != "-":
            return False
    return False


def _title_phrase(title: Token, name: Span) -> Span:
    """ "Kenya's Vice-President Moody Awori": a flat parse hangs the owner and the title's words
    on the name itself, so the title phrase is all the name's modifiers before it."""
    modifiers = [c for c in name.root.lefts if c.i < name.start and c.dep_ in ("compound", "amod", "poss", "nmod")]
    return name.doc[min(c.left_edge.i for c in modifiers + [title]):name.start]


def _phrase(token: Token) -> Span:
    return token.doc[token.left_edge.i:token.right_edge.i + 1]
