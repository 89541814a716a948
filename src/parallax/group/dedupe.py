"""Near-duplicate articles: the same story reprinted (wire copy, syndication).

MinHash over word 5-shingles estimates the Jaccard overlap of two texts
without comparing them word by word: five-word windows survive a changed
headline, byline or a trimmed last paragraph, but two independent reports of
one event rarely share many. A copy names its original in
``Article.duplicate_of`` so that corroboration counts them once (see
``parallax.compare.sources``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from parallax.model import Article
from parallax.options import DEFAULT_OPTIONS, DedupeOptions

__all__ = ["jaccard_estimate", "mark_duplicates", "signature"]

# Size of the MinHash family: the standard error of a Jaccard estimate is
# about 1/sqrt(PERMUTATIONS), 0.09 here, far below the copy threshold's margin.
PERMUTATIONS = 128
# Universal hashing (a * x + b) mod p with x, a, b below 2**32, so the
# product fits in uint64; fixed seed so signatures are reproducible.
_PRIME = np.uint64(4294967291)  # largest prime below 2**32
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20240229)
_A = _rng.integers(1, int(_PRIME), size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, int(_PRIME), size=PERMUTATIONS, dtype=np.uint64)


def _shingle_hashes(text: str, size: int) -> np.ndarray[Any, Any]:
    words = _WORD.findall(text.casefold())
    grams = {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}
    digests = [hashlib.blake2b(g.encode(), digest_size=8).digest() for g in grams if g]
    values = np.frombuffer(b"".join(digests), dtype=np.uint64)
    return values >> np.uint64(32)


def signature(text: str, shingle: int = DEFAULT_OPTIONS.dedupe.shingle) -> np.ndarray[Any, Any]:
    """MinHash signature (one uint64 per permutation) of the text's ``shingle``-word shingles."""
    hashes = _shingle_hashes(text, shingle)
    if hashes.size == 0:
        return np.full(PERMUTATIONS, int(_PRIME), dtype=np.uint64)
    mixed = (_A[None, :] * hashes[:, None] + _B[None, :]) % _PRIME
    return np.asarray(mixed.min(axis=0), dtype=np.uint64)


def jaccard_estimate(left: np.ndarray[Any, Any], right: np.ndarray[Any, Any]) -> float:
    """Share of permutations on which two signatures agree."""
    return float(np.mean(left == right))


def _original_rank(article: Article, position: int) -> tuple[int, str, int, int]:
    """Sort key putting the original first: dated before undated, earliest, longest."""
    published = article.document.published
    return (0 if published else 1, published or "", -len(article.text), position)


def mark_duplicates(
    articles: Sequence[Article], *, options: DedupeOptions = DEFAULT_OPTIONS.dedupe
) -> tuple[Article, ...]:
    """Set each copy's ``duplicate_of`` to its group's original; order is kept.

    Groups are connected components of the "copy" relation; the original is
    the earliest published member, else the longest, else the first given.
    """
    if not articles:
        return ()
    signatures = np.stack([signature(a.text, options.shingle) for a in articles])
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(articles)):
        agree = (signatures[i + 1:] == signatures[i]).mean(axis=1)
        for offset in np.flatnonzero(agree >= options.threshold).tolist():
            parent[root(i + 1 + offset)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(root(i), []).append(i)
    original = {
        member: min(members, key=lambda k: _original_rank(articles[k], k))
        for members in groups.values() for member in members
    }
    return tuple(
        article if original[i] == i
        else replace(article, duplicate_of=articles[original[i]].id)
        for i, article in enumerate(articles)
    )
