"""Stance of ``compare.check.judge`` on held-apart FNC-1 development bodies, next to word overlap.

FNC-1 pairs headlines with bodies of other stories too, so ``judge`` runs
with ``same_story=False`` here: the stance model decides, then the mismatch
reading. What ``parallax check`` answers on articles of the claim's own story
(the proposition reading) is scored by ``bench/realnews.py``.

Only pairs whose body ``tools/train_stance.py`` held apart (a seeded hash of
the body id, ~30 %) are scored: the model never saw those bodies. The
baseline is the FNC-1 organisers' starting idea reduced to one feature: the
Jaccard overlap of lower-cased headline and body words, with two thresholds
(related; and, among related, supports vs discusses) fitted on the training
bodies. Run::

    .venv/bin/python bench/check.py
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from _metrics import TOKEN, class_f1, confusion, fnc_score, macro_f1

from parallax.analyze.sentences import split_sentences
from parallax.compare.check import judge
from parallax.compare.stance import LABELS, claim_texts, decide, load_stance_model

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from train_stance import FNC, Pair, encode_cached, features, held_apart, load_fnc


def overlap(claim: str, body: str) -> float:
    words, other = set(TOKEN.findall(claim.lower())), set(TOKEN.findall(body.lower()))
    return len(words & other) / len(words | other) if words | other else 0.0


def fit_baseline(pairs: Sequence[Pair], bodies: dict[int, str]) -> tuple[float, float]:
    """Thresholds (related, supports) with the best FNC-1 score on ``pairs``."""
    scores = [overlap(p.claim, bodies[p.body]) for p in pairs]
    gold = [p.label for p in pairs]
    grid = [i / 200 for i in range(41)]
    return max(((r, s) for r, s in itertools.product(grid, grid) if s >= r),
               key=lambda t: fnc_score(gold, run_baseline(scores, t)))


def run_baseline(scores: Sequence[float], thresholds: tuple[float, float]) -> list[str]:
    related, supports = thresholds
    return ["unrelated" if s < related else "supports" if s >= supports else "discusses"
            for s in scores]


def judged(pairs: Sequence[Pair], bodies: dict[int, str],
           encode: Callable[[Sequence[str]], dict[str, np.ndarray[Any, Any]]] = encode_cached
           ) -> list[str]:
    """What ``judge`` answers for each pair off the claim's story: the model, then the
    mismatch reading.

    ``encode`` gives each distinct text its vector (tests/test_stance_eval.py
    passes one without the disk cache, so a changed model is measured afresh).
    """
    texts = {b: [s.text for s in split_sentences(bodies[b])] for b in {p.body for p in pairs}}
    vectors = encode([t for p in pairs for t in claim_texts(p.claim)]
                            + [s for sentences in texts.values() for s in sentences])
    by_claim: dict[str, list[int]] = {}
    for n, pair in enumerate(pairs):
        by_claim.setdefault(pair.claim, []).append(n)
    answers: list[str] = [""] * len(pairs)
    for claim, rows in by_claim.items():
        inputs = [(texts[pairs[n].body],
                   np.stack([vectors[s] for s in texts[pairs[n].body]]) if texts[pairs[n].body]
                   else np.zeros((0, 384), np.float32)) for n in rows]
        results = judge(claim, np.stack([vectors[t] for t in claim_texts(claim)]), inputs)
        for n, (stance, *_) in zip(rows, results, strict=True):
            answers[n] = stance
    return answers


def report(name: str, gold: Sequence[str], predicted: Sequence[str]) -> str:
    f1 = class_f1(gold, predicted, LABELS)
    scores = [fnc_score(gold, predicted), macro_f1(gold, predicted, LABELS),
              *(f1[label] for label in LABELS)]
    return f"| {name} | " + " | ".join(f"{v:.3f}" for v in scores) + " |"


def main() -> None:
    if not FNC.exists():
        print(f"{FNC} not found: the FNC-1 development data is needed", file=sys.stderr)
        raise SystemExit(1)
    bodies, pairs = load_fnc()
    test = [p for p in pairs if held_apart(p.body)]
    train = [p for p in pairs if not held_apart(p.body)]
    gold = [p.label for p in test]
    started = time.perf_counter()
    x, pairings, _ = features(test, bodies)
    model = load_stance_model()
    unrefined = decide(model.predict_proba(x, pairings), model.bias)
    ours = judged(test, bodies)
    seconds = time.perf_counter() - started
    thresholds = fit_baseline(train, bodies)
    baseline = run_baseline([overlap(p.claim, bodies[p.body]) for p in test], thresholds)
    print(f"Held-apart FNC-1 development pairs: {len(test)} pairs, "
          f"{len({p.body for p in test})} bodies (the other {len(train)} pairs over "
          f"{len({p.body for p in train})} bodies fit the baseline; the model also trains on "
          f"fnc-train); parallax {seconds:.1f} s\n")
    print("| system | FNC-1 score | macro-F1 | " + " | ".join(f"F1 {lab}" for lab in LABELS)
          + " |")
    print("|---|" + "---:|" * (2 + len(LABELS)))
    print(report(f"word overlap (thresholds {thresholds[0]:.3f}/{thresholds[1]:.3f})",
                 gold, baseline))
    print(report("stance model alone (no figure/polarity reading)", gold, unrefined))
    print(report("judge (stance model + mismatch reading)", gold, ours))
    changed = sum(a != b for a, b in zip(unrefined, ours, strict=True))
    print(f"\nThe figure/polarity reading changed {changed} of {len(ours)} verdicts.")
    for name, predicted in (("word overlap", baseline), ("judge", ours)):
        print(f"\nConfusion, {name} (rows gold, columns predicted: "
              + ", ".join(LABELS) + ")")
        for label, row in zip(LABELS, confusion(gold, predicted, LABELS), strict=True):
            print(f"  {label:>12} " + " ".join(f"{n:6d}" for n in row))
    print("\nPer-label pairs: " + ", ".join(f"{lab} {gold.count(lab)}" for lab in LABELS))


if __name__ == "__main__":
    main()
