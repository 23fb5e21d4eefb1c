"""RSS and Atom feeds saved to disk: each entry is a document.

feedparser reads the feed from bytes (never from the network). An entry's body is its full
content (``content:encoded``, Atom ``content``) when the feed carries it, given to the HTML
extractor as an article page; else its summary, as plain text (a paragraph or two is too
little for a main-content extractor to trust). ``metadata.feed_body`` says which, since a
summary is often a teaser. The entry's link, title, publication date and the feed's title
(the publisher) become the document's metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

import lxml.html
from lxml.etree import ParserError

from ..records import Failure, RawDocument, content_hash

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    """An XML file is a feed when an RSS, Atom or RDF root opens in its first kilobytes."""
    head = data[:4096].lower()
    return any(marker in head for marker in FEED_MARKERS)


def iter_feed(origin: str, data: bytes, metadata: dict[str, Any]) -> Iterator[RawDocument | Failure]:
    """The entries of one feed file; ``metadata`` (sidecar and user options) applies to each."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        reason = f"{type(parsed.bozo_exception).__name__}: {parsed.bozo_exception}" if parsed.bozo else "the feed has no entries"
        yield Failure(origin, "read", "not a readable RSS or Atom feed", reason, sha256=content_hash(data), data=data[:1024 * 1024])
        return
    publisher = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#entry={number}"
        body, kind = _body(entry)
        if not body:
            yield Failure(where, "read", "feed entry without content", f"entry {entry.get('id') or entry.get('link') or number}")
            continue
        meta = {k: v for k, v in (("title", entry.get("title")), ("source", publisher), ("feed_id", entry.get("id"))) if v}
        meta["feed_body"] = kind
        published = _date(entry)
        if published is not None:
            meta["published_source"] = "feed"
        meta.update(metadata)  # the sidecar and the user's options win over what the feed says
        if kind == "content":
            body, media_type = f"<html><body><article>{body}</article></body></html>", "text/html"
        else:
            body, media_type = _plain(body), "text/plain"
        yield RawDocument(
            origin=where,
            data=body.encode("utf-8"),
            media_type=media_type,
            url=meta.pop("url", None) or entry.get("link"),
            published=meta.pop("published", None) or published,
            metadata=meta,
            text=body,
        )


def _body(entry) -> tuple[str, str]:
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return content["value"], "content"
    return (entry.get("summary") or "").strip(), "summary"


BLOCKS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")


def _plain(html: str) -> str:
    """The text of an HTML fragment, a paragraph per block."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return html
    blocks = [" ".join(b.text_content().split()) for b in root.iter(*BLOCKS)]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None
