"""Places: toponyms resolved to GeoNames, the article's focus, and where events happened."""

from .gazetteer import Gazetteer, open_gazetteer
from .resolve import EXTRACTOR, namesake, resolve_places

__all__ = ["EXTRACTOR", "Gazetteer", "namesake", "open_gazetteer", "resolve_places"]
