"""Gzip-compressed inputs: ``story.txt.gz`` is read as ``story.txt`` would be.

Crawls are often stored compressed, so a file ending in ``.gz`` is
decompressed in memory and the suffix before ``.gz`` decides how the text is
read; the document keeps the compressed file's path, which is what the user
named and can open again.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import PurePath

__all__ = ["GZIP_MAGIC", "CorruptArchive", "TooLarge", "gunzip", "is_gzip_name", "reader_name"]

GZIP_SUFFIX = ".gz"
# Every gzip member starts with these two bytes (RFC 1952).
GZIP_MAGIC = b"\x1f\x8b"


class CorruptArchive(ValueError):
    """Raised with a short reason suitable for a one-line error."""


class TooLarge(ValueError):
    """An input holds more bytes than the limit; the reason names the limit."""


def is_gzip_name(path: str) -> bool:
    """Whether the file name ends in ``.gz`` (any case)."""
    return PurePath(path).suffix.lower() == GZIP_SUFFIX


def reader_name(path: str) -> PurePath:
    """The name whose suffix and stem count: ``a/03_herald.txt.gz`` -> ``a/03_herald.txt``."""
    pure = PurePath(path)
    return pure.with_suffix("") if is_gzip_name(path) else pure


def gunzip(data: bytes, limit: int) -> bytes:
    """The decompressed bytes, at most ``limit`` of them (a small file can inflate to
    gigabytes); ``CorruptArchive`` when the data is not whole gzip, ``TooLarge`` past
    the limit."""
    out, size = [], 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(min(1 << 20, limit + 1 - size)):
                out.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise TooLarge(f"decompresses to more than the input limit of {limit:,} "
                                   "bytes (ingest.max_input_bytes)")
    except (OSError, EOFError, zlib.error) as exc:
        raise CorruptArchive(f"corrupt gzip file ({exc})") from None
    return b"".join(out)
