"""The store: a corpus that lives between runs (issue 15). See docs/ARCHITECTURE.md.

    url.py      which store: --db URL, $PARALLAX_DB, or the default file
    tables.py   the tables (SQLAlchemy Core); migrations/ makes and upgrades them
    engine.py   opening a store: WAL, write turns, migration, one clear error
    records.py  rows from records and back
    add.py      ``parallax add``: store, group, re-brief what changed
    search.py   full text: SQLite FTS5, PostgreSQL tsvector
    sql.py      ``SqlReader``, the ``StoreReader`` the read commands and the web app use
    reader.py   the ``StoreReader`` seam and its rows
    sqlstore.py ``open_reader``, ``open_store``, ``open_sink`` (imported lazily from here)

``open_reader(url)`` is what a reader (the CLI, the web app) calls,
``open_sink(url)`` what the web app's uploads add through; ``open_store``
(registered as ``parallax.store.sql.v1``) gives a ``SqlStore`` to add to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parallax.store.sqlstore import (
        AddResult,
        SqlReader,
        SqlStore,
        Store,
        StoreSink,
        open_reader,
        open_sink,
        open_store,
    )

__all__ = ["AddResult", "SqlReader", "SqlStore", "Store", "StoreSink", "open_reader",
           "open_sink", "open_store"]


def __getattr__(name: str) -> Any:
    """The SQL side on first use, so ``parallax.store.reader`` alone imports no SQLAlchemy."""
    if name in __all__:
        from parallax.store import sqlstore
        return getattr(sqlstore, name)
    raise AttributeError(f"module 'parallax.store' has no attribute {name!r}")
