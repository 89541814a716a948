"""Opening a SQL store to read, to add to, or as the web app's upload sink.

Kept out of ``parallax/store/__init__.py`` so that importing the reader seam
(``parallax.store.reader``) loads no SQLAlchemy: the web app is built on the
seam alone and ``parallax serve`` opens the store lazily.
"""


from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parallax.model import Document
from parallax.options import Options
from parallax.progress import Reporter
from parallax.store.add import AddResult, add_documents
from parallax.store.engine import Store
from parallax.store.sql import SqlReader

__all__ = ["AddResult", "SqlReader", "SqlStore", "Store", "StoreSink", "open_reader",
           "open_sink", "open_store"]


def open_reader(db: str | None = None, *, wait: float = 600.0) -> SqlReader:
    """A ``StoreReader`` over the store at ``db`` (``--db`` form: a URL, a file, or None for
    ``$PARALLAX_DB`` or the default file); a missing or unreadable store is a ``StoreError``."""
    return SqlReader(Store.open(db, wait=wait))


def open_store(db: str | None = None, *, create: bool = True, wait: float = 600.0) -> SqlStore:
    """The store at ``db`` for adding to (made when it does not exist)."""
    return SqlStore(Store.open(db, create=create, wait=wait))


class SqlStore:
    """A SQL store (SQLite or PostgreSQL): add documents to it, read it (``reader``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, documents: Sequence[Document], report: Reporter, *,
            options: Options | None = None) -> AddResult:
        return add_documents(self.store, documents, report, options=options)

    def reader(self) -> SqlReader:
        return SqlReader(self.store)

    def close(self) -> None:
        self.store.close()


def open_sink(db: str | None = None, *, wait: float = 600.0) -> StoreSink:
    """The store at ``db`` to add uploaded documents to (the web app's upload seam)."""
    return StoreSink(open_store(db, wait=wait))


class StoreSink:
    """``add(documents)`` with a JSON-ready summary: what ``parallax serve`` uploads call.

    Each call is one ``parallax add`` of the documents (cleaned together,
    grouped, stories that grew re-briefed), without progress bars.
    """

    def __init__(self, store: SqlStore, options: Options | None = None) -> None:
        self.store = store
        self.options = options

    def add(self, documents: Sequence[Document]) -> dict[str, Any]:
        result = self.store.add(documents, Reporter(None), options=self.options)
        return {"added": list(result.added), "known": len(result.known),
                "briefed": list(result.briefed), "notes": list(result.notes)}

    def close(self) -> None:
        self.store.close()
