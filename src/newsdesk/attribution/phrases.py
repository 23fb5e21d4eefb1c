"""Phrases read off the parse: a cue's verb group, who its subject is, the addressee."""

from __future__ import annotations

from spacy.tokens import Span, Token

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
    return None


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
