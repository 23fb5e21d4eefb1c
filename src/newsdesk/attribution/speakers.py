"""A focused speaker resolver: who is "he", "the Russian envoy", "Kabulov"?

No general coreference model runs offline here, so speakers are resolved by
rules that cover how news names its sources. Each quote keeps the chain of
steps that led to its speaker, so an analyst can check it.

Rules, in order:

1. **name** — the speaker phrase contains a PERSON mention: that person; a
   surname alone ("Kabulov") takes the fullest form of the name in the article
   ("Zamir Kabulov") (*surname*).
2. **entity** — the phrase is an organisation, country or group ("the army",
   "Moscow", "the UN"): that entity as written.
3. **pronoun** — he/she: the subject of its own sentence named before it outside quotes;
   else the main subject of the sentence before, when the text gives that person the
   pronoun's gender; else the last person who spoke, within the last three paragraphs; else
   the last person named before it. A person the text gives the other gender ("Mr.", "Ms.",
   "spokeswoman", a he or she that could only be them) is passed over.
4. **role** — a description ("the Russian envoy", "the special
   representative"): the person last described with a matching role noun
   (apposition or title before the name: "A Special Representative …, Zamir
   Kabulov", "army spokesman Colonel X"); else, for a person-role noun, the last
   person who spoke (*role-salience*, lower confidence).
5. **relative pronoun** — "who", "that", "which" heading a relative clause: the noun the
   clause describes ("three members who voted against …"), resolved by these rules.
6. **continuation** — a quoted paragraph with no cue: the previous quote's speaker.

Anything else keeps the phrase as written ("a local official", "residents").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..nlp.names import gender_clues, pronoun_after, same_person, without_titles
from ..records import SpeakerLink, TextSpan
from .candidate import Candidate

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
RELATIVES = frozenset({"who", "that", "which"})
ROLE_SYNONYMS = {
    "envoy": {"envoy", "representative", "ambassador", "diplomat", "emissary"},
    "representative": {"representative", "envoy"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
}
ROLE_NOUNS = frozenset(
    """
    envoy representative ambassador diplomat emissary minister secretary president premier chancellor
    spokesman spokeswoman spokesperson official officer commander general colonel major captain chief
    director head leader chairman chairwoman chair mayor governor senator lawmaker congressman
    congresswoman legislator candidate nominee adviser advisor aide analyst expert researcher professor
    correspondent reporter editor founder executive ceo manager coordinator negotiator mediator
    king queen prince sheikh emir cleric imam bishop pope judge prosecutor lawyer attorney
    strategist consultant activist economist historian scientist doctor physician witness resident farmer
    teacher student voter supporter critic owner worker employee member organizer organiser pollster
    sheriff deputy detective trooper sergeant lieutenant inspector commissioner councilman councilwoman
    alderman superintendent warden liaison counsel staffer speaker
    """.split()
)
RECENT_PARAGRAPHS = 3
SUBJECTS = ("nsubj", "nsubjpass")


@dataclass
class Person:
    name: str
    seen: list[int] = field(default_factory=list)  # start offsets of its mentions
    roles: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)  # m | f, as the text gives them; two is none

    @property
    def gender(self) -> str | None:
        return next(iter(self.genders)) if len(self.genders) == 1 else None

    def last_before(self, offset: int) -> int | None:
        earlier = [s for s in self.seen if s < offset]
        return max(earlier) if earlier else None


@dataclass
class Resolution:
    name: str | None
    label: str | None
    chain: tuple[SpeakerLink, ...]
    confidence: float


class SpeakerResolver:
    """Resolves the speakers of one article's quotes, in text order."""

    def __init__(self, doc: Doc, paragraph_starts: list[int]) -> None:
        self.doc = doc
        self.paragraph_starts = paragraph_starts
        self.persons = _people(doc)
        self.last_direct: Resolution | None = None
        self.last_report: Resolution | None = None  # the last quote's speaker, direct or reported speech
        self.last_person_speaker: tuple[Resolution, int] | None = None
        self.last_role_speaker: Resolution | None = None  # "the EU's foreign policy chief"

    def resolve(self, candidate: Candidate) -> Resolution:
        previous = self.last_report if candidate.follows_report else self.last_direct
        if candidate.continues_previous and previous is not None:
            link = SpeakerLink(TextSpan(*candidate.content, "(quoted paragraph without a cue)"), "continuation")
            resolution = Resolution(previous.name, previous.label, (link, *previous.chain), previous.confidence * 0.95)
        elif candidate.speaker is None:
            resolution = Resolution(None, None, (), 0.5)
        else:
            resolution = self._resolve_span(candidate.speaker)
            said = PRONOUNS.get(candidate.speaker.root.lower_)
            if said and resolution.label == "PERSON" and (person := self.persons.get(resolution.name or "")) and not person.genders:
                person.genders.add(said)  # "“…,” she said": the one she stands for is a woman from now on
        if resolution.name:
            if candidate.kind == "direct":
                self.last_direct = resolution
            if candidate.kind in ("direct", "indirect"):
                self.last_report = resolution
            if resolution.label == "PERSON":
                self.last_person_speaker = (resolution, candidate.content[0])
                self.last_role_speaker = None
            elif resolution.label == "NOMINAL" and candidate.speaker is not None and candidate.speaker.root.lemma_.lower() in ROLE_NOUNS:
                self.last_role_speaker = resolution
        return resolution

    def _resolve_span(self, span: Span) -> Resolution:
        span = _without_dateline(span)
        link = lambda rule: SpeakerLink(TextSpan(span.start_char, span.end_char, span.text), rule)  # noqa: E731
        # the person must head the phrase: "Obama's former strategist" is not Obama
        person = next((e for e in span.ents if e.label_ == "PERSON" and e.start <= span.root.i < e.end), None)
        if person is not None:
            full = self._full_name(person.text, next(iter(clues)) if len(clues := gender_clues(person)) == 1 else None)
            rule = "name" if full == person.text else "surname"
            chain = (link(rule),) if rule == "name" else (link(rule), SpeakerLink(TextSpan(-1, -1, full), "full name in article"))
            return Resolution(full, "PERSON", chain, 0.95)
        if span.text.isupper() and (full := self._full_name(span.text.title())) != span.text.title():
            # a transcript's label ("PENCE:") names someone the article names in full
            return Resolution(full, "PERSON", (link("surname"), SpeakerLink(TextSpan(-1, -1, full), "full name in article")), 0.9)
        head = span.root
        if head.lower_ in PRONOUNS:
            return self._pronoun(span, link)
        if head.lower_ in RELATIVES and head.head.dep_ == "relcl" and head.head.head.pos_ in ("NOUN", "PROPN"):
            # "three members who voted against the act": who the relative clause is about
            found = self._resolve_span(_own_words(head.head.head))
            return Resolution(found.name, found.label, (link("relative pronoun → its noun"), *found.chain), found.confidence)
        entity = next((e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC") and e.root == head), None)
        if entity is not None:
            return Resolution(entity.text, entity.label_, (link("entity"),), 0.9)
        if head.lemma_.lower() in ROLE_NOUNS:
            named = self._apposed_name(span)
            if named is not None:
                full = self._full_name(named.text)
                return Resolution(full, "PERSON", (link("role"), SpeakerLink(TextSpan(named.start_char, named.end_char, named.text), "apposition")), 0.9)
            if span[0].lower_ in ("a", "an", "another", "one", "some", "several"):
                return Resolution(span.text, "NOMINAL", (link("new referent, as written"),), 0.7)  # never a known person
            if head.tag_ in ("NNS", "NNPS"):
                return Resolution(span.text, "NOMINAL", (link("a group, as written"),), 0.7)  # "Senior United Russia officials": no one person
            return self._role(span, head.lemma_.lower(), link)
        if head.pos_ == "PRON":
            return Resolution(None, None, (link("unresolved pronoun"),), 0.4)
        return Resolution(span.text, "NOMINAL", (link("as written"),), 0.7)

    def _pronoun(self, span: Span, link) -> Resolution:
        wanted = PRONOUNS[span.root.lower_]
        if (named := self._named_just_before(span, wanted)) is not None:
            return Resolution(named.name, "PERSON", (link("pronoun → person named just before"),), 0.85)
        if self.last_role_speaker is not None:
            previous = self.last_role_speaker
            return Resolution(previous.name, "NOMINAL", (link("pronoun → last speaker"), *previous.chain), 0.75)
        if self.last_person_speaker is not None:
            previous, at = self.last_person_speaker
            if self._paragraph(span.start_char) - self._paragraph(at) <= RECENT_PARAGRAPHS and self._may_be(previous.name, wanted):
                return Resolution(previous.name, "PERSON", (link("pronoun → last speaker"), *previous.chain), min(previous.confidence, 0.85))
        before = [p for p in self.persons.values() if p.last_before(span.start_char) is not None and p.gender in (None, wanted)]
        if before:
            person = max(before, key=lambda p: p.last_before(span.start_char))
            return Resolution(person.name, "PERSON", (link("pronoun → last person named"),), 0.7)
        return Resolution(None, None, (link("unresolved pronoun"),), 0.4)

    def _named_just_before(self, pronoun: Span, wanted: str) -> Person | None:
        """The person a he or she most likely continues: the subject of its own sentence, named
        before it outside the quote ("Sen. Claire McCaskill scolded him: “…,” she said"), else the
        subject of the sentence before ("Ivanka Trump … noted the rule. She said …"); of the same gender."""
        sentence = pronoun.sent
        here = [e for e in sentence.ents if e.label_ == "PERSON" and e.end <= pronoun.start and _a_subject(e) and not _quoted(e)]
        for ent in sorted(here, key=lambda e: e.start, reverse=True):
            person = self.persons.get(self._full_name(ent.text))
            if person is not None and person.gender in (None, wanted):
                return person
        if here or sentence.start == 0:
            return None
        # the sentence before only when it says the gender: a bare "he" after a quote goes on with its speaker
        before = pronoun.doc[sentence.start - 1].sent
        for ent in (e for e in before.ents if e.label_ == "PERSON" and _a_subject(e, main=True) and not _quoted(e)):
            person = self.persons.get(self._full_name(ent.text))
            if person is not None and person.gender == wanted:
                return person
        return None

    def _role(self, span: Span, role: str, link) -> Resolution:
        wanted = ROLE_SYNONYMS.get(role, {role})
        described = [p for p in self.persons.values() if p.roles & wanted and p.last_before(span.end_char) is not None]
        if described:
            person = max(described, key=lambda p: p.last_before(span.end_char))
            return Resolution(person.name, "PERSON", (link(f"role '{role}' → {person.name}"),), 0.85)
        if self.last_person_speaker is not None:
            previous, _ = self.last_person_speaker
            return Resolution(previous.name, "PERSON", (link(f"role '{role}' → last speaker"), *previous.chain), 0.6)
        return Resolution(span.text, "NOMINAL", (link("as written"),), 0.6)

    def _apposed_name(self, span: Span) -> Span | None:
        """"A Special Representative …, Zamir Kabulov has claimed": the name right after the role."""
        doc = span.doc
        after = span.end
        if after < len(doc) and doc[after].text == ",":
            after += 1
        return next((e for e in doc.ents if e.label_ == "PERSON" and e.start == after), None)

    def _may_be(self, name: str | None, gender: str) -> bool:
        person = self.persons.get(name or "")
        return person is None or person.gender in (None, gender)

    def _full_name(self, name: str, gender: str | None = None) -> str:
        """The fullest form of a name in the article; a bare surname is the first so named, of the
        gender its honorific gives ("Mr. Obama" is not Michelle Obama)."""
        name = without_titles(name)
        matches = [p for p in self.persons.values() if same_person(p.name.lower(), name.lower()) and len(p.name) >= len(name)
                   and (gender is None or p.gender in (None, gender))]
        return min(matches, key=lambda p: p.seen[0]).name if matches else name

    def _paragraph(self, offset: int) -> int:
        return sum(1 for start in self.paragraph_starts if start <= offset) - 1


def _people(doc: Doc) -> dict[str, Person]:
    """Every person named in the article, by full name, with the roles the text gives them."""
    persons: dict[str, Person] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not ent.text[0].isupper():
            continue
        name = without_titles(ent.text)
        clues = gender_clues(ent)
        if not any(e.label_ == "PERSON" and e.start != ent.start for e in ent.sent.ents) and (said := pronoun_after(ent)):
            clues.add(said)
        known = next((p for p in persons.values() if same_person(p.name, name) and not (clues and p.gender and p.gender not in clues)), None)
        if known is None:
            known = persons.setdefault(name, Person(name))
        elif len(name) > len(known.name) and _fuller(name, known.name):
            persons.pop(known.name)
            known.name = name
            persons[known.name] = known
        known.seen.append(ent.start_char)
        known.roles |= _roles_near(ent)
        known.genders |= clues
    return persons


def _quoted(name: Span) -> bool:
    """A name inside quotation marks (curly, straight or doubled apostrophes) opened on its line."""
    text = name.doc.text
    line = text[text.rfind("\n", 0, name.start_char) + 1:name.start_char]
    doubled = line.count("''")
    return line.count("“") > line.count("”") or (line.count('"') + doubled) % 2 == 1


def _own_words(noun: Token) -> Span:
    """A noun with what comes before it, up to the first clause that describes it: "three members"
    of "three members who voted against …"."""
    clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.i > noun.i), None)
    end = clause.left_edge.i if clause is not None else noun.i + 1
    return noun.doc[noun.left_edge.i:max(end, noun.i + 1)]


def _without_dateline(span: Span) -> Span:
    """"WASHINGTON -- President Obama": the place a story was filed from is not the speaker."""
    dash = next((t for t in span if t.text in ("--", "—", "–")), None)
    if dash is None or dash.i + 1 >= span.end or not all(t.is_upper or t.is_punct or t.is_space for t in span.doc[span.start:dash.i]):
        return span
    return span.doc[dash.i + 1:span.end]


def _a_subject(name: Span, main: bool = False) -> bool:
    """A name that is its clause's subject, or in apposition to it ("The minister, Mr. Guajardo,
    argues"); with ``main``, of its sentence's main clause."""
    root = name.root
    subject = root.head if root.dep_ == "appos" else root
    return subject.dep_ in SUBJECTS and (not main or subject.head.dep_ == "ROOT")


def _fuller(name: str, known: str) -> bool:
    """A fuller form of a known name: given names added to a surname ("Clinton" → "Hillary
    Clinton"), or a middle name; not a nickname before a full name ("Crooked Hillary Clinton")."""
    words, known_words = name.split(), known.split()
    return len(known_words) == 1 or words[0] == known_words[0]


def _roles_near(ent: Span) -> set[str]:
    """Role nouns in apposition to a name, or in the title just before it."""
    roles = set()
    root = ent.root
    related = [root.head] if root.dep_ == "appos" else []
    related += [child for child in root.children if child.dep_ in ("appos", "compound", "amod")]
    related += [t for t in ent.sent if t.dep_ == "appos" and t.head.i in range(ent.start, ent.end)]
    for token in related:
        if token.lemma_.lower() in ROLE_NOUNS:
            roles.add(token.lemma_.lower())
    # "A Special Representative to …, Zamir Kabulov": the phrase before the name, up to a verb
    for token in reversed(list(ent.doc[max(ent.sent.start, ent.start - 10):ent.start])):
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.lemma_.lower() in ROLE_NOUNS and token.dep_ != "pobj":
            roles.add(token.lemma_.lower())
    return roles
