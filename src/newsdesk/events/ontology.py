"""The event ontology and the verb patterns: data files of this project, extensible by users.

``cameo.yaml`` lists the CAMEO codes newsdesk emits with their PLOVER type, mode and context
(the PLOVER manual's 2021 CAMEO→PLOVER table); ``verbs.yaml`` maps verbs and event nouns to
CAMEO codes. A user file (``--verbs FILE`` or ``NEWSDESK_VERBS``) has the same keys and adds
or overrides entries.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .petrarch_verbs import looks_like_petrarch, read_petrarch_verbs

VERBS_ENV = "NEWSDESK_VERBS"
# PLOVER 0.5b1 names (the gold standard records) → current PLOVER types.
OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# An intention to cooperate is an AGREE event: its "express intent" code (CAMEO 03x).
INTENT_FORMS = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "0841": "0353", "086": "0355", "087": "0356", "0872": "0356"}
# An intention to act against someone is a THREATEN event (CAMEO 13x).
THREAT_FORMS = {"14": "133", "15": "138", "16": "131", "17": "130", "18": "138", "19": "138", "20": "138", "191": "1381"}
# Demanding an act is a REQUEST event (CAMEO 10x): "urged Israel to release the prisoners" 1053.
DEMAND_FORMS = {"03": "100", "04": "106", "045": "108", "046": "106", "05": "102", "06": "101", "061": "1011", "062": "1012",
                "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034", "075": "1033",
                "08": "105", "081": "1051", "082": "1052", "083": "104", "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044",
                "084": "1053", "085": "1054", "086": "1055", "087": "1056"}


def form_of(forms: dict[str, str], cameo: str, default: str) -> str:
    """The form (intent, threat, demand, rejection) of the act ``cameo``: by its most specific
    code the table lists, else ``default``."""
    return next((forms[k] for k in (cameo[:4], cameo[:3], cameo[:2]) if k in forms), default)


def demand_form(cameo: str) -> str:
    """The REQUEST code for demanding the act ``cameo``; 100 for any other act."""
    return form_of(DEMAND_FORMS, cameo, "100")


# Refusing an act is a REJECT event (CAMEO 12x): "refused to meet" 125, "refused to release" 1246.
REJECT_FORMS = {"03": "120", "04": "125", "045": "126", "05": "120", "06": "121", "07": "122", "08": "124", "0841": "1246",
                "081": "1241", "085": "1242", "087": "1244", "10": "120"}


class PatternError(ValueError):
    """A verb-pattern file that cannot be used, with what is wrong."""


@dataclass(frozen=True)
class Coding:
    cameo: str
    plover: str
    mode: str | None
    context: str | None
    name: str


@dataclass(frozen=True)
class Patterns:
    verbs: dict
    nouns: dict[str, str]
    intent: frozenset[str]
    codes: dict[str, dict]

    def coding(self, cameo: str) -> Coding | None:
        entry = self.codes.get(cameo)
        while entry is None and len(cameo) > 3:
            cameo = cameo[:-1]  # "0311" → "031"
            entry = self.codes.get(cameo)
        if entry is None:
            return None
        return Coding(cameo, entry["plover"], entry.get("mode"), entry.get("context"), entry["name"])


def _data(name: str) -> dict:
    return yaml.safe_load(resources.files("newsdesk.events").joinpath("data", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def load_patterns(user_files: tuple[str, ...] = ()) -> Patterns:
    verbs_file = _data("verbs.yaml")
    verbs, nouns, intent = dict(verbs_file["verbs"]), dict(verbs_file["nouns"]), set(verbs_file["intent"])
    codes = dict(_data("cameo.yaml")["codes"])
    env = tuple(p for p in os.environ.get(VERBS_ENV, "").split(os.pathsep) if p)
    for path in (*env, *user_files):
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
            data = _from_petrarch(read_petrarch_verbs(text), codes) if looks_like_petrarch(text) else yaml.safe_load(text) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise PatternError(f"cannot read verb patterns {path}: {exc}") from None
        unknown = set(data) - {"verbs", "nouns", "intent", "codes"}
        if unknown:
            raise PatternError(f"{path}: unknown section(s) {', '.join(sorted(unknown))} (verbs, nouns, intent, codes)")
        for lemma, entry in (data.get("verbs") or {}).items():
            verbs[lemma] = _merged(verbs.get(lemma), entry)
        nouns.update(data.get("nouns") or {})
        intent.update(data.get("intent") or [])
        codes.update(data.get("codes") or {})
    for lemma, entry in list(verbs.items()) + list(nouns.items()):
        found = [entry.get("code"), entry.get("acts")] + [*(entry.get("objects") or {}).values(), *(entry.get("particles") or {}).values()] if isinstance(entry, dict) else [entry]
        for code in found:
            if code is not None and str(code) != "none" and str(code) not in codes and str(code)[:3] not in codes:
                raise PatternError(f"pattern {lemma!r}: CAMEO code {code!r} is not in the ontology (events/data/cameo.yaml)")
    return Patterns(verbs, nouns, frozenset(intent), codes)


def _merged(ours, theirs):
    """A user's entry overrides ours; its object and particle codes are added to ours."""
    if not isinstance(ours, dict) or not isinstance(theirs, dict):
        return theirs
    merged = {**ours, **{k: v for k, v in theirs.items() if k not in ("objects", "particles")}}
    for key in ("objects", "particles"):
        merged[key] = {**(ours.get(key) or {}), **(theirs.get(key) or {})}
    return merged


def _from_petrarch(verbs: dict[str, dict], codes: dict[str, dict]) -> dict:
    """A PETRARCH dictionary as a user pattern file. A code we do not list takes the PLOVER type
    of its CAMEO root; one whose root has no PLOVER type (01, 02, or not CAMEO) is dropped."""
    added: dict[str, dict] = {}

    def usable(code: str | None) -> str | None:
        if code is None:
            return None
        if code in codes or code[:3] in codes or code in added:
            return code
        root = next((entry for key, entry in codes.items() if key[:2] == code[:2] and len(key) == 3 and key.endswith("0")), None)
        if root is None:
            return None
        added[code] = {"name": f"{root['name']} (imported code {code})", "plover": root["plover"], "mode": root.get("mode"), "context": root.get("context")}
        return code

    out = {}
    for lemma, entry in verbs.items():
        objects = {k: c for k, v in entry["objects"].items() if (c := usable(v))}
        particles = {k: c for k, v in entry["particles"].items() if (c := usable(v))}
        code = usable(entry["code"])
        if code or objects or particles:
            out[lemma] = {"code": code, "objects": objects, "particles": particles}
    return {"verbs": out, "codes": added}
