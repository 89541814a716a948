"""parallax: offline briefings from many news articles, every line with its evidence.

    >>> import parallax
    >>> briefing = parallax.brief("examples/")          # doctest: +SKIP
    >>> print(briefing.to_json())                        # doctest: +SKIP

The records are in ``parallax.model``; the stages are importable on their own
(``parallax.ingest``, ``parallax.clean``, ``parallax.analyze``, ``parallax.group``,
``parallax.compare``, ``parallax.render``).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from parallax.errors import InputError, ModelError, ParallaxError
from parallax.model import (
    Actor,
    Article,
    Briefing,
    Claim,
    Conflict,
    Document,
    Quote,
    Span,
    Story,
    SummaryLine,
    TimelineEntry,
)

if TYPE_CHECKING:
    from parallax.pipeline import brief, brief_documents

try:
    __version__ = version("parallax-news")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Actor",
    "Article",
    "Briefing",
    "Claim",
    "Conflict",
    "Document",
    "InputError",
    "ModelError",
    "ParallaxError",
    "Quote",
    "Span",
    "Story",
    "SummaryLine",
    "TimelineEntry",
    "__version__",
    "brief",
    "brief_documents",
]


def __getattr__(name: str) -> Any:
    # The pipeline pulls in spaCy and onnxruntime; import it only when asked,
    # so `import parallax` for the records stays instant.
    if name in ("brief", "brief_documents"):
        from parallax import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'parallax' has no attribute {name!r}")
