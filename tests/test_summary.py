"""Summary: supported, non-redundant lines, corroborated ones first, length respected."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parallax.analyze.embed import load_embedder
from parallax.compare.claims import find_claims
from parallax.compare.summary import summarize
from parallax.model import AnalyzedArticle

from test_claims import LEDGER, TIMES, analyze, make_article

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"

EXTRA = ("The harbour budget was approved by the council on Monday. "
         "Harbour budget approved "
         "\n\nWhat happens to the fishermen now? "
         "\n\nDredging is expected to start in the spring and last two years.")


def _corpus() -> list[AnalyzedArticle]:
    return [analyze(make_article("a", LEDGER, "Daily Ledger")),
            analyze(make_article("b", TIMES, "Coastal Times")),
            analyze(make_article("c", EXTRA, "Port Gazette"))]


def test_lines_are_supported_distinct_and_bounded() -> None:
    analyzed = _corpus()
    claims = find_claims(analyzed)
    lines = summarize(analyzed, claims, length=3)
    assert len(lines) == 3
    assert all(line.support for line in lines)
    for line in lines:
        own = [s for s in line.support if s.text == line.text]
        assert own, "a line's own sentence is among its support"
    vectors = load_embedder().encode([line.text for line in lines])
    similarity = vectors @ vectors.T
    assert float(np.max(similarity - np.eye(len(lines)))) < 0.75
    assert not any(line.text.endswith("?") for line in lines)
    # The corroborated budget line comes first and carries every outlet's span.
    assert "budget" in lines[0].text
    assert {s.article for s in lines[0].support} == {"a", "b", "c"}


def test_length_zero_and_larger_than_corpus() -> None:
    analyzed = _corpus()
    assert summarize(analyzed, (), length=0) == ()
    lines = summarize(analyzed, (), length=50)
    assert 0 < len(lines) < 9
    assert all(len(line.support) == 1 for line in lines)


def test_seed_summary() -> None:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip(f"seed articles not found at {SEEDS}")
    analyzed = [analyze(make_article(p.stem, p.read_text(), p.stem)) for p in paths]
    lines = summarize(analyzed, find_claims(analyzed), length=5)
    assert len(lines) == 5
    assert len(lines[0].support) >= 2
    assert all("Subscribe" not in line.text for line in lines)
