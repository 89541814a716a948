"""Per-article throughput with one and two workers next to raw spaCy, in one run.

    python bench/workers.py [--repeat 3] [--workers 2]

The BASIL development events (../shared/eval/basil, every event folder) are
read as one pile. Per-article work is what an engine maps over its workers:
cleaning, the spaCy parse, quotes, dates and every sentence's finished
vector (``parallax.engine.parallel``). One worker is the in-process path
(``--workers 1``); N workers are a process pool started and warmed before
the clock starts (models load once per worker, as in a long run). The
baseline is raw ``nlp.pipe`` over the same cleaned texts with
``n_process=1`` and ``n_process=N``. Each repeat runs all four one after
the other so they see the same load; medians are printed, wall and CPU
seconds (CPU: this process and its children, so the workers count).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "eval" / "basil"


def _cpu() -> float:
    """CPU seconds of this process, its exited children and its live descendants.

    The pool's workers live under a fork server for the whole run, so they are
    read through psutil; spaCy's n_process children exit and are in os.times.
    """
    import psutil

    times = os.times()
    live = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            used = child.cpu_times()
        except psutil.Error:
            continue
        live += used.user + used.system
    return times.user + times.system + times.children_user + times.children_system + live


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``run``, the workers' CPU included."""
    wall, cpu = time.perf_counter(), _cpu()
    run()
    return time.perf_counter() - wall, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    events = sorted(str(p) for p in BASIL.iterdir() if p.is_dir() and any(p.glob("*.jsonl"))) \
        if BASIL.is_dir() else []
    if not events:
        print(f"skipping: {BASIL} not found (the BASIL development events)")
        return

    from parallax.analyze.articles import analyze_articles
    from parallax.analyze.nlp import load_nlp
    from parallax.engine import open_engine
    from parallax.engine.parallel import analyze_sets
    from parallax.options import Options
    from parallax.pipeline import clean_documents, read

    documents = read(events).documents
    texts = [a.text for a in clean_documents(documents)]
    nlp = load_nlp()
    options = Options()
    n = args.workers

    def raw(processes: int) -> Callable[[], object]:
        return lambda: sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=processes))

    def one_worker() -> object:
        return analyze_articles(clean_documents(documents, options=options),
                                quotes=options.quotes, dates=options.dates)

    pool = open_engine("local", n)
    analyze_sets(pool, [clean_documents(documents[:pool.workers * pool.chunk + 1])], options)

    def workers() -> object:
        return analyze_sets(pool, [clean_documents(documents, options=options, engine=pool)],
                            options)

    one_worker()  # warm this process's models and caches once
    kinds = {"raw spaCy n_process=1": raw(1), f"raw spaCy n_process={n}": raw(n),
             "parallax --workers 1": one_worker, f"parallax --workers {n}": workers}
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in kinds}
    try:
        for _ in range(args.repeat):
            for name, run in kinds.items():
                runs[name].append(timed(run))
    finally:
        pool.close()
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
    print(f"BASIL development events as one pile: {len(documents)} articles, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print("| run | art/s (wall) | wall s | CPU s |")
    print("|---|---:|---:|---:|")
    for name in kinds:
        print(f"| {name} | {len(documents) / wall[name]:.2f} | {wall[name]:.1f} "
              f"| {cpu[name]:.1f} |")
    ours1, oursn = wall["parallax --workers 1"], wall[f"parallax --workers {n}"]
    print(f"\n{n} workers / 1 worker: {ours1 / oursn:.2f}x (target >= 1.6)")
    print(f"{n} workers / raw spaCy n_process={n}: "
          f"{wall[f'raw spaCy n_process={n}'] / oursn:.2f}x (target >= 0.7)")


if __name__ == "__main__":
    main()
