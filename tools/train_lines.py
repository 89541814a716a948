"""Train the line model of the text cleaner (src/parallax/data/lines.json).

    .venv/bin/python tools/train_lines.py            # cross-validate, then train and write
    .venv/bin/python tools/train_lines.py --cv-only  # the honest number only

Needs scikit-learn (a training extra; the package evaluates the exported
trees with numpy). Data: the flattened page texts of the article-extraction
development pages (../shared/eval/extraction/page-text) and their gold
article bodies.

Labels: each unit of a page (``split_units``) is content when most of its
word 4-shingles occur in the gold body (a unit shorter than four words: when
its words occur there in a row). Units are weighted by their word count, since
the benchmark scores words, not lines. Cross-validation holds out whole pages
(GroupKFold), and its per-page shingle F1 is the figure to report; the shipped
model is then trained on every page.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "extraction"
OUT = ROOT / "src" / "parallax" / "data" / "lines.json"
sys.path.insert(0, str(ROOT / "bench"))

from _metrics import mean, prf, shingles  # noqa: E402

from parallax.clean.blocks import Unit, split_units  # noqa: E402
from parallax.clean.boilerplate import find_boilerplate  # noqa: E402
from parallax.clean.linefeatures import FEATURE_NAMES, line_features  # noqa: E402
from parallax.clean.linemodel import story_units  # noqa: E402
from parallax.options import DEFAULT_OPTIONS  # noqa: E402

THRESHOLD = DEFAULT_OPTIONS.clean.line_threshold

TOKEN = re.compile(r"\w+")
# Small, shallow trees: ~100 pages are too few for more, and evaluating them
# in numpy stays well under a millisecond per page.
PARAMS: dict[str, Any] = {
    "n_estimators": 150, "max_depth": 3, "learning_rate": 0.1, "subsample": 0.8,
    "random_state": 0,
}
FOLDS = 5


def _label(unit: Unit, gold_shingles: set[tuple[str, ...]], gold_tokens: str) -> bool:
    tokens = TOKEN.findall(unit.text.lower())
    if not tokens:
        return False
    if len(tokens) < 4:
        return f" {' '.join(tokens)} " in gold_tokens
    grams = shingles(unit.text)
    return bool(sum(n for g, n in grams.items() if g in gold_shingles) * 2
                >= sum(grams.values()))


Page = tuple[str, list[Unit], list[bool], str]


def _page(gold: str, text: str, key: str) -> Page:
    units = split_units(text)
    return gold, units, [v is not None for v in find_boilerplate(units, frozenset())], key


def _pages() -> tuple[list[Page], list[Page]]:
    """The flattened pages, and their gold bodies as pages of their own.

    A clean article is input too (a copy-paste, a seed): training on the gold
    bodies, all content, teaches the model to leave such text alone.
    """
    pages, clean = [], []
    for path in sorted((DATA / "page-text").glob("*.txt")):
        gold = json.loads((DATA / "gold" / f"{path.stem}.json").read_text())["text"]
        pages.append(_page(gold, path.read_text(encoding="utf-8", errors="replace"), path.stem))
        clean.append(_page(gold, gold, path.stem))
    return pages, clean


def _matrix(pages: list[Page]) -> tuple[
        npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.float64],
        npt.NDArray[np.int64]]:
    rows, labels, weights, groups = [], [], [], []
    for number, (gold, units, removed, _) in enumerate(pages):
        gold_shingles = set(shingles(gold))
        gold_tokens = f" {' '.join(TOKEN.findall(gold.lower()))} "
        rows.append(line_features(units, removed))
        labels += [_label(u, gold_shingles, gold_tokens) for u in units]
        weights += [1.0 + len(TOKEN.findall(u.text)) for u in units]
        groups += [number] * len(units)
    return (np.vstack(rows), np.array(labels, dtype=np.int64), np.array(weights),
            np.array(groups, dtype=np.int64))


def _page_f1(pages: list[Page], features: npt.NDArray[np.float64],
             content: npt.NDArray[np.float64], threshold: float) -> tuple[float, float, float]:
    """Mean shingle P/R/F1 of the pages cleaned as the package does, given ``content``."""
    scores, offset = [], 0
    for gold, units, _, _ in pages:
        rows = slice(offset, offset + len(units))
        keep = story_units(features[rows], content[rows], threshold)
        offset += len(units)
        scores.append(prf("\n\n".join(u.text for u, k in zip(units, keep, strict=True) if k),
                          gold))
    return mean(s[0] for s in scores), mean(s[1] for s in scores), mean(s[2] for s in scores)


def _report(name: str, scores: tuple[float, float, float]) -> None:
    precision, recall, f1 = scores
    print(f"{name:<36} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


def _export(model: GradientBoostingClassifier) -> dict[str, Any]:
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append({
            "feature": tree.feature.tolist(),
            "threshold": [round(float(t), 6) for t in tree.threshold],
            "left": tree.children_left.tolist(),
            "right": tree.children_right.tolist(),
            "value": [round(float(v), 6) for v in tree.value[:, 0, 0]],
        })
    prior = model.init_.class_prior_[1]
    return {
        "features": list(FEATURE_NAMES),
        "init": float(np.log(prior / (1 - prior))),
        "learning_rate": model.learning_rate,
        "trees": trees,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv-only", action="store_true")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipping: {DATA} not found (shared eval data absent)")
        return
    pages, clean = _pages()
    features, labels, weights, groups = _matrix(pages + clean)
    groups %= len(pages)  # a page and its gold body fall in the same fold
    print(f"{len(pages)} pages, {len(labels)} units, {labels.mean():.2f} content")
    content = np.zeros(len(labels))
    for train, test in GroupKFold(FOLDS).split(features, labels, groups):
        model = GradientBoostingClassifier(**PARAMS)
        model.fit(features[train], labels[train], sample_weight=weights[train])
        content[test] = model.predict_proba(features[test])[:, 1]
    on_pages = sum(len(units) for _, units, _, _ in pages)
    _report("gold bodies, cross-validated", _page_f1(
        clean, features[on_pages:], content[on_pages:], THRESHOLD))
    on_page_features = features[:on_pages]
    _report("pages, rules alone", _page_f1(pages, on_page_features, np.ones(on_pages), THRESHOLD))
    for threshold in sorted({0.3, THRESHOLD, 0.5, 0.6}):
        _report(f"pages, cross-validated @{threshold}",
                _page_f1(pages, on_page_features, content[:on_pages], threshold))
    if args.cv_only:
        return
    model = GradientBoostingClassifier(**PARAMS).fit(features, labels, sample_weight=weights)
    OUT.write_text(json.dumps(_export(model), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
