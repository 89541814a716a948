"""Shared fixtures: the example corpus and the seeds, briefed once per session."""

from __future__ import annotations

import pytest

from parallax.model import Briefing

from builders import EXAMPLES, shared_path


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
