"""Scoring helpers shared by the benchmark scripts (not part of the package)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams, the article-extraction benchmark's unit of text."""
    tokens = TOKEN.findall(text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of one document (empty vs empty is perfect)."""
    pred, ref = shingles(predicted), shingles(gold)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & ref).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0
