"""Summary: supported, non-redundant lines, corroborated ones first, length respected."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from parallax.analyze.embed import load_embedder
from parallax.compare._summary_concepts import (
    FEATURE_NAMES,
    ConceptModel,
    bigrams,
    concept_features,
    concept_values,
    load_model,
)
from parallax.compare.claims import find_claims
from parallax.compare.summary import parse_length, summarize
from parallax.errors import UsageError
from parallax.model import AnalyzedArticle, SummaryLine
from parallax.options import DEFAULT_OPTIONS

from builders import LEDGER, TIMES, analyze, make_article

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
    assert float(np.max(similarity - np.eye(len(lines)))) < DEFAULT_OPTIONS.summary.redundant_cosine
    assert not any(line.text.endswith("?") for line in lines)
    # The corroborated budget line comes first and carries every outlet's span.
    assert "budget" in lines[0].text
    assert {s.article for s in lines[0].support} == {"a", "b", "c"}


def test_lines_with_more_sources_come_first() -> None:
    analyzed = _corpus()
    claims = find_claims(analyzed)
    lines = summarize(analyzed, claims, length=4)
    counts = [len({s.article for s in line.support}) for line in lines]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


def test_a_restatement_adds_nothing_once_its_words_are_covered() -> None:
    """Word pairs count once: after one outlet's ferry line, the other outlet's
    longer version of it adds only its aside, so a storm line (sharing only
    "storm warnings") wins the second place."""
    a = make_article("a", "The ferry company cancelled all crossings to the island on Friday. "
                          "Officials said storm warnings remain in force along the coast.", "A")
    b = make_article("b", "On Friday the ferry company cancelled all crossings to the island, "
                          "and the council voted to build a second harbour wall next spring. "
                          "Forecasters expect the storm warnings to stay until Sunday.", "B")
    analyzed = [analyze(a), analyze(b)]
    shared_only = np.zeros(len(FEATURE_NAMES))
    shared_only[FEATURE_NAMES.index("bias")] = -4.0
    shared_only[FEATURE_NAMES.index("several_articles")] = 8.0
    lines = summarize(analyzed, (), length=2, model=ConceptModel(shared_only))
    texts = [line.text for line in lines]
    assert sum("ferry" in text for text in texts) == 1, texts
    assert sum("torm warnings" in text for text in texts) == 1, texts


@pytest.mark.usefixtures("fake_embedder")
def test_a_sentence_opening_on_a_pronoun_is_not_a_line() -> None:
    """"Its chairman said ..." needs the sentence before it; the summary shows
    the sentence that names the company instead, even when the pronoun one
    carries more shared content."""
    a = make_article("a", "Harbourside Freight cut forty jobs at its Port Ellery depot on Monday. "
                          "Its chairman said the depot had lost its largest shipping contract "
                          "and forty jobs would go.", "A")
    b = make_article("b", "The Port Ellery depot of Harbourside Freight lost its largest "
                          "shipping contract, the chairman said, and forty jobs would go.", "B")
    analyzed = [analyze(a), analyze(b)]
    lines = summarize(analyzed, find_claims(analyzed), length=3)
    assert lines
    assert not any(line.text.startswith("Its ") for line in lines)


def test_bigrams_are_lowercased_stemmed_word_pairs() -> None:
    pairs = bigrams("Harbour budgets, approved!")
    assert pairs == {("harbour", "budget"), ("budget", "approv")}
    assert bigrams("one") == frozenset()


def test_pairs_that_several_outlets_write_early_weigh_most() -> None:
    sentences = [["Rail workers began a national strike on Tuesday.",
                  "A spokesman for the drivers mentioned the orange uniforms."],
                 ["A national strike by rail workers began on Tuesday.",
                  "Commuters crowded onto buses instead."],
                 ["Rail workers walked out on Tuesday in a national strike.",
                  "The minister will meet union leaders on Thursday."]]
    values = concept_values(sentences, [False, False, False])
    assert values[("national", "strike")] > values[("orange", "uniform")]
    assert values[("rail", "worker")] > values[("crowd", "onto")]
    assert all(0.0 < v < 1.0 for v in values.values())
    keys, rows = concept_features(sentences, [False, False, False])
    assert rows.shape == (len(keys), len(FEATURE_NAMES))


def test_a_headline_is_not_the_earliest_body_sentence() -> None:
    sentences = [["Strike halts trains", "Trains stopped at dawn across the country."]]
    keys, rows = concept_features(sentences, [True])
    early, titles = FEATURE_NAMES.index("early"), FEATURE_NAMES.index("in_titles")
    row = dict(zip(keys, rows, strict=True))
    (headline,) = bigrams("halts trains")
    (body,) = bigrams("trains stopped")
    assert row[headline][titles] == 1 and row[headline][early] < 1e-3
    assert row[body][early] == 1.0 and row[body][titles] == 0


def test_shipped_model_matches_the_features() -> None:
    model = load_model()
    assert model.weights.shape == (len(FEATURE_NAMES),)
    # The evidence that a pair is shared must count for it, whatever else was learnt.
    row = np.zeros((1, len(FEATURE_NAMES)))
    row[0, FEATURE_NAMES.index("bias")] = 1.0
    for feature, values in (("article_share", (1 / 3, 2 / 3, 1.0)),
                            ("log_count", (0.0, 1.0, 2.0))):
        rows = np.repeat(row, len(values), axis=0)
        rows[:, FEATURE_NAMES.index(feature)] = values
        assert np.all(np.diff(model.probability(rows)) > 0), feature


@pytest.mark.usefixtures("fake_embedder")
def test_a_model_can_replace_the_shipped_weights() -> None:
    """Only numbers matter to this model: the line with a figure wins."""
    analyzed = _corpus()
    weights = np.zeros(len(FEATURE_NAMES))
    weights[FEATURE_NAMES.index("number")] = 10.0
    lines = summarize(analyzed, (), length=1, model=ConceptModel(weights))
    assert "40 million" in lines[0].text


@pytest.mark.usefixtures("fake_embedder")
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


@pytest.mark.usefixtures("fake_embedder")
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


@pytest.mark.usefixtures("fake_embedder")
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
    with pytest.raises(UsageError, match="summary length"):
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


@pytest.mark.usefixtures("fake_embedder")
def test_a_line_the_writer_only_expects_is_not_a_line() -> None:
    """"The contract was expected to be signed" reads alone as what happened;
    another outlet's sentence on the same matter says it was not (so it is no
    support of the hedged line's claim), and the hedged line goes even though
    it shares the most."""
    a = make_article("a", "The port workers' contract was expected to be signed by both unions "
                          "at the Dunmore hall on Tuesday. Talks on the contract resume next "
                          "month, the mediator said.", "A")
    b = make_article("b", "The port workers' contract was not signed by both unions at the "
                          "Dunmore hall on Tuesday, and the unions left the hall.", "B")
    analyzed = [analyze(a), analyze(b)]
    claims = find_claims(analyzed)
    lines = summarize(analyzed, claims, length=3)
    assert lines
    assert not any("expected" in line.text for line in lines), [line.text for line in lines]


@pytest.mark.usefixtures("fake_embedder")
def test_a_line_shows_no_link_debris_and_cites_the_original_characters() -> None:
    """A cleaned page's link leaves a quote mark spaced off the bracketed words it
    opened; the line is shown tidied, its support keeps the source's characters."""
    text = ("The harbour board met on Monday. The mayor said, \u201c [The board] wanted the "
            "mooring fees doubled.\u201d")
    a = make_article("a", text, "A")
    b = make_article("b", "The harbour board met on Monday to set mooring fees for the "
                          "coming year.", "B")
    analyzed = [analyze(a), analyze(b)]
    lines = summarize(analyzed, find_claims(analyzed), length=3)
    line = next(line for line in lines if "doubled" in line.text)
    assert line.text == "The mayor said, \u201c[The board] wanted the mooring fees doubled.\u201d"
    own = line.support[0]
    assert text[own.start:own.end] == own.text
    assert "\u201c [The board]" in own.text
