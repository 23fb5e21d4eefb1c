"""Reading and checking a rules file, with one clear line for what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Each kind of rule and the filters it takes (the CLI's and the API's names).
FILTERS: dict[str, frozenset[str]] = {
    "events": frozenset({"actor", "type", "place", "negated", "min_confidence"}),
    "quotes": frozenset({"speaker", "kind"}),
    "claims": frozenset({"about", "claimed_by", "event", "at_least"}),
    "text": frozenset(),
}


class WatchError(ValueError):
    """A rules file that cannot be used: which rule, and what is wrong with it."""


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # events | quotes | claims | text
    filters: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    notify: tuple[str, ...] = ()  # webhook addresses its alerts are posted to


def load_rules(path: Path) -> list[Rule]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise WatchError(f"cannot read rules file {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise WatchError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    default_notify: tuple[str, ...] = ()
    if isinstance(data, dict) and "rules" in data:
        default_notify = _addresses(data.get("notify"), f"{path}: notify")
        data = data["rules"]
    if not isinstance(data, list) or not data:
        raise WatchError(f"{path}: expected a list of rules (each with a name and one of: {', '.join(FILTERS)})")
    rules = [_rule(entry, f"{path}: rule {number}", default_notify) for number, entry in enumerate(data, start=1)]
    names = [r.name for r in rules]
    if duplicated := sorted({n for n in names if names.count(n) > 1}):
        raise WatchError(f"{path}: rule names must be unique ({', '.join(duplicated)})")
    return rules


def _addresses(value: Any, where: str) -> tuple[str, ...]:
    """Webhook addresses: one or a list, each http(s)."""
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v.lower().startswith(("http://", "https://")) for v in values):
        raise WatchError(f"{where}: notify is a webhook's http(s) address, or a list of them")
    return tuple(values)


def _rule(entry: Any, where: str, default_notify: tuple[str, ...] = ()) -> Rule:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise WatchError(f"{where}: a rule is a mapping with a name")
    where = f"{where} ({entry['name']})"
    notify = _addresses(entry["notify"], where) if "notify" in entry else default_notify
    kinds = [k for k in FILTERS if k in entry]
    unknown = sorted(set(entry) - set(FILTERS) - {"name", "notify"})
    if unknown or len(kinds) != 1:
        raise WatchError(f"{where}: give exactly one of {', '.join(FILTERS)}" + (f"; unknown keys: {', '.join(unknown)}" if unknown else ""))
    kind = kinds[0]
    if kind == "text":
        if not isinstance(entry["text"], str) or not entry["text"].strip():
            raise WatchError(f"{where}: text is the words to look for")
        return Rule(entry["name"], kind, {}, entry["text"].strip(), notify)
    filters = entry[kind] or {}
    if not isinstance(filters, dict) or not filters:
        raise WatchError(f"{where}: {kind} takes filters: {', '.join(sorted(FILTERS[kind]))}")
    if unknown := sorted(set(filters) - FILTERS[kind]):
        raise WatchError(f"{where}: {kind} does not filter by {', '.join(unknown)} (it takes {', '.join(sorted(FILTERS[kind]))})")
    if "at_least" in filters and not isinstance(filters["at_least"], (int, float)):
        raise WatchError(f"{where}: at_least is a number")
    if "min_confidence" in filters and not (isinstance(filters["min_confidence"], (int, float)) and 0 <= filters["min_confidence"] <= 1):
        raise WatchError(f"{where}: min_confidence is a number from 0 to 1")
    return Rule(entry["name"], kind, dict(filters), notify=notify)
