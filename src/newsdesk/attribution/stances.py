"""Stances: an attitude to a thing rather than a reported clause ("called for a ceasefire",
"has been critical of Trump", "has been endorsed by dozens of papers")."""

from __future__ import annotations

from spacy.tokens import Token

from .candidate import Candidate, inside_any
from .cues import EVIDENCE
from .phrases import noun_phrase, reports_on_its_own, subject, verb_group

# Cues whose object is what was perceived, found or done rather than a position taken
# ("police saw the tweet", "the poll shows Trump leading", "continues his campaign"): they
# attribute a clause ("saw that …"), never their object.
NO_STANCE = EVIDENCE | frozenset("see continue add address answer issue decide consider assume determine".split())


def attitude(adjective: Token, passages: list[tuple[int, int]]) -> Candidate | None:
    """A copula and an attitude adjective with what it is about: a clause, an infinitive or an object."""
    verb = adjective.head
    speaker = subject(verb)
    if speaker is None:
        return None
    about = next((c for c in adjective.children if c.dep_ in ("ccomp", "xcomp") and c.i > adjective.i), None)
    preposition = None
    if about is None:
        preposition = next((c for c in adjective.children if c.dep_ == "prep" and c.i == adjective.i + 1 and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
        if preposition is None:
            return None
        about = preposition
    tokens = sorted(about.subtree, key=lambda t: t.i)[1 if preposition is not None else 0:]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens or preposition is None and len(tokens) < 2:
        return None
    content = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    if inside_any(content, [(s - 1, e + 1) for s, e in passages]):
        return None
    first = verb.doc[min(verb.i, adjective.i)]
    group_start = verb_group(verb)[0] if verb.i < adjective.i else first.idx
    last = preposition or adjective
    kind = "indirect" if about.dep_ == "ccomp" else "stance"
    return Candidate(kind, content, adjective, speaker, None, cue_text=(group_start, last.idx + len(last.text)))


ADDRESSING = frozenset("tell inform assure brief warn ask urge remind".split())
STANCE_PREPOSITIONS = ("for", "on", "about", "against", "of", "to", "with")
# "spoke to reporters", "talked with Putin", "spoke for five minutes": after a verb of talking these
# name whom it was said to, with or for how long; what was said follows "about", "of", "on", "against"
TALKING = frozenset("speak talk chat testify".split())
TALKED_TO = frozenset("to with for".split())


def stance_object(verb: Token) -> tuple[tuple[int, int], Token | None] | None:
    """What a stance is about: an infinitive ("wants to expand"), an object, or a prepositional
    object (returned with its preposition, which belongs to the cue: "called for")."""
    for deps in (("xcomp",), ("dobj",), ("prep",)):
        for child in verb.children:
            if child.dep_ not in deps or child.dep_ == "dobj" and verb.lemma_ in ADDRESSING:
                continue  # "told reporters": the object is the addressee, not what was said
            if child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if child.lower_ not in STANCE_PREPOSITIONS or not objects or not _next_to(verb, child):
                    continue
                if verb.lemma_.lower() in TALKING and child.lower_ in TALKED_TO:
                    continue
            # The object and what the verb goes on to say of it: "called the charges unsubstantiated",
            # "blasted the media for being dishonest"; a coordinated verb is a statement of its own.
            rest = [c for c in verb.children if c.i >= child.i and not reports_on_its_own(c)
                    and (c.dep_ not in ("conj", "cc", "punct", "parataxis") or _goes_on(c, child))]
            tokens = sorted((t for c in rest for t in c.subtree), key=lambda t: t.i)
            if child.dep_ == "prep":
                tokens = tokens[1:]
            while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
                tokens.pop()
            if tokens and tokens[-1].pos_ == "CCONJ":
                # "declined to threaten Moscow or even directly declare it responsible": the parse left
                # the second half on the verb; without it the coordinator dangles
                rest = next((c for c in verb.children if c.dep_ in ("advcl", "conj") and c.left_edge.i == tokens[-1].i + 1), None)
                tokens = tokens + sorted(rest.subtree, key=lambda t: t.i) if rest is not None else tokens[:-1]
                while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
                    tokens.pop()
            if len(tokens) >= 2:
                return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)), (child if child.dep_ == "prep" else None)
    return None


def _goes_on(conjunct: Token, complement: Token) -> bool:
    """"wants to triple the program, grow the Peace Corps and create …": an infinitive's conjuncts
    that the parse hung on the governing verb (same bare form, no subject of their own)."""
    return (
        complement.dep_ == "xcomp" and conjunct.dep_ == "conj" and conjunct.tag_ == complement.tag_ != conjunct.head.tag_
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children)
    )


def passive_stance(verb: Token) -> Candidate | None:
    """"has been endorsed by dozens of papers", "was criticized by Republicans": the agent takes the
    stance, and what it is about is the passive subject."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if by is None or patient is None or patient.pos_ == "PRON" and patient.lower_ in ("that", "which", "who"):
        return None
    content = noun_phrase(patient)
    return Candidate("stance", (content.start_char, content.end_char), verb, noun_phrase(by), None,
                     cue_text=(verb_group(verb)[0], agent.idx + len(agent.text)))


def _next_to(verb: Token, preposition: Token) -> bool:
    """The preposition follows the verb, with at most a particle, an adverb, a time or an addressee between:
    "called for", "spoke out Tuesday about", "spoke emotionally of", "asks him about"."""
    between = verb.doc[verb.i + 1:preposition.i]
    allowed = {t.i for c in verb.children if c.dep_ in ("prt", "npadvmod", "advmod") or c.dep_ == "dobj" and c.pos_ == "PRON" for t in c.subtree}
    return all(t.i in allowed for t in between)
