"""Articles uploaded over HTTP: a JSONL body, read to a size limit, then parsed.

The limit is enforced twice: a declared ``Content-Length`` over it is refused
before anything is read, and a body sent without one (chunked) is refused at
the first chunk that takes it past the limit, so a client cannot make the
server keep more than ``limit`` bytes of it either way. Lines are read by the same JSONL reader as
``parallax add`` files: a bad line is one error naming its line, the others
still go in.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request

from parallax.errors import InputError
from parallax.ingest.jsonl import jsonl_documents
from parallax.model import Document

__all__ = ["Upload", "read_upload"]


@dataclass(frozen=True, slots=True)
class Upload:
    """The documents of an upload and its lines that could not be read."""

    documents: tuple[Document, ...]
    errors: tuple[str, ...]


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"an upload may hold at most {limit} bytes")


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_upload(request: Request, limit: int) -> Upload:
    """The JSONL articles of ``request``'s body; 413 past ``limit`` bytes, 400 for no article."""
    try:
        text = (await _body(request, limit)).decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the upload is not UTF-8 JSON lines") from None
    documents, errors = [], []
    for item in jsonl_documents("upload", text, "upload"):
        if isinstance(item, InputError):
            errors.append(item.one_line())
        else:
            documents.append(item)
    if not documents:
        raise HTTPException(400, {"message": "no article in the upload", "errors": errors})
    return Upload(tuple(documents), tuple(errors))
