"""Train the summary's word-pair weights (src/parallax/data/summary.json).

    .venv/bin/python tools/train_summary.py            # cross-fit, then train and write
    .venv/bin/python tools/train_summary.py --cv-only  # the honest numbers only
    .venv/bin/python tools/train_summary.py --cv-only --split parity  # even/odd folds

Data: the NeuS development stories (../shared/eval/neus; three outlet leads
and the editors' roundup per story), analysed through the pipeline and
cached by bench/summary.py. A word pair of a story is positive when the
roundup holds it. The model is a logistic regression (Newton steps, a small
L2 penalty) over ``FEATURE_NAMES``; numpy only, no training extra needed
beyond the bench extra (rouge-score) for the ROUGE figures.

Cross-fitting: the stories are split in halves by id (as bench/summary.py
does); each half is summarised with weights fitted on the other, and the
summaries are scored against LexRank in the same run. The shipped weights
are fitted on the first half only, so bench/summary.py's second half stays
held out.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "parallax" / "data" / "summary.json"
sys.path.insert(0, str(ROOT / "bench"))

import summary as bench  # noqa: E402
from _metrics import mean, rouge_f1, truncate_words  # noqa: E402

from parallax.compare._summary_concepts import (  # noqa: E402
    FEATURE_NAMES,
    ConceptModel,
    bigrams,
    concept_features,
)
from parallax.compare.summary import _headline  # noqa: E402

# Ridge penalty of the logistic fit: a dozen features and ~10^5 word pairs,
# so it only guards against separable corners (1.0 and 10.0 fitted alike).
L2 = 1.0
NEWTON_STEPS = 25

Matrix = npt.NDArray[np.float64]


def pair_table(story: dict[str, Any], analyzed: Sequence[Any]) -> tuple[Matrix, Matrix]:
    """Features of every word pair of the story, and whether the roundup holds it."""
    keys, rows = concept_features([[s.text for s in item.sentences] for item in analyzed],
                                  [_headline(item) for item in analyzed])
    reference = bigrams(story["roundup"][0])
    return rows, np.array([key in reference for key in keys], dtype=np.float64)


def fit(tables: Sequence[tuple[Matrix, Matrix]]) -> ConceptModel:
    features = np.vstack([x for x, _ in tables])
    labels = np.concatenate([y for _, y in tables])
    weights = np.zeros(features.shape[1])
    penalty = L2 * np.eye(len(weights))
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(features @ weights)))
        gradient = features.T @ (p - labels) + penalty @ weights
        hessian = (features * (p * (1 - p))[:, None]).T @ features + penalty
        weights = weights - np.linalg.solve(hessian, gradient)
    return ConceptModel(weights)


def rouge2_vs_lexrank(stories: Sequence[dict[str, Any]], analyses: Sequence[Sequence[Any]],
                      model: ConceptModel) -> tuple[list[float], list[float]]:
    """ROUGE-2 F1 of parallax and of LexRank per story, both cut to the roundup's length."""
    mine, theirs = [], []
    for story, analyzed in zip(stories, analyses, strict=True):
        reference = story["roundup"][0]
        words = len(reference.split())
        text, _, _ = bench.parallax_summary(analyzed, words, model)
        lexrank = bench.baselines(analyzed, words)["LexRank"]
        mine.append(rouge_f1(truncate_words(text, words), reference)["rouge2"])
        theirs.append(rouge_f1(truncate_words(lexrank, words), reference)["rouge2"])
    return mine, theirs


def describe(name: str, mine: Sequence[float], theirs: Sequence[float]) -> str:
    diffs = [a - b for a, b in zip(mine, theirs, strict=True)]
    spread = statistics.stdev(diffs) / math.sqrt(len(diffs))
    return (f"{name}: {len(diffs)} stories, ROUGE-2 parallax {mean(mine):.4f} LexRank "
            f"{mean(theirs):.4f}, paired diff {mean(diffs):+.4f} (s.e. {spread:.4f}, "
            f"{mean(diffs) / spread:+.1f} s.e.)")


def split_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--split", choices=("halves", "parity"), default="halves",
                        help="cross-fit folds: first/second half by id (as the bench), or "
                             "even/odd positions (a second look at the same data)")


def cross_folds(stories: int, split: str) -> list[list[int]]:
    """The two folds of ``split`` (``--split``) over that many stories in id order."""
    half = (stories + 1) // 2
    if split == "halves":
        return [list(range(half)), list(range(half, stories))]
    return [list(range(0, stories, 2)), list(range(1, stories, 2))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv-only", action="store_true", help="report, do not write")
    split_argument(parser)
    args = parser.parse_args(argv)
    if not bench.DATA.exists():
        print(f"NeuS data not found at {bench.DATA}", file=sys.stderr)
        return 1
    stories = bench.load_stories(None)
    analyses = [bench.analyze(story, True) for story in stories]
    tables = [pair_table(s, a) for s, a in zip(stories, analyses, strict=True)]
    half = (len(stories) + 1) // 2
    folds = cross_folds(len(stories), args.split)
    models = [fit([tables[k] for k in fold]) for fold in folds]
    mine: list[float] = []
    theirs: list[float] = []
    for number, (fold, other) in enumerate(zip(folds, reversed(models), strict=True), 1):
        scores = rouge2_vs_lexrank([stories[k] for k in fold], [analyses[k] for k in fold],
                                   other)
        print(describe(f"{args.split} fold {number}, weights from the other", *scores))
        mine += scores[0]
        theirs += scores[1]
    print(describe(f"all, cross-fitted ({args.split})", mine, theirs))
    if not args.cv_only:
        first = models[0] if args.split == "halves" else fit(tables[:half])
        print("shipped weights (1st half)",
              dict(zip(FEATURE_NAMES, np.round(first.weights, 3).tolist(), strict=True)))
        OUT.write_text(json.dumps({
            "features": list(FEATURE_NAMES),
            "weights": [round(w, 6) for w in first.weights.tolist()],
            "trained_on": f"NeuS development stories, first {half} by id (tools/train_summary.py)",
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
