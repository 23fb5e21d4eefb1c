"""Actors: one canonical entity behind every name, with roles and CAMEO-style codes."""

from .registry import ACTORS_ENV, Registry, RegistryError, load_registry
from .resolve import EXTRACTOR, Resolved, link_claims, link_speakers, resolve_entities

__all__ = ["ACTORS_ENV", "EXTRACTOR", "Registry", "RegistryError", "Resolved", "link_claims", "link_speakers", "load_registry", "resolve_entities"]
