"""The trained line model: is a unit of flattened page text part of the story?

Gradient-boosted trees (trained by ``tools/train_lines.py`` with
scikit-learn, shipped as ``parallax/data/lines.json``) weigh the evidence of
``linefeatures`` and are evaluated here with numpy alone. The model only
adds removals to what the rules decided: a unit the rules keep goes when
the model is confident it is not story text. Its reason is the unit's own
lexicon cue when it has one (however weak), else ``boilerplate``: page text
that is neither story nor a recognisable kind of furniture (menus, teasers
of other stories, footers).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from parallax.clean.blocks import Unit
from parallax.clean.cues import strongest_cue
from parallax.clean.linefeatures import FEATURE_NAMES, line_features
from parallax.errors import ModelError
from parallax.options import DEFAULT_OPTIONS

__all__ = ["MODEL_REASON", "content_probability", "model_verdicts", "story_units"]

MODEL_REASON = "boilerplate"
_RULE_REMOVED = FEATURE_NAMES.index("rule_removed")
_ENDS_SENTENCE = FEATURE_NAMES.index("ends_sentence")


@dataclass(frozen=True, slots=True)
class _Forest:
    """All trees as (tree, node) arrays, so every unit walks every tree at once.

    A leaf points to itself: after ``depth`` steps every walk rests on a leaf.
    """

    feature: npt.NDArray[np.int64]
    threshold: npt.NDArray[np.float64]
    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    value: npt.NDArray[np.float64]
    depth: int
    init: float


def _padded(trees: list[dict[str, list[Any]]], key: str, fill: float) -> npt.NDArray[Any]:
    width = max(len(tree[key]) for tree in trees)
    return np.array([tree[key] + [fill] * (width - len(tree[key])) for tree in trees])


def _depth(left: list[int], right: list[int], node: int = 0) -> int:
    if left[node] < 0:
        return 0
    return 1 + max(_depth(left, right, left[node]), _depth(left, right, right[node]))


@cache
def _forest() -> _Forest:
    """The shipped trees, loaded once per process; their features must match ours."""
    text = resources.files("parallax").joinpath("data", "lines.json").read_text("utf-8")
    model: dict[str, Any] = json.loads(text)
    if tuple(model["features"]) != FEATURE_NAMES:
        raise ModelError("parallax/data/lines.json was trained on other features; retrain it "
                         "with tools/train_lines.py")
    trees = model["trees"]
    left, right = _padded(trees, "left", -1), _padded(trees, "right", -1)
    itself = np.broadcast_to(np.arange(left.shape[1]), left.shape)
    return _Forest(
        feature=np.maximum(_padded(trees, "feature", 0), 0),
        threshold=_padded(trees, "threshold", 0.0),
        left=np.where(left < 0, itself, left),
        right=np.where(left < 0, itself, right),
        value=_padded(trees, "value", 0.0) * float(model["learning_rate"]),
        depth=max(_depth(tree["left"], tree["right"]) for tree in trees),
        init=float(model["init"]),
    )


def content_probability(features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """P(story text) per row of ``line_features``: the trees' summed log-odds, squashed."""
    forest = _forest()
    trees = np.arange(len(forest.feature))[None, :]
    rows = np.arange(len(features))[:, None]
    node = np.zeros((len(features), len(forest.feature)), dtype=np.int64)
    for _ in range(forest.depth):
        goes_left = features[rows, forest.feature[trees, node]] <= forest.threshold[trees, node]
        node = np.where(goes_left, forest.left[trees, node], forest.right[trees, node])
    score = forest.init + forest.value[trees, node].sum(axis=1)
    probability: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-score))
    return probability


def _headings(keep: list[bool], sentence: Sequence[bool]) -> list[bool]:
    """``keep`` plus the headings kept units enclose.

    Among the units the rules kept, a line without a sentence end between two
    kept units (or opening the document before one) is a section heading, a
    headline or a live-blog timestamp; the benchmark's gold bodies leave those out, so the
    model learnt to drop them, but a reader needs them. Cross-validated, this
    costs no F1 (0.857 before, 0.858 after).
    """
    out = list(keep)
    for index, kept in enumerate(keep):
        if kept or sentence[index]:
            continue
        before = keep[index - 1] if index else True
        after = index + 1 < len(keep) and keep[index + 1]
        out[index] = before and after
    return out


def story_units(features: npt.NDArray[np.float64], probability: npt.NDArray[np.float64],
                threshold: float = DEFAULT_OPTIONS.clean.line_threshold) -> list[bool]:
    """Which units stay: those the rules kept (a ``line_features`` column) that the
    model gives at least ``threshold``, and the headings they enclose."""
    kept_by_rules = [i for i, row in enumerate(features) if not row[_RULE_REMOVED]]
    keep = _headings([bool(probability[i] >= threshold) for i in kept_by_rules],
                     [bool(features[i, _ENDS_SENTENCE]) for i in kept_by_rules])
    out = [False] * len(features)
    for index, kept in zip(kept_by_rules, keep, strict=True):
        out[index] = kept
    return out


def model_verdicts(units: Sequence[Unit], verdicts: Sequence[str | None], *,
                   threshold: float = DEFAULT_OPTIONS.clean.line_threshold
                   ) -> list[str | None]:
    """``verdicts`` plus the units the model finds off-story, each with its reason."""
    if not units:
        return list(verdicts)
    features = line_features(units, [verdict is not None for verdict in verdicts])
    keep = story_units(features, content_probability(features), threshold)
    out = list(verdicts)
    for index, unit in enumerate(units):
        if out[index] is None and not keep[index]:
            cue = strongest_cue(unit.text)
            out[index] = cue.reason if cue else MODEL_REASON
    return out
