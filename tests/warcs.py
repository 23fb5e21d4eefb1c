"""Write small WARC files for tests (uncompressed WARC/1.0 with real block digests)."""

from __future__ import annotations

import base64
import hashlib
import uuid


def _digest(block: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()


def response_record(url: str, html: str, *, corrupt_payload: bool = False, content_type: str = "text/html; charset=utf-8") -> bytes:
    body = html.encode("utf-8")
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    digest = _digest(http)
    if corrupt_payload:  # bit rot after the digest was written
        http = http[:-10] + b"#CORRUPT#!"
    headers = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>\r\n"
        "WARC-Date: 2026-01-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"WARC-Block-Digest: {digest}\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return headers + http + b"\r\n\r\n"


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><nav>Home | World</nav><article><h1>{title}</h1>{body}</article><footer>© Example</footer></body></html>"
