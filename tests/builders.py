"""Builders shared by the tests: paths, invented articles, and analysed records.

A module of helpers, not of tests, so that no test module imports another
(pytest collects ``test_*`` files only). Articles here are invented; the real
data under ``../shared`` is read at run time through ``shared_path``.
``bench/stories.py --tune`` imports the invented fires too: the grid points it
may choose are those that keep them two stories, as tests/test_stories.py checks.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from parallax.analyze.sentences import split_sentences
from parallax.model import AnalyzedArticle, Article, Document, Entity
from parallax.offsets import OffsetMap
from parallax.pipeline import clean_documents
from parallax.registry import registry

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EMBEDDER = "parallax.embed.minilm.v1"
"""The registry name the pipeline loads its embedder by (the ``fake_embedder`` fixture swaps it)."""

LEDGER = ("The city council approved a new budget for the harbour on Monday. "
          "The plan sets aside 40 million euros for dredging the old port. "
          "Mayor Elena Ruiz called the vote a turning point for local fishermen.")
TIMES = ("On Monday the council voted to approve a fresh harbour budget. "
         "Local bakeries reported record sales of pumpkin bread this autumn. "
         "Critics said the dredging money would be better spent on schools.")


def chromium() -> str:
    """The Chromium binary the browser tests drive (``$PARALLAX_CHROMIUM`` first), or skip."""
    for candidate in (os.environ.get("PARALLAX_CHROMIUM"), "chromium", "chromium-browser",
                      "google-chrome"):
        found = candidate and shutil.which(candidate)
        if found:
            return found
    pytest.skip("no Chromium binary found (apt-get install chromium, or set PARALLAX_CHROMIUM)")


@contextmanager
def chromium_browser() -> Iterator[Browser]:
    """Headless Chromium under Playwright, for as long as the ``with`` lasts."""
    from playwright.sync_api import sync_playwright

    executable = chromium()
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable,
                                          args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def click_first_citation(page: Page) -> Locator:
    """Click the summary's first citation; assert it jumps to its mark and lights it up.

    Returns the mark, for the caller's further checks.
    """
    from playwright.sync_api import expect

    cite = page.locator("#summary a.cite").first
    href = cite.get_attribute("href")
    assert href and href.startswith("#ev-")
    cite.click()
    assert page.evaluate("location.hash") == href
    target = page.locator(href)
    expect(target).to_be_in_viewport()
    background = target.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "evidence not highlighted"
    return target


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


def parsed(text: str, ident: str) -> AnalyzedArticle:
    """An invented text parsed by the real spaCy model: sentences, entities and quotes."""
    from parallax.analyze.nlp import load_nlp
    from parallax.analyze.quotes import extract_quotes

    article = make_article(ident, text)
    doc = load_nlp()(text)
    sentences = split_sentences(text)
    entities = tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
    return AnalyzedArticle(article, sentences, entities, extract_quotes(article, doc, sentences),
                           ())


def analyze(article: Article) -> AnalyzedArticle:
    """Sentences and embeddings, no spaCy: all the compare stages read.

    The embedder is the registry's, so a test using the ``fake_embedder``
    fixture gets hashed bags of words and any other test the real model.
    """
    sentences = split_sentences(article.text)
    vectors = registry.get("embedders", EMBEDDER)(threads=0).encode([s.text for s in sentences])
    return AnalyzedArticle(article, sentences, (), (), (), vectors)


# Two fires of one kind on one day, two reports of each: tests/test_stories.py
# expects two stories of them, and bench/stories.py --tune keeps only settings
# that do.
FIRE_BRINDLEMOOR = [
    ("Fire guts textile warehouse in Brindlemoor",
     "A fire destroyed the Hollin textile warehouse in Brindlemoor on Saturday night. Fire chief "
     "Odile Marrick said forty firefighters fought the blaze for six hours. Nobody was hurt, "
     "but the Hollin mill will stay closed for months."),
    ("Brindlemoor blaze: Hollin mill store burns down",
     "Forty firefighters spent six hours on Saturday night battling flames at the Hollin "
     "warehouse in Brindlemoor, chief Odile Marrick told reporters. No injuries were reported. "
     "The owners of the Hollin mill said bolts of cloth worth millions were lost."),
]
FIRE_CASKWELL = [
    ("Two workers hurt as grain store burns in Caskwell port",
     "Flames tore through a grain warehouse at Caskwell port on Saturday, injuring two dock "
     "workers. Fire chief Tobias Wrenfield said the Pellam grain company store collapsed. "
     "Shipping at Caskwell was halted while crews cooled the ruins."),
    ("Caskwell grain warehouse fire injures dockers",
     "Two dockers were taken to hospital after a blaze at the Pellam grain warehouse in the port "
     "of Caskwell on Saturday. Chief Tobias Wrenfield said the roof fell in within an hour, and "
     "ships were kept out of Caskwell harbour overnight."),
]


def story_articles(stories: list[tuple[str, list[tuple[str, str]], str]]) -> list[Article]:
    """Cleaned articles from (name, [(title, text), ...], published day) per story.

    Article ids are the name and a count from 1; each report of a story is from
    another outlet.
    """
    documents = [Document(id=f"{name}{n}", path=f"{name}{n}.txt", source=f"{title}\n\n{text}",
                          title=title, outlet=f"Outlet {n}", published=day)
                 for name, items, day in stories for n, (title, text) in enumerate(items, 1)]
    return list(clean_documents(documents))
