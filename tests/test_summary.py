"""Summary: supported, non-redundant lines, corroborated ones first, length respected."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from parallax.analyze.embed import load_embedder
from parallax.compare.claims import find_claims
from parallax.compare.summary import parse_length, summarize
from parallax.model import AnalyzedArticle, SummaryLine

from test_claims import LEDGER, TIMES, analyze, make_article

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
NEUS = Path(__file__).parents[2] / "shared" / "eval" / "neus" / "stories.jsonl"

EXTRA = ("The harbour budget was approved by the council on Monday. "
         "Harbour budget approved "
         "\n\nWhat happens to the fishermen now? "
         "\n\nDredging is expected to start in the spring and last two years. "
         "\n\nThe harbour master has already warned that the new quay...")


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


def test_word_budget_adds_whole_lines_until_reached() -> None:
    analyzed = _corpus()
    claims = find_claims(analyzed)
    short = summarize(analyzed, claims, words=12)
    longer = summarize(analyzed, claims, words=40)

    def words(lines: tuple[SummaryLine, ...]) -> list[int]:
        return [len(line.text.split()) for line in lines]

    assert sum(words(short)) >= 12 > sum(words(short)[:-1])
    assert sum(words(longer)) >= 40 > sum(words(longer)[:-1])
    assert len(short) < len(longer)
    assert summarize(analyzed, claims, words=0) == ()


def test_leads_cut_off_with_an_ellipsis_are_never_lines() -> None:
    lines = summarize(_corpus(), (), length=50)
    assert not any(line.text.endswith("...") for line in lines)


@pytest.mark.parametrize(("value", "expected"), [
    ("5", (5, None)), ("3s", (3, None)), ("4 sentences", (4, None)),
    ("120w", (120, 120)), ("80 words", (80, 80)),
])
def test_parse_length(value: str, expected: tuple[int, int | None]) -> None:
    assert parse_length(value) == expected


@pytest.mark.parametrize("value", ["", "w", "five", "12x", "-3", "0", "0w"])
def test_parse_length_rejects_nonsense(value: str) -> None:
    with pytest.raises(ValueError, match="summary length"):
        parse_length(value)


def test_neus_lines_all_have_support() -> None:
    """Three outlets' leads per story, through the public pipeline."""
    if not NEUS.exists():
        pytest.skip(f"NeuS stories not found at {NEUS}")
    from parallax.model import Document
    from parallax.pipeline import analyze_documents, brief_analyzed

    story = json.loads(NEUS.read_text(encoding="utf-8").splitlines()[0])
    documents = [Document(side, f"{side}.txt", "\n\n".join(lead["newBody"]),
                          outlet=lead["newsSource"], published=story["date"][:10])
                 for side, lead in story["news"].items()]
    briefing = brief_analyzed(analyze_documents(documents), summary_length=4)
    assert len(briefing.summary) == 4
    sources = {d.id: d.source for d in documents}
    for line in briefing.summary:
        assert line.support
        assert all(0 <= s.start < s.end <= len(sources[s.article]) for s in line.support)
