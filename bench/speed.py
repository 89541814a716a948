"""Speed of ``parallax brief`` next to raw spaCy on the same texts, in one run.

    python bench/speed.py [--repeat 3]

Prints, for the examples and for the seeds (when ../shared is present):
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


def throughput(paths: list[str], repeat: int) -> tuple[float, float, int]:
    """Articles per second of the pipeline and of raw spaCy, same cleaned texts."""
    from parallax.analyze.nlp import load_nlp
    from parallax.ingest import read_inputs
    from parallax.pipeline import brief_documents, clean_documents

    documents = read_inputs(paths).documents
    texts = [a.text for a in clean_documents(documents)]
    nlp = load_nlp()
    brief_documents(documents)  # warm every lazy model and cache once
    pipeline_times, spacy_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        brief_documents(documents)
        pipeline_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        spacy_times.append(time.perf_counter() - start)
    n = len(documents)
    return n / statistics.median(pipeline_times), n / statistics.median(spacy_times), n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpora = {"examples": [str(ROOT / "examples")]}
    if (SHARED / "seeds").is_dir():
        corpora["seeds"] = [str(SHARED / "seeds")]
    else:
        print(f"skipping seeds: {SHARED / 'seeds'} not found")
    print("| corpus | articles | `parallax brief` wall (s) | pipeline art/s "
          "| raw spaCy art/s | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, paths in corpora.items():
        wall = wall_time(paths, args.repeat)
        ours, raw, n = throughput(paths, args.repeat)
        print(f"| {name} | {n} | {wall:.2f} | {ours:.1f} | {raw:.1f} | {ours / raw:.2f} |")


if __name__ == "__main__":
    main()
