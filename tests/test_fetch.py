"""URL lists: pages fetched from a local server on 127.0.0.1 with --allow-private
(redirects, a body over the limit, a timeout, a 500), and refused without it."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parallax.cli import app
from parallax.errors import InputError, UsageError
from parallax.ingest import read_inputs
from parallax.ingest.addresses import check_host
from parallax.ingest.fetch import fetch_documents
from parallax.model import Document
from parallax.options import Options

from _pages import page
from fakes import FakeEmbedder

pytest.importorskip("httpx")

LIMITS = Options.from_dict({"ingest": {"fetch_read_seconds": 0.5, "fetch_max_bytes": 50_000,
                                       "fetch_max_redirects": 3}}).ingest
PAGES = {"/tern": page("tern"), "/ledger": page("ledger", date="2026-03-05")}
REDIRECTS = {"/old": "/moved", "/moved": "/tern", "/loop": "/loop", "/out": "ftp://x.example/"}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path in PAGES:
            self._send(200, "text/html; charset=utf-8", PAGES[self.path].encode())
        elif self.path == "/big":  # no Content-Length: the client must count
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<p>" + b"x" * 1021 + b"</p>")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, "text/html", PAGES["/tern"].encode())
        elif self.path == "/logo.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        else:
            self._send(500, "text/plain", b"broken")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read the client's lines, not the server's."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up on purpose (a body over its limit) is no test failure."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _fetch(server: str, *paths: str, allow_private: bool = True
           ) -> dict[str, Document | InputError]:
    found = fetch_documents([server + p for p in paths], allow_private=allow_private,
                            options=LIMITS)
    return {p: item for p, item in zip(paths, found, strict=True)}


def _reason(item: Document | InputError) -> str:
    assert isinstance(item, InputError), item
    return item.reason


def test_a_redirect_chain_is_followed_to_the_page(server: str) -> None:
    fetched = _fetch(server, "/old", "/ledger")
    old, ledger = fetched["/old"], fetched["/ledger"]
    assert isinstance(old, Document) and isinstance(ledger, Document)
    assert old.url == old.path == f"{server}/tern"
    assert "Talia Brennock" in old.source and ledger.published == "2026-03-05"


def test_each_failed_url_is_one_line_with_its_reason_and_the_rest_go_on(server: str) -> None:
    fetched = _fetch(server, "/big", "/slow", "/broken", "/loop", "/out", "/logo.png",
                     "/tern")
    assert "body over the limit of 50,000 bytes" in _reason(fetched["/big"])
    assert "timed out" in _reason(fetched["/slow"])
    assert _reason(fetched["/broken"]) == "HTTP 500 Internal Server Error"
    assert "more than 3 redirects" in _reason(fetched["/loop"])
    assert _reason(fetched["/out"]) == "redirected to ftp://x.example/: not an http(s) URL"
    assert "content type image/png" in _reason(fetched["/logo.png"])
    assert isinstance(fetched["/tern"], Document)
    line = fetched["/broken"]
    assert isinstance(line, InputError) and line.one_line().startswith(f"error[P100]: {server}/")


def test_loopback_is_refused_without_allow_private(server: str) -> None:
    fetched = _fetch(server, "/tern", allow_private=False)
    assert _reason(fetched["/tern"]) == ("refused: 127.0.0.1 is a loopback address "
                                         "(--allow-private to fetch it)")


def test_every_redirect_target_is_checked_again(server: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A page on an allowed host may redirect inward: the check runs on every hop."""
    checked: list[str] = []

    def check(host: str) -> None:  # the test server's literal address stands for a public one
        checked.append(host)
        if host != "127.0.0.1":
            check_host(host)

    monkeypatch.setattr("parallax.ingest.fetch.check_host", check)
    monkeypatch.setitem(REDIRECTS, "/inward", "http://localhost:9/")
    (item,) = fetch_documents([f"{server}/inward"], options=LIMITS)
    assert checked == ["127.0.0.1", "localhost"]
    assert _reason(item) == ("redirected to http://localhost:9/: refused: localhost (127.0.0.1) "
                             "is a loopback address (--allow-private to fetch it)")


def test_fetched_pages_join_the_files_and_get_unique_ids(server: str, tmp_path: Path) -> None:
    (tmp_path / "tern.txt").write_text("Ferry crews walked out on Lake Orin on Thursday.\n",
                                       encoding="utf-8")
    inputs = read_inputs([str(tmp_path)], urls=[f"{server}/tern", f"{server}/ledger"],
                         allow_private=True, options=LIMITS)
    assert [d.id for d in inputs.documents] == ["tern", "tern-2", "ledger"]


def test_cli_urls_brief_and_stories(server: str, tmp_path: Path,
                                    fake_embedder: FakeEmbedder) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# the strike\n{server}/tern\n\n{server}/ledger\n{server}/broken\n",
                    encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(app, ["stories", "--urls", str(urls), "-f", "json"])
    assert refused.exit_code == 3
    assert refused.stderr.count("refused: 127.0.0.1 is a loopback address") == 3
    result = runner.invoke(app, ["brief", "--urls", str(urls), "--allow-private", "-f", "json"])
    assert result.exit_code == 1, result.stderr
    assert f"{server}/broken: HTTP 500" in result.stderr
    data = json.loads(result.stdout)
    assert {a["url"] for a in data["articles"]} == {f"{server}/tern", f"{server}/ledger"}
    nothing = runner.invoke(app, ["brief"])
    assert nothing.exit_code == 2 and "--urls FILE" in nothing.stderr


def test_without_httpx_urls_are_a_wrong_call_before_any_file_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httpx", None)  # what an install without [fetch] sees
    with pytest.raises(UsageError, match="needs httpx") as caught:
        read_inputs([str(tmp_path / "not-there.txt")], urls=["https://news.example/a"])
    assert caught.value.hint == 'pip install "parallax-news[fetch]"'


def test_cli_add_takes_a_url_list_into_the_store(server: str, tmp_path: Path,
                                                 fake_embedder: FakeEmbedder) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/tern\n{server}/ledger\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    runner = CliRunner()
    refused = runner.invoke(app, ["add", "--urls", str(urls), "--db", db])
    assert refused.exit_code == 3 and not (tmp_path / "corpus.db").exists()
    added = runner.invoke(app, ["add", "--urls", str(urls), "--allow-private", "--db", db])
    assert added.exit_code == 0, added.stderr
    assert added.stdout.startswith("added 2 article(s)")
    again = runner.invoke(app, ["add", "--urls", str(urls), "--allow-private", "--db", db])
    assert again.stdout.startswith("added 0 article(s), 2 in the store already")
