"""The served app in a real browser: uvicorn on a free 127.0.0.1 port, headless Chromium.

What an analyst does: open the stories, search, open a story, click a
citation and see the cited words highlighted, submit a claim check and read
the verdicts. Every request the browser makes goes to the server itself, and
the page's own script runs under the Content-Security-Policy (no violation is
reported). Chromium is Debian's (see tests/test_browser.py); without it the
test skips and says why.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator, Sequence

import pytest

from parallax.model import Document
from parallax.store.reader import StoreReader
from parallax.web import create_app
from parallax.web.serve import allowed_hosts

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytest.importorskip("uvicorn", reason="uvicorn is not installed (the [web] extra)")

import uvicorn
from playwright.sync_api import Browser, Page, expect

from _web_corpus import documents
from builders import chromium_browser, click_first_citation

Factory = Callable[[Sequence[Document]], StoreReader]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium_browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def server(reader_factory: Factory) -> Iterator[str]:
    """The app under uvicorn in a thread, on a socket bound before it starts (no race)."""
    app = create_app(reader_factory(documents()), hosts=allowed_hosts("127.0.0.1"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        threading.Event().wait(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    sock.close()


def _watch(page: Page, origin: str) -> tuple[list[str], list[str]]:
    """Requests to other origins and console messages about the policy, as they happen."""
    foreign: list[str] = []
    violations: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(origin + "/") else foreign.append(r.url))
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    return foreign, violations


def test_list_search_open_cite_and_check(browser: Browser, server: str) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    foreign, violations = _watch(page, server)
    page.goto(server + "/")
    expect(page.locator("ul.stories li")).to_have_count(2)

    page.fill("input[name=q]", "hull")
    page.click("form.filters button[type=submit]")
    expect(page.locator("ul.stories li")).to_have_count(1)
    expect(page.locator("ul.hits li").first).to_be_visible()
    page.locator("ul.stories li a").first.click()

    expect(page.locator("section#summary h2")).to_be_visible()
    target = click_first_citation(page)
    # The page's script ran (it flashes the evidence): the policy lets it, and it alone.
    expect(target).to_have_class("flash")

    page.click("nav.app >> text=Check a claim")
    page.fill("textarea[name=claim]", "The Vellmark ferry line was suspended.")
    page.click("form button[type=submit]")
    stances = page.locator("ul.verdicts .stance").all_inner_texts()
    assert len(stances) == 3 and "SUPPORTS" in [s.upper() for s in stances]

    assert foreign == [], f"requests to other origins: {foreign}"
    assert violations == [], violations
    page.close()
