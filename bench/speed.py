"""Speed of ``parallax brief`` next to raw spaCy on the same texts, in one run.

    python bench/speed.py [--repeat 3]

Prints, for the examples, the seeds and the 84 PolNeAR development texts
(a larger corpus, for throughput at scale; both read from ../shared when present):
the wall time of the whole ``parallax brief`` command in a fresh process
(model loading included), and per-article throughput of the pipeline
(clean + parse + analyse + compare, models already loaded) next to raw
``nlp.pipe`` over the same cleaned texts. Ratios are throughput over raw
spaCy's (the target is at least 0.5), from medians of runs interleaved with
the baseline. The CPU-time ratio (raw spaCy's process CPU seconds over ours)
is what the wall ratio falls to when no second core is free, as on a busy
shared machine; the wall ratio can exceed it only by running on two cores.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def wall_time(paths: list[str], repeat: int) -> float:
    """Median wall seconds of the CLI in a fresh process (model loading included)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "parallax", "brief", *paths, "--format", "json"],
                       check=True, capture_output=True)
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
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def throughput(paths: list[str], repeat: int) -> Throughput:
    """Raw spaCy, per-article stages and the whole briefing, one after the other
    in each repeat so all three see the same machine load; medians per run kind.

    Per-article stages are everything done for each article on its own: read,
    clean, parse, quotes, dates, and the sentence embeddings the briefing will
    read. The whole briefing adds story grouping and the cross-article stages
    (claims, conflicts, timeline, summary) of every story, whose cost grows with
    the number of sentence pairs in one story, not per article.
    """
    from parallax.analyze.articles import analyze_lazily
    from parallax.analyze.nlp import load_nlp
    from parallax.ingest import read_inputs
    from parallax.pipeline import brief_stories, briefing_needs, clean_documents

    documents = read_inputs(paths).documents
    texts = [a.text for a in clean_documents(documents)]
    nlp = load_nlp()
    brief_stories(documents)  # warm every lazy model and cache once

    def per_article() -> None:
        _, vectors = analyze_lazily(clean_documents(documents), priority=briefing_needs)
        vectors.ensure(briefing_needs(vectors.texts))

    def raw_spacy() -> None:
        for _doc in nlp.pipe(texts, batch_size=16):
            pass

    runs: dict[str, list[Timing]] = {"raw": [], "stages": [], "whole": []}
    for _ in range(repeat):
        runs["raw"].append(_timed(raw_spacy))
        runs["stages"].append(_timed(per_article))
        runs["whole"].append(_timed(lambda: brief_stories(documents)))
    medians = {name: Timing(statistics.median(t.wall for t in timings),
                            statistics.median(t.cpu for t in timings))
               for name, timings in runs.items()}
    return Throughput(len(documents), medians["raw"], medians["stages"], medians["whole"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpora = {"examples": [str(ROOT / "examples")]}
    for name, folder in (("seeds", SHARED / "seeds"),
                         ("polnear-dev", SHARED / "eval" / "polnear" / "text")):
        if folder.is_dir():
            corpora[name] = [str(folder)]
        else:
            print(f"skipping {name}: {folder} not found")
    print("| corpus | articles | `parallax brief` wall (s) | raw spaCy art/s "
          "| per-article stages art/s (ratio) | whole briefing art/s (ratio) "
          "| CPU-time ratio: stages, whole |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, paths in corpora.items():
        wall = wall_time(paths, args.repeat)
        result = throughput(paths, args.repeat)
        n, raw = result.articles, result.raw
        print(f"| {name} | {n} | {wall:.2f} | {n / raw.wall:.1f} "
              f"| {n / result.stages.wall:.1f} ({raw.wall / result.stages.wall:.2f}) "
              f"| {n / result.whole.wall:.1f} ({raw.wall / result.whole.wall:.2f}) "
              f"| {raw.cpu / result.stages.cpu:.2f}, {raw.cpu / result.whole.cpu:.2f} |")


if __name__ == "__main__":
    main()
