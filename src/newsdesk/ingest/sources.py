"""Turn paths and globs into a stream of raw documents (or failures).

Supported inputs: http(s) addresses of feeds and pages (``web.py``), ``.html``/``.htm``
(optionally ``.gz``), ``.txt`` (optionally ``.gz``), ``.jsonl`` (optionally ``.gz``; one
article a line), WARC files (``.warc``/``.warc.gz``; response records) and RSS/Atom feeds
saved to disk (``.rss``, ``.atom``, or ``.xml`` with a feed inside; one article an entry);
an OPML file (``.opml``) stands for the feeds it lists, read from the web. A
file next to an input named ``<stem>.meta.json`` supplies metadata (url, published, source,
title, synthetic…).

Nothing here raises for bad input: every problem becomes a ``Failure`` and the
stream goes on.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..records import Failure, RawDocument, content_hash
from .feeds import iter_feed, looks_like_feed
from .warc import iter_warc
from .web import DEFAULT_TIMEOUT, is_url, read_feed_list, read_url

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
FAILURE_DATA_LIMIT = 1024 * 1024  # keep raw bytes of failed inputs up to this size

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
FEED_SUFFIXES = (".rss", ".atom", ".rdf", ".xml")
FEED_LIST_SUFFIXES = (".opml",)  # read for the feeds they list, fetched from the web
SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    published: date | None = None  # the user's date overrides what a source says
    source: str | None = None  # publisher name the user vouches for
    timeout: float = DEFAULT_TIMEOUT  # seconds to wait for a web server
    follow_links: bool = False  # a feed fetched from the web: fetch each entry's page
    known_urls: frozenset[str] = frozenset()  # pages already stored: a feed's entry linking one is not fetched again


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(SIDECAR_SUFFIX):
        return None
    if name.endswith(".gz"):
        name = name[:-3]
    for kind, suffixes in (
        ("html", HTML_SUFFIXES),
        ("text", TEXT_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("warc", WARC_SUFFIXES),
        ("feed", FEED_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return None


def expand_inputs(patterns: Iterable[str]) -> Iterator[tuple[Path, bool]]:
    """Yield (path, named_explicitly) in a stable order; folders are walked recursively."""
    seen: set[Path] = set()
    for pattern in patterns:
        matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        if not matches:
            yield Path(pattern), True
            continue
        for match in matches:
            path = Path(match)
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if child not in seen and kind_of(child):
                        seen.add(child)
                        yield child, False
            elif path not in seen:
                seen.add(path)
                yield path, True


def iter_documents(patterns: Iterable[str], options: IngestOptions = IngestOptions()) -> Iterator[RawDocument | Failure]:
    patterns = list(patterns)
    feed_lists = [p for p in patterns if not is_url(p) and p.lower().endswith(FEED_LIST_SUFFIXES)]
    for path, explicit in expand_inputs(p for p in patterns if not is_url(p) and p not in feed_lists):
        yield from read_path(path, options, explicit=explicit)
    urls = [p for p in patterns if is_url(p)]
    for feed_list in feed_lists:
        listed = read_feed_list(Path(feed_list))
        if isinstance(listed, Failure):
            yield listed
        else:
            urls += listed
    for url in dict.fromkeys(urls):
        yield from read_url(url, _apply_options({}, options), options.max_bytes, options.timeout, options.follow_links, options.known_urls)


def read_path(path: Path, options: IngestOptions, *, explicit: bool = True) -> Iterator[RawDocument | Failure]:
    origin = str(path)
    if not path.exists():
        yield Failure(origin, "read", "file not found")
        return
    kind = kind_of(path)
    if kind is None:
        if explicit:
            yield Failure(origin, "read", "unsupported file type", f"suffix {''.join(path.suffixes) or '(none)'}")
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Failure(origin, "read", "cannot read file", str(exc))
        return
    sidecar = _read_sidecar(path)
    if isinstance(sidecar, Failure):
        yield sidecar
        return
    if kind == "warc":  # streamed record by record; size limits apply per record
        yield from iter_warc(path, options.max_bytes, _apply_options(sidecar, options))
        return
    if size > options.max_bytes and kind != "jsonl":
        yield Failure(origin, "read", "input too large", f"{size:,} bytes > limit {options.max_bytes:,}")
        return
    try:
        data = _read_bytes(path, options.max_bytes if kind != "jsonl" else None)
    except _TooLarge as exc:
        yield Failure(origin, "read", "input too large", str(exc))
        return
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield Failure(origin, "read", "truncated or corrupt gzip", str(exc) or type(exc).__name__)
        return
    except OSError as exc:
        yield Failure(origin, "read", "cannot read file", str(exc))
        return

    if kind == "jsonl":
        yield from _iter_jsonl(origin, data, options, sidecar)
        return
    if kind == "feed":
        if looks_like_feed(data):
            yield from iter_feed(origin, data, _apply_options(sidecar, options))
        elif explicit:
            yield Failure(origin, "read", "unsupported file type", "an XML file that is not an RSS or Atom feed")
        return
    media_type = "text/html" if kind == "html" else "text/plain"
    metadata = _apply_options(sidecar, options)
    yield RawDocument(
        origin=origin,
        data=data,
        media_type=media_type,
        url=metadata.pop("url", None),
        published=metadata.pop("published", None),
        metadata=metadata,
    )


class _TooLarge(Exception):
    pass


def _read_bytes(path: Path, limit: int | None) -> bytes:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        if limit is None:
            return handle.read()
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _TooLarge(f"more than {limit:,} bytes once decompressed")
    return data


def _read_sidecar(path: Path) -> dict[str, Any] | Failure:
    stem = path.name.split(".")[0]
    sidecar = path.with_name(stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("top level is not an object")
        return _normalise_metadata(meta, str(sidecar))
    except (OSError, ValueError) as exc:
        return Failure(str(path), "read", "bad metadata sidecar", f"{sidecar}: {exc}")


def _normalise_metadata(meta: dict[str, Any], where: str) -> dict[str, Any]:
    """Validate the keys we interpret; keep the others as they are."""
    out = dict(meta)
    if out.get("published") not in (None, ""):
        try:
            out["published"] = parse_date(str(out["published"]))
        except ValueError as exc:
            raise ValueError(f"{where}: published {out['published']!r}: {exc}") from None
        out["published_source"] = out.get("published_source", "metadata")
    else:
        out.pop("published", None)
    return out


def parse_date(value: str) -> date:
    """ISO dates, with or without a time part ("2017-12-23", "2017-12-23T10:00:00Z")."""
    value = value.strip()
    if len(value) >= 10:
        return date.fromisoformat(value[:10])
    raise ValueError("expected an ISO date like 2017-12-23")


def _apply_options(metadata: dict[str, Any], options: IngestOptions) -> dict[str, Any]:
    metadata = dict(metadata)
    if options.published is not None:
        metadata["published"] = options.published
        metadata["published_source"] = "user"
    if options.source:
        metadata["source"] = options.source
    return metadata


def _iter_jsonl(origin: str, data: bytes, options: IngestOptions, sidecar: dict[str, Any]) -> Iterator[RawDocument | Failure]:
    for number, line in enumerate(io.BytesIO(data), start=1):
        if not line.strip():
            continue
        where = f"{origin}#line={number}"
        if len(line) > options.max_bytes:
            yield Failure(where, "read", "input too large", f"{len(line):,} bytes > limit {options.max_bytes:,}")
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("line is not a JSON object")
            body, media_type = _jsonl_body(record)
            metadata = _normalise_metadata({**sidecar, **{k: v for k, v in record.items() if k not in ("html", "text")}}, where)
        except ValueError as exc:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
            yield Failure(where, "read", "bad JSONL record", str(exc), sha256=content_hash(line), data=line[:FAILURE_DATA_LIMIT])
            continue
        if "published" in metadata and "published_source" not in record:
            metadata["published_source"] = "jsonl"
        metadata = _apply_options(metadata, options)
        yield RawDocument(
            origin=where,
            data=body.encode("utf-8"),
            media_type=media_type,
            url=metadata.pop("url", None),
            published=metadata.pop("published", None),
            metadata=metadata,
            text=body,
        )


def _jsonl_body(record: dict[str, Any]) -> tuple[str, str]:
    for key, media_type in (("html", "text/html"), ("text", "text/plain")):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value, media_type
    raise ValueError("record has neither a non-empty 'html' nor 'text' field")


__all__ = ["IngestOptions", "iter_documents", "read_path", "expand_inputs", "kind_of", "parse_date"]
