"""News read from the web: a feed or a page named by its http(s) address.

A feed's entries become documents as a feed saved to disk does (``feeds.py``); with
``follow_links`` each entry's linked page is fetched and extracted instead, the entry's title,
date and publisher kept as its metadata. A page is an HTML document. An OPML file, the list
feed readers export, names feeds to read from the web. Every request has a time
limit and a size limit; whatever goes wrong (no answer in time, an HTTP error, a refused
connection, too many bytes) becomes a ``Failure`` with the address as its origin, so the batch
goes on and ``newsdesk failures --retry`` fetches it again. Polling a feed again stores only
what is new: an unchanged entry has the same bytes, hence the same content hash.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from .. import __version__
from ..records import Failure, RawDocument
from .feeds import iter_feed, looks_like_feed

DEFAULT_TIMEOUT = 20.0
USER_AGENT = f"newsdesk/{__version__} (news monitoring)"


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def read_url(url: str, metadata: dict[str, Any], max_bytes: int, timeout: float = DEFAULT_TIMEOUT,
             follow_links: bool = False, known_urls: frozenset[str] = frozenset()) -> Iterator[RawDocument | Failure]:
    """``known_urls``: pages already stored, which a feed's entries do not fetch again."""
    data = fetch(url, max_bytes, timeout)
    if isinstance(data, Failure):
        yield data
        return
    if looks_like_feed(data):  # servers label feeds text/xml, application/rss+xml, even text/html
        for item in iter_feed(url, data, metadata):
            if follow_links and isinstance(item, RawDocument) and item.url and is_url(item.url):
                if item.url not in known_urls:  # polled again, a feed lists mostly what is stored
                    yield from _linked_page(item, max_bytes, timeout)
            else:
                yield item
        return
    yield RawDocument(origin=url, data=data, media_type="text/html", url=url, published=metadata.get("published"),
                      metadata={k: v for k, v in metadata.items() if k != "published"})


def _linked_page(entry: RawDocument, max_bytes: int, timeout: float) -> Iterator[RawDocument | Failure]:
    """The page an entry links to, with what the feed said of it; a page that cannot be fetched is
    a failure of its own, retried by its address."""
    fetched = fetch(entry.url, max_bytes, timeout)
    if isinstance(fetched, Failure):
        yield fetched
        return
    metadata = {k: v for k, v in entry.metadata.items() if k != "feed_body"} | {"feed_entry": entry.origin}
    yield replace(entry, origin=entry.url, data=fetched, media_type="text/html", text=None, metadata=metadata)


def fetch(url: str, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> bytes | Failure:
    """The body of a GET, or why there is none."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        return Failure(url, "fetch", f"HTTP {exc.code}", str(exc.reason))
    except TimeoutError:  # socket.timeout is TimeoutError
        return Failure(url, "fetch", "timed out", f"no answer within {timeout:g} s")
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            return Failure(url, "fetch", "timed out", f"no answer within {timeout:g} s")
        return Failure(url, "fetch", "cannot connect", str(exc.reason))
    except (OSError, ValueError) as exc:  # a connection reset mid-body, a malformed address
        return Failure(url, "fetch", "cannot fetch", f"{type(exc).__name__}: {exc}")
    if len(data) > max_bytes:
        return Failure(url, "fetch", "input too large", f"more than {max_bytes:,} bytes")
    if not data.strip():
        return Failure(url, "fetch", "empty input", "the server sent no body")
    return data


def read_feed_list(path: Path) -> list[str] | Failure:
    """The feed addresses of an OPML file, the list feed readers export and import
    (``<outline xmlUrl="…">``, nested in folders or not), in file order."""
    origin = str(path)
    try:
        root = ElementTree.fromstring(path.read_bytes())
    except OSError as exc:
        return Failure(origin, "read", "cannot read file", str(exc))
    except ElementTree.ParseError as exc:
        return Failure(origin, "read", "not a readable OPML feed list", str(exc))
    addresses = [o.get("xmlUrl", "").strip() for o in root.iter("outline")]
    addresses = [a for a in dict.fromkeys(addresses) if is_url(a)]
    if not addresses:
        return Failure(origin, "read", "not a readable OPML feed list", "no outline with an http(s) xmlUrl")
    return addresses
