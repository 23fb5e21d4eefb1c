"""Bylines and datelines at the head of a news body.

Handles the forms wire services and regional outlets use:

- ``AT Monitoring Desk-KABUL: …``     byline "AT Monitoring Desk", place Kabul
- ``KABUL (Reuters) - …``             place Kabul, agency Reuters
- ``WASHINGTON, Dec 23 (AP) — …``      place Washington, agency AP
- ``KABUL, Afghanistan — …``           place Kabul
- ``AT Kabul: …``                      byline "AT", place Kabul
- a separate first line ``By Jane Doe`` byline only

The dateline is where the report was filed, not where its events happened; the
geo stage keeps that distinction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CAPS_PLACE = r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}"
_DASH = r"[-–—]"
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?"

_PATTERNS = (
    # byline-PLACE:   "AT Monitoring Desk-KABUL: "
    re.compile(rf"^(?P<byline>[A-Z][\w&.'’]*(?:\s+[\w&.'’]+){{0,5}}?)\s*{_DASH}\s*(?P<place>{_CAPS_PLACE})\s*:\s+"),
    # PLACE[, Region][, Date] (Agency) -
    re.compile(
        rf"^(?P<place>{_CAPS_PLACE})(?:,\s*(?P<region>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,2}}))?"
        rf"(?:,\s*(?P<date>{_MONTH_DAY}))?\s*\((?P<agency>[A-Za-z][\w .&/-]{{0,30}})\)\s*(?:{_DASH}|:)\s*"
    ),
    # PLACE[, Region][, Date] — / :
    re.compile(
        rf"^(?P<place>{_CAPS_PLACE})(?:,\s*(?P<region>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,2}}))?"
        rf"(?:,\s*(?P<date>{_MONTH_DAY}))?\s*(?:{_DASH}{{1,2}}|:)\s+"
    ),
    # short outlet initials and a title-case place: "AT Kabul: "
    re.compile(r"^(?P<byline>[A-Z]{2,5})\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?):\s+"),
)
_BYLINE_LINE = re.compile(r"^\s*By\s+(?P<byline>[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,8})\s*$")
_NOT_PLACES = {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "VIDEO", "PHOTOS", "EDITOR'S NOTE"}


@dataclass(frozen=True)
class Dateline:
    text: str  # the prefix as written, removed from the body
    place: str | None
    byline: str | None = None
    agency: str | None = None


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """Return the dateline found at the start of ``paragraph`` and the rest of it."""
    for pattern in _PATTERNS:
        match = pattern.match(paragraph)
        if not match:
            continue
        groups = match.groupdict()
        place = groups.get("place")
        if place is None or place.strip(" .") in _NOT_PLACES or len(place.strip(" .")) < 3:
            continue
        rest = paragraph[match.end():]
        if not rest or not (rest[0].isupper() or rest[0] in "\"“‘'0123456789"):
            continue  # a dateline is followed by the start of a sentence
        return (
            Dateline(
                text=match.group(0).strip(),
                place=normalise_place(place),
                byline=(groups.get("byline") or None),
                agency=(groups.get("agency") or None),
            ),
            rest,
        )
    return None, paragraph


def byline_line(paragraph: str) -> str | None:
    match = _BYLINE_LINE.match(paragraph)
    return match.group("byline").strip() if match else None


_LOWER_PARTICLES = {"au", "aux", "de", "des", "du", "la", "le", "les", "el", "al", "es", "en", "of", "on", "upon"}


def normalise_place(place: str) -> str:
    """``PORT-AU-PRINCE`` → ``Port-au-Prince``; mixed-case input is kept as written."""
    place = place.strip(" .,")
    if not place.isupper():
        return place

    def word(w: str, first: bool) -> str:
        parts = w.split("-")
        return "-".join(p.lower() if (i or not first) and p.lower() in _LOWER_PARTICLES else p.capitalize() for i, p in enumerate(parts))

    return " ".join(word(w, i == 0) for i, w in enumerate(place.split()))
