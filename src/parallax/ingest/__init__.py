"""Read inputs of any supported kind into ``Document`` records.

``read_inputs`` never stops at a bad file: each failure becomes an
``InputError`` (one line: the file and the reason) returned beside the
documents that did load, so the caller can report it and go on.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO, cast

from parallax.errors import InputError
from parallax.ingest.compressed import (
    GZIP_MAGIC,
    CorruptArchive,
    TooLarge,
    gunzip,
    is_gzip_name,
    reader_name,
)
from parallax.ingest.decode import DecodeError, decode_bytes
from parallax.ingest.feed import feed_documents, looks_like_feed, page_key
from parallax.ingest.html import NoArticleText, html_document, looks_like_html
from parallax.ingest.jsonl import jsonl_documents, looks_like_jsonl, stream_lines
from parallax.ingest.note import Note
from parallax.ingest.text import text_document
from parallax.ingest.warc import is_warc_name, looks_like_warc, warc_documents
from parallax.model import Document
from parallax.options import DEFAULT_OPTIONS, IngestOptions

__all__ = ["ARTICLE_SUFFIXES", "Inputs", "Note", "cut_to_limit", "expected_documents",
           "iter_inputs", "read_inputs"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
# Read when walking a folder, also gzip-compressed (``.txt.gz``); a file named
# explicitly is read whatever its suffix (a ``.xml`` feed, a WARC by its magic).
ARTICLE_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES | FEED_SUFFIXES | {".warc"}


@dataclass(frozen=True, slots=True)
class Inputs:
    """What ``read_inputs`` found: documents, failures, and what it did not read.

    ``skipped`` lists the paths in folders that were not read (not articles,
    hidden, not regular files); ``notes`` holds one line per such path and per
    input that was read only in part (over a size limit), so nothing is left
    out without a word.
    """

    documents: tuple[Document, ...]
    errors: tuple[InputError, ...]
    skipped: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())


def _kind_of(mode: int) -> str | None:
    """What a file that is not a regular file or folder is, in words; None when it is one."""
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), None)


@dataclass(slots=True)
class _Walk:
    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append(path)
        self.notes.append(f"note: {path}: skipped, {reason}")


def _walk_folder(root: str, found: _Walk) -> None:
    """Every entry under ``root``: article files to read, and a note for each one not read.

    ``os.walk`` with ``onerror`` so that a sub-folder that cannot be listed is
    reported (``Path.rglob`` passes over it in silence).
    """
    def unreadable(error: OSError) -> None:
        found.errors.append(InputError(str(error.filename or root),
                                       f"cannot read folder ({error.strerror or error})"))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        hidden = sorted(d for d in dirs if d.startswith("."))
        for name in hidden:
            found.skip(os.path.join(folder, name), "hidden folder")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            child = os.path.join(folder, name)
            if name.startswith("."):
                found.skip(child, "hidden file")
                continue
            try:
                mode = os.stat(child).st_mode
            except FileNotFoundError:
                found.errors.append(InputError(child, "broken symbolic link"))
                continue
            except OSError as exc:
                found.errors.append(_unreadable(child, exc))
                continue
            if stat.S_ISDIR(mode):  # a link to a folder: os.walk does not follow it
                found.skip(child, "a link to a folder (not followed)")
            elif (kind := _kind_of(mode)) is not None:
                found.skip(child, f"{kind}, not a file")
            elif reader_name(child).suffix.lower() in ARTICLE_SUFFIXES:
                found.files.append(child)
            else:
                found.skip(child, "not an article file (.txt, .html, .jsonl, .rss, .atom, "
                                  ".warc, or those .gz)")


def _walk(paths: Sequence[str]) -> _Walk:
    found = _Walk()
    for raw in paths:
        if raw == "-":
            found.files.append(raw)
            continue
        try:
            mode = os.stat(raw).st_mode
        except FileNotFoundError:
            reason = "broken symbolic link" if os.path.islink(raw) else "no such file or directory"
            found.errors.append(InputError(raw, reason))
            continue
        except OSError as exc:
            found.errors.append(_unreadable(raw, exc))
            continue
        if stat.S_ISDIR(mode):
            _walk_folder(raw, found)
        elif (kind := _kind_of(mode)) is not None:
            found.errors.append(InputError(raw, f"{kind}, not a file: refused (reading it "
                                                "could block or never end)"))
        else:
            found.files.append(raw)
    return found


def _unique_id(stem: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w.\-]+", "-", stem).strip("-") or "doc"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


_CHUNK = 1 << 20


def _read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes, read in chunks; ``TooLarge`` when the stream holds more."""
    chunks, size = [], 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
    return b"".join(chunks)


def _unreadable(name: str, exc: OSError) -> InputError:
    """The error line of an input the system would not open or read: its reason, not
    the errno tuple."""
    return InputError(name, f"cannot read ({exc.strerror or exc})")


def _too_large(limit: int) -> TooLarge:
    return TooLarge(f"larger than the input limit of {limit:,} bytes (ingest.max_input_bytes)")


def _read_bytes(path: str, limit: int) -> bytes:
    """The file's bytes, decompressed when it is gzip (by name)."""
    with open(path, "rb") as stream:
        data = _read_bounded(stream, limit)
    return gunzip(data, limit) if is_gzip_name(path) else data


Item = Document | InputError | Note


# Enough compressed bytes to inflate a WARC's first line: a deflate block
# opens with its Huffman tables, which can take a few hundred bytes.
_HEAD_BYTES = 1024


def _head(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read(_HEAD_BYTES)


class _Prefixed(io.RawIOBase):
    """``head`` (bytes already read off a stream that cannot seek) and then the rest
    of ``rest``: standard input is sniffed by reading, and still read from its start."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._head[:len(buffer)] or self._rest.read(len(buffer))
        self._head = self._head[len(data):] if self._head else b""
        buffer[:len(data)] = data
        return len(data)


def _prefixed(head: bytes, rest: BinaryIO) -> BinaryIO:
    return cast(BinaryIO, io.BufferedReader(_Prefixed(head, rest)))


_BROKEN = (OSError, EOFError, zlib.error)
"""What a stream that breaks mid-way raises (a truncated or corrupt gzip member)."""


def _guarded(name: str, items: Iterable[Item]) -> Iterator[Item]:
    """``items``, then one error line if the stream under them broke."""
    try:
        yield from items
    except _BROKEN as exc:
        yield InputError(name, f"cannot read to the end ({exc})")


def _streamed(path: str, read: Callable[[BinaryIO], Iterable[Item]]) -> Iterator[Item]:
    """``read`` over the file's (decompressed) bytes as a stream, the file open only
    while it runs; a file that breaks mid-way is one error line after what it gave."""
    with ExitStack() as stack:
        try:
            stream = cast(BinaryIO, stack.enter_context(open(path, "rb")))
        except OSError as exc:
            yield _unreadable(path, exc)
            return
        if is_gzip_name(path):
            stream = cast(BinaryIO, stack.enter_context(gzip.GzipFile(fileobj=stream)))
        yield from _guarded(path, read(stream))


def _from_stdin(doc_id: str, options: IngestOptions) -> tuple[str, Iterable[Item]]:
    """Standard input: a WARC or JSON Lines (gzip or not) streamed, anything else read
    whole up to ``max_input_bytes``. JSON Lines are known by the first non-blank line."""
    name, limit = "<stdin>", options.max_input_bytes
    head = sys.stdin.buffer.read(_HEAD_BYTES)
    stream = _prefixed(head, sys.stdin.buffer)
    if looks_like_warc(head):
        return "warc", _guarded(name, warc_documents(name, stream, doc_id, limit=limit))
    if head.startswith(GZIP_MAGIC):
        stream = cast(BinaryIO, gzip.GzipFile(fileobj=stream))
    opening = b""
    try:
        while (line := stream.readline(limit + 1)) and not line.strip():
            opening += line
        opening += line
        if len(line) <= limit and looks_like_jsonl(line.decode("utf-8", "replace")):
            return "jsonl", _guarded(name, jsonl_documents(
                name, stream_lines(_prefixed(opening, stream), limit), doc_id))
        if len(opening) > limit:
            raise _too_large(limit)
        data = opening + _read_bounded(stream, limit - len(opening))
    except TooLarge as exc:
        return "file", [InputError(name, str(exc))]
    except _BROKEN as exc:
        return "file", [InputError(name, f"corrupt gzip file ({exc})")]
    return _from_bytes(name, "", data, doc_id)


def _documents_from(path: str, doc_id: str, options: IngestOptions
                    ) -> tuple[str, Iterable[Item]]:
    """The format the input was read as (``feed``, ``warc``, ...) and what it yields.

    WARC and JSONL named so are read as streams of records, of any size; the
    other formats are one article each, or a feed, and are read whole, up to
    ``max_input_bytes``.
    """
    if path == "-":
        return _from_stdin(doc_id, options)
    limit = options.max_input_bytes
    suffix = reader_name(path).suffix.lower()
    try:
        warc = is_warc_name(path) or looks_like_warc(_head(path))
    except OSError as exc:
        return "file", [_unreadable(path, exc)]
    if warc:
        return "warc", _streamed(path, lambda stream: warc_documents(
            path, stream, doc_id, limit=limit))
    if suffix in JSONL_SUFFIXES:
        return "jsonl", _streamed(path, lambda stream: jsonl_documents(
            path, stream_lines(stream, limit), doc_id))
    try:
        data = _read_bytes(path, limit)
    except (CorruptArchive, TooLarge) as exc:
        return "file", [InputError(path, str(exc))]
    except OSError as exc:
        return "file", [_unreadable(path, exc)]
    return _from_bytes(path, suffix, data, doc_id)


def _from_bytes(name: str, suffix: str, data: bytes, doc_id: str
                ) -> tuple[str, Iterable[Item]]:
    """One input read whole: JSON Lines, a feed, a page or a text, by suffix or content."""
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        return "file", [InputError(name, str(exc))]
    known = suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES
    if not known and looks_like_jsonl(text):
        return "jsonl", jsonl_documents(name, text, doc_id)
    if suffix in FEED_SUFFIXES or (not known and looks_like_feed(text)):
        return "feed", feed_documents(name, text, doc_id)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        try:
            return "file", [html_document(doc_id, name, text)]
        except NoArticleText as exc:
            return "file", [InputError(name, str(exc))]
    return "file", [text_document(doc_id, name, text)]


# Where to cut an over-long text, best first: a paragraph break, a sentence
# end, any white space.
_CUT_POINTS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"\u201d\u2019)]?\s"), re.compile(r"\s"))


def cut_to_limit(document: Document, limit: int) -> tuple[Document, str | None]:
    """``document`` with its text cut to at most ``limit`` characters, and a note saying so.

    The cut falls at the last paragraph break before the limit, else the last
    sentence end, else the last white space in the final tenth; the document
    is flagged ``cut-at-limit`` so the briefing says it was read in part.
    """
    source = document.source
    if len(source) <= limit:
        return document, None
    head = source[:limit]
    end = limit
    for pattern in _CUT_POINTS:
        found = [m.end() for m in pattern.finditer(head, limit - limit // 10)]
        if found:
            end = found[-1]
            break
    cut = replace(document, source=source[:end].rstrip(),
                  flags=(*document.flags, "cut-at-limit"))
    note = (f"note: {document.path}: {len(source):,} characters, read the first {len(cut.source):,}"
            " (ingest.max_article_chars); the article is flagged cut-at-limit")
    return cut, note


@dataclass(slots=True)
class _FeedItems:
    """Feed items held back until every page is read, so that an item whose page
    is in the inputs gives way to it (a feed item is often a teaser).

    Only the feed items and one key per page are kept, never the pages.
    """

    items: list[Document] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)

    def saw(self, document: Document) -> None:
        if document.url:
            self.pages.add(page_key(document.url))

    def release(self) -> Iterator[Document | Note]:
        replaced = Counter[str]()
        for item in self.items:
            if item.url and page_key(item.url) in self.pages:
                replaced[item.path.rsplit(":", 1)[0]] += 1
            else:
                yield item
        for feed, count in replaced.items():
            yield Note(f"note: {feed}: {count} item(s) read from their page in the inputs "
                       "instead")


def iter_inputs(paths: Sequence[str], *, options: IngestOptions = DEFAULT_OPTIONS.ingest,
                urls: Sequence[str] = (), allow_private: bool = False, progress: bool = False
                ) -> Iterator[Document | InputError | Note]:
    """What ``read_inputs`` reads, one item at a time: documents (unique ids, cut to
    ``max_article_chars``), error lines and notes, in input order.

    A crawl or a dump is never held whole: each document is yielded as it is
    read (feed items alone wait for the end, see ``_FeedItems``), so a caller
    that consumes the documents one by one keeps memory flat.
    """
    if urls:  # a missing extra is a wrong call, found before any file is read
        from parallax.ingest.fetch import fetch_documents, require_httpx

        require_httpx()
    found = _walk(paths)
    yield from found.errors
    for path, text in zip(found.skipped, found.notes, strict=True):
        yield Note(text, skipped=path)
    taken: set[str] = set()
    used: set[str] = set()
    feeds = _FeedItems()

    def sources() -> Iterator[tuple[str, Iterable[Item]]]:
        for path in found.files:
            stem = "stdin" if path == "-" else reader_name(path).stem
            yield _documents_from(path, _unique_id(stem, taken), options)
        if urls:
            yield "url", fetch_documents(urls, allow_private=allow_private, progress=progress,
                                         options=options)

    for kind, items in sources():
        for item in items:
            if not isinstance(item, Document):
                yield item
                continue
            if item.id in used:
                item = replace(item, id=_unique_id(item.id, taken))
            item, note = cut_to_limit(item, options.max_article_chars)
            if note:
                yield Note(note)
            taken.add(item.id)
            used.add(item.id)
            if kind == "feed":
                feeds.items.append(item)
            else:
                feeds.saw(item)
                yield item
    yield from feeds.release()


def expected_documents(paths: Sequence[str]) -> int | None:
    """About how many documents ``iter_inputs(paths)`` will give, for a progress bar's ETA.

    One per article file, one per non-blank line of a JSON Lines file
    (counted by streaming it, decompressed: seconds for a large dump, next
    to the minutes its grouping takes); None when standard input, a WARC
    or a feed is among the inputs, whose records cannot be counted cheaply.
    """
    total = 0
    for path in _walk(paths).files:
        suffix = reader_name(path).suffix.lower()
        if path == "-" or suffix in FEED_SUFFIXES or is_warc_name(path):
            return None
        if suffix not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with ExitStack() as stack:
                stream = cast(BinaryIO, stack.enter_context(open(path, "rb")))
                if is_gzip_name(path):
                    stream = cast(BinaryIO, stack.enter_context(gzip.GzipFile(fileobj=stream)))
                total += sum(1 for line in stream if line.strip())
        except _BROKEN:
            continue  # reading it will report the failure
    return total


def read_inputs(paths: Sequence[str], *, options: IngestOptions = DEFAULT_OPTIONS.ingest,
                urls: Sequence[str] = (), allow_private: bool = False, progress: bool = False
                ) -> Inputs:
    """Documents from files, folders (recursive), ``-`` (standard input) and ``urls``.

    Files may be gzip-compressed (``.txt.gz``). WARC crawls (``.warc``,
    ``.warc.gz``, or by their first bytes) give one document per HTML page
    and a note of the records skipped; RSS/Atom feeds one per item (after
    the other documents), unless the item's page is in the inputs too.
    Standard input and files of unknown suffix are read as JSON Lines when
    their first line is an article record, else as a feed, HTML or text.
    Document ids are file stems without suffixes (made unique), JSONL ids as
    given. FIFOs and devices are refused by name (reading one could block
    for ever), an input over ``options.max_input_bytes`` is an error line
    (for WARC and JSONL: a record or a line over it), an article over
    ``options.max_article_chars`` is cut there (``cut_to_limit``) with a
    note, and everything in a folder that is not read gets a note saying
    why. ``urls`` are fetched (``fetch.fetch_documents``; private addresses
    only with ``allow_private``), with a progress bar when ``progress``.
    ``iter_inputs`` yields the same one item at a time.
    """
    documents: list[Document] = []
    errors: list[InputError] = []
    skipped: list[str] = []
    notes: list[str] = []
    for item in iter_inputs(paths, options=options, urls=urls, allow_private=allow_private,
                            progress=progress):
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, InputError):
            errors.append(item)
        else:
            notes.append(item.text)
            if item.skipped is not None:
                skipped.append(item.skipped)
    return Inputs(tuple(documents), tuple(errors), tuple(skipped), tuple(notes))
