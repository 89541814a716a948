"""A bounded load test of ``parallax serve`` over the SQL store on 127.0.0.1, next to static files.

    python bench/serve.py                      # 20 clients, 2,000 requests, ~2,000 articles
    python bench/serve.py --clients 20 --requests 2000 --articles 2000
    python bench/serve.py --page-cache 0      # every story page read and rendered anew
    python bench/serve.py --postgres URL      # the same store in that (emptied) database

The store: BASIL's dev events (../shared/eval/basil, 53 events, 159
articles), each event folder added as ``parallax add`` adds it, into one
SQLite file cached under /tmp/parallax-cache/serve/ (keyed by the version
and the inputs). Its stories are then copied under new story and article
ids until the store holds ``--articles`` articles, by ``copy_stories``: the
rows come from the store's own row functions (``records.article_row``,
``briefing_text``, ``add.insert_briefing_rows``, the ``tables`` metadata and
``search.index_articles``), so a copy is stored exactly as an added story
is (full-text rows included); only its ids, content hash and URL carry the
copy's number, since a store holds one article per text and per URL. The
copies are not in the grouping state (no later add groups into them). With
``--postgres`` the tables of that database are dropped and every story,
the originals too, is copied there from the cached SQLite file.

The server is ``create_app`` over ``open_reader(url)`` under uvicorn in its
own process (one worker), so the load generator does not share its
interpreter; ``--clients`` threads with keep-alive connections send
``--requests`` requests in all: story pages (70 %), the stories page with a
search (15 %) and ``/api/search`` (15 %), stories and words drawn with a fixed
seed. The same story pages, rendered beforehand, are then served as files by
Python's ``http.server`` (threading) under the same load: the baseline, what
this machine and client do with no work per request. Prints throughput and
p50/p95 latency per kind of request.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "eval" / "basil"
CACHE = Path("/tmp/parallax-cache/serve")

# Words to search for: common in political news, none of them a sentence of it.
WORDS = ("senate", "president", "court", "election", "tax", "immigration", "budget",
         "campaign", "vote", "health", "republicans", "democrats", "police", "war")
MIX = (("story", 0.70), ("search page", 0.15), ("api search", 0.15))


def basil_store() -> Path:
    """A SQLite store holding BASIL's dev events, one ``add`` per event (cached)."""
    from parallax import __version__
    from parallax.pipeline import read
    from parallax.progress import Reporter
    from parallax.store import open_store

    events = sorted(p for p in BASIL.iterdir() if any(p.glob("*.jsonl")))
    digest = hashlib.sha256(__version__.encode())
    for event in events:
        for part in sorted(event.glob("*.jsonl")):
            digest.update(part.read_bytes())
    cached = CACHE / f"basil-{digest.hexdigest()[:16]}.db"
    if cached.exists():
        return cached
    CACHE.mkdir(parents=True, exist_ok=True)
    building = cached.with_suffix(".building")
    building.unlink(missing_ok=True)
    store = open_store(f"sqlite:///{building}")
    try:
        for number, event in enumerate(events):
            store.add(read([str(event)]).documents, Reporter(None))
            print(f"added {number + 1}/{len(events)} events", file=sys.stderr)
    finally:
        store.close()
    building.rename(cached)
    return cached


def _renamed(briefing: Any, prefix: str) -> Any:
    """``briefing`` with ``prefix`` before its story id and every article id it holds."""
    from parallax.model import Briefing

    def walk(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and key in ("article", "articles", "duplicate_of"):
            return prefix + value
        return value

    data = walk(briefing.to_dict())
    for article in data["articles"]:
        article["id"] = prefix + article["id"]
        article["flags"] = [f.replace("duplicate-of:", "duplicate-of:" + prefix)
                            for f in article["flags"]]
    for story in data["stories"]:
        story["id"] = prefix + story["id"]
    return Briefing.from_dict(data)


def copy_stories(source: Any, target: Any, copies: Sequence[int]) -> None:
    """Write copy ``k`` of every story of ``source`` (a ``SqlReader``) into ``target`` (a
    ``Store``) for each ``k`` of ``copies``; copy 0 keeps the ids, hashes and URLs."""
    from sqlalchemy import insert, select

    from parallax.store import tables as t
    from parallax.store.add import insert_briefing_rows
    from parallax.store.records import article_row, briefing_text
    from parallax.store.search import index_articles

    with source.store.reading() as connection:
        stories = connection.execute(select(t.stories).where(t.stories.c.briefed_version > 0)
                                     .order_by(t.stories.c.id)).mappings().all()
    briefings = [source.briefing(row["id"]) for row in stories]
    for k in copies:
        with target.writing() as connection:
            for row, original in zip(stories, briefings, strict=True):
                briefing = _renamed(original, f"c{k}-") if k else original
                story_id = f"c{k}-{row['id']}" if k else row["id"]
                articles = [_copied(article_row(a, row["updated"]), k, story_id)
                            for a in briefing.articles]
                connection.execute(insert(t.articles), articles)
                index_articles(connection, [a["id"] for a in articles])
                connection.execute(insert(t.stories).values(
                    {**row, "id": story_id, "briefing": briefing_text(briefing)}))
                insert_briefing_rows(connection, story_id, briefing)


def _copied(row: dict[str, Any], k: int, story_id: str) -> dict[str, Any]:
    """An article row as copy ``k`` stores it: in its story, its own hash and URL."""
    row = {**row, "story_id": story_id}
    if k:
        row["content_hash"] = hashlib.sha256(f"{k}:{row['content_hash']}".encode()).hexdigest()
        row["url"] = f"{row['url']}#copy-{k}" if row["url"] else None
    return row


def build(articles: int, postgres: str | None, folder: Path) -> str:
    """The URL of a store of BASIL's dev events copied to about ``articles`` articles."""
    from sqlalchemy import func, select

    from parallax.store import Store, open_reader
    from parallax.store import tables as t

    base = basil_store()
    with open_reader(f"sqlite:///{base}") as source:
        with source.store.reading() as connection:
            held = connection.execute(select(func.count()).select_from(t.articles)).scalar_one()
        copies = max(1, -(-articles // held))
        if postgres is None:
            served = folder / "served.db"
            shutil.copyfile(base, served)
            url, first = f"sqlite:///{served}", 1
        else:
            from store import fresh_url  # bench/store.py: drops the store's tables

            url, first = fresh_url(postgres, folder, "served"), 0
        target = Store.open(url, create=True)
        try:
            copy_stories(source, target, range(first, copies))
        finally:
            target.close()
    return url


def _serve(port: int, url: str, page_cache: int | None) -> None:
    """The server process: the app over the store at ``url``, under uvicorn."""
    from dataclasses import replace

    import uvicorn

    from parallax.options import Options
    from parallax.store import open_reader
    from parallax.web import create_app

    options = Options()
    if page_cache is not None:
        options = replace(options, web=replace(options.web, page_cache=page_cache))
    uvicorn.run(create_app(open_reader(url), options=options), host="127.0.0.1",
                port=port, log_level="warning", access_log=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, seconds: float) -> None:
    """Until ``url`` answers 200 (a server starting), at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def _plan(story_ids: Sequence[str], requests: int, seed: int = 15) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    kinds = rng.choices([k for k, _ in MIX], weights=[w for _, w in MIX], k=requests)
    paths = {"story": lambda: f"/stories/{rng.choice(story_ids)}",
             "search page": lambda: f"/?q={rng.choice(WORDS)}",
             "api search": lambda: f"/api/search?q={rng.choice(WORDS)}&limit=20"}
    return [(kind, paths[kind]()) for kind in kinds]


def load(base: str, plan: Sequence[tuple[str, str]], clients: int
         ) -> tuple[float, dict[str, list[float]]]:
    """Send ``plan`` from ``clients`` threads; wall seconds and latencies (s) per kind."""
    local = threading.local()
    latencies: dict[str, list[float]] = {}
    lock = threading.Lock()

    def one(item: tuple[str, str]) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=60)
        kind, path = item
        start = time.perf_counter()
        response = local.client.get(path)
        took = time.perf_counter() - start
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        with lock:
            latencies.setdefault(kind, []).append(took)

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, plan))
    return time.perf_counter() - start, latencies


def _quantile(values: Sequence[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def _rows(name: str, wall: float, latencies: dict[str, list[float]]) -> list[str]:
    every = [v for values in latencies.values() for v in values]
    rows = [f"| {name} | all | {len(every)} | {len(every) / wall:.0f} | "
            f"{1000 * _quantile(every, .5):.0f} | {1000 * _quantile(every, .95):.0f} |"]
    for kind, values in latencies.items():
        rows.append(f"| {name} | {kind} | {len(values)} | | {1000 * _quantile(values, .5):.0f} "
                    f"| {1000 * _quantile(values, .95):.0f} |")
    return rows


def _static(folder: Path, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                             "127.0.0.1", "--directory", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--page-cache", type=int, metavar="N",
                        help="story pages the app keeps rendered (default: web.page_cache)")
    parser.add_argument("--postgres", metavar="URL",
                        help="serve from this PostgreSQL database (its tables are dropped)")
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not BASIL.is_dir():
        print(f"skipped: {BASIL} not found (the shared eval data is not checked out here)")
        return
    if args.serve:
        _serve(args.serve, args.url, args.page_cache)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = build(args.articles, args.postgres, Path(folder))
        app_wall, app_latencies, briefings = _run(url, args)
        static_wall, static_latencies = _baseline(briefings, args, Path(folder))
    print("| server | requests | n | req/s | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    for row in (*_rows("parallax serve", app_wall, app_latencies),
                *_rows("static files (http.server)", static_wall, static_latencies)):
        print(row)
    print(json.dumps({f"p95_{kind.replace(' ', '_')}_ms": round(1000 * _quantile(values, .95))
                      for kind, values in sorted(app_latencies.items())}))


def _run(url: str, args: argparse.Namespace
         ) -> tuple[float, dict[str, list[float]], list[Any]]:
    """The app's figures over the store at ``url``, and the stored briefings."""
    from parallax.store import open_reader

    with open_reader(url) as reader:
        ids = [row.id for row in reader.stories(limit=10**6)]
        briefings = [reader.briefing(i) for i in ids]
        held = sum(len(b.articles) for b in briefings if b)
    print(f"store: {len(ids)} stories, {held} articles ({url.split(':')[0]}); "
          f"{args.clients} clients, {args.requests} requests", file=sys.stderr)
    port = _free_port()
    cache = [] if args.page_cache is None else ["--page-cache", str(args.page_cache)]
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), "--url", url,
                               *cache])
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base + "/api/stories?limit=1", 600)
        load(base, _plan(ids, 100, seed=1), args.clients)  # warm up: imports, templates
        wall, latencies = load(base, _plan(ids, args.requests), args.clients)
    finally:
        server.terminate()
        server.wait()
    return wall, latencies, briefings


def _baseline(briefings: Sequence[Any], args: argparse.Namespace, folder: Path
              ) -> tuple[float, dict[str, list[float]]]:
    """The same story pages, rendered beforehand, served as files under the same load."""
    from parallax.render import render_html

    pages = folder / "pages"
    pages.mkdir()
    ids = [b.stories[0].id for b in briefings]
    for story_id, briefing in zip(ids, briefings, strict=True):
        (pages / f"{story_id}.html").write_text(render_html(briefing), encoding="utf-8")
    port = _free_port()
    static = _static(pages, port)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(f"{base}/{ids[0]}.html", 20)
        plan = [("story", f"/{i}.html") for i in
                (path.removeprefix("/stories/") for kind, path in _plan(ids, args.requests)
                 if kind == "story")]
        return load(base, plan, args.clients)
    finally:
        static.terminate()
        static.wait()


if __name__ == "__main__":
    main()
