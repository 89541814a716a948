"""``parallax add`` throughput next to ``parallax brief`` on the same articles, same run.

    python bench/store.py                      # examples and the BASIL dev events, SQLite
    python bench/store.py --postgres URL       # the same, also into that PostgreSQL database

Corpora: the examples (one story, ten outlets) and the five BASIL events with
hand-made gold (``../shared/eval/basil/review``: three outlets each, fifteen
articles), each read once. The baseline is ``pipeline.brief_stories`` over the
documents (what ``parallax brief`` does: clean, group, analyse, brief every
story). ``add`` does that work and writes it: a fresh store per run, one
transaction per ``StoreOptions.batch`` articles and per story. Also timed:
adding the same articles again (all known, nothing re-briefed), and adding a
corpus in two halves (the second half re-briefs the stories it grows). Models
are loaded before timing. Figures are wall seconds, best of ``--repeat``.
Reads ../shared at run time and skips a corpus that is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parallax import pipeline
from parallax.model import Document
from parallax.progress import Reporter
from parallax.store import open_store

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "eval" / "basil"


def basil_dev() -> list[str] | None:
    """The files of the BASIL events with hand-made gold, or None when absent."""
    review = BASIL / "review"
    if not review.is_dir():
        return None
    events = sorted(json.loads(p.read_text(encoding="utf-8"))["event"]
                    for p in review.glob("*.json"))
    return [str(BASIL / event) for event in events]


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def fresh_url(postgres: str | None, folder: Path, name: str) -> str:
    if postgres is None:
        return f"sqlite:///{folder / (name + '.db')}"
    from sqlalchemy import create_engine, text

    from parallax.store.tables import metadata
    from parallax.store.url import resolve_url

    engine = create_engine(resolve_url(postgres))
    with engine.begin() as connection:
        metadata.drop_all(connection)  # the store's tables, whatever the latest migration made
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    return postgres


def measure(name: str, documents: list[Document], repeat: int, postgres: str | None,
            folder: Path) -> None:
    runs = [0]

    def brief() -> None:
        pipeline.brief_stories(documents)

    def add_all() -> None:
        runs[0] += 1
        store = open_store(fresh_url(postgres, folder, f"{name}-{runs[0]}"))
        store.add(documents, Reporter(None))
        store.close()

    def add_halves() -> None:
        runs[0] += 1
        store = open_store(fresh_url(postgres, folder, f"{name}-{runs[0]}"))
        half = len(documents) // 2
        store.add(documents[:half], Reporter(None))
        store.add(documents[half:], Reporter(None))
        store.close()

    brief_s = best(repeat, brief)
    add_s = best(repeat, add_all)
    store = open_store(fresh_url(postgres, folder, f"{name}-again"))
    store.add(documents, Reporter(None))
    again_s = best(repeat, lambda: store.add(documents, Reporter(None)))
    store.close()
    halves_s = best(repeat, add_halves)
    n = len(documents)
    kind = "postgresql" if postgres else "sqlite"
    print(f"| {name} | {kind} | {n} | {brief_s:.2f} ({n / brief_s:.1f}/s) | "
          f"{add_s:.2f} ({n / add_s:.1f}/s) | {add_s / brief_s:.2f} | {again_s:.2f} | "
          f"{halves_s:.2f} |", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", metavar="URL", help="also measure this (emptied) database")
    args = parser.parse_args()
    corpora = {"examples": [str(ROOT / "examples")], "basil-dev": basil_dev()}
    pipeline.brief(str(ROOT / "examples"))  # load spaCy and MiniLM before timing
    print("| corpus | store | articles | brief s (articles/s) | add s (articles/s) | "
          "add/brief | add again s | add in halves s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="parallax-bench-store-") as folder:
        for name, paths in corpora.items():
            if paths is None:
                print(f"skipped {name}: {BASIL} is absent", file=sys.stderr)
                continue
            documents = list(pipeline.read(paths).documents)
            for postgres in (None, args.postgres) if args.postgres else (None,):
                measure(name, documents, args.repeat, postgres, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
