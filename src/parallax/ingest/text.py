"""Plain-text articles: the whole file is the source, metadata read from its top."""

from __future__ import annotations

from parallax.ingest.metadata import (
    guess_outlet,
    guess_published,
    guess_title,
    header_fields,
    iso_date,
)
from parallax.lang import pack_for
from parallax.model import Document

__all__ = ["text_document"]


def text_document(doc_id: str, path: str, text: str) -> Document:
    """A Document whose source is ``text`` exactly as decoded."""
    fields = header_fields(text)
    lang = pack_for(None)  # a text file does not say its language
    published = fields.get("published") or fields.get("date")
    return Document(
        id=doc_id,
        path=path,
        source=text,
        outlet=fields.get("outlet") or fields.get("source") or fields.get("publisher")
        or fields.get("site") or guess_outlet(path, text, lang),
        title=fields.get("title") or guess_title(text),
        published=(iso_date(published, lang) if published else guess_published(text, lang)),
        url=fields.get("url"),
        author=fields.get("author"),
    )
