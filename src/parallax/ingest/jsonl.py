"""JSON Lines: one article per line with ``id``, ``title``, ``outlet``, ``published``,
``url`` and ``text`` or ``html``.

A bad line is reported with its line number and the other lines still load,
in keeping with "one bad input never sinks the rest". A dump of any size is
read as a stream of lines (``stream_lines``): one line, not the file, is in
memory at a time, and a line over the limit is one error line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO

from parallax.errors import InputError
from parallax.ingest.decode import DecodeError, decode_bytes
from parallax.ingest.html import NoArticleText, html_document
from parallax.ingest.metadata import guess_title, iso_date
from parallax.lang import pack_for
from parallax.model import Document

__all__ = ["LineTooLong", "jsonl_documents", "looks_like_jsonl", "stream_lines"]


# Fields that hold text: anything but a string (or null) is a mistake of the
# producer, and storing ``str(value)`` would brief a Python repr as an article.
_TEXT_FIELDS = ("text", "html", "title", "outlet", "url", "author", "published")


class LineTooLong:
    """Stands for a line over the limit in ``stream_lines`` (its bytes were not kept)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit


class _WrongType(Exception):
    """A field of a record holds a value of the wrong JSON type."""


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list",
             dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _checked(record: dict[str, object]) -> None:
    """Raise ``_WrongType`` naming the first field whose value is not of its type."""
    for key in _TEXT_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise _WrongType(f"field {key!r} must be a string, not {_json_type(value)}")
    identifier = record.get("id")
    if identifier is not None and (isinstance(identifier, bool)
                                   or not isinstance(identifier, str | int)):
        raise _WrongType(f"field 'id' must be a string or an integer, not "
                         f"{_json_type(identifier)}")


def _string(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    return str(value).strip() or None if value is not None else None


def looks_like_jsonl(text: str) -> bool:
    """Whether the first non-empty line is a JSON object with a ``text`` or ``html`` field.

    Used where no file suffix tells the format (standard input): an article's
    first line is never such an object, so text and HTML keep being read as before.
    """
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def stream_lines(stream: BinaryIO, limit: int) -> Iterator[str | LineTooLong]:
    """The lines of a byte stream as text, one at a time; a line of more than ``limit``
    bytes is skipped to its end (read in bounded pieces) and yields ``LineTooLong``.

    JSON is UTF-8 (RFC 8259); a line that is not gets the same per-byte repair
    as a file (``decode.decode_bytes``).
    """
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
            yield LineTooLong(limit)
            continue
        try:
            yield line.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                yield decode_bytes(line)[0]
            except DecodeError:
                yield ""


def jsonl_documents(path: str, text: str | Iterable[str | LineTooLong], default_id: str
                    ) -> Iterator[Document | InputError]:
    """Yield a Document per good line and an InputError per bad one.

    ``text`` is the whole text, or its lines as ``stream_lines`` yields them.
    """
    lines = text.split("\n") if isinstance(text, str) else text
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if isinstance(line, LineTooLong):
            yield InputError(where, f"line longer than the limit of {line.limit:,} bytes "
                                    "(ingest.max_input_bytes)")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "expected a JSON object per line")
            continue
        try:
            _checked(record)
        except _WrongType as exc:
            yield InputError(where, str(exc))
            continue
        doc_id = _string(record, "id") or f"{default_id}-{number}"
        body, html = _string(record, "text"), _string(record, "html")
        published = _string(record, "published")
        if body:
            doc = Document(id=doc_id, path=where, source=str(record["text"]),
                           title=_string(record, "title") or guess_title(body),
                           outlet=_string(record, "outlet"), url=_string(record, "url"),
                           author=_string(record, "author"))
        elif html:
            try:
                doc = html_document(doc_id, where, html, url=_string(record, "url"))
            except NoArticleText as exc:
                yield InputError(where, str(exc))
                continue
            doc = replace(doc, title=_string(record, "title") or doc.title,
                          outlet=_string(record, "outlet") or doc.outlet)
        else:
            yield InputError(where, "no 'text' or 'html' field")
            continue
        if published:
            doc = replace(doc, published=iso_date(published, pack_for(doc.language)))
        yield doc
