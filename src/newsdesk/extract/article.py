"""Raw document to article: decode, find the body, strip furniture, read the dateline."""

from __future__ import annotations

from ..records import Article, Paragraph, RawDocument
from .dateline import byline_line, split_dateline
from .decode import decode
from .errors import ExtractionError
from .furniture import split_paragraphs, strip_furniture
from .html import EXTRACTOR as HTML_EXTRACTOR
from .html import extract_html
from .language import identify

PLAIN_TEXT_EXTRACTOR = "newsdesk-plaintext-1"
PARAGRAPH_SEPARATOR = "\n\n"


def extract_article(raw: RawDocument) -> Article:
    is_html = raw.media_type == "text/html"
    text = raw.text if raw.text is not None else decode(raw.data, html=is_html)
    meta = dict(raw.metadata)

    if is_html:
        page = extract_html(text, url=raw.url)
        title, paragraphs, removed = page.title, page.paragraphs, []
        if title and paragraphs and _same_text(paragraphs[0], title):
            removed.append(paragraphs.pop(0))  # the headline is a field, not body text
        authors, site_name, canonical = page.authors, page.site_name, page.canonical_url
        published, published_source = page.published, ("html-metadata" if page.published else None)
        extractor = HTML_EXTRACTOR
    else:
        layout = strip_furniture(split_paragraphs(text))
        title, paragraphs, removed = layout.title, layout.body, layout.removed
        authors, site_name, canonical, published, published_source = (), None, None, None, None
        extractor = PLAIN_TEXT_EXTRACTOR

    byline = None
    if paragraphs and (found := byline_line(paragraphs[0])):
        byline = found
        removed.append(paragraphs.pop(0))
    dateline = None
    if paragraphs:
        dateline, rest = split_dateline(paragraphs[0])
        if dateline:
            paragraphs[0] = rest
            byline = byline or dateline.byline or dateline.agency
    if not paragraphs:
        raise ExtractionError("no article text found", "nothing left after removing site furniture")

    if raw.published is not None:  # the user's or the feed's date beats the page's
        published, published_source = raw.published, meta.pop("published_source", "metadata")
    meta.pop("published_source", None)

    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    language, language_score = identify(body)
    return Article(
        article_id=raw.doc_id,
        doc_id=raw.doc_id,
        text=body,
        paragraphs=_paragraph_spans(paragraphs),
        title=meta.pop("title", None) or title,
        byline=byline,
        authors=tuple(authors) or ((byline,) if byline and not dateline else ()),
        site_name=meta.pop("source", None) or site_name,
        url=raw.url,
        canonical_url=canonical,
        dateline=dateline.place if dateline else None,
        dateline_text=dateline.text if dateline else None,
        published=published,
        published_source=published_source if published else None,
        language=language,
        language_score=language_score,
        extractor=extractor,
        removed=tuple(removed),
        metadata=meta,
    )


def _same_text(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _paragraph_spans(paragraphs: list[str]) -> tuple[Paragraph, ...]:
    spans, cursor = [], 0
    for paragraph in paragraphs:
        spans.append(Paragraph(cursor, cursor + len(paragraph)))
        cursor += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return tuple(spans)
