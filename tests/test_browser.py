"""The HTML briefing in a real browser: headless Chromium driven by Playwright.

What a reader does is what is tested: the page opens from a file with no
network, every section is there, clicking a citation scrolls to the source
text and lights up exactly the cited words (with JavaScript and without it),
and the page paints something (a screenshot that is not blank).

The browser is Debian's ``chromium`` (``.ci/run`` installs it); set
``PARALLAX_CHROMIUM`` to use another binary. Without one the tests skip and
say why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from parallax.model import Briefing
from parallax.render import render_html

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytest.importorskip("PIL.Image", reason="Pillow is not installed")

from PIL import Image
from playwright.sync_api import Browser, expect

from builders import chromium_browser, click_first_citation

SECTIONS = ("summary", "conflicts", "quotes", "claims", "timeline", "sources")
_BLANKS = re.compile(r"\s+")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium_browser() as launched:
        yield launched


def _page_file(briefing: Briefing, folder: Path, name: str) -> str:
    path = folder / f"{name}.html"
    path.write_text(render_html(briefing), encoding="utf-8")
    return path.as_uri()


def _flat(text: str) -> str:
    return _BLANKS.sub(" ", text).strip()


def _check_page(browser: Browser, url: str, folder: Path, *,
                javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript,
                                  viewport={"width": 1100, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    # Self-contained: nothing but the file itself (and inline data) is fetched.
    assert all(u == url or u.startswith("data:") for u in requested), requested

    for section in SECTIONS:
        heading = page.locator(f"section#{section} h2")
        expect(heading).to_be_visible()
    assert page.locator("#summary li").count() >= 1
    assert page.locator("#claims li").count() >= 1
    assert page.locator("#timeline li").count() >= 1
    assert page.locator("#sources section.source").count() >= 2

    # Clicking the first summary citation reveals its evidence, highlighted.
    cited = page.locator("#summary a.cite").first.get_attribute("title")
    assert cited
    target = click_first_citation(page)
    # The highlighted words are the cited span, not merely somewhere near it.
    number = (target.get_attribute("id") or "").removeprefix("ev-")
    pieces = page.locator(f'mark[data-ev="{number}"]').all_inner_texts()
    assert _flat("".join(pieces)) == _flat(cited)

    shot = folder / f"{Path(url).stem}-{'js' if javascript else 'nojs'}.png"
    page.screenshot(path=str(shot), full_page=False)
    context.close()
    _assert_not_blank(shot)


def _assert_not_blank(path: Path) -> None:
    """A page that failed to paint is one colour; a briefing has text everywhere."""
    with Image.open(path) as image:
        pixels = image.convert("L")
        histogram = pixels.histogram()
        total = pixels.width * pixels.height
    background = max(histogram)
    assert total - background > 0.02 * total, f"{path.name} is nearly blank"
    assert sum(1 for count in histogram if count) > 16, f"{path.name} has too few shades"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_examples_page_in_browser(browser: Browser,
                                  examples_briefing: Briefing, tmp_path: Path,
                                  javascript: bool) -> None:
    url = _page_file(examples_briefing, tmp_path, "examples")
    _check_page(browser, url, tmp_path, javascript=javascript)
    assert examples_briefing.conflicts, "the examples have conflicting accounts to show"


def test_examples_page_shows_conflict_sides_in_columns(browser: Browser,
                                                      examples_briefing: Briefing,
                                                      tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(_page_file(examples_briefing, tmp_path, "examples"))
    # A clash of accounts puts each camp in a column; other conflicts lay out sides.
    conflict = page.locator("#conflicts .conflict").first
    sides = conflict.locator(".camp") if conflict.locator(".camp").count() else conflict.locator(
        ".side")
    assert sides.count() >= 2
    first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert first and second
    assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"] + first["width"] - 1
    page.close()


def test_seeds_page_in_browser(browser: Browser, seeds_briefing: Briefing,
                               tmp_path: Path) -> None:
    url = _page_file(seeds_briefing, tmp_path, "seeds")
    _check_page(browser, url, tmp_path, javascript=True)
