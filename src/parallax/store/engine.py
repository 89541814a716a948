"""Opening a store: the engine, its transactions, its migrations, and one clear error.

SQLite is opened in WAL mode, so readers (``parallax list``, the web app)
keep reading while an add writes. Every write transaction starts with
``BEGIN IMMEDIATE`` (SQLite) or takes one transaction-scoped advisory lock
(PostgreSQL): writes to one store take turns, which is what keeps two
``parallax add`` runs from both reading the grouping state and each writing
back theirs. A writer waits for its turn up to ``StoreOptions.wait`` seconds
(SQLite's busy timeout, PostgreSQL's ``lock_timeout``), then fails.

A store is migrated to this version's schema when it opens (Alembic, the
scripts in ``migrations/``); one whose schema this version does not know
(made by a newer parallax), a file that is not a database, or a database of
another program is a ``StoreError`` before anything is read or written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from parallax.errors import StoreError
from parallax.store.url import display, resolve_url, sqlite_path

__all__ = ["Store", "translated"]

# The one advisory lock key of a parallax store on PostgreSQL ("parallax" in ASCII).
_LOCK_KEY = 0x706172616C6C6178
_WRITE = "parallax_write"


@contextmanager
def translated(url: str) -> Iterator[None]:
    """A database failure (corrupt file, server gone, timeout) as one ``StoreError``."""
    try:
        yield
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(f"{display(url)}: {_plain(reason)}") from None
    except SQLAlchemyError as exc:
        raise StoreError(f"{display(url)}: {exc}") from None


def _plain(reason: str) -> str:
    if "file is not a database" in reason or "malformed" in reason:
        return f"not a readable store ({reason})"
    if "database is locked" in reason or "lock timeout" in reason:
        return f"another parallax add holds the store ({reason})"
    return reason


class Store:
    """An open store: one engine, reading and writing transactions, migrated on open."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name
        # The engine as each kind of transaction uses it, made once: every web request reads.
        self._reads = (engine.execution_options(isolation_level="REPEATABLE READ")
                       if self.dialect == "postgresql" else engine)
        self._writes = engine.execution_options(**{_WRITE: True})

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = False,
             wait: float = 600.0) -> Store:
        """The store at ``db`` (``resolve_url``), migrated to this version's schema.

        A SQLite file that does not exist is made when ``create`` (``parallax
        add``), else it is a ``StoreError`` (a reader never makes an empty
        store out of a mistyped path).
        """
        url = resolve_url(db)
        path = sqlite_path(url)
        if path is not None:
            _check_file(path, create)
        engine = _engine(url, wait)
        store = cls(engine, url)
        store._migrate()
        return store

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction: one snapshot of the store (WAL on SQLite, REPEATABLE READ
        on PostgreSQL), so a story's version and its articles agree."""
        with translated(self.url), self._reads.begin() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction, taking the store's turn first; committed when the block ends.

        A database failure inside either kind of transaction is a ``StoreError``.
        """
        with translated(self.url), self._writes.begin() as connection:
            if self.dialect == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": _LOCK_KEY})
            yield connection

    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", "parallax.store:migrations")
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        with self.reading() as connection:
            current = _revisions(connection, self.url, script)
        if current == {head}:
            return
        with self.writing() as connection:
            current = _revisions(connection, self.url, script)
            if current != {head}:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")


def _revisions(connection: Connection, url: str, script: ScriptDirectory) -> set[str]:
    """The store's schema revisions; an unknown one or a foreign database is a ``StoreError``."""
    current = set(MigrationContext.configure(connection).get_current_heads())
    known = {revision.revision for revision in script.walk_revisions()}
    newer = current - known
    if newer:
        raise StoreError(f"{display(url)}: made by a newer parallax (schema "
                         f"{', '.join(sorted(newer))}; this one knows up to "
                         f"{script.get_current_head()})",
                         hint="upgrade parallax to open it: pip install -U parallax-news")
    if not current:
        tables = set(inspect(connection).get_table_names())
        if tables:
            raise StoreError(f"{display(url)}: a database, but not a parallax store "
                             f"(it has tables {', '.join(sorted(tables)[:5])})",
                             hint="give --db a new file or an empty database")
    return current


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a store")
    if path.exists():
        return
    if not create:
        raise StoreError(f"{path}: no store there",
                         hint="make one with: parallax add PATH... --db FILE")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot make the store's folder ({exc.strerror or exc})"
                         ) from None


def _engine(url: str, wait: float) -> Engine:
    if not url.startswith("sqlite"):
        milliseconds = int(wait * 1000)
        return create_engine(url, pool_pre_ping=True, connect_args={
            "options": f"-c lock_timeout={milliseconds}"})
    engine = create_engine(url, connect_args={"timeout": wait})

    @event.listens_for(engine, "connect")
    def _connect(connection: Any, _record: Any) -> None:
        # The driver's own transaction handling off: ``_begin`` says BEGIN.
        connection.isolation_level = None
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine

