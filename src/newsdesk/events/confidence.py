"""How likely a coded event is right: a logistic model over what the coder knows of it.

The features are few and coarse, so that each weight says something an analyst can check: the
event type (a police arrest is rarely misread; "support" often names a private kindness), the
clause the event word stands in (a main clause or a reported one, against an adverbial or
coordinated one), what kind of source and target were found (a named actor, a pronoun resolved
to one, an agent noun such as "police", none), and whether the event is nominal, quoted or only
intended. The weights (``data/confidence.json``) are fitted on the development half of the hand
judgements (``newsdesk eval events --fit-confidence``) and never on the held-out half, so that
the held-out half measures how well the figure transfers.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from ..records import Event, EventActor

CONFIDENCE_FILE = "confidence.json"
CONFIDENCE_ENV = "NEWSDESK_CONFIDENCE"
SUBORDINATE = ("advcl", "xcomp", "pcomp", "relcl", "acl")
CLAUSES = {"ROOT": "main", "ccomp": "reported", "conj": "coordinated"} | dict.fromkeys(SUBORDINATE, "subordinate")


def _actor_kind(actor: EventActor | None) -> str:
    if actor is None:
        return "none"
    if actor.antecedent is not None:
        return "pronoun"
    if actor.entity_id:
        return "named"
    return "agent" if (actor.code or "").startswith("---") else "other"


def event_features(event: Event, token: Token) -> dict[str, float]:
    """The features of one event, read from its record and its event word in the parse."""
    features = {
        f"type={event.plover}": 1.0,
        f"clause={CLAUSES.get(token.dep_, 'other')}": 1.0,
        f"source={_actor_kind(event.source)}": 1.0,
        f"target={_actor_kind(event.target)}": 1.0,
    }
    flags = {
        "arrest": event.mode == "arrest",
        "nominal": token.pos_ in ("NOUN", "PROPN"),
        "quoted": event.quote is not None,
        "intended": event.modality == "intend",
        "source_private": bool(event.source and (event.source.code or "").endswith("CVL")),
    }
    return features | {name: 1.0 for name, on in flags.items() if on}


@dataclass(frozen=True)
class ConfidenceModel:
    bias: float
    weights: Mapping[str, float]
    fitted_on: str = ""

    def score(self, features: Mapping[str, float]) -> float:
        """The probability that an event with these features is right."""
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        weights = {name: round(w, 4) for name, w in sorted(self.weights.items())}
        return json.dumps({"fitted_on": self.fitted_on, "bias": round(self.bias, 4), "weights": weights}, indent=1) + "\n"


def read_confidence_model(path: Path) -> ConfidenceModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return ConfidenceModel(bias=float(data["bias"]), weights={k: float(v) for k, v in data["weights"].items()}, fitted_on=data.get("fitted_on", ""))


@lru_cache(maxsize=1)
def load_confidence_model() -> ConfidenceModel:
    """The shipped model, or the one ``NEWSDESK_CONFIDENCE`` names (refitted on your own
    judgements with ``newsdesk eval events GOLD --fit-confidence FILE``)."""
    if path := os.environ.get(CONFIDENCE_ENV):
        return read_confidence_model(Path(path))
    with resources.as_file(resources.files("newsdesk.events") / "data" / CONFIDENCE_FILE) as path:
        return read_confidence_model(path)


def event_confidence(event: Event, token: Token) -> float:
    return round(load_confidence_model().score(event_features(event, token)), 3)
