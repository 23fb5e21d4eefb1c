"""Quotes whose cue is punctuation: a transcript's "PENCE: …" and a signed "“…” ― Carla Sanchez"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .candidate import CLOSING, MIN_QUOTE_WORDS, OPENING, Candidate, strip_spaces

_BLANK = r"[^\S\n]*"  # spaces, tabs and no-break spaces, not a line end
_NAME = r"[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4}"
_SIGNATURE = re.compile(rf"[”\"»]?{_BLANK}(?P<dash>[―—–]){_BLANK}(?P<name>{_NAME})[^\S\n.]*\.?{_BLANK}(?:\n|$)")


def signature_of(doc: Doc, quote_end: int) -> tuple[Token, tuple[int, int], Span] | None:
    """“…” ― Carla Sanchez: a quote signed by a dash and a name at the end of its line. The dash's
    own characters are the cue: the tokenizer may glue it to the closing mark (”―)."""
    found = _SIGNATURE.match(doc.text, quote_end)
    if found is None:
        return None
    dash = doc.char_span(found.start("dash"), found.end("dash"), alignment_mode="expand")
    name_end = found.end("name") - found.group("name").endswith(".")
    name = doc.char_span(found.start("name"), name_end, alignment_mode="expand")
    if dash is None or name is None:
        return None
    return dash[0], found.span("dash"), name


# "PENCE: Well, look, …" in a transcript, "Sanders: Clinton needs to …" in a headline.
_LABEL = re.compile(rf"[\"“]?(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}){_BLANK}(?P<colon>:){_BLANK}\S")
LABEL_ENTITIES = ("PERSON", "ORG")


def labelled_paragraphs(doc: Doc, paragraph_starts: list[int]) -> list[Candidate]:
    """A paragraph that opens with a speaker's name and a colon is that speaker's words.

    The label must be a person or organisation the parse recognises, or a name in
    capitals ("PENCE") that the article names elsewhere, so section heads ("The
    Latest:", "Correction:") stay out."""
    text = doc.text
    known = {t.lower_ for e in doc.ents if e.label_ in LABEL_ENTITIES for t in e}
    out = []
    for start in paragraph_starts:
        found = _LABEL.match(text, start)
        if found is None:
            continue
        label = doc.char_span(found.start("label"), found.end("label"), alignment_mode="expand")
        colon = doc.char_span(found.start("colon"), found.end("colon"), alignment_mode="expand")
        if label is None or colon is None or not _names_someone(label, known):
            continue
        end = text.find("\n", found.end())
        if end < 0 and start == 0:
            # a text of one paragraph opens with its headline run into the story ("Abbas: No
            # Mideast peace without Jerusalem. Palestinian President Mahmoud Abbas …"): the
            # label's words are its first sentence, not the whole article
            end = next((s.end_char for s in doc.sents if s.end_char > found.end()), -1)
        content = strip_spaces(text, found.end("colon"), len(text) if end < 0 else end)
        content = (content[0] + (text[content[0]] in OPENING), content[1] - (text[content[1] - 1] in CLOSING))
        if len(text[content[0]:content[1]].split()) >= MIN_QUOTE_WORDS:
            out.append(Candidate("direct", content, colon[0], label, None, mark=True))
    return out


def _names_someone(label: Span, known: set[str]) -> bool:
    if label.text.isupper():
        return all(t.lower_ in known for t in label if t.is_alpha)
    return any(e.label_ in LABEL_ENTITIES and e.start <= label.start and label.end <= e.end for e in label.doc.ents)
