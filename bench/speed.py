"""Speed of ``parallax brief`` next to raw spaCy on the same texts, in one run.

    python bench/speed.py [--repeat 3] [--only basil-dev]

Prints, for the examples, the seeds, the 84 PolNeAR development texts (a
larger corpus, for throughput at scale) and the BASIL development events as
one pile (159 articles in about 50 stories, ``basil-dev``: the per-story
costs; once with ``--workers 1`` and once with ``--workers 2``; all read from
../shared when present): the wall time of the whole ``parallax brief`` command in a fresh process
(model loading included), and per-article throughput of the pipeline
(clean + parse + analyse + compare, models already loaded) next to raw
``nlp.pipe`` over the same cleaned texts. Ratios are throughput over raw
spaCy's (the target is at least 0.5), from medians of runs interleaved with
the baseline. The CPU-time ratio (raw spaCy's process CPU seconds over ours)
is what the wall ratio falls to when no second core is free, as on a busy
shared machine; the wall ratio can exceed it only by running on two cores.
With two workers the CPU seconds include the pool's (``workers.timed``), and
the baseline stays raw spaCy in one process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workers import timed

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def wall_time(paths: list[str], repeat: int, workers: int | None) -> float:
    """Median wall seconds of the CLI in a fresh process (model loading included)."""
    times = []
    chosen = [] if workers is None else ["--workers", str(workers)]
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "parallax", "brief", *paths, "--format", "json",
                        *chosen], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


@dataclass(frozen=True)
class Throughput:
    """Median seconds of each run over the same articles, measured interleaved."""

    articles: int
    raw: Timing
    stages: Timing
    whole: Timing


def _timed(run: Callable[[], object]) -> Timing:
    return Timing(*timed(run))


def throughput(paths: list[str], repeat: int, workers: int | None) -> Throughput:
    """Raw spaCy, per-article stages and the whole briefing, one after the other
    in each repeat so all three see the same machine load; medians per run kind.

    Per-article stages are everything done for each article on its own: read,
    clean, parse, quotes, dates, and the sentence embeddings the briefing will
    read. The whole briefing adds story grouping and the cross-article stages
    (claims, conflicts, timeline, summary) of every story, whose cost grows with
    the number of sentence pairs in one story, not per article.

    ``workers`` above one runs the per-article stages in a pool of that many
    processes, started and warmed before the clock starts (models load once
    per worker, as in a long run); None or 1 runs everything in this process.
    """
    from parallax.analyze.articles import analyze_lazily
    from parallax.analyze.nlp import load_nlp
    from parallax.engine import Engine, open_engine
    from parallax.engine.parallel import analyze_sets
    from parallax.ingest import read_inputs
    from parallax.options import Options
    from parallax.pipeline import brief_stories, briefing_needs, clean_documents

    documents = read_inputs(paths).documents
    texts = [a.text for a in clean_documents(documents)]
    nlp = load_nlp()
    pool: Engine | None = open_engine("local", workers) if workers and workers > 1 else None
    brief_stories(documents, engine=pool)  # warm every lazy model and cache (and the pool) once

    def per_article() -> None:
        if pool is not None:
            analyze_sets(pool, [clean_documents(documents, engine=pool)], Options())
            return
        _, vectors = analyze_lazily(clean_documents(documents), priority=briefing_needs)
        vectors.ensure(briefing_needs(vectors.texts))

    def raw_spacy() -> None:
        for _doc in nlp.pipe(texts, batch_size=16):
            pass

    runs: dict[str, list[Timing]] = {"raw": [], "stages": [], "whole": []}
    try:
        for _ in range(repeat):
            runs["raw"].append(_timed(raw_spacy))
            runs["stages"].append(_timed(per_article))
            runs["whole"].append(_timed(lambda: brief_stories(documents, engine=pool)))
    finally:
        if pool is not None:
            pool.close()
    medians = {name: Timing(statistics.median(t.wall for t in timings),
                            statistics.median(t.cpu for t in timings))
               for name, timings in runs.items()}
    return Throughput(len(documents), medians["raw"], medians["stages"], medians["whole"])


def basil_events() -> list[str]:
    """The BASIL development event folders (those with articles: not the gold's review*/)."""
    basil = SHARED / "eval" / "basil"
    return sorted(str(p) for p in basil.iterdir() if p.is_dir() and any(p.glob("*.jsonl"))) \
        if basil.is_dir() else []


def corpora() -> dict[str, tuple[list[str], int | None]]:
    """Each corpus there is: its paths and the ``--workers`` it runs with (None: the default)."""
    found: dict[str, tuple[list[str], int | None]] = {"examples": ([str(ROOT / "examples")], None)}
    for name, folder in (("seeds", SHARED / "seeds"),
                         ("polnear-dev", SHARED / "eval" / "polnear" / "text")):
        if folder.is_dir():
            found[name] = ([str(folder)], None)
        else:
            print(f"skipping {name}: {folder} not found")
    events = basil_events()
    if events:
        found["basil-dev, --workers 1"] = (events, 1)
        found["basil-dev, --workers 2"] = (events, 2)
    else:
        print(f"skipping basil-dev: {SHARED / 'eval' / 'basil'} has no event folders")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", metavar="NAME",
                        help="only the corpora whose name starts with NAME (e.g. basil-dev)")
    args = parser.parse_args()
    chosen = {name: value for name, value in corpora().items()
              if args.only is None or name.startswith(args.only)}
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    print("| corpus | articles | `parallax brief` wall (s) | raw spaCy art/s "
          "| per-article stages art/s (ratio) | whole briefing art/s (ratio) "
          "| CPU-time ratio: stages, whole |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (paths, workers) in chosen.items():
        wall = wall_time(paths, args.repeat, workers)
        result = throughput(paths, args.repeat, workers)
        n, raw = result.articles, result.raw
        print(f"| {name} | {n} | {wall:.2f} | {n / raw.wall:.1f} "
              f"| {n / result.stages.wall:.1f} ({raw.wall / result.stages.wall:.2f}) "
              f"| {n / result.whole.wall:.1f} ({raw.wall / result.whole.wall:.2f}) "
              f"| {raw.cpu / result.stages.cpu:.2f}, {raw.cpu / result.whole.cpu:.2f} |")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
