"""NLP: the one spaCy parse per article that every later stage reads."""

from .model import DEFAULT_MODEL_PACKAGE, ModelError, NlpModel, SpacyModel, load_model
from .parse import parse_record, skipped_parse

__all__ = ["DEFAULT_MODEL_PACKAGE", "ModelError", "NlpModel", "SpacyModel", "load_model", "parse_record", "skipped_parse"]
