"""Read inputs of any supported kind into ``Document`` records.

``read_inputs`` never stops at a bad file: each failure becomes an
``InputError`` (one line: the file and the reason) returned beside the
documents that did load, so the caller can report it and go on.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import BinaryIO

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
from parallax.ingest.html import NoArticleText, html_document, looks_like_html
from parallax.ingest.jsonl import jsonl_documents, looks_like_jsonl
from parallax.ingest.text import text_document
from parallax.model import Document
from parallax.options import DEFAULT_OPTIONS, IngestOptions

__all__ = ["ARTICLE_SUFFIXES", "Inputs", "cut_to_limit", "read_inputs"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
# Read when walking a folder, also gzip-compressed (``.txt.gz``); a file named
# explicitly is read whatever its suffix.
ARTICLE_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES


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
                found.errors.append(InputError(child, f"cannot read ({exc.strerror or exc})"))
                continue
            if stat.S_ISDIR(mode):  # a link to a folder: os.walk does not follow it
                found.skip(child, "a link to a folder (not followed)")
            elif (kind := _kind_of(mode)) is not None:
                found.skip(child, f"{kind}, not a file")
            elif reader_name(child).suffix.lower() in ARTICLE_SUFFIXES:
                found.files.append(child)
            else:
                found.skip(child, "not an article file (.txt, .html, .jsonl, or those .gz)")


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
            found.errors.append(InputError(raw, f"cannot read ({exc.strerror or exc})"))
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
            raise TooLarge(f"larger than the input limit of {limit:,} bytes "
                           "(ingest.max_input_bytes)")
    return b"".join(chunks)


def _read_bytes(path: str, limit: int) -> bytes:
    """The file's bytes, decompressed when it is gzip (by name, or by content on stdin)."""
    if path == "-":
        data = _read_bounded(sys.stdin.buffer, limit)
        return gunzip(data, limit) if data.startswith(GZIP_MAGIC) else data
    with open(path, "rb") as stream:
        data = _read_bounded(stream, limit)
    return gunzip(data, limit) if is_gzip_name(path) else data


def _documents_from(path: str, doc_id: str, options: IngestOptions
                    ) -> Iterable[Document | InputError]:
    name = "<stdin>" if path == "-" else path
    try:
        data = _read_bytes(path, options.max_input_bytes)
    except (CorruptArchive, TooLarge) as exc:
        return [InputError(name, str(exc))]
    except OSError as exc:
        return [InputError(name, f"cannot read ({exc.strerror or exc})")]
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        return [InputError(name, str(exc))]
    suffix = reader_name(path).suffix.lower()
    known = suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES
    if suffix in JSONL_SUFFIXES or (not known and looks_like_jsonl(text)):
        return jsonl_documents(name, text, doc_id)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        try:
            return [html_document(doc_id, name, text)]
        except NoArticleText as exc:
            return [InputError(name, str(exc))]
    return [text_document(doc_id, name, text)]


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


def read_inputs(paths: Sequence[str], *, options: IngestOptions = DEFAULT_OPTIONS.ingest
                ) -> Inputs:
    """Documents from files, folders (recursive) and ``-`` (standard input).

    Files may be gzip-compressed (``.txt.gz``). Standard input and files of
    unknown suffix are read as JSON Lines when their first line is an article
    record, else as HTML or text. Document ids are file stems without
    suffixes (made unique), JSONL ids as given. FIFOs and devices are refused
    by name (reading one could block for ever), an input over
    ``options.max_input_bytes`` is an error line, an article over
    ``options.max_article_chars`` is cut there (``cut_to_limit``) with a note,
    and everything in a folder that is not read gets a note saying why.
    """
    found = _walk(paths)
    errors = found.errors
    documents: list[Document] = []
    taken: set[str] = set()
    used: set[str] = set()
    for path in found.files:
        stem = "stdin" if path == "-" else reader_name(path).stem
        for item in _documents_from(path, _unique_id(stem, taken), options):
            if isinstance(item, InputError):
                errors.append(item)
                continue
            if item.id in used:
                item = replace(item, id=_unique_id(item.id, taken))
            item, note = cut_to_limit(item, options.max_article_chars)
            if note:
                found.notes.append(note)
            taken.add(item.id)
            used.add(item.id)
            documents.append(item)
    return Inputs(tuple(documents), tuple(errors), tuple(found.skipped), tuple(found.notes))
