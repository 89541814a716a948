"""Versioned names for the swappable parts of the pipeline.

A part (an embedder, a language pack, a renderer; later a store, an engine,
a drafter) is registered under a dotted, versioned name such as
``parallax.embed.minilm.v1`` and chosen by that name in ``Options``. The
version is part of the name so that a changed part gets a new name and an
options file written for the old one keeps meaning what it meant (spaCy's
``spacy.Tagger.v2`` convention). Registration is lazy: a name maps to a
``module:attribute`` path that is imported only when the part is asked for,
so naming every part costs nothing at start-up.

    >>> from parallax.registry import registry
    >>> registry.names("renderers")        # doctest: +SKIP
    ['parallax.render.html.v1', 'parallax.render.json.v1', 'parallax.render.markdown.v1']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from parallax.errors import RegistryError

__all__ = ["KINDS", "Registry", "registry"]

# The kinds of part there are. A kind is a namespace: the same short name may
# exist as an embedder and as a renderer without clashing.
KINDS = ("embedders", "languages", "renderers", "stores", "engines", "drafters")


@dataclass
class Registry:
    """Named factories per kind; each entry is a callable or a ``module:attr`` path."""

    _entries: dict[str, dict[str, Callable[..., Any] | str]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS})

    def register(self, kind: str, name: str, factory: Callable[..., Any] | str) -> None:
        """Add ``name`` under ``kind``; a name is never silently replaced."""
        entries = self._kind(kind)
        if name in entries and entries[name] != factory:
            raise RegistryError(f"{kind}: {name!r} is registered already",
                                hint="choose a new versioned name (….v2) for a changed part")
        entries[name] = factory

    def get(self, kind: str, name: str) -> Callable[..., Any]:
        """The factory registered as ``name``, imported on first use."""
        entries = self._kind(kind)
        if name not in entries:
            known = ", ".join(sorted(entries)) or "none"
            raise RegistryError(f"no {kind[:-1]} named {name!r}", hint=f"known: {known}")
        factory = entries[name]
        if isinstance(factory, str):
            module, _, attribute = factory.partition(":")
            factory = getattr(importlib.import_module(module), attribute)
            entries[name] = factory
        return factory

    @contextmanager
    def overriding(self, kind: str, name: str, factory: Callable[..., Any] | str
                   ) -> Iterator[None]:
        """Within the block, ``name`` gives ``factory`` (tests swap in a fake embedder)."""
        entries = self._kind(kind)
        had, previous = name in entries, entries.get(name)
        entries[name] = factory
        try:
            yield
        finally:
            if had and previous is not None:
                entries[name] = previous
            else:
                entries.pop(name, None)

    def names(self, kind: str) -> list[str]:
        return sorted(self._kind(kind))

    def _kind(self, kind: str) -> dict[str, Callable[..., Any] | str]:
        if kind not in self._entries:
            raise RegistryError(f"no kind of part named {kind!r}",
                                hint=f"kinds: {', '.join(KINDS)}")
        return self._entries[kind]


registry = Registry()
"""The process-wide registry with the parts parallax ships."""

# The parts parallax ships. Names end in a version: a part that changes what
# it computes is registered under a new one, next to the old.
for _kind, _name, _path in (
    ("embedders", "parallax.embed.minilm.v1", "parallax.analyze.embed:load_embedder"),
    ("languages", "parallax.lang.en.v1", "parallax.lang.en:ENGLISH"),
    ("renderers", "parallax.render.markdown.v1", "parallax.render.markdown:render_markdown"),
    ("renderers", "parallax.render.html.v1", "parallax.render.html:render_html"),
    ("renderers", "parallax.render.json.v1", "parallax.render.payloads:briefing_json"),
    ("stores", "parallax.store.sql.v1", "parallax.store:open_store"),
    ("engines", "parallax.engine.local.v1", "parallax.engine.local:LocalEngine"),
    ("engines", "parallax.engine.pool.v1", "parallax.engine.local:PoolEngine"),
    ("engines", "parallax.engine.dask.v1", "parallax.engine.dask:DaskEngine"),
):
    registry.register(_kind, _name, _path)
