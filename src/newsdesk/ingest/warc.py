"""WARC response records as raw documents, with fastwarc.

A record whose block digest does not match, or that cannot be parsed, becomes a
failure; the reader then goes on with the next record it can find.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..records import Failure, RawDocument

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(path: Path, max_bytes: int, metadata: dict[str, Any]) -> Iterator[RawDocument | Failure]:
    origin = str(path)
    count = 0
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(
                stream,
                record_types=WarcRecordType.response,
                parse_http=False,  # the block digest covers the HTTP headers: verify first
                fsspec_args=False,
            )
            for record in records:
                count += 1
                yield from _record_document(origin, record, max_bytes, metadata)
    except OSError as exc:
        where = f"{origin}#after-record={count}"
        yield Failure(where, "read", "corrupt WARC", f"{exc}; {count} records read before it")
    if count == 0:
        yield Failure(origin, "read", "no response records in WARC")


def _record_document(origin: str, record, max_bytes: int, metadata: dict[str, Any]) -> Iterator[RawDocument | Failure]:
    record_id = record.record_id or "?"
    where = f"{origin}#record={record_id}"
    url = record.headers.get("WARC-Target-URI")
    if record.content_length > max_bytes:
        record.consume()
        yield Failure(where, "read", "input too large", f"{record.content_length:,} bytes > limit {max_bytes:,}")
        return
    if "WARC-Block-Digest" in record.headers and not record.verify_block_digest(consume=False):
        record.consume()
        yield Failure(where, "read", "WARC record digest mismatch (corrupt or truncated)", f"url {url}")
        return
    try:
        record.parse_http(auto_decode="all")
    except (OSError, ValueError) as exc:
        record.consume()
        yield Failure(where, "read", "bad HTTP headers in WARC record", str(exc))
        return
    content_type = (record.http_content_type or "").lower()
    if content_type and not content_type.startswith(TEXT_TYPES):
        record.consume()
        return  # images, scripts, stylesheets: not articles, not failures
    data = record.reader.read()
    meta = dict(metadata)
    published = meta.pop("published", None)
    # HTTP Last-Modified is when a server last touched the page, not when it was
    # published: never used as a publication date.
    yield RawDocument(
        origin=where,
        data=data,
        media_type="text/plain" if content_type.startswith("text/plain") else "text/html",
        url=url,
        published=published if isinstance(published, date) else None,
        metadata={**meta, "warc_date": str(record.record_date) if record.record_date else None},
    )
