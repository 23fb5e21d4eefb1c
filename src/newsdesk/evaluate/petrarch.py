"""The PETRARCH unit-test suite, coded by our own coder with its validation actors.

The suite's sentences use fictional states (Arnor, Gondor …) whose codes live in its
validation actor dictionary. That dictionary is turned into a user actor dictionary (names
with underscores become words; ``+`` lines are further names of the actor above; a dated code
list keeps its last code) and loaded beside our registry, exactly as a user's own file would
be. Its verb dictionary is read the same way, as user verb patterns (``petrarch_verbs.py``): the
suite's expected codes are its own test codes, which no CAMEO dictionary produces. The coding
itself is always our coder's, so the suite measures our coder with their dictionaries, not a
port of PETRARCH; with no verb files it measures our own patterns.

Scores per category of the suite: root-code accuracy (one of our events has the expected
CAMEO root), full-code accuracy, source and target accuracy (the expected actor code starts
ours, or ours starts it), and exact triples; a sentence expecting no event is right when we
code none.
"""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..entities import load_registry
from ..events import load_patterns
from ..geo import open_gazetteer
from ..nlp import load_model
from ..pipeline import analyse_doc
from ..records import UNREAL

_ACTOR_LINE = re.compile(r"^([^\[#+<]+?)\s*(?:\[([^\]]+)\])?\s*(?:#.*)?$")
_CODE = re.compile(r"\[([^\]]+)\]")


def petrarch_actors(path: Path) -> list[dict]:
    """The validation actor dictionary as user-dictionary entries; an entry coded as a state we know
    adds its names to that state."""
    entries: list[dict] = []
    current: dict | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        if line.startswith("+") and current is not None:
            current["aliases"] += _forms(line[1:].strip())
            continue
        if line[0].isspace():
            code = _CODE.search(line)
            if code and current is not None:
                current["code"] = code.group(1).split()[0].strip("~").upper()
            continue
        match = _ACTOR_LINE.match(line)
        if not match:
            continue
        name = match.group(1).strip().replace("_", " ")
        current = {"id": "petr-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), "name": name.title(),
                   "type": "COUNTRY", "aliases": _forms(name), "code": None}
        if match.group(2):
            current["code"] = match.group(2).split()[0].strip("~").upper()
        entries.append(current)
    ours = {e.code: e.entity_id for e in load_registry().entities.values() if e.type == "COUNTRY" and e.code}
    out = []
    for entry in entries:
        if not entry["code"]:
            continue
        if entry["code"] in ours:  # a real state: its names amend ours, which keep their geography ("SEOUL [KOR]")
            out.append({"id": ours[entry["code"]], "aliases": sorted(set(entry["aliases"]))})
            continue
        entry["country"] = entry["code"][:3]
        entry["type"] = "COUNTRY" if len(entry["code"]) == 3 else "ORGANIZATION"
        entry["aliases"] = sorted(set(entry["aliases"]))
        out.append(entry)
    return out


def petrarch_agents(path: Path) -> dict[str, list[str]]:
    """The validation agent dictionary as user agent nouns: ``FOREIGN_MINISTER [~GOVFRM]`` →
    GOVFRM: [foreign minister]. Our codes put the agent after the country, so a prefix agent
    (``MSF [NGO~]``) is read as a suffix; substitution lines (``!PERSON!``) are left out."""
    agents: dict[str, list[str]] = defaultdict(list)
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        code = _CODE.search(line)
        if not line or line.startswith("<") or "!" in line or code is None:
            continue
        agent = code.group(1).replace("~", "").strip().upper()
        words = line.split("{")[0].split("[")[0].strip().replace("_", " ").lower().split()
        if not words or not agent.isalpha() or len(agent) % 3:
            continue
        noun = " ".join(words[-3:])  # our agent nouns are read over at most three words
        agents[agent] += [noun] + ([noun[:-1]] if noun.endswith("s") and not noun.endswith("ss") else [])
    return dict(agents)


def _forms(name: str) -> list[str]:
    words = name.replace("_", " ").strip()
    return [words, words.title(), words.upper()] if words else []


@dataclass
class PetrarchScores:
    per_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0, 0, 0]))  # n, root, full, source, target, triple

    def rate(self, column: int, category: str | None = None) -> float:
        rows = [self.per_category[category]] if category else list(self.per_category.values())
        n = sum(r[0] for r in rows)
        return sum(r[column] for r in rows) / n if n else 0.0


def same_actor(ours, expected: str) -> bool:
    """Whether our actor is the expected code: one starts the other ("USAGOV" and "USA"); an
    expected "---" (no one known) is no actor, or one of no state."""
    if not expected.strip("-"):
        return ours is None or not ours.code or ours.code.startswith("---")
    if ours is None or not ours.code:
        return False
    return ours.code.startswith(expected) or expected.startswith(ours.code)


def evaluate_petrarch(records: Path, actors: Path, verb_files: tuple[str, ...] = (), agents: Path | None = None) -> PetrarchScores:
    entries = petrarch_actors(actors)
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
        yaml.safe_dump({"actors": entries, "agents": petrarch_agents(agents) if agents else {}}, f, allow_unicode=True)
        user = f.name
    registry = load_registry((user,))
    Path(user).unlink()
    root = ET.parse(records).getroot()
    sentences = []
    for node in root.iter("Sentence"):
        text = " ".join((node.findtext("Text") or "").split())
        expected = []
        for coding in node.iter("EventCoding"):
            if coding.get("eventcode"):
                expected.append((coding.get("sourcecode") or "", coding.get("targetcode") or "", coding.get("eventcode")))
        sentences.append((node.get("category") or "?", text, expected))
    scores = PetrarchScores()
    model, gazetteer, patterns = load_model(), open_gazetteer(), load_patterns(verb_files)
    for (category, text, expected), doc in zip(sentences, model.parse(t for _, t, _ in sentences)):
        events = [e for e in analyse_doc(doc, registry, gazetteer, patterns).events if e.modality not in UNREAL]
        row = scores.per_category[category]
        row[0] += 1
        if not expected:
            right = not events
            for column in range(1, 6):
                row[column] += right
            continue
        source, target, code = expected[0]
        row[1] += any(e.cameo[:2] == code[:2] for e in events)
        row[2] += any(e.cameo == code for e in events)
        row[3] += any(same_actor(e.source, source) for e in events)
        row[4] += any(same_actor(e.target, target) for e in events)
        row[5] += any(e.cameo == code and same_actor(e.source, source) and same_actor(e.target, target) for e in events)
    return scores
