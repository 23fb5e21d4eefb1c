"""Numbers as news writes them: "10,000", "1.2 million", "ten thousand", "dozens", "half"."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
          "mn": 1_000_000, "m": 1_000_000, "mil": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000,
          "tn": 1_000_000_000_000}
# Vague plurals are ranges from one to ten times the unit (the convention of CQE's NewsQuant).
VAGUE = {"dozen": (12, 12), "dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1_000), "thousands": (1_000, 10_000),
         "tens": (10, 100), "millions": (1_000_000, 10_000_000), "billions": (1_000_000_000, 10_000_000_000)}
DIVISORS = {"halves": 2, "thirds": 3, "quarters": 4, "fifths": 5, "sixths": 6, "eighths": 8, "tenths": 10,
            "fourth": 4, "fourths": 4, "fifth": 5, "tenth": 10}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1, "two-thirds": 2 / 3, "three-quarters": 0.75}
WORDS = set(UNITS) | set(TENS) | set(SCALES) - {"m", "k", "mn", "bn", "tn", "b", "mil"} | set(VAGUE) | set(FRACTIONS) | set(DIVISORS)

_DIGITS = re.compile(r"^[-−+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-−+]?\d+(?:\.\d+)?$|^[-−+]?\.\d+$")  # "+0.2", ".001"
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|tn)$", re.IGNORECASE)


def is_number_word(word: str) -> bool:
    word = word.lower()
    return word in WORDS or "-" in word and all(
        part in UNITS or part in TENS for part in word.split("-")
    )


def parse_number(words: list[str]) -> tuple[float, float | None] | None:
    """Value (and upper bound for vague plurals) of a run of number words or digits."""
    words = [w.lower().replace("−", "-").rstrip(".") if not _DIGITS.match(w) else w for w in words if w.lower() not in ("a", "and", "an")]
    if not words:
        return None
    if len(words) == 1 and words[0] in VAGUE:
        low, high = VAGUE[words[0]]
        return float(low), float(high) if high != low else None
    if len(words) == 3 and words[0] in VAGUE and words[1] == "of" and words[2] in VAGUE:  # "tens of thousands"
        return float(VAGUE[words[0]][0] * VAGUE[words[2]][0]), float(VAGUE[words[0]][1] * VAGUE[words[2]][0])
    if len(words) == 1 and words[0] in FRACTIONS:
        return FRACTIONS[words[0]], None
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif match := _SUFFIXED.match(word):
            current += float(match.group(1)) * SCALES[match.group(2).lower()]
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif "-" in word and all(p in UNITS or p in TENS for p in word.split("-")):
            current += sum(UNITS.get(p, 0) + TENS.get(p, 0) for p in word.split("-"))
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in DIVISORS and current:
            current = current / DIVISORS[word]
        else:
            return None
        seen = True
    return (total + current, None) if seen else None
