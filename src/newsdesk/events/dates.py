"""Dates of events: "on Sunday", "in April", "this year", "yesterday", "March 7", against the
article's publication date. Without a publication date a relative date stays unresolved."""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_MONTH = {m: i + 1 for i, m in enumerate(MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?\b")
_MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def resolve_date(text: str, published: date | None) -> date | None:
    """The day (or the first day of the month or year) a date expression points to."""
    t = text.lower().strip()
    for pattern, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        match = pattern.search(t)
        if match:
            day, month = (match.group(1), match.group(2)) if order == "dm" else (match.group(2), match.group(1))
            if month in _MONTH:
                year = int(match.group(3)) if match.group(3) else _year_before(published, _MONTH[month], int(day))
                if year:
                    try:
                        return date(year, _MONTH[month], int(day))
                    except ValueError:
                        return None
    explicit = _YEAR.search(t)
    if published is None:
        return date(int(explicit.group(1)), 1, 1) if explicit and t.strip() == explicit.group(1) else None
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return published
    if t in ("yesterday", "last night"):
        return published - timedelta(days=1)
    for i, day in enumerate(WEEKDAYS):
        if day in t:
            back = (published.weekday() - i) % 7
            return published - timedelta(days=back if "next" not in t else -((i - published.weekday()) % 7 or 7))
    if "this year" in t:
        return date(published.year, 1, 1)
    if "last year" in t:
        return date(published.year - 1, 1, 1)
    for name, number in _MONTH.items():
        if re.search(rf"\b{name}\b", t):
            year = int(explicit.group(1)) if explicit else (published.year if number <= published.month else published.year - 1)
            return date(year, number, 1)
    if explicit:
        return date(int(explicit.group(1)), 1, 1)
    return None


def _year_before(published: date | None, month: int, day: int) -> int | None:
    """A day and month without a year: the most recent one not after publication."""
    if published is None:
        return None
    return published.year if (month, day) <= (published.month, published.day) else published.year - 1
