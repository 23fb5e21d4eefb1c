"""Quantity extraction on NewsQuant, scored as the CQE paper does.

Per sentence, our quantities are matched one-to-one to the gold ones on value
(ranges on both ends); ``value+unit`` also needs the normalised unit,
``value+change`` the change (=, ~, >, <, up, down). Precision is over ours,
recall over gold, summed over sentences.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..nlp import load_model
from ..quantities import Found, find_quantities

QUALIFIER_CHANGE = {"exact": "=", "range": "=", "about": "~", "more_than": ">", "at_least": ">", "less_than": "<", "up_to": "<"}
UNIT_NAMES = {"percent": "percentage", "dollar": "dollar", "euro": "euro", "pound sterling": "pound sterling", "yen": "japanese yen"}
MODES = ("value", "value+unit", "value+change")


def gold_value(text: str) -> tuple[float, float | None]:
    text = str(text).strip()
    if "-" in text[1:]:
        low, high = text[0] + text[1:].split("-", 1)[0], text[1:].split("-", 1)[1]
        try:
            return float(low), float(high)
        except ValueError:
            pass
    return float(text), None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def same_value(ours: Found, gold: tuple[float, float | None]) -> bool:
    if gold[1] is None:
        return _close(ours.value, gold[0]) and ours.high is None or _close(ours.value, gold[0])
    return ours.high is not None and _close(ours.value, gold[0]) and _close(ours.high, gold[1])


def change_of(found: Found) -> str:
    """NewsQuant's single change label: a bound or approximation (~ > <) outranks a direction."""
    bound = QUALIFIER_CHANGE.get(found.qualifier, "=")
    return bound if bound != "=" else (found.change or "=")


def unit_of(found: Found) -> str:
    if found.unit is None:
        return "-"
    return UNIT_NAMES.get(found.unit, found.unit)


def _same_unit(ours: str, gold: str) -> bool:
    gold = gold.lower().strip()
    return ours == gold or ours.rstrip("s") == gold.rstrip("s") or (ours in gold.split() and ours != "-")


@dataclass
class QuantityScores:
    sentences: int = 0
    gold: int = 0
    predicted: int = 0
    matched: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def prf(self, mode: str) -> tuple[float, float, float]:
        m = self.matched[mode]
        p = m / self.predicted if self.predicted else 0.0
        r = m / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_quantities(path: Path) -> QuantityScores:
    records = json.loads(path.read_text(encoding="utf-8"))
    scores = QuantityScores()
    texts = [r["text"] for r in records]
    for record, doc in zip(records, load_model().parse(texts)):
        ours = find_quantities(doc)
        gold = [(gold_value(q["value"]), q) for q in record["quantities"]]
        scores.sentences += 1
        scores.gold += len(gold)
        scores.predicted += len(ours)
        for mode in MODES:
            used: set[int] = set()
            for value, q in gold:
                for i, found in enumerate(ours):
                    if i in used or not same_value(found, value):
                        continue
                    if mode == "value+unit" and not _same_unit(unit_of(found), q["normalized_unit"]):
                        continue
                    if mode == "value+change" and change_of(found) != q["change"]:
                        continue
                    used.add(i)
                    scores.matched[mode] += 1
                    break
    return scores
