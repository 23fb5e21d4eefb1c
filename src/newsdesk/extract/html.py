"""HTML pages to article text and metadata with trafilatura and htmldate."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import trafilatura

from .errors import ExtractionError
from .furniture import normalise_space

# trafilatura logs every page it finds too short at WARNING: that is our failure table's job.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

EXTRACTOR = f"trafilatura-{trafilatura.__version__}"


@dataclass(frozen=True)
class HtmlExtraction:
    title: str | None
    paragraphs: list[str]
    authors: tuple[str, ...]
    site_name: str | None
    canonical_url: str | None
    published: date | None
    language: str | None


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            # Only dates the page states in its markup; never guessed from free text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml and trafilatura raise many types on hostile markup
        raise ExtractionError("HTML could not be parsed", f"{type(exc).__name__}: {exc}") from None
    if result is None or not (result.text or "").strip():
        raise ExtractionError("no article text found", "the page has no main content block")
    paragraphs = [normalise_space(line) for line in result.text.split("\n")]
    return HtmlExtraction(
        title=_clean(result.title),
        paragraphs=[p for p in paragraphs if p],
        authors=tuple(a.strip() for a in (result.author or "").split(";") if a.strip()),
        site_name=_clean(result.sitename),
        canonical_url=_clean(result.url),
        published=_parse_date(result.date),
        language=_clean(result.language),
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
