"""Turn raw bytes into text, or say clearly why they are not an article.

UTF-8 (with or without BOM) is tried first because almost all news text is
UTF-8 and charset detection can misfire on short inputs; everything else goes
through charset-normalizer. Binary data is refused before detection, since a
detector will happily "decode" a JPEG as some single-byte code page.
"""

from __future__ import annotations

import charset_normalizer

from parallax.options import DEFAULT_OPTIONS

__all__ = ["DecodeError", "decode_bytes"]

_SNIFF = DEFAULT_OPTIONS.ingest.sniff_bytes
# Share of control characters (other than tab/newline/CR/form feed) above which
# a decoded sample is treated as binary; real text has next to none.
_MAX_CONTROL_SHARE = DEFAULT_OPTIONS.ingest.max_control_share


class DecodeError(ValueError):
    """Raised with a short reason suitable for a one-line error."""


def _looks_binary(sample: str) -> bool:
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return control / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise ``DecodeError`` for empty, binary or undecodable data."""
    if not data.strip():
        raise DecodeError("empty file")
    if b"\x00" in data[:_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        match = charset_normalizer.from_bytes(data).best()
        if match is None:
            raise DecodeError("cannot detect the text encoding") from None
        text, encoding = str(match), match.encoding
    if _looks_binary(text[:_SNIFF]):
        raise DecodeError(f"binary file (not text in {encoding})")
    if not text.strip():
        raise DecodeError("empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
