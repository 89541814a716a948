"""Gzip-compressed inputs: ``story.txt.gz`` is read as ``story.txt`` would be.

Crawls are often stored compressed, so a file ending in ``.gz`` is
decompressed in memory and the suffix before ``.gz`` decides how the text is
read; the document keeps the compressed file's path, which is what the user
named and can open again.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import PurePath

__all__ = ["GZIP_MAGIC", "CorruptArchive", "gunzip", "is_gzip_name", "reader_name"]

GZIP_SUFFIX = ".gz"
# Every gzip member starts with these two bytes (RFC 1952).
GZIP_MAGIC = b"\x1f\x8b"


class CorruptArchive(ValueError):
    """Raised with a short reason suitable for a one-line error."""


def is_gzip_name(path: str) -> bool:
    """Whether the file name ends in ``.gz`` (any case)."""
    return PurePath(path).suffix.lower() == GZIP_SUFFIX


def reader_name(path: str) -> PurePath:
    """The name whose suffix and stem count: ``a/03_herald.txt.gz`` -> ``a/03_herald.txt``."""
    pure = PurePath(path)
    return pure.with_suffix("") if is_gzip_name(path) else pure


def gunzip(data: bytes) -> bytes:
    """The decompressed bytes; ``CorruptArchive`` when the data is not whole gzip."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise CorruptArchive(f"corrupt gzip file ({exc})") from None
