"""Read inputs of any supported kind into ``Document`` records.

``read_inputs`` never stops at a bad file: each failure becomes an
``InputError`` (one line: the file and the reason) returned beside the
documents that did load, so the caller can report it and go on.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from parallax.errors import InputError
from parallax.ingest.compressed import (
    GZIP_MAGIC,
    CorruptArchive,
    gunzip,
    is_gzip_name,
    reader_name,
)
from parallax.ingest.decode import DecodeError, decode_bytes
from parallax.ingest.html import NoArticleText, html_document, looks_like_html
from parallax.ingest.jsonl import jsonl_documents, looks_like_jsonl
from parallax.ingest.text import text_document
from parallax.model import Document

__all__ = ["ARTICLE_SUFFIXES", "Inputs", "read_inputs"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
# Read when walking a folder, also gzip-compressed (``.txt.gz``); a file named
# explicitly is read whatever its suffix.
ARTICLE_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES


@dataclass(frozen=True, slots=True)
class Inputs:
    """What ``read_inputs`` found: documents, failures, and folder files it did not read."""

    documents: tuple[Document, ...]
    errors: tuple[InputError, ...]
    skipped: tuple[str, ...]


def _walk(paths: Sequence[str]) -> tuple[list[str], list[str], list[InputError]]:
    files: list[str] = []
    skipped: list[str] = []
    errors: list[InputError] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.is_file():
                    suffix = reader_name(str(child)).suffix.lower()
                    (files if suffix in ARTICLE_SUFFIXES else skipped).append(str(child))
                elif child.is_symlink() and not child.exists():
                    errors.append(InputError(str(child), "broken symbolic link"))
        elif path.exists():
            files.append(raw)
        else:
            errors.append(InputError(raw, "no such file or directory"))
    return files, skipped, errors


def _unique_id(stem: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w.\-]+", "-", stem).strip("-") or "doc"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _read_bytes(path: str) -> bytes:
    """The file's bytes, decompressed when it is gzip (by name, or by content on stdin)."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return gunzip(data) if data.startswith(GZIP_MAGIC) else data
    data = Path(path).read_bytes()
    return gunzip(data) if is_gzip_name(path) else data


def _documents_from(path: str, doc_id: str) -> Iterable[Document | InputError]:
    name = "<stdin>" if path == "-" else path
    try:
        data = _read_bytes(path)
    except CorruptArchive as exc:
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


def read_inputs(paths: Sequence[str]) -> Inputs:
    """Documents from files, folders (recursive) and ``-`` (standard input).

    Files may be gzip-compressed (``.txt.gz``). Standard input and files of
    unknown suffix are read as JSON Lines when their first line is an article
    record, else as HTML or text. Document ids are file stems without
    suffixes (made unique), JSONL ids as given.
    """
    files, skipped, errors = _walk(paths)
    documents: list[Document] = []
    taken: set[str] = set()
    used: set[str] = set()
    for path in files:
        stem = "stdin" if path == "-" else reader_name(path).stem
        for item in _documents_from(path, _unique_id(stem, taken)):
            if isinstance(item, InputError):
                errors.append(item)
                continue
            if item.id in used:
                item = replace(item, id=_unique_id(item.id, taken))
            taken.add(item.id)
            used.add(item.id)
            documents.append(item)
    return Inputs(tuple(documents), tuple(errors), tuple(skipped))
