"""Events: who did what to whom, where and when, coded in PLOVER and CAMEO."""

from .coder import EXTRACTOR, code_events
from .ontology import PatternError, load_patterns

__all__ = ["EXTRACTOR", "PatternError", "code_events", "load_patterns"]
