"""Shared fixtures: the example corpus and the seeds, briefed once per session."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from pathlib import Path

import pytest

from parallax.model import Briefing

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test (with the reason) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared seeds/eval data are not checked out here")
    return path


def mean_overlap(pairs: Iterable[tuple[Counter[Hashable], Counter[Hashable]]]
                 ) -> tuple[float, float, float]:
    """Mean precision, recall and F1 of (output, gold) bags over documents."""
    scores: list[tuple[float, float, float]] = []
    for ours, gold in pairs:
        overlap = sum((ours & gold).values())
        precision = overlap / max(1, sum(ours.values()))
        recall = overlap / max(1, sum(gold.values()))
        scores.append((precision, recall, 2 * precision * recall / max(1e-9, precision + recall)))
    count = max(1, len(scores))
    p, r, f = (sum(s[i] for s in scores) / count for i in range(3))
    return p, r, f


@pytest.fixture(scope="session")
def examples_briefing() -> Briefing:
    from parallax.pipeline import brief

    return brief(str(EXAMPLES))


@pytest.fixture(scope="session")
def seeds_briefing() -> Briefing:
    from parallax.pipeline import brief

    return brief(str(shared_path("seeds")))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/* from the current output instead of comparing")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten (never in a normal run)."""
    return bool(request.config.getoption("--update-golden"))
