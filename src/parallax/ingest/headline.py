"""The headline and standfirst at the top of an extracted body.

trafilatura often starts the body with the page's headline, and then the
standfirst (the summary line under it) that the page also gives as its
description. Both are metadata, not story: the headline is already
``Document.title``, and repeating either in the text would make the briefing
quote the headline as if it were a sentence of the report.
"""

from __future__ import annotations

from parallax.ingest.markup import words
from parallax.options import DEFAULT_OPTIONS

__all__ = ["drop_headline"]

# A first line this short that merely opens the title ("News", "Sport") is a
# section label, not the headline; from three words on it is the headline
# cut before the site name ("Headline - Outlet"). Not tuned.
_MIN_HEADLINE_WORDS = DEFAULT_OPTIONS.ingest.min_headline_words
# Lines above the headline this short are labels (section, kicker, date); a
# longer one means the body does not open with its headline. Not tuned.
_MAX_LABEL_WORDS = DEFAULT_OPTIONS.ingest.max_label_words


def _is_headline(line: str, title: str) -> bool:
    line_words, title_words = words(line), words(title)
    if line_words == title_words:
        return bool(line_words)
    size = len(line_words)
    return size >= _MIN_HEADLINE_WORDS and (
        title_words[:size] == line_words or title_words[-size:] == line_words)


def _headline_index(lines: list[str], title: str) -> int | None:
    """Where the headline is, if only labels (kicker, section, date) come before it."""
    for index, line in enumerate(lines):
        if _is_headline(line, title):
            return index
        if len(words(line)) > _MAX_LABEL_WORDS:
            return None
    return None


def drop_headline(body: str, title: str | None, description: str | None) -> str:
    """``body`` (one paragraph a line) without a leading headline and the standfirst after it.

    Short labels above the headline (section name, kicker, date) go with it.
    The standfirst goes only right after a dropped headline and only when it
    is the page's description word for word: elsewhere a description is
    often the story's own first paragraph. A body that is nothing but its
    headline stays whole.
    """
    lines = [line for line in body.split("\n") if line.strip()]
    found = _headline_index(lines, title) if title else None
    if found is None:
        return body
    start = found + 1
    if description and start < len(lines) and words(lines[start]) == words(description):
        start += 1
    rest = "\n".join(lines[start:])
    return rest if rest else body
