"""Extract: raw documents to clean articles (text, paragraphs, metadata)."""

from .article import extract_article
from .errors import ExtractionError

__all__ = ["extract_article", "ExtractionError"]
