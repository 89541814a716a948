"""Turn raw bytes into text, or say clearly why they are not an article.

UTF-8 (with or without BOM) is tried first because almost all news text is
UTF-8 and charset detection can misfire on short inputs; everything else goes
through charset-normalizer. Binary data is refused before detection, since a
detector will happily "decode" a JPEG as some single-byte code page.

A UTF-8 file with a few bad bytes stays UTF-8: one stray byte must not turn
every curly quote of the file into another code page's letters (a right
quote read as three cp1252 or Mac Roman letters). Each bad byte is decoded
on its own (``_repair_byte``), and the cleaner flags the article. UTF-16
without a byte-order mark is recognised by its NUL pattern, and a NUL
anywhere else means the file is not text.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from parallax.options import DEFAULT_OPTIONS

__all__ = ["REPLACEMENT", "DecodeError", "decode_bytes"]

REPLACEMENT = "\ufffd"

_SNIFF = DEFAULT_OPTIONS.ingest.sniff_bytes
# Share of control characters (other than tab/newline/CR/form feed) above which
# a decoded sample is treated as binary; real text has next to none.
_MAX_CONTROL_SHARE = DEFAULT_OPTIONS.ingest.max_control_share
_MAX_STRAY_BYTES = DEFAULT_OPTIONS.ingest.max_stray_bytes
_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_UTF16_NUL_SHARE = DEFAULT_OPTIONS.ingest.utf16_nul_share
# Latin-script text is mostly ASCII letters, digits and spaces even in French
# or German (accented letters are a minority); chosen, not tuned.
_UTF16_PRINTABLE_SHARE = 0.7


class DecodeError(ValueError):
    """Raised with a short reason suitable for a one-line error."""


def _looks_binary(sample: str) -> bool:
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return control / len(sample) > _MAX_CONTROL_SHARE


def _utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the sample has UTF-16's NUL pattern, else None."""
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= _UTF16_NUL_SHARE and even_nul < _UTF16_NUL_SHARE / 10 and _texty(even):
        return "utf-16-le"
    if even_nul >= _UTF16_NUL_SHARE and odd_nul < _UTF16_NUL_SHARE / 10 and _texty(odd):
        return "utf-16-be"
    return None


def _texty(low_bytes: bytes) -> bool:
    """Are the low bytes of UTF-16 code units mostly printable ASCII, as in Latin text?

    Binary data with every other byte NUL (``00 ff 00 fe``) has the NUL
    pattern too, but its other bytes are not letters, digits and spaces.
    """
    printable = sum(1 for b in low_bytes if 0x20 <= b < 0x7F or b in (0x09, 0x0A, 0x0D))
    return printable >= _UTF16_PRINTABLE_SHARE * len(low_bytes)


def _repair_byte(error: UnicodeError) -> tuple[str, int]:
    """One bad byte of a UTF-8 file: its cp1252 reading when that is plausible, else U+FFFD.

    Plausible: an accented Latin-1 letter (0xc0-0xfd) right after a letter
    ("caf\xe9", a Latin-1 word pasted into UTF-8) or cp1252's typographic
    punctuation (curly quotes, dashes in 0x80-0x9f). Anything else is
    unknown, and U+FFFD says so instead of guessing.
    """
    if not isinstance(error, UnicodeDecodeError):
        raise error
    data, position = bytes(error.object), error.start
    guess = data[position:position + 1].decode("cp1252", errors="replace")
    after_letter = data[position - 1:position].isalpha()
    typographic = 0x80 <= data[position] <= 0x9F and not guess.isalnum()
    accented = 0xC0 <= data[position] <= 0xFD and guess.isalpha()
    plausible = (after_letter and accented) or (typographic and guess != REPLACEMENT)
    return (guess if plausible else REPLACEMENT), position + 1


codecs.register_error("parallax-repair-byte", _repair_byte)


def _decode_utf8(data: bytes) -> str | None:
    """The text when ``data`` is UTF-8, with any few bad bytes repaired; None when it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="parallax-repair-byte")
    bad = len(data.decode("utf-8-sig", errors="ignore").encode("utf-8"))
    bad_bytes = len(data) - bad - (3 if data.startswith(codecs.BOM_UTF8) else 0)
    if bad_bytes <= _MAX_STRAY_BYTES or len(_MULTIBYTE.findall(data)) >= bad_bytes:
        return text
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise ``DecodeError`` for empty, binary or undecodable data."""
    if not data.strip():
        raise DecodeError("empty file")
    bom16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    utf16 = "utf-16" if bom16 else _utf16_without_bom(data[:_SNIFF])
    if utf16 is not None:
        try:
            text, encoding = data.decode(utf16), utf16
        except UnicodeDecodeError:
            raise DecodeError(f"binary file (not valid {utf16.upper()})") from None
    elif (nul := data.find(b"\x00")) >= 0:
        raise DecodeError(f"binary file (contains NUL bytes, first at byte {nul})")
    elif (utf8 := _decode_utf8(data)) is not None:
        text, encoding = utf8, "utf-8"
    else:
        match = charset_normalizer.from_bytes(data).best()
        if match is None:
            raise DecodeError("cannot detect the text encoding") from None
        text, encoding = str(match), match.encoding
    if _looks_binary(text[:_SNIFF]):
        raise DecodeError(f"binary file (not text in {encoding})")
    if not text.strip():
        raise DecodeError("empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
