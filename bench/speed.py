"""Speed of ``parallax brief`` next to raw spaCy on the same texts, in one run.

    python bench/speed.py [--repeat 3]

Prints, for the examples, the seeds and the 84 PolNeAR development texts
(a larger corpus, for throughput at scale; both read from ../shared when present):
the wall time of the whole ``parallax brief`` command in a fresh process
(model loading included), and per-article throughput of the pipeline
(clean + parse + analyse + compare, models already loaded) next to raw
``nlp.pipe`` over the same cleaned texts.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def wall_time(paths: list[str], repeat: int) -> float:
    """Median wall seconds of the CLI in a fresh process (model loading included)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "parallax", "brief", *paths, "--format", "json"],
                       check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def throughput(paths: list[str], repeat: int) -> tuple[float, float, float, int]:
    """Articles per second: per-article stages, whole briefing, raw spaCy (same texts).

    Per-article stages are everything done for each article on its own: read,
    clean, parse, quotes, dates, and the sentence embeddings the briefing will
    read. The whole briefing adds the cross-article stages (claims, conflicts,
    timeline, summary), whose cost grows with the number of sentence pairs in
    one story, not per article.
    """
    from parallax.analyze.nlp import load_nlp
    from parallax.analyze.vectors import prefetch
    from parallax.ingest import read_inputs
    from parallax.pipeline import (
        analyze_documents,
        brief_documents,
        briefing_needs,
        clean_documents,
    )

    documents = read_inputs(paths).documents
    texts = [a.text for a in clean_documents(documents)]
    nlp = load_nlp()
    brief_documents(documents)  # warm every lazy model and cache once

    def per_article() -> None:
        analyzed = analyze_documents(documents)
        needs = briefing_needs([[s.text for s in a.sentences] for a in analyzed])
        prefetch((a.embeddings for a in analyzed), needs)

    def raw_spacy() -> None:
        for _doc in nlp.pipe(texts, batch_size=16):
            pass

    def median_seconds(run: Callable[[], object]) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    n = len(documents)
    whole = median_seconds(lambda: brief_documents(documents))
    return n / median_seconds(per_article), n / whole, n / median_seconds(raw_spacy), n


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
          "| per-article stages art/s (ratio) | whole briefing art/s (ratio) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, paths in corpora.items():
        wall = wall_time(paths, args.repeat)
        stages, whole, raw, n = throughput(paths, args.repeat)
        print(f"| {name} | {n} | {wall:.2f} | {raw:.1f} | {stages:.1f} ({stages / raw:.2f}) "
              f"| {whole:.1f} ({whole / raw:.2f}) |")


if __name__ == "__main__":
    main()
