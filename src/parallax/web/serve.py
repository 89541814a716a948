"""``parallax serve``: open the store, build the app, run it under uvicorn.

The store is imported only here and only when serving, so the web app itself
depends on the ``StoreReader`` seam alone. The server binds 127.0.0.1 unless
told otherwise, and answers only Host headers naming what it binds to.
"""

from __future__ import annotations

from parallax.options import Options
from parallax.store.reader import StoreReader
from parallax.web.sink import ArticleSink

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "UPLOAD_TOKEN", "allowed_hosts", "open_reader",
           "open_sink", "serve"]

UPLOAD_TOKEN = "PARALLAX_UPLOAD_TOKEN"
"""The environment variable holding the upload token (a command line shows in ``ps``)."""
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def open_reader(url: str | None) -> StoreReader:
    """The store at ``url`` (None: the default store) to read from; a missing or
    unreadable store is a ``StoreError`` naming it."""
    from parallax.store import open_reader as open_store_reader

    return open_store_reader(url)


def open_sink(url: str | None) -> ArticleSink:
    """The store at ``url`` to add uploaded articles to."""
    from parallax.store import open_sink as open_store_sink

    return open_store_sink(url)


def allowed_hosts(host: str) -> list[str]:
    """Host names (the port aside) a browser sends for this server; a wildcard bind takes any."""
    if host in ("0.0.0.0", "::"):
        return ["*"]
    local = host in ("127.0.0.1", "localhost")
    return sorted({host, "localhost", "127.0.0.1"} if local else {host})


def serve(url: str | None, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          token: str | None = None, options: Options | None = None) -> None:
    """Serve the store at ``url`` until interrupted; ``token`` turns uploads on."""
    import uvicorn

    from parallax.web.app import create_app

    reader = open_reader(url)
    sink = open_sink(url) if token else None
    app = create_app(reader, options=options, allow_upload=token is not None, token=token,
                     sink=sink, hosts=allowed_hosts(host))
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
