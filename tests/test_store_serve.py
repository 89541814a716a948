"""The README's workflow end to end: add, add more, list, show, then ``parallax serve``.

Every step is the real command: ``parallax add``/``list``/``show`` through
the CLI, and ``parallax serve`` in its own process answering HTTP on
127.0.0.1, as a reader of the README would run them. The served pages must
keep answering while another ``parallax add`` writes to the same store, and
an upload through ``--allow-upload`` must land in the store. Each test runs
on SQLite and on the throwaway PostgreSQL (``store_url``).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from typer.testing import CliRunner

from parallax.cli import app
from parallax.store import open_reader

from storecorpus import BRIDGE, FERRY, write_articles

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(url: str, *extra: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``parallax serve --db url`` in its own process; the base URL once it answers."""
    port = _free_port()
    argv = [sys.executable, "-m", "parallax", "serve", "--db", url, "--port", str(port),
            *extra]
    base = f"http://127.0.0.1:{port}"
    with subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env={**os.environ, **(env or {})}) as server:
        try:
            deadline = time.monotonic() + 120
            while True:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                try:
                    if httpx.get(f"{base}/api/stories", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "parallax serve did not answer"
                    time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            server.wait(30)


def test_the_readme_workflow_on_the_examples(store_url: str, tmp_path: Path) -> None:
    """Add part of a folder, add the folder, list, show, serve and open the story page."""
    url = store_url
    first = sorted(str(p) for p in (EXAMPLES / "meridane-talks").glob("0[1-5]*"))
    assert len(first) == 5
    assert invoke("-q", "add", *first, "--db", url).startswith(
        "added 5 article(s), 0 in the store already; stories briefed: s1")
    assert invoke("-q", "add", str(EXAMPLES), "--db", url).startswith(
        "added 5 article(s), 5 in the store already; stories briefed: s1")
    listed = json.loads(invoke("-q", "list", "--db", url, "--format", "json"))
    assert [(s["id"], s["articles"]) for s in listed["stories"]] == [("s1", 10)]
    page = tmp_path / "s1.html"
    invoke("-q", "show", "s1", "--db", url, "--format", "html", "-o", str(page))
    shown = page.read_text(encoding="utf-8")
    with serving(url) as base:
        stories = httpx.get(base + "/", timeout=30)
        story = httpx.get(base + "/stories/s1", timeout=30)
    assert stories.status_code == 200 and 'href="/stories/s1"' in stories.text
    assert story.status_code == 200
    title = listed["stories"][0]["title"]
    assert title in story.text and title in shown


def test_the_served_pages_answer_while_an_add_runs(store_url: str, tmp_path: Path) -> None:
    """Through the web app: every page answers, quickly, during an add (SQLite's WAL,
    PostgreSQL's snapshots: no reader waits for the writer)."""
    url = store_url
    write_articles(tmp_path / "first", BRIDGE)
    invoke("-q", "add", str(tmp_path / "first"), "--db", url)
    with open_reader(url) as reader:
        (bridge,) = [row.id for row in reader.stories()]
    write_articles(tmp_path / "second", FERRY)
    config = tmp_path / "options.toml"
    config.write_text("[store]\nbatch = 1\n", encoding="utf-8")  # a commit per article
    add = [sys.executable, "-m", "parallax", "-v", "--config", str(config), "add",
           str(tmp_path / "second"), "--db", url]
    with serving(url) as base, httpx.Client(base_url=base, timeout=30) as client:
        answered, slowest = 0, 0.0
        with subprocess.Popen(add, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True) as writer:
            assert writer.stderr is not None
            for line in writer.stderr:
                if "committed" not in line and "briefed story" not in line:
                    continue
                for path in ("/", f"/stories/{bridge}", "/api/search?q=footbridge",
                             "/?q=footbridge"):
                    began = time.perf_counter()
                    response = client.get(path)
                    slowest = max(slowest, time.perf_counter() - began)
                    assert response.status_code == 200, path
                    answered += 1
            writer.wait()
        assert writer.returncode == 0 and answered >= 12
        assert slowest < 5.0  # far below the writer's busy timeout: no page waited for it
        after = client.get("/api/stories").json()["stories"]
    assert len(after) == 2 and sum(s["articles"] for s in after) == len(BRIDGE) + len(FERRY)


def test_an_upload_through_http_lands_in_the_store(store_url: str, tmp_path: Path) -> None:
    """``parallax serve --allow-upload`` adds an uploaded JSONL body through ``open_sink``."""
    url = store_url
    write_articles(tmp_path / "first", BRIDGE)
    invoke("-q", "add", str(tmp_path / "first"), "--db", url)
    body = "".join(json.dumps(article) + "\n" for article in FERRY)
    env = {"PARALLAX_UPLOAD_TOKEN": "s3cret-token"}
    with serving(url, "--allow-upload", env=env) as base:
        refused = httpx.post(base + "/api/articles", content=body, timeout=30)
        response = httpx.post(base + "/api/articles", content=body, timeout=300,
                              headers={"Authorization": "Bearer s3cret-token"})
        listed = httpx.get(base + "/api/stories", timeout=30).json()["stories"]
    assert refused.status_code == 401
    assert response.status_code == 201, response.text
    summary = response.json()
    assert sorted(summary["added"]) == sorted(a["id"] for a in FERRY)
    assert len(summary["briefed"]) == 1 and summary["errors"] == []
    assert {s["id"] for s in listed} >= set(summary["briefed"])
    with open_reader(url) as reader:
        ferry = reader.briefing(summary["briefed"][0])
        stored = reader.article(FERRY[0]["id"])
    assert ferry is not None and {a.id for a in ferry.articles} == {a["id"] for a in FERRY}
    assert stored is not None and stored.document.source == FERRY[0]["text"]
