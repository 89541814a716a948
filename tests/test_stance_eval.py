"""Gate: `parallax check` on the held-apart FNC-1 bodies must keep its floors.

As ``bench/check.py`` measures it: the pairs whose body
``tools/train_stance.py`` held apart (a seeded hash of the body id, ~30 %;
the stance model never saw them) go through ``judge``, the function `check`
runs, and get the FNC-1 relative score and macro-F1 over the four stances.
Vectors are computed afresh (the bench's disk cache is bypassed, so a changed
embedder is measured). Floors sit just under today's figures (FNC-1 score
0.849, macro-F1 0.700; word overlap, the bench's baseline, 0.675 and 0.361),
from ``.venv/bin/python bench/check.py``; never lower them silently.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from parallax.analyze.embed import load_embedder
from parallax.compare.stance import LABELS

from builders import ROOT, shared_path

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))
from _metrics import fnc_score, macro_f1
from check import judged
from train_stance import held_apart, load_fnc

MIN_FNC_SCORE = 0.84  # today 0.849 (bench/check.py, 3,830 held-apart pairs)
MIN_MACRO_F1 = 0.68  # today 0.700


def _encode(texts: Sequence[str]) -> dict[str, np.ndarray[Any, Any]]:
    unique = sorted(set(texts))
    return dict(zip(unique, load_embedder().encode(unique), strict=True))


def test_check_keeps_its_fnc_floors() -> None:
    bodies, pairs = load_fnc(shared_path("eval", "fnc"))
    test = [p for p in pairs if held_apart(p.body)]
    gold = [p.label for p in test]
    predicted = judged(test, bodies, encode=_encode)
    score, f1 = fnc_score(gold, predicted), macro_f1(gold, predicted, LABELS)
    assert score >= MIN_FNC_SCORE and f1 >= MIN_MACRO_F1, (
        f"{len(test)} pairs: FNC-1 score {score:.3f}, macro-F1 {f1:.3f}")
