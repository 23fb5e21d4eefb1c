"""Phrases read off the parse: a cue's verb group, who its subject is, the addressee."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.syntax import cut_off_subject
from .cues import CUE_LEMMAS, STANCE

GROUP_DEPS = ("aux", "auxpass", "neg", "advmod")


def verb_group(verb: Token, preposition: Token | None = None) -> tuple[int, int]:
    """The cue as a reader sees it: "have also questioned", "isn't saying", "pointed to".

    Auxiliaries, negation and adverbs directly before the verb join it, as do a particle
    ("pointed out") and the preposition that introduces the content ("called for").
    """
    start = verb.i
    while start > verb.sent.start and _in_group(verb.doc[start - 1], verb):
        start -= 1
    end = verb.i
    for token in verb.doc[verb.i + 1:verb.sent.end]:
        if token.head == verb and token.dep_ == "prt" or token == preposition:
            end = token.i
        else:
            break
    if preposition is None:
        end = _setting_end(verb, end)
    first, last = verb.doc[start], verb.doc[end]
    return first.idx, last.idx + len(last.text)


# Where or when words were said belongs to the cue: "said in a phone interview", "wrote in an
# email", "told reporters at a briefing Monday", "said Thursday morning".
SETTINGS = frozenset(
    """interview statement email e-mail letter tweet post message briefing conference speech rally
    call release op-ed editorial column memo broadcast appearance hearing debate event town hall
    radio television podcast blog video session meeting""".split()
)
SETTING_PREPOSITIONS = ("in", "at", "during", "on", "through", "via")


def _setting_end(verb: Token, end: int) -> int:
    """The last token of the setting phrases that directly follow a speech verb."""
    doc = verb.doc
    while end + 1 < verb.sent.end:
        token = doc[end + 1]
        if token.head != verb:
            break
        is_time = token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME")
        is_setting = token.dep_ == "prep" and token.lower_ in SETTING_PREPOSITIONS and any(
            c.dep_ == "pobj" and (c.lemma_.lower() in SETTINGS or c.lower_ in ("twitter", "facebook")) for c in token.children
        )
        if not (is_time or is_setting):
            break
        end = max(t.i for t in token.subtree)
    return end


def _in_group(token: Token, verb: Token) -> bool:
    while token.dep_ in GROUP_DEPS and token.head != token:
        if token.head == verb:
            return True
        token = token.head
    return False


def subject(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return noun_phrase(child)
    # "the army said … and added …": the subject of a coordinated verb
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head)
    # "…, adding that …": the participle's subject is its head's
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        return subject(verb.head)
    cut_off = cut_off_subject(verb)  # "… terror war, Obama and Clinton call them 'lone wolves'"
    return noun_phrase(cut_off) if cut_off is not None else None


ARGUED = ("case", "point", "argument")  # "made the case that …"
IDIOM_WORDS = frozenset((*ARGUED, "clear", "it"))  # the words of a speech idiom that belong to its cue


def speech_idiom(verb: Token) -> str | None:
    """Speech said with a light verb: "made it clear (that) …", "made the case that …", "as X put it"."""
    lemma = verb.lemma_.lower()
    if lemma == "make":
        argued = next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ARGUED), None)
        if argued is not None:
            return f"make the {argued}"
        if any(c.dep_ in ("ccomp", "oprd", "acomp") and c.lower_ == "clear" for c in verb.children):
            return "make clear"
    if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return "put it"
    return None


def idiom_group(verb: Token) -> tuple[int, int]:
    """The cue of a speech idiom with its object: "made it clear", "put it", "make the case"."""
    start, end = verb_group(verb)
    words = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "oprd", "acomp") and c.lower_ in IDIOM_WORDS]
    for word in words:
        for token in (word, *(c for c in word.children if c.dep_ in ("det", "nsubj") and c.i < word.i)):
            start, end = min(start, token.idx), max(end, token.idx + len(token.text))
    return start, end


def verb_like(token: Token) -> bool:
    """A verb, or a word the tagger read as a noun that has a subject and a clause of its own
    ("But Trump claims that he should be the exception": *claims* tagged NOUN)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return (token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("ROOT", "conj", "ccomp")
            and any(c.dep_ == "nsubj" for c in token.children) and any(c.dep_ in ("ccomp", "parataxis") for c in token.children))


def reports_on_its_own(token: Token) -> bool:
    """A participle that makes a statement of its own with its head's subject: "complained about
    his mic, even suggesting he was sabotaged", "said …, citing the border". It is no part of what
    its head says or is about."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and (token.lemma_.lower() in CUE_LEMMAS or token.lemma_.lower() in STANCE)


def controller(verb: Token) -> Span | None:
    """Who says it when a speech verb has no subject of its own: "responded by saying …", "after
    saying …", "appeared to suggest …", "went on to explain …" — the governing verb's subject."""
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head.head)
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return subject(verb.head)
    return None


def noun_phrase(head: Token) -> Span:
    """The subject phrase without trailing relative clauses or long modifiers."""
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl", "acl") or t.i < head.i]
    keep = [t for t in tokens if not any(a.dep_ in ("relcl", "acl") and a.i > head.i for a in t.ancestors if a in tokens)]
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    span = head.doc[start:end]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) > 1 and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    return span


def addressee(verb: Token) -> Span | None:
    """"told RIA Novosti", "said in an interview with X", "told reporters"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and verb.lemma_ in ("tell", "inform", "assure", "brief", "warn"):
            return noun_phrase(child)
    return None
