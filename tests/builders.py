"""Builders shared by the tests: paths, invented articles, and analysed records.

A module of helpers, not of tests, so that no test module imports another
(pytest collects ``test_*`` files only). Articles here are invented; the real
data under ``../shared`` is read at run time through ``shared_path``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.analyze.embed import load_embedder
from parallax.analyze.sentences import split_sentences
from parallax.model import AnalyzedArticle, Article, Document
from parallax.offsets import OffsetMap

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"

LEDGER = ("The city council approved a new budget for the harbour on Monday. "
          "The plan sets aside 40 million euros for dredging the old port. "
          "Mayor Elena Ruiz called the vote a turning point for local fishermen.")
TIMES = ("On Monday the council voted to approve a fresh harbour budget. "
         "Local bakeries reported record sales of pumpkin bread this autumn. "
         "Critics said the dredging money would be better spent on schools.")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test (with the reason) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared seeds/eval data are not checked out here")
    return path


def make_article(article_id: str, text: str, outlet: str | None = None,
                 flags: tuple[str, ...] = ()) -> Article:
    document = Document(article_id, f"{article_id}.txt", text, outlet=outlet)
    return Article(document, text, OffsetMap.identity(len(text)), flags=flags)


def analyze(article: Article) -> AnalyzedArticle:
    """Sentences and real embeddings, no spaCy: all the compare stages read."""
    sentences = split_sentences(article.text)
    vectors = load_embedder().encode([s.text for s in sentences])
    return AnalyzedArticle(article, sentences, (), (), (), vectors)
