"""WARC crawls (``.warc``, ``.warc.gz``): one Document per HTML page the crawler saved.

Records are read one at a time from the file (warcio, which also inflates a
gzip-per-record archive), so a crawl of any size never sits in memory. Only
``response`` records with status 200 and an HTML body are articles; the
others (requests, metadata, revisits, redirects, images, scripts) are
counted and named in one note, never dropped in silence. A page's own date
wins over the record's ``WARC-Date``: a crawler fetches old stories too.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePath
from typing import Any, BinaryIO

from parallax.errors import InputError
from parallax.ingest.compressed import GZIP_MAGIC
from parallax.ingest.decode import DecodeError, decode_bytes
from parallax.ingest.html import HTML_TYPES, NoArticleText, html_document, looks_like_html
from parallax.ingest.note import Note
from parallax.model import Document

__all__ = ["WARC_MAGIC", "is_warc_name", "looks_like_warc", "warc_documents"]

# Every WARC record starts with its version line (ISO 28500: WARC/1.0, WARC/1.1).
WARC_MAGIC = b"WARC/1."
_WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc_name(path: str) -> bool:
    """Whether the file name ends in ``.warc`` or ``.warc.gz`` (any case)."""
    return PurePath(path).name.lower().endswith(_WARC_SUFFIXES)


def looks_like_warc(head: bytes) -> bool:
    """Whether the first bytes of an input (gzip or not) open a WARC record."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def _skip_reason(record: Any) -> str | None:
    """Why a record is not an article page, in words; None when it is one."""
    if record.rec_type == "revisit":
        return "revisit"
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    headers = record.http_headers
    if headers is None:
        return "response without HTTP headers"
    status = headers.get_statuscode()
    if status != "200":
        return f"status {status}"
    kind = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if kind and kind not in HTML_TYPES:
        return "not HTML"
    return None


def _record_date(record: Any) -> str | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    return value[:10] if len(value) >= 10 and value[4] == "-" and value[7] == "-" else None


def _page(record: Any, where: str, doc_id: str, limit: int) -> Document | InputError | str:
    """The record's page as a Document, an error line, or the reason it is no article."""
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        return InputError(where, f"record larger than the input limit of {limit:,} bytes "
                                 "(ingest.max_input_bytes)")
    try:
        text, _encoding = decode_bytes(body)
    except DecodeError:
        return "not HTML"
    if not looks_like_html(text):
        return "not HTML"
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        doc = html_document(doc_id, where, text, url=url)
    except NoArticleText:
        return "no article text"
    return doc if doc.published else replace(doc, published=_record_date(record))


def _summary(path: str, read: int, skipped: Counter[str]) -> Note:
    reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(
        skipped.items(), key=lambda item: (-item[1], item[0])))
    return Note(f"note: {path}: read {read} HTML page(s) of {read + skipped.total()} WARC "
                f"record(s); skipped {reasons}")


def warc_documents(path: str, stream: BinaryIO, id_base: str, *, limit: int
                   ) -> Iterator[Document | InputError | Note]:
    """Yield a Document per HTML page, an InputError per bad record, and one Note
    naming what was skipped.

    ``path`` names the input in every line; a page's path is ``PATH:N`` (the
    N-th record), its id ``ID_BASE-N``, its url the record's
    ``WARC-Target-URI``. ``limit`` bounds the bytes of one record's body.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped: Counter[str] = Counter()
    read = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            reason = _skip_reason(record)
            if reason is None:
                found = _page(record, f"{path}:{number}", f"{id_base}-{number}", limit)
                if isinstance(found, str):
                    reason = found
                else:
                    read += isinstance(found, Document)
                    yield found
            if reason is not None:
                skipped[reason] += 1
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        yield InputError(path, f"corrupt WARC file after {read + skipped.total()} record(s) "
                               f"({exc})")
    if skipped:
        yield _summary(path, read, skipped)
    elif read == 0:
        yield InputError(path, "no WARC record in the file")
