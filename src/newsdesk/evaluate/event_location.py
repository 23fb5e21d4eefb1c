"""Event geolocation on Halterman (2019): which mentioned place is where the event happened.

Each record is a news sentence with one event word and the span(s) of the place(s) where that
event happened. We parse the sentence, find and resolve its places as the pipeline does, and
choose the event's place with ``geo.events.event_place``. Scores, over records with at least
one gold place:

- **accuracy**: our chosen place overlaps a gold event place;
- **choice accuracy**: the same, over the records where one of the places we found is a gold
  event place (the choice among the places mentioned, apart from finding them);
- both again on the gold-relabelled subset (``gold_relabel``).
Over records with no gold place, **abstention** is the share where we choose none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..entities import load_registry
from ..geo import open_gazetteer
from ..geo.events import event_place
from ..nlp import load_model
from ..pipeline import analyse_doc


@dataclass
class Tally:
    with_gold: int = 0
    correct: int = 0
    choosable: int = 0
    chosen_right: int = 0
    without_gold: int = 0
    abstained: int = 0

    def rates(self) -> tuple[float, float, float]:
        return (
            self.correct / self.with_gold if self.with_gold else 0.0,
            self.chosen_right / self.choosable if self.choosable else 0.0,
            self.abstained / self.without_gold if self.without_gold else 0.0,
        )


@dataclass
class EventLocationScores:
    overall: Tally = field(default_factory=Tally)
    relabelled: Tally = field(default_factory=Tally)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_event_location(path: Path, limit: int | None = None) -> EventLocationScores:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        records = records[:limit]
    model, registry, gazetteer = load_model(), load_registry(), open_gazetteer()
    scores = EventLocationScores()
    for record, doc in zip(records, model.parse(r["text"] for r in records)):
        if not record.get("verb"):
            continue
        verb = record["verb"][0]
        span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
        if span is None:
            continue
        analysis = analyse_doc(doc, registry, gazetteer)
        chosen = event_place(doc, span.root, list(analysis.places))
        gold = [(g["start"], g["end"]) for g in record.get("event_location") or []]
        tallies = [scores.overall] + ([scores.relabelled] if record.get("gold_relabel") else [])
        for tally in tallies:
            if not gold:
                tally.without_gold += 1
                tally.abstained += chosen is None
                continue
            tally.with_gold += 1
            right = chosen is not None and any(_overlaps((chosen.span.start, chosen.span.end), g) for g in gold)
            tally.correct += right
            found = [p for p in analysis.places if p.sense == "place" and any(_overlaps((p.span.start, p.span.end), g) for g in gold)]
            if found:
                tally.choosable += 1
                tally.chosen_right += right
    return scores
