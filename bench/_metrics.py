"""Scoring helpers shared by the benchmark scripts (not part of the package)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams, the article-extraction benchmark's unit of text."""
    tokens = TOKEN.findall(text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def prf(predicted: str, gold: str, n: int = 4) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of one document (empty vs empty is perfect);
    ``n=1`` compares bags of words."""
    pred, ref = shingles(predicted, n), shingles(gold, n)
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


def truncate_words(text: str, words: int) -> str:
    """The first ``words`` whitespace-separated words of ``text``.

    Fixed-length ROUGE: every system is cut by the same rule, so a long last
    sentence costs the same wherever it comes from.
    """
    return " ".join(text.split()[:words])


def rouge_f1(predicted: str, reference: str) -> dict[str, float]:
    """ROUGE-1/2/L F1 (rouge-score, Porter stemming), keys ``rouge1``, ``rouge2``, ``rougeL``."""
    return {name: score.fmeasure
            for name, score in _rouge().score(reference, predicted).items()}


@cache
def _rouge() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def fnc_score(gold: Sequence[str], predicted: Sequence[str], unrelated: str = "unrelated") -> float:
    """FNC-1 relative score: the official weighted accuracy over that of a perfect prediction.

    A pair earns 0.25 when gold and prediction agree on related vs unrelated,
    and 0.75 more when gold is related and the exact label is right.
    """
    def points(g: str, p: str) -> float:
        score = 0.25 if (g == unrelated) == (p == unrelated) else 0.0
        return score + (0.75 if g != unrelated and g == p else 0.0)

    best = sum(points(g, g) for g in gold)
    return sum(points(g, p) for g, p in zip(gold, predicted, strict=True)) / best if best else 1.0


def class_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
             ) -> dict[str, float]:
    """F1 of each label (0 where a label is neither gold nor predicted anywhere)."""
    out: dict[str, float] = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean of the per-label F1 scores."""
    return mean(class_f1(gold, predicted, labels).values())


def confusion(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
              ) -> list[list[int]]:
    """``matrix[i][j]``: pairs of gold ``labels[i]`` predicted as ``labels[j]``."""
    counts = Counter(zip(gold, predicted, strict=True))
    return [[counts[(g, p)] for p in labels] for g in labels]


def bcubed(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (one label per item).

    Per item: the share of its predicted cluster that shares its gold label
    (precision) and the share of its gold cluster that shares its predicted
    label (recall), averaged over items. Counts, not pairs: linear in items.
    """
    both = Counter(zip(gold, predicted, strict=True))
    gold_size, pred_size = Counter(gold), Counter(predicted)
    precision = sum(n * n / pred_size[p] for (_, p), n in both.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (g, _), n in both.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pairwise(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1: item pairs put together, counted from cluster sizes."""
    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together = pairs(Counter(zip(gold, predicted, strict=True)))
    predicted_pairs, gold_pairs = pairs(Counter(predicted)), pairs(Counter(gold))
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
