"""Cross-fitted trials of MiniLM-vector scorers for the summary's word-pair values (issue 14).

    .venv/bin/python tools/summary_embeddings.py                  # halves by id
    .venv/bin/python tools/summary_embeddings.py --split parity   # even/odd folds

The shipped summary values each word pair of a story with a logistic model
over 14 count and position features (tools/train_summary.py). Fed the true
labels, the same greedy selection gains +0.042 ROUGE-2 over LexRank instead
of +0.010, so the loss is in those values; this asks whether the sentence
vectors the briefing already has (all-MiniLM-L6-v2) predict them better. The
variants, each fold of NeuS scored with models fitted on the other fold only,
every setting (ridge penalty, blend weight) chosen on four inner folds of the
training fold:

- *shipped features*: the logistic as shipped (the figure to beat);
- *sentence ridge, blended*: a ridge regression over a sentence's vector, the
  story's centroid, their elementwise product and six scalars (cosine to the
  centroid, highest and mean cosine to the other outlets' sentences, position,
  first sentence, log length) predicts the share of the sentence's pairs the
  roundup holds; a pair's value becomes (1 - λ) p + λ times the mean
  prediction over the sentences that hold it;
- *sentence ridge as pair features*: that prediction's mean and maximum over a
  pair's sentences as two more logistic features (out of fold on the training
  side, so the logistic sees predictions as noisy as at test time);
- *pair vectors*: the logistic over the 14 features plus the mean vector of
  the sentences holding the pair, projected on the training fold's 64
  principal axes.

Nothing here ships (BENCHMARKS.md, "Multi-source summary", says why). NeuS
analyses come from bench/summary.py's cache, which keeps every sentence vector.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))

import summary as bench  # noqa: E402
import train_summary  # noqa: E402
from _metrics import rouge_f1, truncate_words  # noqa: E402

from parallax.compare._summary_concepts import (  # noqa: E402
    ConceptModel,
    bigrams,
    concept_features,
)
from parallax.compare.summary import _headline  # noqa: E402

Matrix = npt.NDArray[np.float64]
INNER = 4
RIDGE_PENALTIES = (1.0, 10.0, 100.0)
BLENDS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7)
PAIR_PENALTIES = (1.0, 30.0, 300.0)
AXES = 64


@dataclass(frozen=True, slots=True)
class Given(ConceptModel):
    """A "model" that returns values computed beforehand for one story's pairs
    (``summarize`` asks for them in ``concept_features`` order)."""

    values: Matrix

    def probability(self, features: Matrix) -> Matrix:
        return self.values


@dataclass(frozen=True, slots=True)
class Story:
    """What the variants read of one NeuS story."""

    keys: list[tuple[str, str]]
    pairs: Matrix  # concept_features rows
    labels: Matrix  # the roundup holds the pair
    body: list[frozenset[tuple[str, str]]]  # pairs of each body sentence
    sentences: Matrix  # the sentence model's inputs, one row per body sentence
    target: Matrix  # share of the sentence's pairs the roundup holds
    vectors: Matrix  # body sentence vectors


def _unit(vector: Matrix) -> Matrix:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def story_data(story: dict[str, Any], analyzed: Sequence[Any]) -> Story:
    keys, pairs = concept_features([[s.text for s in item.sentences] for item in analyzed],
                                   [_headline(item) for item in analyzed])
    reference = bigrams(story["roundup"][0])
    labels = np.array([key in reference for key in keys], dtype=np.float64)
    refs = [(a, s) for a, item in enumerate(analyzed) for s in range(len(item.sentences))
            if not (s == 0 and _headline(item))]
    vectors = np.vstack([np.asarray(analyzed[a].embeddings[s], dtype=np.float64)
                         for a, s in refs])
    centroid = _unit(vectors.mean(axis=0))
    owner = np.array([a for a, _ in refs])
    cosines = vectors @ vectors.T
    rows, target, body = [], [], []
    for j, (a, s) in enumerate(refs):
        text = analyzed[a].sentences[s].text
        others = cosines[j, owner != a]
        first = 1 if _headline(analyzed[a]) else 0
        rows.append([float(vectors[j] @ centroid), float(others.max(initial=0.0)),
                     float(others.mean()) if len(others) else 0.0,
                     math.exp(-(s - first) / 2), float(s == first),
                     math.log(max(len(text.split()), 1))])
        own = bigrams(text)
        body.append(own)
        target.append(len(own & reference) / max(len(own), 1))
    inputs = np.hstack([vectors, np.repeat(centroid[None], len(refs), 0),
                        vectors * centroid[None], np.array(rows)])
    return Story(keys, pairs, labels, body, inputs, np.array(target), vectors)


def ridge(inputs: Matrix, targets: Matrix, penalty: float) -> Callable[[Matrix], Matrix]:
    mean, offset = inputs.mean(axis=0), targets.mean()
    centred = inputs - mean
    weights = np.linalg.solve(centred.T @ centred + penalty * np.eye(inputs.shape[1]),
                              centred.T @ (targets - offset))
    return lambda x: np.asarray((x - mean) @ weights + offset)


def logistic(features: Matrix, labels: Matrix, penalty: float, steps: int = 15) -> Matrix:
    weights = np.zeros(features.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(features @ weights)))
        gradient = features.T @ (p - labels) + penalty * weights
        hessian = (features * (p * (1 - p))[:, None]).T @ features
        weights -= np.linalg.solve(hessian + penalty * np.eye(len(weights)), gradient)
    return weights


def sentence_model(stories: Sequence[Story], penalty: float) -> Callable[[Matrix], Matrix]:
    return ridge(np.vstack([s.sentences for s in stories]),
                 np.concatenate([s.target for s in stories]), penalty)


def over_pairs(story: Story, scores: Matrix) -> Matrix:
    """Per pair of the story: the mean and the maximum of ``scores`` over the
    body sentences holding it (0 for a headline-only pair)."""
    where = {key: k for k, key in enumerate(story.keys)}
    total, count = np.zeros(len(story.keys)), np.zeros(len(story.keys))
    top = np.zeros(len(story.keys))
    for own, score in zip(story.body, scores, strict=True):
        for pair in own:
            k = where[pair]
            total[k] += score
            top[k] = max(top[k], score) if count[k] else score
            count[k] += 1
    return np.asarray(np.c_[total / np.maximum(count, 1), top])


def pair_vectors(story: Story) -> Matrix:
    """Per pair: the mean vector of the body sentences holding it (zeros if none)."""
    where = {key: k for k, key in enumerate(story.keys)}
    total = np.zeros((len(story.keys), story.vectors.shape[1]))
    for own, vector in zip(story.body, story.vectors, strict=True):
        for pair in own:
            total[where[pair]] += vector
    return np.asarray(total / np.maximum(np.linalg.norm(total, axis=1, keepdims=True), 1e-12))


def inner(train: Sequence[int]) -> list[tuple[list[int], list[int]]]:
    return [([k for k in train if k not in train[i::INNER]], list(train[i::INNER]))
            for i in range(INNER)]


def sigmoid(z: Matrix) -> Matrix:
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


class Trial:
    """The NeuS stories, their LexRank scores, and summaries with given pair values."""

    def __init__(self) -> None:
        self.stories = bench.load_stories(None)
        self.analyses = [bench.analyze(story, True) for story in self.stories]
        self.data = [story_data(s, a) for s, a in zip(self.stories, self.analyses, strict=True)]
        self.lexrank = [self._rouge2(k, bench.baselines(self.analyses[k], self._words(k))
                                     ["LexRank"]) for k in range(len(self.stories))]

    def _words(self, k: int) -> int:
        return len(self.stories[k]["roundup"][0].split())

    def _rouge2(self, k: int, text: str) -> float:
        reference = self.stories[k]["roundup"][0]
        return float(rouge_f1(truncate_words(text, self._words(k)), reference)["rouge2"])

    def gain(self, k: int, values: Matrix) -> float:
        """ROUGE-2 of the summary with ``values`` for story ``k``'s pairs, minus LexRank's."""
        model = Given(np.zeros(0), values)
        text, _, _ = bench.parallax_summary(self.analyses[k], self._words(k), model)
        return self._rouge2(k, text) - self.lexrank[k]

    def mean_gain(self, values: dict[int, Matrix]) -> float:
        return float(np.mean([self.gain(k, v) for k, v in values.items()]))

    def shipped(self, train: Sequence[int], test: Sequence[int]) -> dict[int, Matrix]:
        model = train_summary.fit([(self.data[k].pairs, self.data[k].labels) for k in train])
        return {k: model.probability(self.data[k].pairs) for k in test}

    def _penalty(self, train: Sequence[int]) -> float:
        """The sentence ridge's penalty with the best inner-fold correlation."""
        def score(penalty: float) -> float:
            predicted, truth = [], []
            for rest, hold in inner(train):
                model = sentence_model([self.data[k] for k in rest], penalty)
                predicted += [model(self.data[k].sentences) for k in hold]
                truth += [self.data[k].target for k in hold]
            return float(np.corrcoef(np.concatenate(predicted), np.concatenate(truth))[0, 1])
        return max(RIDGE_PENALTIES, key=score)

    def blended(self, train: Sequence[int], test: Sequence[int]) -> dict[int, Matrix]:
        penalty = self._penalty(train)

        def values(fit_on: Sequence[int], ks: Sequence[int]) -> dict[int, tuple[Matrix, Matrix]]:
            sentences = sentence_model([self.data[k] for k in fit_on], penalty)
            pairs = self.shipped(fit_on, ks)
            return {k: (pairs[k], over_pairs(self.data[k], sentences(self.data[k].sentences))[:, 0])
                    for k in ks}

        held: dict[int, tuple[Matrix, Matrix]] = {}
        for rest, hold in inner(train):
            held |= values(rest, hold)
        blend = max(BLENDS, key=lambda b: self.mean_gain(
            {k: (1 - b) * p + b * s for k, (p, s) in held.items()}))
        print(f"  sentence ridge penalty {penalty}, blend {blend}", flush=True)
        return {k: (1 - blend) * p + blend * s for k, (p, s) in values(train, test).items()}

    def stacked(self, train: Sequence[int], test: Sequence[int]) -> dict[int, Matrix]:
        penalty = self._penalty(train)
        extra: dict[int, Matrix] = {}
        for rest, hold in inner(train):
            model = sentence_model([self.data[k] for k in rest], penalty)
            extra |= {k: over_pairs(self.data[k], model(self.data[k].sentences)) for k in hold}
        model = sentence_model([self.data[k] for k in train], penalty)
        extra |= {k: over_pairs(self.data[k], model(self.data[k].sentences)) for k in test}
        weights = logistic(np.vstack([np.hstack([self.data[k].pairs, extra[k]]) for k in train]),
                           np.concatenate([self.data[k].labels for k in train]),
                           train_summary.L2, train_summary.NEWTON_STEPS)
        return {k: sigmoid(np.hstack([self.data[k].pairs, extra[k]]) @ weights) for k in test}

    def vectors(self, train: Sequence[int], test: Sequence[int]) -> dict[int, Matrix]:
        def fitted(fit_on: Sequence[int], penalty: float) -> Callable[[int], Matrix]:
            stacked = np.vstack([self.data[k].vectors for k in fit_on])
            mean = stacked.mean(axis=0)
            axes = np.linalg.svd(stacked - mean, full_matrices=False)[2][:AXES].T

            def features(k: int) -> Matrix:
                return np.hstack([self.data[k].pairs, (pair_vectors(self.data[k]) - mean) @ axes])
            weights = logistic(np.vstack([features(k) for k in fit_on]),
                               np.concatenate([self.data[k].labels for k in fit_on]), penalty)
            return lambda k: sigmoid(features(k) @ weights)

        def loss(penalty: float) -> float:
            total, count = 0.0, 0
            for rest, hold in inner(train):
                predict = fitted(rest, penalty)
                for k in hold:
                    p, y = np.clip(predict(k), 1e-6, 1 - 1e-6), self.data[k].labels
                    total -= float((y * np.log(p) + (1 - y) * np.log(1 - p)).sum())
                    count += len(y)
            return total / count
        penalty = min(PAIR_PENALTIES, key=loss)
        print(f"  pair-vector logistic penalty {penalty}", flush=True)
        predict = fitted(train, penalty)
        return {k: predict(k) for k in test}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    train_summary.split_argument(parser)
    args = parser.parse_args(argv)
    if not bench.DATA.exists():
        print(f"NeuS data not found at {bench.DATA}", file=sys.stderr)
        return 1
    trial = Trial()
    folds = train_summary.cross_folds(len(trial.stories), args.split)
    variants = {"shipped features": trial.shipped, "sentence ridge, blended": trial.blended,
                "sentence ridge as pair features": trial.stacked,
                "pair vectors": trial.vectors}
    shipped: list[float] = []
    for name, variant in variants.items():
        gains: list[float] = []
        for test, train in (folds, folds[::-1]):
            gains += [trial.gain(k, v) for k, v in variant(train, test).items()]
        shipped = shipped or gains
        print(f"{name} ({args.split}): ROUGE-2 - LexRank {_paired(gains)}, "
              f"- shipped {_paired(np.subtract(gains, shipped).tolist())}", flush=True)
    return 0


def _paired(diffs: Sequence[float]) -> str:
    spread = float(np.std(diffs, ddof=1)) / math.sqrt(len(diffs))
    return f"{np.mean(diffs):+.4f} (s.e. {spread:.4f})"


if __name__ == "__main__":
    raise SystemExit(main())
