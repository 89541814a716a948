"""The web app's pages and JSON routes over a store of invented articles.

The store comes from the ``reader_factory`` fixture (conftest.py), so the same
tests run against any ``StoreReader``. Two stories: a ferry line suspended
(three outlets, two named speakers, a newsletter box the cleaner removes) and
an orchard harvest (two outlets, six months later).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from parallax.model import Document
from parallax.options import Options, WebOptions
from parallax.render import schema_text
from parallax.render.payloads import briefing_payload
from parallax.store.reader import StoreReader
from parallax.web import create_app
from parallax.web.cache import PageCache

from _web_corpus import documents
from contract import check_briefing

Factory = Callable[[Sequence[Document]], StoreReader]


@pytest.fixture(scope="module")
def reader(reader_factory: Factory) -> StoreReader:
    return reader_factory(documents())


@pytest.fixture(scope="module")
def client(reader: StoreReader) -> TestClient:
    return TestClient(create_app(reader))


def _story_id(reader: StoreReader, word: str) -> str:
    return next(r.id for r in reader.stories(limit=10) if word in r.title)


def _titles(html: str) -> list[str]:
    return [unescape(t) for t in re.findall(r'<li><a href="/stories/[^"]+">([^<]+)</a>', html)]


def _valid(payload: dict[str, Any], name: str) -> None:
    Draft202012Validator(json.loads(schema_text(name))).validate(payload)


def test_stories_page_lists_newest_first_or_most_sources(client: TestClient) -> None:
    newest = _titles(client.get("/").text)
    assert len(newest) == 2 and "Pear" in newest[0] and "ferry" in newest[1]
    sources = _titles(client.get("/?order=sources").text)
    assert "ferry" in sources[0], "three outlets before two"


def test_stories_page_filters_by_outlet_and_dates(client: TestClient) -> None:
    assert _titles(client.get("/", params={"outlet": "Farm Weekly"}).text) == [
        "Pear harvest in Dunmere valley best in a decade"]
    assert all("ferry" in t for t in _titles(client.get("/?until=2031-03-31").text))
    assert all("Pear" in t for t in _titles(client.get("/?since=2031-09-01").text))
    page = client.get("/?outlet=Farm+Weekly").text
    assert '<option value="Farm Weekly" selected>' in page, "the filter shows what it applies"
    assert client.get("/?since=March").status_code == 400


def test_stories_page_pages(reader: StoreReader) -> None:
    client = TestClient(create_app(reader, options=replace(Options(), web=WebOptions(
        page_size=1))))
    first = client.get("/").text
    assert len(_titles(first)) == 1 and 'rel="next" href="/?order=newest&amp;page=2"' in first
    second = client.get("/?page=2").text
    assert _titles(second) != _titles(first) and 'rel="prev"' in second
    assert 'rel="next"' not in second
    assert client.get("/?page=0").status_code == 422


def test_search_lists_stories_and_article_hits(client: TestClient, reader: StoreReader) -> None:
    page = client.get("/", params={"q": "hull"}).text
    assert [t for t in _titles(page)] == [r.title for r in reader.stories(query="hull")]
    assert all("ferry" in t for t in _titles(page))
    hits = re.findall(r'href="/articles/([^"?]+)\?start=(\d+)&amp;end=(\d+)#hit"', page)
    assert hits
    for article_id, start, end in hits:
        found = reader.article(article_id)
        assert found and found.document.source[int(start):int(end)].casefold() == "hull"
    assert "No story matches" in client.get("/", params={"q": "zeppelin"}).text


def test_story_page_is_the_briefing_with_jumping_citations(client: TestClient,
                                                           reader: StoreReader) -> None:
    story = _story_id(reader, "ferry")
    page = client.get(f"/stories/{story}").text
    cited = set(re.findall(r'href="#ev-(\d+)"', page))
    marked = set(re.findall(r'<mark id="ev-(\d+)"', page))
    assert cited and cited == marked, "every citation jumps to a mark in a source text"
    assert '<a href="/">' in page and f'href="/stories/{story}/check"' in page
    assert 'href="/actors/Ilse%20Brandvold"' in page, "speakers link to their actor page"


def test_unknown_ids_are_404(client: TestClient) -> None:
    for path in ("/stories/nope", "/stories/nope/check", "/articles/nope", "/no/such/page"):
        response = client.get(path)
        assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    for path in ("/api/stories/nope", "/api/articles/nope"):
        response = client.get(path)
        assert response.status_code == 404 and response.json()["detail"]
    assert client.post("/api/check", json={"story": "nope", "claim": "x"}).status_code == 404


def test_article_page_marks_removed_boilerplate(client: TestClient, reader: StoreReader) -> None:
    article = reader.article("ferry1")
    assert article and article.removed, "the newsletter box is removed"
    page = client.get("/articles/ferry1").text
    struck = re.findall(r'<del class="removed" data-reason="([^"]+)"[^>]*>(.*?)</del>', page,
                        re.DOTALL)
    assert [(reason, unescape(text)) for reason, text in struck] == [
        (r.reason, article.document.source[r.start:r.end]) for r in article.removed]
    start = article.document.source.index("crack")
    lit = client.get(f"/articles/ferry1?start={start}&end={start + 5}").text
    assert '<mark id="hit">crack</mark>' in lit


def test_actor_page_gathers_statements_across_stories(client: TestClient,
                                                      reader: StoreReader) -> None:
    said = reader.actor("Rune Halvorsen")
    assert said, "the operator chief is quoted"
    page = client.get("/actors/Rune%20Halvorsen").text
    for item in said:
        href = f"/articles/{item.article_id}?start={item.quote.span.start}"
        assert href in page
        assert str(unescape(page)).count(item.quote.text) >= 1
    missing = client.get("/actors/Nobody%20Atall")
    assert missing.status_code == 404 and "No stored statement" in missing.text


def test_check_form_gives_a_verdict_per_article(client: TestClient, reader: StoreReader) -> None:
    story = _story_id(reader, "ferry")
    form = client.get(f"/stories/{story}/check").text
    assert f'action="/stories/{story}/check"' in form and "<textarea" in form
    page = client.post(f"/stories/{story}/check",
                       data={"claim": "The Vellmark ferry line was suspended."}).text
    stances = re.findall(r'<span class="stance (\w+)">', page)
    assert len(stances) == 3 and "supports" in stances
    assert client.post(f"/stories/{story}/check", data={"claim": "  "}).status_code == 400


def test_api_story_is_the_briefing_contract(client: TestClient, reader: StoreReader) -> None:
    story = _story_id(reader, "ferry")
    payload = client.get(f"/api/stories/{story}").json()
    briefing = reader.briefing(story)
    assert briefing is not None
    assert payload == json.loads(json.dumps(briefing_payload(briefing)))
    check_briefing(payload)
    _valid(payload, "briefing")


def test_api_lists_searches_and_reads_articles(client: TestClient, reader: StoreReader) -> None:
    listed = client.get("/api/stories", params={"order": "sources", "limit": 1}).json()
    assert [s["title"] for s in listed["stories"]] == [reader.stories(order="sources")[0].title]
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    assert client.get("/api/search", params={"q": "x", "limit": 201}).status_code == 422
    hits = client.get("/api/search", params={"q": "frost"}).json()["hits"]
    assert {h["article_id"] for h in hits} == {"orchard1", "orchard2"}
    article = client.get("/api/articles/ferry1").json()
    _valid(article, "document")
    for removed in article["removed"]:
        assert article["source"][removed["start"]:removed["end"]] == removed["text"]
    statements = client.get("/api/actors/Ilse%20Brandvold").json()["statements"]
    assert statements and all(s["story"] == _story_id(reader, "ferry") for s in statements)


def test_api_check(client: TestClient, reader: StoreReader) -> None:
    story = _story_id(reader, "ferry")
    one = client.post("/api/check", json={"story": story, "claim": "The ferry Aldine has a "
                                                                    "crack in its hull."}).json()
    _valid(one, "check")
    assert len(one["verdicts"]) == 3
    several = client.post("/api/check", json={"story": story, "claims": ["A", "B"]}).json()
    _valid(several, "check")
    assert [r["claim"] for r in several["results"]] == ["A", "B"]
    assert client.post("/api/check", json={"story": story}).status_code == 400
    assert client.post("/api/check", json={"story": story, "claim": "x" * 5000}
                       ).status_code == 400
    assert client.post("/api/check", json={"story": story, "claims": ["A"] * 51}
                       ).status_code == 400


def test_openapi_description_and_no_cdn_docs(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
                 "/api/search", "/api/check", "/api/articles"):
        assert path in paths, path
    assert not any(p.startswith(("/stories", "/articles/", "/actors/")) for p in paths)
    # FastAPI's own documentation pages load scripts from a CDN: they are off.
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_the_app_is_built_on_the_reader_seam_alone() -> None:
    """Importing and building the app loads no store code and no SQL: it reads only
    through ``StoreReader`` (``parallax serve`` opens the store itself, lazily)."""
    code = ("import sys; from parallax.web import create_app; "
            "sys.path.insert(0, 'tests'); from _memory_reader import MemoryReader; "
            "create_app(MemoryReader([])); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlalchemy', 'alembic', 'psycopg', 'sqlite3') or "
            "(m.startswith('parallax.store') and m != 'parallax.store.reader' "
            "and m != 'parallax.store')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], check=True)
    assert done.stdout.strip() == "[]", done.stdout


class _Moving:
    """A reader whose story rows move ``updated`` on demand, counting briefing reads."""

    def __init__(self, reader: StoreReader) -> None:
        self.reader, self.reads, self.version = reader, 0, "1"

    def __getattr__(self, name: str) -> Any:
        return getattr(self.reader, name)

    def story(self, story_id: str) -> Any:
        row = self.reader.story(story_id)
        return row and replace(row, updated=self.version)

    def briefing(self, story_id: str) -> Any:
        self.reads += 1
        return self.reader.briefing(story_id)


def test_story_pages_are_kept_until_the_story_is_rebriefed(reader: StoreReader) -> None:
    moving = _Moving(reader)
    client = TestClient(create_app(moving))  # type: ignore[arg-type]
    story = _story_id(reader, "ferry")
    first = client.get(f"/stories/{story}").text
    assert client.get(f"/stories/{story}").text == first and moving.reads == 1
    moving.version = "2"  # the store re-briefed the story
    client.get(f"/stories/{story}")
    assert moving.reads == 2
    uncached = TestClient(create_app(moving, options=replace(  # type: ignore[arg-type]
        Options(), web=WebOptions(page_cache=0))))
    uncached.get(f"/stories/{story}"), uncached.get(f"/stories/{story}")
    assert moving.reads == 4


def test_page_cache_forgets_the_least_recently_used() -> None:
    cache = PageCache(2)
    drawn: list[str] = []

    def draw(key: str) -> str:
        drawn.append(key)
        return key.upper()

    for key in ("a", "b", "a", "c", "a", "b"):
        assert cache.get(key, partial(draw, key)) == key.upper()
    assert drawn == ["a", "b", "c", "b"], "b went when c came; a stayed, being used"
    assert cache.get("gone", lambda: None) is None
    assert cache.get("gone", lambda: "back") == "back", "a None is not kept"
