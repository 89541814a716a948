"""Which store a command opens: ``--db URL``, else ``$PARALLAX_DB``, else the default file.

The default is one SQLite file in the user's data folder,
``$XDG_DATA_HOME/parallax/parallax.db`` (``~/.local/share/parallax/parallax.db``
when ``XDG_DATA_HOME`` is unset), so ``parallax add`` and ``parallax list``
find the same corpus from any folder. A bare path (no ``://``) is taken as a
SQLite file, so ``--db corpus.db`` works as well as ``--db sqlite:///corpus.db``.
"""

from __future__ import annotations

import os
from pathlib import Path

from parallax.errors import StoreError

__all__ = ["DEFAULT_NAME", "ENVIRONMENT", "default_path", "display", "resolve_url",
           "sqlite_path"]

ENVIRONMENT = "PARALLAX_DB"
DEFAULT_NAME = "parallax.db"
_SCHEMES = ("sqlite", "postgresql", "postgres")


def default_path() -> Path:
    """``$XDG_DATA_HOME/parallax/parallax.db`` (XDG's default data folder when unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "parallax" / DEFAULT_NAME


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL of the store: ``db``, else ``$PARALLAX_DB``, else the default file.

    Only SQLite and PostgreSQL stores exist: any other scheme is a
    ``StoreError`` now, before anything is read.
    """
    chosen = db or os.environ.get(ENVIRONMENT) or ""
    if not chosen.strip():
        return f"sqlite:///{default_path()}"
    if "://" not in chosen:
        return f"sqlite:///{Path(chosen).expanduser()}"
    head, rest = chosen.split("://", 1)
    if head.split("+", 1)[0] not in _SCHEMES:
        raise StoreError(f"{head}: not a store this parallax knows",
                         hint="use sqlite:///FILE.db or postgresql://USER@HOST/DB")
    if head in ("postgres", "postgresql"):  # the driver parallax installs: psycopg 3
        return f"postgresql+psycopg://{rest}"
    return chosen


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    path = path.split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def display(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, rest = url.partition("://")
    if not sep or "@" not in rest.split("/", 1)[0]:
        return url
    credentials, _, host = rest.partition("@")
    user = credentials.split(":", 1)[0]
    return f"{head}://{user}@{host}"
