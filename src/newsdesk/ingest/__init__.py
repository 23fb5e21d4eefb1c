"""Ingest: paths, globs, JSONL and WARC files into raw documents."""

from .sources import IngestOptions, iter_documents, parse_date

__all__ = ["IngestOptions", "iter_documents", "parse_date"]
