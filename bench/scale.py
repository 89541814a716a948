"""`parallax stories` and `brief --story` on synthetic crawls of 10,000 and 100,000 articles.

    python bench/scale.py                        # 10,000 and 100,000 articles
    python bench/scale.py --sizes 1000,5000      # smaller, for a quick look
    python bench/scale.py --sizes 10000 --engines 1,2,dask --profile 2000

The corpora are built at run time from the development texts (the BASIL
events of ../shared/eval/basil, three outlets each, and the NeuS leads of
../shared/eval/neus) and written as gzipped JSON Lines to a temporary
folder. Each story is one development event told again on a date of its
own: its outlets' articles and syndicated near-copies of them (a paragraph
dropped, a few words changed, another outlet and title prefix, a day or two
later), so a story has several articles and each event gives several
stories, months apart. Dates advance at a constant rate of ``PER_DAY``
articles a day, so 100,000 articles cover about ten times the months that
10,000 do, as a crawl that runs longer does.

Every run is a child process of the command line (``python -m parallax
stories FILE -f json -o ...``) so its peak memory is its own
(``ru_maxrss`` of the child; pool and Dask workers are children of it, and
their largest peak is reported apart). Speed is articles per second of wall
time, next to the CPU seconds (the run and its workers) and the load
average, since the development machine is shared. The baseline is raw
spaCy (``nlp.pipe``, ``n_process`` 1 and 2) over a sample of the same
cleaned texts, in the same run. ``--profile N`` adds where the time goes
(cProfile of an in-process one-worker run of N articles, by stage).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
BASIL = EVAL / "basil"
NEUS = EVAL / "neus" / "stories.jsonl"
# Articles published a day across the synthetic crawl (a mid-sized news aggregator).
PER_DAY = 100
# Articles in one story: the event's own articles plus copies, drawn from this range.
STORY_SIZE = (3, 12)
START = date(2030, 1, 1)
_WORD = re.compile(r"\b[a-z]{5,}\b")
_SWAPS = {"said": "stated", "says": "states", "told": "informed", "percent": "per cent",
          "government": "administration", "officials": "authorities"}


@dataclass(frozen=True)
class Event:
    """One development event: the articles its outlets wrote (title, outlet, text)."""

    articles: tuple[tuple[str, str, str], ...]


def load_events() -> list[Event]:
    events = []
    if BASIL.is_dir():
        for folder in sorted(p for p in BASIL.iterdir() if p.is_dir()):
            found = []
            for path in sorted(folder.glob("*.jsonl")):
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        record = json.loads(line)
                        found.append((record.get("title") or "", record.get("outlet") or "",
                                      record["text"]))
            if found:
                events.append(Event(tuple(found)))
    if NEUS.is_file():
        for line in NEUS.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            story = json.loads(line)
            found = []
            for news in story["news"].values():
                text = "\n\n".join(p.strip() for p in news.get("newBody") or [] if p.strip())
                if text:
                    found.append((news.get("newsTitle") or "", news.get("newsSource") or "",
                                  text))
            if found:
                events.append(Event(tuple(found)))
    return events


def _near_copy(text: str, rng: random.Random) -> str:
    """A syndicated copy: one later paragraph dropped, a few words swapped, a credit line."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(2, len(paragraphs))]
    body = "\n\n".join(paragraphs)
    for old, new in rng.sample(sorted(_SWAPS.items()), 2):
        body = re.sub(rf"\b{old}\b", new, body, count=2)
    return f"{body}\n\nThis story was distributed by a wire partner."


def build(count: int, events: Sequence[Event], path: Path, seed: int = 7) -> list[int]:
    """``count`` articles as gzipped JSON Lines in publication order; each one's story.

    Events are taken in shuffled rounds, so one event is told again only after
    all the others, weeks later (more than ``max_gap`` days at ``PER_DAY``).
    """
    rng = random.Random(seed)
    written = 0
    gold: list[int] = []
    order: list[Event] = []
    with gzip.open(path, "wt", encoding="utf-8") as out:
        while written < count:
            if not order:
                order = list(events)
                rng.shuffle(order)
            event = order.pop()
            day = START + timedelta(days=written // PER_DAY)
            size = min(rng.randint(*STORY_SIZE), count - written)
            story = gold[-1] + 1 if gold else 0
            for number in range(size):
                title, outlet, text = event.articles[number % len(event.articles)]
                if number >= len(event.articles):
                    text = _near_copy(text, rng)
                    title = f"{rng.choice(['UPDATE', 'WIRE', 'REPORT'])}: {title}"
                    outlet = f"Syndicate {rng.randrange(40)}"
                published = day + timedelta(days=rng.choice([0, 0, 1, 2]))
                record = {"id": f"a{written:06d}", "title": title, "outlet": outlet,
                          "published": published.isoformat(),
                          "url": f"https://news.invalid/{written}", "text": text}
                out.write(json.dumps(record) + "\n")
                gold.append(story)
                written += 1
    return gold


def bcubed_f1(output: Path, gold: Sequence[int]) -> float:
    """B-cubed F1 of the stories written to ``output`` against the synthetic stories."""
    from _metrics import bcubed

    found = {a: s["id"] for s in json.loads(output.read_text())["stories"] for a in s["articles"]}
    ids = [f"a{n:06d}" for n in range(len(gold))]
    return bcubed([str(g) for g in gold], [found[i] for i in ids])[2]


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def run_child(argv: list[str]) -> dict[str, Any]:
    """Run ``argv`` as a child; its wall and CPU seconds and peak RSS (self, largest worker)."""
    code = ("import json, os, resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "rc = subprocess.run(sys.argv[1:]).returncode\n"
            "wall = time.perf_counter() - t\n"
            "c = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(json.dumps({'rc': rc, 'wall': wall, 'cpu': c.ru_utime + c.ru_stime,"
            " 'rss_mb': c.ru_maxrss / 1024}))\n")
    # The wrapper's only child is the run; the run's workers live under a fork
    # server or a Dask nanny, out of every rusage, so the run polls them itself
    # and writes their peak RSS and CPU where PARALLAX_BENCH_RSS says.
    report = Path(tempfile.mkstemp(suffix=".json")[1])
    env = {**os.environ, "PARALLAX_BENCH_RSS": str(report)}
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                         env=env, check=True).stdout
    row: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    written = report.read_text(encoding="utf-8")
    seen = json.loads(written) if written else {}
    row["workers_rss_mb"] = seen.get("children_mb", 0.0)
    row["cpu"] += seen.get("children_cpu", 0.0)  # workers the run's rusage cannot see
    report.unlink()
    return row


def stories_argv(corpus: Path, out: Path, engine: str, state: Path | None = None,
                 config: Path | None = None) -> list[str]:
    argv = [sys.executable, __file__, "--run", "stories", str(corpus), "-q", "-f", "json",
            "-o", str(out)]
    if config is not None:
        argv += ["--config", str(config)]
    if state is not None:
        argv += ["--state", str(state)]
    return argv + (["--engine", "dask", "--workers", "2"] if engine == "dask"
                   else ["--workers", engine])


class HashedLeads:
    """Stand-in for MiniLM (``--encoder hashed``): the lead's words hashed into 384 slots.

    Costs microseconds, so a run of 100,000 articles measures everything but
    the model: what grows with the corpus (reading, cleaning, duplicates,
    grouping). Leads sharing words still point the same way, so stories form.
    """

    def __init__(self, threads: int = 0) -> None:
        del threads

    def encode(self, texts: list[str], batch_size: int = 16) -> Any:
        import zlib

        import numpy as np

        del batch_size
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                code = zlib.crc32(word.encode())
                vectors[row, code % 384] += 1.0 if code & 512 else -1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)


HASHED = "bench.hashed-leads.v1"


class _Workers:
    """Polls this process's descendants (pool or Dask workers, under a fork server or a
    nanny, so never in ``RUSAGE_CHILDREN``): their largest RSS and their CPU seconds."""

    def __init__(self, every: float = 0.5) -> None:
        import threading

        self.peak_mb = 0.0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, args=(every,), daemon=True)
        self._thread.start()

    def _poll(self, every: float) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.wait(every):
            for child in me.children(recursive=True):
                try:
                    times, memory = child.cpu_times(), child.memory_info()
                except psutil.Error:
                    continue
                self.cpu[child.pid] = times.user + times.system
                self.peak_mb = max(self.peak_mb, memory.rss / 2**20)

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {"children_mb": self.peak_mb, "children_cpu": sum(self.cpu.values())}


def in_process(args: list[str]) -> None:
    """The child's side: run the command line here, then note the workers' peak and CPU."""
    from parallax.cli import app
    from parallax.registry import registry

    registry.register("embedders", HASHED, HashedLeads)
    workers = _Workers()
    try:
        app(args=args, prog_name="parallax", standalone_mode=False)
    finally:
        seen = workers.stop()
        target = os.environ.get("PARALLAX_BENCH_RSS")
        if target:
            Path(target).write_text(json.dumps(seen))


def _cpu() -> float:
    """CPU seconds of this process and its exited children (spaCy's ``n_process`` ones)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def raw_spacy(corpus: Path, sample: int) -> dict[int, tuple[float, float]]:
    """``nlp.pipe`` over ``sample`` cleaned texts with 1 and 2 processes: articles per
    second of wall time, and CPU milliseconds per article."""
    from parallax.analyze.nlp import load_nlp
    from parallax.model import Document
    from parallax.pipeline import clean_documents

    documents = []
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            documents.append(Document(record["id"], "x", record["text"],
                                      title=record["title"], published=record["published"]))
            if len(documents) == sample:
                break
    texts = [a.text for a in clean_documents(documents)]
    nlp = load_nlp()
    rates = {}
    for processes in (1, 2):
        start, cpu = time.perf_counter(), _cpu()
        for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
            pass
        rates[processes] = (len(texts) / (time.perf_counter() - start),
                            1000 * (_cpu() - cpu) / len(texts))
    return rates


# Each stage: the functions (file, name) whose inclusive time it is, added up.
_STAGES = {
    "read (gzip JSONL)": (("parallax/ingest/__init__.py", "iter_inputs"),),
    "clean (boilerplate evidence, units)": (("parallax/clean/corpus.py", "repeated_lines"),
                                            ("parallax/clean/document.py", "clean_document")),
    "duplicates (MinHash)": (("parallax/group/dedupe.py", "mark_duplicates"),),
    "model loading": (("parallax/analyze/embed.py", "load_embedder"),),
    "lead vectors (MiniLM)": (("parallax/analyze/embed.py", "encode"),),
    "names and terms": (("parallax/group/features.py", "names_in"),
                        ("parallax/group/features.py", "terms_in"),
                        ("parallax/group/features.py", "_opening")),
    "grouping (cluster a batch, join, merge)": (("parallax/group/stories.py", "add"),),
}


def profile(corpus: Path) -> list[tuple[str, float]]:
    """Seconds by stage of an in-process one-worker ``stories`` run (cProfile, inclusive)."""
    import cProfile
    import pstats

    from parallax import pipeline
    from parallax.options import Options

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(pipeline.stories, [str(corpus)], options=Options())
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for stage, functions in _STAGES.items():
        seconds = sum(cumulative for (filename, _, name), (_, _, _, cumulative, _)
                      in stats.items() if any(filename.endswith(f) and name == n
                                              for f, n in functions))
        rows.append((stage, seconds))
    rows.append(("total (profiled)", total))
    return rows


def story_to_brief(output: Path) -> str:
    listed = json.loads(output.read_text(encoding="utf-8"))["stories"]
    return str(listed[len(listed) // 2]["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000",
                        help="corpus sizes, comma-separated (default 10000,100000)")
    parser.add_argument("--engines", default="1,2,dask",
                        help="runs at the smallest size: worker counts and/or 'dask' "
                             "(the larger sizes run with the first only)")
    parser.add_argument("--sample", type=int, default=300,
                        help="texts raw spaCy parses for the baseline")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also profile a one-worker run of N articles")
    parser.add_argument("--no-brief", action="store_true", help="skip `brief --story`")
    parser.add_argument("--encoder", choices=("minilm", "hashed"), default="minilm",
                        help="lead vectors: the shipped MiniLM, or a hashed stand-in that "
                             "measures all but the model (one worker only)")
    args = parser.parse_args()
    events = load_events()
    if not events:
        print(f"skipping: no development texts under {EVAL} (basil/, neus/)")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory(prefix="parallax-scale-") as tmp:
        folder = Path(tmp)
        print(f"_{len(events)} development events; {PER_DAY} articles a day; "
              f"{os.cpu_count()} cores; load average at start {_load()}_\n")
        corpora, golds = {}, {}
        for size in sizes:
            corpora[size] = folder / f"crawl-{size}.jsonl.gz"
            golds[size] = build(size, events, corpora[size])
            print(f"- {size:,} articles in {golds[size][-1] + 1:,} synthetic stories, "
                  f"{corpora[size].stat().st_size / 2**20:.1f} MiB gzipped")
        config = None
        if args.encoder == "hashed":
            config = folder / "hashed.toml"
            config.write_text(f'[parts]\nembedder = "{HASHED}"\n', encoding="utf-8")
            print(f"_lead vectors: the hashed stand-in ({HASHED}), not MiniLM_")
        rates = raw_spacy(corpora[sizes[0]], args.sample)
        print(f"\nraw spaCy nlp.pipe on {args.sample} of the texts: "
              f"{rates[1][0]:.1f} art/s, {rates[1][1]:.0f} CPU ms/article (1 process); "
              f"{rates[2][0]:.1f} art/s, {rates[2][1]:.0f} CPU ms/article (2 processes)\n")
        print("| articles | run | wall (s) | art/s | CPU (s) | CPU ms/article | "
              "peak RSS (MiB) | workers' peak (MiB) | stories | B3 F1 | load |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        per_article: dict[int, tuple[float, float]] = {}
        for size in sizes:
            for engine in engines if size == sizes[0] else engines[:1]:
                out = folder / f"stories-{size}-{engine}.json"
                row = run_child(stories_argv(corpora[size], out, engine, config=config))
                found = len(json.loads(out.read_text())["stories"]) if row["rc"] == 0 else 0
                score = bcubed_f1(out, golds[size]) if row["rc"] == 0 else 0.0
                name = "Dask LocalCluster (2)" if engine == "dask" else f"--workers {engine}"
                if engine == engines[0]:
                    per_article[size] = (row["wall"] / size, row["cpu"] / size)
                print(f"| {size:,} | stories {name} | {row['wall']:.0f} | "
                      f"{size / row['wall']:.1f} | {row['cpu']:.0f} | "
                      f"{1000 * row['cpu'] / size:.1f} | {row['rss_mb']:.0f} | "
                      f"{row['workers_rss_mb']:.0f} | {found:,} | {score:.3f} | {_load()} |",
                      flush=True)
        if len(sizes) > 1:
            small, large = sizes[0], sizes[-1]
            wall, cpu = (per_article[large][i] / per_article[small][i] for i in (0, 1))
            print(f"\ntime per article at {large:,} / at {small:,}: "
                  f"{wall:.2f} (wall), {cpu:.2f} (CPU)")
        if not args.no_brief:
            size = sizes[0]
            state = folder / "state.json"
            out = folder / "with-state.json"
            run_child(stories_argv(corpora[size], out, engines[0], state))
            story = story_to_brief(out)
            argv = [sys.executable, __file__, "--run", "brief", str(corpora[size]), "--state",
                    str(state), "--story", story, "-q", "-f", "json", "-o",
                    str(folder / "brief.json"), "--workers", engines[0]]
            row = run_child(argv)
            print(f"\n`brief --state FILE --story {story}` over the {size:,} articles "
                  f"(one story briefed, the rest recognised from the state): "
                  f"{row['wall']:.0f} s wall, {row['cpu']:.0f} s CPU, peak RSS "
                  f"{row['rss_mb']:.0f} MiB, exit {row['rc']}, load {_load()}")
        if args.profile:
            corpus = folder / f"crawl-{args.profile}.jsonl.gz"
            build(args.profile, events, corpus)
            print(f"\nWhere the time goes ({args.profile:,} articles, one worker, cProfile, "
                  "inclusive seconds):\n")
            print("| stage | seconds |\n|---|---:|")
            for stage, seconds in profile(corpus):
                print(f"| {stage} | {seconds:.1f} |")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--run":
        in_process(sys.argv[2:])
    else:
        main()
