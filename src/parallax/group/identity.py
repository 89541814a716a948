"""Which articles a grouping state already holds: known by what they say, not by name.

An article id is a file stem (or a JSONL id), and a stem says little: a crawl
that saves every day's front page as ``lead.html`` gives many articles one
name. So the state keeps, per article id, a fingerprint of the article, and an
article is the one the state knows only when its id and its fingerprint both
match. One of a known id and another fingerprint is another article: it is
grouped under a fresh id (``lead-2``, the next free one, as reading makes ids
unique) with a note, never skipped. It keeps that id in later runs, since its
fingerprint is then known under it.

The fingerprint is the SHA-256 of the article's URL (when it has one) and of
``Document.source``, the text as read (for HTML, the text extracted from the
markup), truncated to 16 bytes: what the input says, whatever the cleaner
makes of it in a given run (its boilerplate evidence depends on the other
inputs, so the cleaned text of one file can differ between runs).

Articles of states written before fingerprints (``parallax.stories-state/1``)
have none: such an id is taken to be the article it names, as it always was,
and the first article seen under it gives it its fingerprint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from parallax.model import Article, StoryState

__all__ = ["Known", "fingerprint", "recognise"]

# Bytes of the SHA-256 kept: 128 bits make a collision between two articles
# of one state (even of billions) vanishingly unlikely, at half the size.
_KEPT_BYTES = 16


def fingerprint(article: Article) -> str:
    """Hex digest of the article's URL and source text (``_KEPT_BYTES`` bytes)."""
    digest = hashlib.sha256()
    digest.update((article.document.url or "").encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(article.document.source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:2 * _KEPT_BYTES]


@dataclass(frozen=True, slots=True)
class Known:
    """``recognise``'s result: the articles (some renamed), the state, and notes.

    ``state`` is the one given with fingerprints added for the articles of
    old states that had none; ``notes`` say which article took which other id.
    """

    articles: tuple[Article, ...]
    state: StoryState | None
    notes: tuple[str, ...] = ()


def recognise(articles: Sequence[Article], state: StoryState | None) -> Known:
    """Rename each article that is not the one ``state`` knows by its id.

    It takes the id its fingerprint is known under (an earlier run renamed
    it so), else a fresh one. A copy's ``duplicate_of`` follows its
    original's new id.
    """
    if state is None:
        return Known(tuple(articles), None)
    known = state.fingerprints
    named = {a for g in state.groups for a in g.articles}
    given = {a.id for a in articles}
    # Whose fingerprint each is; one of an id given in this run is not free to take.
    owner = {mark: article_id for article_id, mark in known.items() if article_id not in given}
    taken = named | given
    renamed: dict[str, str] = {}
    adopted: dict[str, str] = {}
    notes = []
    for article in articles:
        if article.id not in named:
            continue
        mark = fingerprint(article)
        if article.id not in known:
            adopted.setdefault(article.id, mark)
        elif known[article.id] != mark:
            path, earlier = article.document.path, owner.pop(mark, None)
            if earlier is None:
                renamed[article.id] = _fresh(article.id, taken)
                notes.append(f"note: {path}: not the article the state knows as "
                             f"{article.id!r} (its text differs); grouped as "
                             f"{renamed[article.id]!r}")
            else:
                renamed[article.id] = earlier
                notes.append(f"note: {path}: the article the state knows as {earlier!r}")
    if adopted:
        state = replace(state, fingerprints={**known, **adopted})
    return Known(tuple(_renamed(a, renamed) for a in articles), state, tuple(notes))


def _fresh(article_id: str, taken: set[str]) -> str:
    """The first of ``id-2``, ``id-3``, ... not taken (and now taken)."""
    number = 2
    while f"{article_id}-{number}" in taken:
        number += 1
    fresh = f"{article_id}-{number}"
    taken.add(fresh)
    return fresh


def _renamed(article: Article, renamed: dict[str, str]) -> Article:
    new_id = renamed.get(article.id, article.id)
    original = article.duplicate_of
    if new_id == article.id and original not in renamed:
        return article
    return replace(article, document=replace(article.document, id=new_id),
                   duplicate_of=renamed.get(original, original) if original else None)
