"""The author's own lines: the bio note that closes an opinion or analysis piece.

"Jane Doe is a senior fellow at ..." reads like any sentence of the story, so
no shape or lexicon test can drop it. What gives it away is its subject: the
person the byline names, introduced as the subject of the closing paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["author_names", "is_author_bio"]

_TITLE = r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+)"
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3}"
_BYLINE_NAME = re.compile(rf"^\W*[Bb]y\s+{_TITLE}?({_NAME})")
_BIO_VERBS = ("is", "was", "has", "writes", "teaches", "covers")


def author_names(bylines: Iterable[str], author: str | None) -> frozenset[str]:
    """Names in byline lines ("By Dr Jane Doe | ...") and the document's author field."""
    names = {match.group(1) for line in bylines if (match := _BYLINE_NAME.match(line))}
    if author:
        names.add(re.sub(rf"^{_TITLE}", "", author.strip()))
    return frozenset(names)


def is_author_bio(text: str, names: frozenset[str]) -> bool:
    """Does ``text`` open with an author's name as its subject ("Dr Jane Doe is a ...")?"""
    stripped = re.sub(rf"^{_TITLE}", "", text)
    return any(stripped.startswith(f"{name} {verb} ") for name in names for verb in _BIO_VERBS)
