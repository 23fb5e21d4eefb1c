"""Repairs of the small model's parse that every extractor reading it shares."""

from __future__ import annotations

from spacy.tokens import Token


def cut_off_subject(verb: Token) -> Token | None:
    """ "With the signing of a memorandum, the Sudanese government and SPLM/A have agreed", "…
    of the radical Islamic terror war, Obama and Clinton call them …": the small model joins the
    subject to the object of the phrase in front as one more conjunct. The conjunct that opens
    after the comma, right before the verb, is the verb's subject."""
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX"):
        return None
    first = min([c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i] + [verb], key=lambda t: t.i)
    if first.i == 0 or verb.doc[first.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    head = verb.doc[first.i - 1]
    while head.dep_ == "conj" and not _after_comma(head):
        head = head.head
    return head if head.dep_ == "conj" and _after_comma(head) else None


def _after_comma(token: Token) -> bool:
    return token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","
