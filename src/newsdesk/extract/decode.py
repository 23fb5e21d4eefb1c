"""Bytes to text: declared charsets first, then UTF-8, then detection.

Binary payloads are refused with a reason instead of being decoded into noise.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .errors import ExtractionError

_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "ELF executable",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def decode(data: bytes, *, html: bool) -> str:
    if not data.strip():
        raise ExtractionError("empty input")
    for magic, label in _MAGIC.items():
        if data.startswith(magic):
            raise ExtractionError("binary content", f"looks like {label}")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    sample = data[:65536]
    if sample.count(0) > 0 or sum(byte in _CONTROL for byte in sample) > len(sample) * 0.02:
        raise ExtractionError("binary content", "control bytes where text was expected")

    if html:
        declared = _declared_charset(data)
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common: fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ExtractionError("cannot decode", "not UTF-8 and no other encoding fits")
    return str(best)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    # Browsers read latin-1 labels as windows-1252 (WHATWG Encoding); so do we.
    return "cp1252" if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else name
