"""Precision of event coding on real news, against hand judgements.

``tests/gold/event_judgements.jsonl`` names the corpus and 30 articles; each row is an event
newsdesk coded there (article, span of the event word, PLOVER type), judged by hand against
the codebook: right when the text reports that type of event with that source and target (or
none named). Evaluating re-codes the articles: an event matching a judged one counts as judged
right or wrong; an event no judgement covers (the coder changed since) is counted apart, so the
figure never silently includes unjudged output.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..entities import load_registry
from ..geo import open_gazetteer
from ..nlp import load_model
from ..pipeline import analyse_doc


@dataclass
class EventPrecision:
    articles: int = 0
    judged_right: int = 0
    judged_wrong: int = 0
    unjudged: int = 0
    no_longer_coded: int = 0
    wrong_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        judged = self.judged_right + self.judged_wrong
        return self.judged_right / judged if judged else 0.0


def evaluate_events(gold_path: Path, eval_root: Path) -> EventPrecision:
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    judgements: dict[tuple[str, int, int, str], list[dict]] = {}
    for line in lines[1:]:
        row = json.loads(line)
        judgements.setdefault((row["article"], row["start"], row["end"], row["plover"]), []).append(row)
    root = ET.parse(eval_root / header["source"]).getroot()
    texts = {a.get("docid"): a.findtext("text") or "" for a in root.iter("article")}
    wanted = [(docid, texts[docid]) for docid in header["articles"] if docid in texts]
    registry, gazetteer = load_registry(), open_gazetteer()
    scores = EventPrecision()
    seen: dict[tuple[str, int, int, str], int] = {}
    for (docid, text), doc in zip(wanted, load_model().parse(t for _, t in wanted)):
        scores.articles += 1
        for event in analyse_doc(doc, registry, gazetteer).events:
            if event.modality == "negated":
                continue
            key = (docid, event.predicate.start, event.predicate.end, event.plover)
            rows = judgements.get(key, [])
            index = seen.get(key, 0)
            seen[key] = index + 1
            if index >= len(rows):
                scores.unjudged += 1
                continue
            if rows[index]["correct"]:
                scores.judged_right += 1
            else:
                scores.judged_wrong += 1
                scores.wrong_examples.append(f"{docid} {event.plover} “{event.predicate.text}”: {rows[index].get('note', '')}")
    scores.no_longer_coded = sum(len(rows) for rows in judgements.values()) - sum(min(seen.get(k, 0), len(r)) for k, r in judgements.items())
    return scores
