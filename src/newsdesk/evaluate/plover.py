"""Event coding against the PLOVER gold-standard records (CAMEO-manual sentences).

Each record is a sentence with one gold event: its PLOVER type (0.5b1 names, mapped to the
current types: DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT), the
source and target actors (ISO-3 code and sector) and, in the markup, the event words. We code
the sentence and compare with our event on the gold event word (else our first event):

- **type**: the PLOVER type;
- **source** / **target**: country code and sector of one of the gold actors equal ours
  (an actor with no gold counterpart — no target given — matches when we have none either).
  A gold sector is its first three letters: "CVLkur" and "RELCHR" add an ethnic or religious
  code to the sector (CVL, REL), which we do not code; "***" gives no sector;
- **all three** right.

Parties marked ``SRC/TAR`` in the markup ("(SRC/TAR: Czechia) and (SRC/TAR: China) signed") are
each source and target; the records list them as sources and leave the target empty, so there
no target and a target that is one of those parties are both right.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..entities import load_registry
from ..events.ontology import OLD_PLOVER
from ..events import load_patterns
from ..geo import open_gazetteer
from ..nlp import load_model
from ..pipeline import analyse_doc
from ..records import UNREAL

_EVENT_WORDS = re.compile(r"\(EVT: ([^)]+)\)")
SECTOR_ALIASES = {"INS": "REB", "UAF": "REB", "MED": "MED"}
ORGANISATIONS = frozenset("IGO NGO IMG MNC".split())
SECTORS = frozenset("GOV MIL REB INS CVL COP SPY JUD LEG OPP MED BUS LAB REF HLH EDU REL AGR ELI PTY CRM".split())


@dataclass
class PloverScores:
    records: int = 0
    coded: int = 0
    per_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0, 0]))  # n, type, source, target, all

    def rate(self, column: int, kind: str | None = None) -> float:
        rows = [self.per_type[kind]] if kind else list(self.per_type.values())
        n = sum(r[0] for r in rows)
        return sum(r[column] for r in rows) / n if n else 0.0


def _code(actor) -> tuple[str, str]:
    """Country and sector of our code. An organisation's code goes on with the organisation
    ("IGOUNOSEC": the UN Security Council), not a sector, unless it ends in one."""
    code = actor.code or "" if actor else ""
    country = code[:3] if code[:3].isalpha() else ""
    sector = code[3:6] if country not in ORGANISATIONS else (code[-3:] if code[-3:] in SECTORS and len(code) > 3 else "")
    return country, SECTOR_ALIASES.get(sector, sector)


def _actor_right(ours, gold: list[dict]) -> bool:
    if not gold:
        return ours is None
    if ours is None:
        return False
    country, sector = _code(ours)
    for g in gold:
        g_sector = _sector(g.get("sector"))
        if (g.get("code") or "") == country and (not g_sector or g_sector == sector or (not sector and g_sector in ("GOV", ""))):
            return True
    return False


def _sector(gold: str | None) -> str:
    primary = (gold or "")[:3]
    primary = "" if primary == "***" else primary.upper()
    return SECTOR_ALIASES.get(primary, primary)


def _actors(value) -> list[dict]:
    """Gold actors are a list of {actorText, code, sector}; a few records leave a string or nothing."""
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def evaluate_plover(path: Path, verb_files: tuple[str, ...] = ()) -> PloverScores:
    records = json.loads(path.read_text(encoding="utf-8"))
    model, registry, gazetteer, patterns = load_model(), load_registry(), open_gazetteer(), load_patterns(verb_files)
    scores = PloverScores()
    for record, doc in zip(records, model.parse(r["text"] for r in records)):
        gold_type = OLD_PLOVER.get(record["event"], record["event"])
        scores.records += 1
        analysis = analyse_doc(doc, registry, gazetteer, patterns)
        info = record.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else ""
        words = {w.strip().lower() for m in _EVENT_WORDS.findall(markup) for w in m.split()}
        events = [e for e in analysis.events if e.modality not in UNREAL or (e.modality == "negated" and gold_type == "REJECT")]
        ours = next((e for e in events if e.predicate.text.lower() in words), events[0] if events else None)
        row = scores.per_type[gold_type]
        row[0] += 1
        if ours is None:
            continue
        scores.coded += 1
        type_ok = ours.plover == gold_type
        source_ok = _actor_right(ours.source, _actors(record.get("source")))
        target_ok = _actor_right(ours.target, _actors(record.get("target")))
        if not target_ok and "(SRC/TAR:" in markup and not _actors(record.get("target")) and ours.target is not None:
            target_ok = _actor_right(ours.target, _actors(record.get("source")))  # each party the other's counterpart
        row[1] += type_ok
        row[2] += source_ok
        row[3] += target_ok
        row[4] += type_ok and source_ok and target_ok
    return scores
