"""The web app's defences, each with the attack it stops.

- Escaping: article text, titles, outlets, URLs and speaker names carrying
  ``<script>``, ``"><img onerror>``, a ``javascript:`` URL and template syntax
  ``{{ 7*7 }}`` come out of every page as text, never as markup, a live link or
  a computed value.
- No external resource: no page refers to another origin for anything it
  loads (scripts, styles, images, frames, forms, ``url()``); the only links
  to other sites are an article's own web address, which a reader clicks.
- The headers: a Content-Security-Policy of ``default-src 'none'`` and the
  others on every response.
- Path parameters are store ids, never file names; the server binds 127.0.0.1
  unless told otherwise and answers only its own host names; uploads are off
  by default, need the token when on, and stop at the size limit.
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parallax.cli import app as cli_app
from parallax.errors import StoreError, UsageError
from parallax.model import Document
from parallax.store.reader import StoreReader
from parallax.web import create_app, serve
from parallax.web.security import script_hashes

from _memory_reader import MemoryReader
from _web_corpus import (
    IMG,
    SCRIPT,
    TEMPLATE,
    URLS,
    documents,
    hostile_documents,
    hostile_names,
)

Factory = Callable[[Sequence[Document]], StoreReader]
_LOADING = {"src", "srcset", "srcdoc", "action", "formaction", "poster", "data", "background",
            "cite", "manifest", "ping", "xlink:href"}


class _Page(HTMLParser):
    """Every tag with its attributes, every script body, every style text and text node."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        self.styles.append(values.get("style", ""))
        self._inside = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside == "script":
            self.scripts.append(data)
        elif self._inside == "style":
            self.styles.append(data)
        else:
            self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def hostile(reader_factory: Factory) -> StoreReader:
    """The hostile ferry story, its speakers renamed to payloads as a store could hold them."""
    briefed = reader_factory(hostile_documents())
    briefings = [briefed.briefing(r.id) for r in briefed.stories()]
    return MemoryReader([hostile_names(b) for b in briefings if b is not None])


@pytest.fixture(scope="module")
def plain(reader_factory: Factory) -> StoreReader:
    return reader_factory(documents())


def _pages(client: TestClient, reader: StoreReader) -> Iterator[tuple[str, str]]:
    """(path, body) of every page the app draws over ``reader``, and a few error pages."""
    gets = ["/", "/?order=sources", f"/?q={quote(SCRIPT)}", f"/?q={quote(TEMPLATE)}&outlet="
            f"{quote(IMG)}", "/?q=hull", f"/stories/{quote(SCRIPT, safe='')}",
            f"/articles/{quote(IMG, safe='')}", "/?since=%3Cscript%3E"]
    for row in reader.stories():
        gets += [f"/stories/{quote(row.id, safe='')}", f"/stories/{quote(row.id, safe='')}/check"]
        briefing = reader.briefing(row.id)
        assert briefing is not None
        gets += [f"/articles/{quote(a.id, safe='')}?start=0&end=9" for a in briefing.articles]
        gets += [f"/actors/{quote(a.name, safe='')}" for a in briefing.actors]
    for path in gets:
        yield path, client.get(path).text
    for row in reader.stories():
        path = f"/stories/{quote(row.id, safe='')}/check"
        yield path + " (POST)", client.post(path, data={"claim": f"{SCRIPT} {TEMPLATE}"}).text


def test_every_page_escapes_every_field(hostile: StoreReader) -> None:
    client = TestClient(create_app(hostile))
    allowed = set(script_hashes([p for _, p in _pages(client, hostile)]))
    assert len(allowed) == 1, "one inline script, the briefing page's own"
    shown = {"title": False, "outlet": False, "text": False, "speaker": False}
    for path, body in _pages(client, hostile):
        page = _parse(body)
        for tag, attrs in page.tags:
            assert tag not in ("img", "iframe", "object", "embed", "base", "link"), (path, tag)
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            for name in ("href", *_LOADING):
                value = attrs.get(name, "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, value)
        assert body.count("<script>") == len(page.scripts) <= 1, path
        assert script_hashes([body]) in ((), tuple(allowed)), f"{path}: a script of its own"
        text = "".join(page.text)
        assert "49" not in text.replace("2049", ""), f"{path}: a template expression ran"
        shown["title"] |= f"{SCRIPT}{IMG}{TEMPLATE}" in text
        shown["outlet"] |= f"{IMG} 1" in text
        shown["text"] |= f"{IMG} {SCRIPT}" in text and TEMPLATE in text
        shown["speaker"] |= f"{IMG}{SCRIPT}{TEMPLATE} 0" in text
    assert all(shown.values()), f"each payload is shown, as text: {shown}"


def test_a_javascript_url_never_becomes_a_link(hostile: StoreReader) -> None:
    client = TestClient(create_app(hostile))
    for article, url in zip(("evil1", "evil2", "evil3"), URLS, strict=True):
        page = _parse(client.get(f"/articles/{article}").text)
        hrefs = [attrs["href"] for _, attrs in page.tags if "href" in attrs]
        if url.startswith("https:"):  # a web address stays a link, its payload inside it
            assert url in hrefs
        else:
            assert url in "".join(page.text), "the address is shown, as text"
            assert not any(h.lower().startswith("javascript:") for h in hrefs)
    for path in ("/api/articles/evil1", "/api/stories/s1", "/api/search?q=alert"):
        response = client.get(path)
        assert response.headers["content-type"] == "application/json"
        assert response.headers["x-content-type-options"] == "nosniff"


def _resources(page: _Page) -> Iterator[tuple[str, str, dict[str, str]]]:
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            if name in _LOADING or (name == "href" and tag != "a"):
                yield tag, value, attrs
    for style in page.styles:
        assert "@import" not in style
        for chunk in style.split("url(")[1:]:
            yield "style", chunk.split(")")[0].strip("'\" "), {}


def _same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


@pytest.mark.parametrize("which", ["plain", "hostile"])
def test_no_page_loads_anything_from_another_origin(which: str,
                                                    request: pytest.FixtureRequest) -> None:
    reader: StoreReader = request.getfixturevalue(which)
    client = TestClient(create_app(reader))
    links = {a.document.url for r in reader.stories() for a in
             (reader.briefing(r.id).articles if reader.briefing(r.id) else ())}  # type: ignore[union-attr]
    for path, body in _pages(client, reader):
        page = _parse(body)
        for tag, url, _ in _resources(page):
            assert _same_origin(url), f"{path}: <{tag}> loads {url}"
        for tag, attrs in page.tags:
            href = attrs.get("href")
            if tag == "a" and href is not None and not _same_origin(href):
                # A link out is an article's own address, opened without a referrer.
                assert href in links and "noreferrer" in attrs.get("rel", ""), (path, href)
        assert not any(t == "meta" and "refresh" in a.get("http-equiv", "").lower()
                       for t, a in page.tags)


def test_every_response_carries_the_policy(plain: StoreReader) -> None:
    client = TestClient(create_app(plain))
    responses = [client.get(p) for p in ("/", "/stories/s1", "/api/stories", "/nope",
                                         "/api/stories/nope", "/openapi.json")]
    responses.append(client.post("/api/articles", content=b"{}"))
    for response in responses:
        policy = response.headers["content-security-policy"]
        assert policy.startswith("default-src 'none';") and "http" not in policy
        assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"


def test_path_parameters_never_reach_the_file_system(plain: StoreReader, tmp_path: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the launch codes", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # "secret.txt" would resolve, were it ever opened
    client = TestClient(create_app(plain))
    client.get("/"), client.get("/stories/s1"), client.get("/articles/ferry1")  # templates warm
    opened: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def os_spy(path: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(path))
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(os, "open", os_spy)
    tricks = ["..%2Fsecret.txt", "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
              str(secret).replace("/", "%2F"), "....%2F%2F....%2F%2Fsecret.txt",
              "%2e%2e%2fsecret.txt", "secret.txt"]
    for trick in tricks:
        for route in ("/stories/", "/articles/", "/actors/", "/api/stories/",
                      "/api/articles/", "/api/actors/"):
            response = client.get(route + trick)
            assert "launch codes" not in response.text and "root:" not in response.text
            assert response.status_code == 404 or route.endswith("actors/"), (route, trick)
    assert opened == [], f"a request opened files: {opened}"


def test_another_site_cannot_post_in_the_readers_name(plain: StoreReader) -> None:
    client = TestClient(create_app(plain), base_url="http://127.0.0.1:8000")
    form = {"claim": "The Vellmark ferry line was suspended."}
    refused = client.post("/stories/s1/check", data=form,
                          headers={"origin": "https://attacker.example"})
    assert refused.status_code == 403
    assert client.post("/api/check", json={"story": "s1", **form},
                       headers={"origin": "null"}).status_code == 403
    mine = client.post("/stories/s1/check", data=form,
                       headers={"origin": "http://127.0.0.1:8000"})
    assert mine.status_code == 200


def test_serve_binds_localhost_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[dict[str, Any]] = []
    monkeypatch.setattr(serve, "open_reader", lambda url: MemoryReader([]))
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: runs.append(kwargs))
    runner = CliRunner()
    assert runner.invoke(cli_app, ["serve"]).exit_code == 0
    assert runner.invoke(cli_app, ["serve", "--host", "0.0.0.0", "--port", "8123"]
                         ).exit_code == 0
    assert [(r["host"], r["port"]) for r in runs] == [("127.0.0.1", 8000), ("0.0.0.0", 8123)]


def test_only_its_own_host_names_are_answered(plain: StoreReader) -> None:
    client = TestClient(create_app(plain, hosts=serve.allowed_hosts("127.0.0.1")),
                        base_url="http://127.0.0.1:8000")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    # A site that points its own name at 127.0.0.1 (DNS rebinding) gets nothing.
    refused = client.get("/api/stories", headers={"host": "attacker.example"})
    assert refused.status_code == 400 and "Ferry" not in refused.text


def test_serve_on_a_missing_store_says_so_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no store there"):
        serve.open_reader(f"sqlite:///{missing}")
    result = CliRunner().invoke(cli_app, ["serve", "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 3 and "no store there" in result.output
    assert not missing.exists()


def test_without_the_web_extra_serve_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    for name in [m for m in sys.modules if m == "parallax.web" or m.startswith("parallax.web.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "fastapi", None)  # import fastapi now fails
    result = CliRunner().invoke(cli_app, ["serve"])
    assert result.exit_code == 2 and "parallax-news[web]" in result.output


class _Sink:
    def __init__(self) -> None:
        self.added: list[Document] = []

    def add(self, documents: Sequence[Document]) -> Mapping[str, Any]:
        self.added.extend(documents)
        return {"added": [d.id for d in documents]}


def _upload_client(plain: StoreReader, sink: _Sink, limit: int = 2000) -> TestClient:
    return TestClient(create_app(plain, allow_upload=True, token="s3cret", sink=sink,
                                 max_upload_bytes=limit))


LINES = (b'{"id": "u1", "title": "Tide", "text": "The tide was high in Vellmark."}\n'
         b'{"id": "u2", "text": "Gulls followed the Aldine."}\n')


def test_upload_is_off_by_default(plain: StoreReader) -> None:
    response = TestClient(create_app(plain)).post(
        "/api/articles", content=LINES, headers={"authorization": "Bearer anything"})
    assert response.status_code == 403 and "off" in response.json()["detail"]
    with pytest.raises(UsageError):
        create_app(plain, allow_upload=True, sink=_Sink())
    with pytest.raises(UsageError):
        create_app(plain, allow_upload=True, token="s3cret")


def test_upload_needs_the_token(plain: StoreReader) -> None:
    sink = _Sink()
    client = _upload_client(plain, sink)
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": "s3cret"},
                    {"authorization": "Basic s3cret"}):
        assert client.post("/api/articles", content=LINES, headers=headers).status_code == 401
    assert sink.added == []
    done = client.post("/api/articles", content=LINES + b"not json\n",
                       headers={"authorization": "Bearer s3cret"})
    assert done.status_code == 201
    assert done.json()["added"] == ["u1", "u2"] and len(done.json()["errors"]) == 1
    assert [d.source for d in sink.added] == ["The tide was high in Vellmark.",
                                              "Gulls followed the Aldine."]
    empty = client.post("/api/articles", content=b"\n", headers={"authorization":
                                                                  "Bearer s3cret"})
    assert empty.status_code == 400


def test_upload_stops_at_the_size_limit(plain: StoreReader) -> None:
    sink = _Sink()
    client = _upload_client(plain, sink, limit=len(LINES))
    auth = {"authorization": "Bearer s3cret"}
    assert client.post("/api/articles", content=LINES, headers=auth).status_code == 201
    big = LINES + b" "
    assert client.post("/api/articles", content=big, headers=auth).status_code == 413

    def chunked() -> Iterator[bytes]:  # no Content-Length: the body is counted as it comes
        yield LINES
        yield b"x" * 10

    assert client.post("/api/articles", content=chunked(), headers=auth).status_code == 413
    assert len(sink.added) == 2, "nothing of a refused upload is added"
