"""A quote before its speaker is resolved, and the span helpers every pattern shares."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

OPENING = "“\"«"
CLOSING = "”\"»"
MIN_QUOTE_WORDS = 4


@dataclass
class Candidate:
    """A quote before speaker resolution."""

    kind: str
    content: tuple[int, int]
    cue: Token | None
    speaker: Span | None
    addressee: Span | None
    continues_previous: bool = False
    follows_report: bool = False  # ``continues_previous`` after "…, Schiff said." in the same paragraph
    cue_text: tuple[int, int] | None = None  # for multi-word cues ("according to")
    mark: bool = False  # the cue is punctuation: "PENCE: …", "“…” ― Carla Sanchez"


def strip_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def strip_punct(text: str, start: int, end: int) -> tuple[int, int]:
    """Without the spaces, dashes, separators and double quote marks around it."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-\"“”«»" or text.startswith("''", start)):
        start += 2 if text.startswith("''", start) else 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-\"“”«»" or text[max(start, end - 2):end] == "''"):
        end -= 2 if text[max(start, end - 2):end] == "''" else 1
    return start, end


def inside_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)
