"""Bytes of one input file to text, with the checks that make a batch skip bad files.

Holds the size limit (checked before reading), binary detection and decoding (declared
charset for HTML); it does not clean or parse the text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from eventwire.errors import IngestError

_SNIFF_BYTES = 8_192
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_MAX_CONTROL_SHARE = 0.05  # text in any 8-bit encoding has almost none; images and archives have many
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; EW015 before reading when it is over `max_bytes`, EW013 when empty."""
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(
            f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit; "
            "raise --max-bytes or split the file",
            code="EW015",
        )
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(f"{path}: file is empty or holds only whitespace", code="EW013")
    return data


def decode_text(data: bytes, source: str, encoding: str) -> str:
    """Text of a plain-text or JSON Lines file in `encoding` (a BOM wins)."""
    bom_encoding = _bom_encoding(data)
    _refuse_binary(data, source, bom_encoding)
    try:
        return data.decode(bom_encoding or encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError(
            f"{source}: not valid {encoding} ({exc}); pass --encoding (e.g. --encoding cp1252) "
            "or convert the file to UTF-8",
            code="EW012",
        ) from exc


def decode_html(data: bytes, source: str, encoding: str) -> str:
    """Text of an HTML page: `encoding` first, then the charset the page declares."""
    bom_encoding = _bom_encoding(data)
    _refuse_binary(data, source, bom_encoding)
    try:
        return data.decode(bom_encoding or encoding)
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared is None:
        raise IngestError(
            f"{source}: not valid {encoding} and the page declares no charset; pass --encoding",
            code="EW012",
        )
    try:
        return data.decode(declared)
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError(
            f"{source}: not valid {encoding} nor its declared charset {declared!r} ({exc}); pass --encoding",
            code="EW012",
        ) from exc


def declared_charset(data: bytes) -> str | None:
    """The charset named in the page's <meta> or XML declaration, if any."""
    head = data[: _SNIFF_BYTES * 4]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _refuse_binary(data: bytes, source: str, bom_encoding: str | None) -> None:
    # UTF-16 text is full of NUL bytes; only its BOM tells it from a binary file.
    if bom_encoding == "utf-16":
        return
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        raise IngestError(f"{source}: looks binary (NUL bytes), not a text article; skip it", code="EW014")
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(head):
        raise IngestError(
            f"{source}: looks binary (control bytes), not a text article; skip it", code="EW014"
        )
