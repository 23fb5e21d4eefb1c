"""Who a pronoun in an event's role stands for: "Police arrested John Smith. He was charged …".

Crime and court reports name a person once and then say "he", "her", "him"; without this the
one arrested or charged is lost. The speaker resolver (``attribution/speakers.py``) answers the
same question for speakers only; this one answers it for the roles of events, by rules:

- **I / me** inside a direct quote: the quote's speaker ("'I shot her,' Clark said").
- **he / she / him / her**: the person named most recently before it, looking in its own
  sentence and then up to two sentences back; within a sentence subjects come first (a pronoun
  continues the topic), then proximity. A person whose gender the text gives must agree: "Mr.",
  "Ms.", a gendered noun ("businesswoman"), the only he/she/his/her of the sentence that names
  them alone, or a he/she that could stand for no one else. An object pronoun never stands for
  its own verb's subject ("Smith shot him"), and a third-person pronoun inside a direct quote
  never stands for the one quoted. (A pronoun in "X said he …" is X: ``roles.py`` asks that
  first.) When those sentences name nobody, a he or she goes on with the nearest earlier he or
  she of the same gender there, and stands for whoever that one stands for ("Yevdokimov served …
  he denied … he said … officials accused him").

A person the text describes but never names is one too, when the description introduces them
("A 24-year-old woman was found with a gun … Police arrested her": the woman, ---CVL): a
singular noun of one person ("woman", "suspect", "officer") with "a", "an", a number or nothing
before it. A definite description ("the woman") is the one an earlier "a woman" introduced when no
one was named in between, and anyone before the article names someone; otherwise it is someone
the resolver cannot name, who still stands nearer than anyone earlier and so leaves the pronoun
unresolved ("turning on the officer and striking him"). A description that is a named person's
apposition ("John Smith, a teacher") is that person, and a predicate ("Smith is a teacher", "worked as
a nurse", "It was a mother of four she murdered") says what someone is: neither is another person.

Anything else ("they", "it", "them", a pronoun with no person before it) stays unresolved: no
actor rather than a guess. The resolved actor keeps the pronoun as its span and the name or
description it stands for as its ``antecedent``, so the analyst sees both.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..entities.sense import agent_of
from ..nlp.names import GENDERED_NOUNS, PERSONAL_GENDER, gender_clues, pronoun_after
from ..records import EntityMention, Quote, TextSpan

GENDER_OF_PRONOUN = {"he": "m", "him": "m", "she": "f", "her": "f"}
FIRST_PERSON = frozenset({"i", "me"})
RESOLVABLE = FIRST_PERSON | GENDER_OF_PRONOUN.keys()
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "obj"})
SENTENCES_BACK = 2
# Agent nouns that name one person (not "police", "family", "crowd"): a description a pronoun may stand for.
INDIVIDUALS = frozenset(
    "woman man teen teenager boy girl youth driver motorist pedestrian passenger victim neighbor neighbour customer "
    "shopper homeowner tenant juvenile female male adult person individual bystander passerby wife husband mother father "
    "son daughter infant toddler baby child resident citizen villager protester demonstrator migrant civilian "
    "suspect criminal robber burglar thief smuggler trafficker kidnapper inmate convict prisoner fugitive shoplifter "
    "carjacker arsonist murderer killer dealer policeman policewoman officer detective sheriff deputy trooper agent "
    "soldier commander marine rebel insurgent militant fighter gunman militiaman extremist terrorist journalist reporter "
    "businessman worker farmer student teacher doctor nurse priest imam cleric president minister governor mayor "
    "spokesman spokeswoman official leader ambassador envoy diplomat judge prosecutor senator lawmaker legislator".split())
INDEFINITE = frozenset("a an another one".split())
# A named person's mention, or the head noun of a description; an unknown one (a Span) is a
# person the text points to ("the officer") without saying who.
Referent = EntityMention | Token | Span


@dataclass
class Antecedents:
    """The article's people, with what the text says of their gender, for resolving pronouns."""

    doc: Doc
    people: list[tuple[EntityMention, Span]]  # person mentions in text order, with their tokens
    quotes: tuple[Quote, ...] = ()
    genders: dict[str, str] = field(default_factory=dict)  # referent key → m | f
    described: list[tuple[Token | Span, Span]] = field(default_factory=list)  # people described, not named
    resolved: dict[int, EntityMention | Token | None] = field(default_factory=dict)  # pronoun index → what it stands for, once asked

    @cached_property
    def referents(self) -> list[tuple[Referent, Span]]:
        """Named and described people in text order, each with the words that mention them."""
        return sorted([*self.people, *self.described], key=lambda rs: rs[1].start_char)

    @classmethod
    def of(cls, doc: Doc, mentions: tuple[EntityMention, ...], names: dict[str, tuple[str, str, str | None]],
           quotes: tuple[Quote, ...] = ()) -> Antecedents:
        """``names``: entity id → name, type, role, as the actor layer gives them."""
        people = []
        for mention in mentions:
            if names.get(mention.entity_id, ("", ""))[1] != "PERSON" or mention.sense == "place" or mention.span.text.lower() in RESOLVABLE:
                continue
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is not None and len(span):
                people.append((mention, span))
        people = sorted(people + _surnames_unrecognised(doc, people), key=lambda ms: ms[0].span.start)
        found = cls(doc, people, tuple(q for q in quotes if q.kind == "direct" and q.field == "text"),
                    described=_descriptions(doc, people))
        found.genders = _genders(people) | {_key(r): GENDERED_NOUNS[span.root.lemma_.lower()] for r, span in found.described
                                            if span.root.lemma_.lower() in GENDERED_NOUNS}
        found._learn_genders()
        return found

    def resolve(self, pronoun: Token, possessive: bool = False) -> EntityMention | Token | None:
        """The named person's mention, or the head noun of the description, a pronoun stands for;
        ``possessive``: also a his/her ("rejected his offer"), which is otherwise left alone."""
        word = pronoun.lower_
        quote = self._quote_around(pronoun)
        if word in FIRST_PERSON:
            return self._speaker(quote) if quote is not None else None
        candidates = self._candidates(pronoun, quote, possessive)
        if not candidates:
            return self._continued(pronoun, quote, possessive)
        nearest_sentence = candidates[0][1].sent.start == pronoun.sent.start
        # a subject continues the topic; then, in the pronoun's sentence the nearest, before it the first
        found = max(candidates, key=lambda rs: (rs[1].root.dep_ in ("nsubj", "nsubjpass"), rs[1].start_char if nearest_sentence else -rs[1].start_char))[0]
        return None if isinstance(found, Span) else found

    def _continued(self, pronoun: Token, quote: Quote | None, possessive: bool) -> EntityMention | Token | None:
        """A he or she that goes on with an earlier one when nobody is named in between: "Yevdokimov
        … had served as governor … In an interview, he denied … he said … officials had accused him":
        the nearest he (or she) of the same gender in the sentences looked at, outside quotes,
        stands for the same person, when that one stands for someone."""
        wanted = (PERSONAL_GENDER if possessive else GENDER_OF_PRONOUN).get(pronoun.lower_)
        if wanted is None or (pronoun.dep_ == "poss") != possessive or quote is not None:
            return None
        earliest = pronoun.sent
        for _ in range(SENTENCES_BACK):
            if earliest.start == 0:
                break
            earliest = _previous(earliest)
        excluded = {_key(r) for r, span in self.referents if span.root in _subjects(pronoun)} if pronoun.dep_ in OBJECT_DEPS else set()
        for earlier in reversed(self.doc[earliest.start:pronoun.i]):
            if (GENDER_OF_PRONOUN.get(earlier.lower_) != wanted or earlier.dep_ == "poss" or earlier.pos_ != "PRON"
                    or self._quote_around(earlier) is not None):
                continue
            if earlier.i not in self.resolved:
                self.resolved[earlier.i] = self.resolve(earlier)
            found = self.resolved[earlier.i]
            return found if found is not None and _key(found) not in excluded else None
        return None

    def _candidates(self, pronoun: Token, quote: Quote | None, possessive: bool = False) -> list[tuple[Referent, Span]]:
        """The people a he/she/him/her may stand for, in the nearest sentence that names or describes any."""
        wanted = (PERSONAL_GENDER if possessive else GENDER_OF_PRONOUN).get(pronoun.lower_)
        if wanted is None or (pronoun.dep_ == "poss") != possessive:
            return []
        excluded = {quote.speaker_entity} if quote is not None else set()
        referents = self.referents
        if pronoun.dep_ in OBJECT_DEPS:
            excluded |= {_key(r) for r, span in referents if span.root in _subjects(pronoun)}
        sentence = pronoun.sent
        for _ in range(SENTENCES_BACK + 1):
            here = [(r, span) for r, span in referents
                    if sentence.start_char <= span.start_char < sentence.end_char and span.end_char <= pronoun.idx
                    and _key(r) not in excluded and self.genders.get(_key(r), wanted) == wanted]
            if here or sentence.start == 0:
                return here
            sentence = _previous(sentence)
        return []

    def _learn_genders(self) -> None:
        """A he or she with one person it can stand for tells that person's gender, which then
        decides later pronouns: "Judge O'Brien said … she ordered him sent … the crimes he is
        charged with" (he is not the judge)."""
        for token in self.doc:
            wanted = GENDER_OF_PRONOUN.get(token.lower_)
            if wanted is None or token.dep_ == "poss":
                continue
            candidates = {_key(r) for r, _ in self._candidates(token, self._quote_around(token))}
            if len(candidates) == 1:
                self.genders.setdefault(next(iter(candidates)), wanted)

    def _quote_around(self, token: Token) -> Quote | None:
        return next((q for q in self.quotes if q.content.start <= token.idx < q.content.end), None)

    def _speaker(self, quote: Quote) -> EntityMention | None:
        if quote.speaker_entity is None:
            return None
        return next((m for m, _ in self.people if m.entity_id == quote.speaker_entity), None)


def _key(referent: Referent) -> str:
    if isinstance(referent, EntityMention):
        return referent.entity_id
    return f"described:{referent.i}" if isinstance(referent, Token) else f"unknown:{referent.start}"


def _descriptions(doc: Doc, people: list[tuple[EntityMention, Span]]) -> list[tuple[Token | Span, Span]]:
    """People the text describes and does not name, each mention with the description that
    introduced it: "a 24-year-old woman … detained the woman"; "the suspect" before anyone is named."""
    named = {t.i for _, span in people for t in span}
    first_named = min((span.start for _, span in people), default=len(doc))
    introduced: dict[str, Token] = {}
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if (token.tag_ != "NN" or lemma not in INDIVIDUALS or token.i in named or token.dep_ in ("compound", "attr")
                or (token.dep_ == "pobj" and token.head.lower_ == "as")
                or agent_of(token) is None or _a_named_person(token, named)):
            continue
        determiner = next((c.lower_ for c in token.children if c.dep_ in ("det", "nummod") and c.i < token.i), None)
        if determiner is None or determiner in INDEFINITE or token.i < first_named:
            introduced[lemma] = token
            found.append((token, doc[token.i:token.i + 1]))
        elif determiner in ("the", "this", "that"):
            # "the officer" with no "an officer" before, or with someone named since ("a gunman …
            # Robert Stewart … the gunman"), is someone the resolver cannot name; it still stands
            # nearer than anyone named earlier ("turning on the officer and striking him")
            earlier = introduced.get(lemma)
            if earlier is None or any(earlier.i < span.start < token.i for _, span in people):
                earlier = doc[token.i:token.i + 1]
            found.append((earlier, doc[token.i:token.i + 1]))
    return found


def _a_named_person(token: Token, named: set[int]) -> bool:
    """ "John Smith, a teacher", "a teacher, John Smith", "Officer Smith"."""
    if any(c.dep_ in ("appos", "compound", "flat") and c.i in named for c in token.children):
        return True
    if token.dep_ == "appos" and token.head.i in named:
        return True
    return False


def _subjects(pronoun: Token) -> list[Token]:
    """The subjects of the verb an object pronoun depends on, shared along a coordination
    ("Miller appeared from the bushes and shot her")."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    while True:
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or verb.dep_ != "conj" or verb.head.i == verb.i:
            return found
        verb = verb.head


def _surnames_unrecognised(doc: Doc, people: list[tuple[EntityMention, Span]]) -> list[tuple[EntityMention, Span]]:
    """A surname the model did not tag again ("Vasquez later led detectives …") is still that
    person, when one person of the article bears it."""
    bearers: dict[str, set[str]] = {}
    first: dict[str, EntityMention] = {}
    for mention, span in people:
        if mention.rule == "person" and len(span) > 1 and span[-1].is_title:
            bearers.setdefault(span[-1].text, set()).add(mention.entity_id)
            first.setdefault(mention.entity_id, mention)
    covered = {t.i for _, span in people for t in span}
    found = []
    for token in doc:
        owners = bearers.get(token.text)
        if owners and len(owners) == 1 and token.i not in covered and token.pos_ in ("PROPN", "NOUN"):
            mention = first[next(iter(owners))]
            span = doc[token.i:token.i + 1]
            found.append((replace(mention, span=TextSpan(token.idx, token.idx + len(token.text), token.text), rule="surname"), span))
    return found


def _previous(sentence: Span) -> Span:
    return sentence.doc[sentence.start - 1].sent


def _genders(people: list[tuple[EntityMention, Span]]) -> dict[str, str]:
    """What the text says of each person's gender; a person it says two things of has none."""
    said: dict[str, set[str]] = {}
    named_in = {}
    for mention, span in people:
        named_in.setdefault(span.sent.start, set()).add(mention.entity_id)
    for mention, span in people:
        clues = gender_clues(span)
        if named_in[span.sent.start] == {mention.entity_id} and (pronoun := pronoun_after(span)):
            clues.add(pronoun)  # "Smith, 34, was arrested at his home"
        said.setdefault(mention.entity_id, set()).update(clues)
    return {entity: next(iter(clues)) for entity, clues in said.items() if len(clues) == 1}
