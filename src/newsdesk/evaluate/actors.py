"""Actor resolution against hand-annotated mentions in real news sentences.

The gold file (tests/gold/actor_mentions.jsonl) names its source corpus, the
sentences annotated (by line), and for each actor mention: its character
offsets, the canonical actor, and a checksum of the mention text, so that a
changed source is noticed instead of silently mis-scored. Every actor mention
in those sentences is annotated (see docs/actors.md), so precision is over all
the named mentions we resolve there (descriptions and pronouns that coreference
links to a name are outside the gold's scope and not counted).

A mention of ours is correct when it overlaps a gold mention and resolves to
the same actor (canonical names compared without case, a leading "the" or
apostrophes). *Detected* counts span overlap alone.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..entities import load_registry
from ..pipeline import analyse_text


@dataclass
class ActorScores:
    sentences: int = 0
    gold: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    correct_gold: int = 0
    detected_gold: int = 0
    misaligned: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (mention, gold, ours)
    by_rule: Counter = field(default_factory=Counter)
    correct_by_rule: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.correct_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))  # Milošević = Milosevic
    return re.sub(r"[’'`\s]+", " ", name).strip().lower()


def evaluate_actors(gold_path: Path, eval_root: Path) -> ActorScores:
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    gold_rows = [json.loads(line) for line in lines[1:] if line.strip()]
    corpus = (eval_root / header["source"]).read_text(encoding="utf-8").splitlines()
    registry = load_registry()
    scores = ActorScores()
    by_line: dict[int, list[dict]] = {}
    for row in gold_rows:
        by_line.setdefault(row["line"], []).append(row)
    for line in header["lines"]:
        text = json.loads(corpus[line])["text"]
        gold = []
        for row in by_line.get(line, []):
            if hashlib.sha1(text[row["start"]:row["end"]].encode()).hexdigest()[:8] != row["check"]:
                scores.misaligned += 1
                continue
            gold.append(row)
        _, analysis = analyse_text(text, registry)
        # An actor is named by its name or one of its aliases: gold "Assad" is our Bashar al-Assad.
        names = {e.entity_id: {normalise(n) for n in (e.name, *e.aliases)} for e in analysis.entities}
        # The gold marks named mentions; descriptions and pronouns resolved by coreference are out of its scope.
        ours = [(m.span.start, m.span.end, names.get(m.entity_id, {normalise(m.entity_id)}), m.rule)
                for m in analysis.entity_mentions if not (m.rule == "apposition" or m.rule.startswith("coreference"))]
        scores.sentences += 1
        scores.gold += len(gold)
        scores.predicted += len(ours)
        for start, end, name, rule in ours:
            kind = rule.split(":")[0]
            scores.by_rule[kind] += 1
            if any(start < g["end"] and g["start"] < end and normalise(g["actor"]) in name for g in gold):
                scores.correct_predicted += 1
                scores.correct_by_rule[kind] += 1
            elif not any(start < g["end"] and g["start"] < end for g in gold):
                scores.errors.append((text[start:end], "—", min(name)))
        for g in gold:
            overlapping = [o for o in ours if o[0] < g["end"] and g["start"] < o[1]]
            if overlapping:
                scores.detected_gold += 1
            if any(normalise(g["actor"]) in o[2] for o in overlapping):
                scores.correct_gold += 1
            else:
                scores.errors.append((text[g["start"]:g["end"]], g["actor"], ", ".join(min(o[2]) for o in overlapping) or "—"))
    return scores
