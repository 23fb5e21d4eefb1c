"""Quantities: numeric claims (value, qualifier, unit, what is counted) from the shared parse."""

from .claims import numeric_claims
from .extract import EXTRACTOR, Found, find_quantities

__all__ = ["EXTRACTOR", "Found", "find_quantities", "numeric_claims"]
