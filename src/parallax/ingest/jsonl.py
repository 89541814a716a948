"""JSON Lines: one article per line with ``id``, ``title``, ``outlet``, ``published``,
``url`` and ``text`` or ``html``.

A bad line is reported with its line number and the other lines still load,
in keeping with "one bad input never sinks the rest".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

from parallax.errors import InputError
from parallax.ingest.html import NoArticleText, html_document
from parallax.ingest.metadata import guess_title, iso_date
from parallax.lang import pack_for
from parallax.model import Document

__all__ = ["jsonl_documents"]


def _string(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    return str(value).strip() or None if value is not None else None


def jsonl_documents(path: str, text: str, default_id: str) -> Iterator[Document | InputError]:
    """Yield a Document per good line and an InputError per bad one."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "expected a JSON object per line")
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
