"""A bounded load test of ``parallax serve`` on 127.0.0.1, next to static files.

    python bench/serve.py                      # 20 clients, 2,000 requests, ~2,000 articles
    python bench/serve.py --clients 20 --requests 2000 --articles 2000
    python bench/serve.py --page-cache 0      # every story page read and rendered anew

The store: BASIL's dev events (../shared/eval/basil, 53 events, 159 articles),
briefed once by ``pipeline.brief_stories`` (cached under
/tmp/parallax-cache/serve/), then copied with new story and article ids until
it holds ``--articles`` articles, behind the in-memory ``StoreReader`` of the
tests (tests/_memory_reader.py). The server is ``create_app`` under uvicorn in
its own process (one worker), so the load generator does not share its
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
import pickle
import random
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
sys.path.insert(0, str(ROOT / "tests"))

# Words to search for: common in political news, none of them a sentence of it.
WORDS = ("senate", "president", "court", "election", "tax", "immigration", "budget",
         "campaign", "vote", "health", "republicans", "democrats", "police", "war")
MIX = (("story", 0.70), ("search page", 0.15), ("api search", 0.15))


def basil_briefings() -> list[Any]:
    """One briefing per story of each BASIL event (cached by the inputs' hash)."""
    from parallax import __version__
    from parallax.pipeline import brief_stories, read

    events = sorted(p for p in BASIL.iterdir() if any(p.glob("*.jsonl")))
    digest = hashlib.sha256(__version__.encode())
    for event in events:
        for part in sorted(event.glob("*.jsonl")):
            digest.update(part.read_bytes())
    cached = CACHE / f"briefings-{digest.hexdigest()[:16]}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    briefings = []
    for number, event in enumerate(events):
        for briefing in brief_stories(read([str(event)]).documents):
            briefings.append(_renamed(briefing, f"e{number}-"))
        print(f"briefed {number + 1}/{len(events)} events", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(briefings))
    return briefings


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


def store(articles: int) -> list[Any]:
    """BASIL's briefings, copied under new ids until they hold ``articles`` articles."""
    base = basil_briefings()
    per_copy = sum(len(b.articles) for b in base)
    copies = max(1, -(-articles // per_copy))
    return [b if k == 0 else _renamed(b, f"c{k}-") for k in range(copies) for b in base]


def _serve(port: int, articles: int, page_cache: int | None) -> None:
    """The server process: the app over the in-memory store, under uvicorn."""
    from dataclasses import replace

    import uvicorn

    from parallax.options import Options
    from parallax.web import create_app

    from _memory_reader import MemoryReader

    options = Options()
    if page_cache is not None:
        options = replace(options, web=replace(options.web, page_cache=page_cache))
    uvicorn.run(create_app(MemoryReader(store(articles)), options=options), host="127.0.0.1",
                port=port, log_level="warning", access_log=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(base: str, seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stories?limit=1", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    raise SystemExit(f"the server at {base} did not answer")


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
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not BASIL.is_dir():
        print(f"skipped: {BASIL} not found (the shared eval data is not checked out here)")
        return
    if args.serve:
        _serve(args.serve, args.articles, args.page_cache)
        return
    briefings = store(args.articles)
    ids = [b.stories[0].id for b in briefings]
    print(f"store: {len(briefings)} stories, {sum(len(b.articles) for b in briefings)} "
          f"articles; {args.clients} clients, {args.requests} requests", file=sys.stderr)
    port = _free_port()
    cache = [] if args.page_cache is None else ["--page-cache", str(args.page_cache)]
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port),
                               "--articles", str(args.articles), *cache])
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base)
        load(base, _plan(ids, 100, seed=1), args.clients)  # warm up: imports, templates
        app_wall, app_latencies = load(base, _plan(ids, args.requests), args.clients)
    finally:
        server.terminate()
        server.wait()
    with tempfile.TemporaryDirectory() as folder:
        from parallax.render import render_html

        pages = Path(folder)
        for briefing in briefings:
            (pages / f"{briefing.stories[0].id}.html").write_text(render_html(briefing),
                                                                  encoding="utf-8")
        port = _free_port()
        static = _static(pages, port)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_static(base, ids[0])
            plan = [("story", f"/{i}.html") for i in
                    (path.removeprefix("/stories/") for kind, path in _plan(ids, args.requests)
                     if kind == "story")]
            static_wall, static_latencies = load(base, plan, args.clients)
        finally:
            static.terminate()
            static.wait()
    print("| server | requests | n | req/s | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    for row in (*_rows("parallax serve", app_wall, app_latencies),
                *_rows("static files (http.server)", static_wall, static_latencies)):
        print(row)
    print(json.dumps({"p95_story_ms": round(1000 * _quantile(app_latencies["story"], .95))}))


def _wait_static(base: str, story: str) -> None:
    for _ in range(100):
        try:
            if httpx.get(f"{base}/{story}.html", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the static server did not answer")


if __name__ == "__main__":
    main()
