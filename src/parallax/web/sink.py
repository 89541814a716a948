"""What uploading articles over HTTP needs from a store: somewhere to put them.

The web app reads through ``parallax.store.reader.StoreReader`` only; writing
is a separate, optional seam so that a server started without one (the
default) has no way to change the store at all. The store's ``add`` (ingest,
clean, group, re-brief) is wired to it by whoever builds the app.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from parallax.model import Document

__all__ = ["ArticleSink"]


class ArticleSink(Protocol):
    """Adds documents to a store and says what happened."""

    def add(self, documents: Sequence[Document]) -> Mapping[str, Any]:
        """Store ``documents`` (idempotently) and return a JSON-ready summary of the add,
        such as the article ids added, those already known and the stories changed."""
        ...
