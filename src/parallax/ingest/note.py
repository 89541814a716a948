"""A note a reader yields beside its documents: something it read only in part or skipped.

Readers of containers (a WARC, a feed) pass over records that are not
articles; a ``Note`` says how many and why, so a crawl is never cut down in
silence, while the records themselves are no error (a crawl holds images).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Note"]


@dataclass(frozen=True, slots=True)
class Note:
    """One line for standard error, already starting with ``note:``; ``skipped``
    is the path of a folder entry that was not read, when the note is about one."""

    text: str
    skipped: str | None = None
