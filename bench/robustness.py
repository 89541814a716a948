"""Hostile inputs: what ``parallax brief`` and ``extract`` do with them, how long, how much memory.

    python bench/robustness.py [--only NAME ...] [--timeout 300]
    python bench/robustness.py --index 1000 2000 4000 8000

Builds invented inputs in a temporary folder (nothing is read from ../shared)
and runs the command line on each case in a fresh process, printing a
Markdown table: the case, the exit status, the first line the command wrote
to standard error (the one-line error or note), whether the good article that
rides along with a bad input was briefed, the wall time (model loading
included) and the child's peak resident memory (``ru_maxrss`` from
``os.wait4``, so each row is that process alone). Exit statuses are the ones
``parallax.errors.EXIT_STATUS`` documents: 1 when an input failed and the others
were processed. The cases are issue 12's: one article of 0.1, 1 and 5 MB, a
story of many sentences (what the sentence index's memory grows with), a run
with a 5 MB one-article JSONL line, a 200,000-line file and a good article
together, and the malformed inputs. There is no baseline column: no other
tool takes these inputs the same way, so the figures stand against the
limits in issue 12 (under 2 GB for the combined run; seconds, not minutes,
for one article). Run it on an older checkout (``PYTHONPATH=old/src``) for a
before/after.

``--index`` measures the sentence index and the claims alone (no models: each
sentence's vector is a normalised sum of hashed word vectors) for stories of
so many sentences in 40 articles retelling one pool of facts, each size in a
fresh process: what grew with the square of the sentences before issue 12.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import resource
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

_SYLLABLES = ("ka", "lo", "mi", "ter", "van", "sul", "dor", "pex", "qui", "ram", "zon", "bel",
              "tav", "nor", "es", "hil")
_GLUE = ("the", "of", "and", "in", "to", "a", "on", "for", "with", "by", "at", "from")
_VERBS = ("said", "reported", "announced", "confirmed", "denied", "agreed", "opened", "closed")


def invented_words(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
            for _ in range(count)]


def invented_sentence(rng: random.Random, words: list[str]) -> str:
    """A declarative sentence of invented content words, English glue and a verb."""
    parts = [rng.choice(words).capitalize(), rng.choice(_VERBS)]
    for _ in range(rng.randint(4, 9)):
        parts += [rng.choice(_GLUE), rng.choice(words)]
    if rng.random() < 0.3:
        parts.append(str(rng.randint(2, 2030)))
    return " ".join(parts) + "."


def invented_article(size: int, seed: int) -> str:
    """About ``size`` characters of paragraphs of four to six invented sentences."""
    rng = random.Random(seed)
    words = invented_words(rng, 3000)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(invented_sentence(rng, words) for _ in range(rng.randint(4, 6)))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


GOOD = ("Harbour workers in Velmora ended their strike on Tuesday after the port authority "
        "agreed to a new contract.\n\nThe contract raises wages by four percent over two years, "
        "the union said.\n\nShips had waited outside the harbour for nine days.\n")


@dataclass(frozen=True)
class Result:
    status: str
    note: str
    processed: str
    seconds: float
    peak_mib: float


def _run(args: list[str], timeout: float, good: Path | None, out: Path) -> Result:
    """One command in a fresh process, writing to ``out``; its own peak memory from ``wait4``."""
    command = [sys.executable, "-m", "parallax", *args, "--format", "json", "-o", str(out)]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors,
                                 stdin=subprocess.DEVNULL)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = [line for line in errors.read().decode("utf-8", "replace").splitlines()
                 if line.strip()]
    code = "timeout" if seconds > timeout else str(child.returncode)
    said = [line.strip() for line in lines if not line.startswith("wrote ")]
    note = next((line for line in lines if "Traceback" in line), said[0] if said else "")
    if len(said) == 2:  # one line for each of two bad inputs: show both
        note = f"{said[0]} <br> {said[1]}"
    elif len(said) > 2:
        note = f"{note} (and {len(said) - 1} more lines)"
    processed = "—"
    if good is not None:
        try:
            briefing = json.loads(out.read_text(encoding="utf-8"))
            # Several stories: each has its briefing under "briefings".
            paths = {article.get("path") for part in [briefing, *briefing.get("briefings", [])]
                     for article in part.get("articles", [])}
            processed = "yes" if str(good) in paths else "no"
        except (OSError, ValueError):
            processed = "no"
    return Result(code, note, processed, seconds,
                  usage.ru_maxrss / 1024)


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _jsonl_article(path: Path, size: int) -> Path:
    line = {"id": "huge", "title": "A very long article", "text": invented_article(size, 5)}
    return _write(path, json.dumps(line) + "\n")


def _many_lines(path: Path, count: int) -> Path:
    rng = random.Random(7)
    words = invented_words(rng, 2000)
    return _write(path, "\n".join(" ".join(rng.choice(words) for _ in range(3))
                                  for _ in range(count)) + "\n")


def _story(folder: Path, articles: int, sentences: int) -> list[Path]:
    """Articles retelling one pool of facts, each in its own words and order."""
    rng = random.Random(11)
    words = invented_words(rng, 1500)
    pool = [invented_sentence(rng, words) for _ in range(sentences * 2)]
    paths = []
    for k in range(articles):
        picked = rng.sample(pool, sentences)
        text = "Velmora port strike talks continue.\n\n" + "\n\n".join(
            " ".join(picked[p:p + 4]) for p in range(0, len(picked), 4))
        paths.append(_write(folder / f"story-{k:03d}.txt", text))
    return paths


def _gzip_bomb(path: Path, size: int) -> Path:
    chunk = b"\0" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(size >> 20):
            out.write(chunk)
    return path


def _deep_html(path: Path, depth: int) -> Path:
    body = "<div>" * depth + "<p>" + GOOD.replace("\n\n", "</p><p>") + "</p>" + "</div>" * depth
    return _write(path, f"<html><head><title>Deep</title></head><body>{body}</body></html>")


def _unreadable(folder: Path) -> Path | None:
    """A folder holding the good article and one entry nobody may read (None as root,
    who reads every file)."""
    if os.geteuid() == 0:
        return None
    inner = folder / "locked"
    inner.mkdir()
    _write(inner / "good.txt", GOOD)
    secret = _write(inner / "secret.txt", GOOD)
    secret.chmod(0)
    return inner


Case = tuple[str, Callable[[Path], tuple[list[str], Path | None] | None]]


def cases() -> list[Case]:
    """(name, build): build writes the inputs into a folder and returns the
    command's arguments and the good article's path (None when no good article
    rides along), or None when the case cannot run here."""
    def brief(*bad: Path, good: Path) -> tuple[list[str], Path | None]:
        return ["brief", *map(str, bad), str(good)], good

    def good(folder: Path) -> Path:
        return _write(folder / "good.txt", GOOD)

    def article(size: int) -> Callable[[Path], tuple[list[str], Path | None]]:
        def build(folder: Path) -> tuple[list[str], Path | None]:
            path = _write(folder / "article.txt", invented_article(size, 3))
            return ["brief", str(path)], None
        return build

    def extract(name: str, data: bytes | str) -> Callable[[Path], tuple[list[str], Path | None]]:
        def build(folder: Path) -> tuple[list[str], Path | None]:
            return ["extract", str(_write(folder / name, data))], None
        return build

    def fifo(folder: Path) -> tuple[list[str], Path | None]:
        path = folder / "pipe"
        os.mkfifo(path)
        return brief(path, good=good(folder))

    def unreadable(folder: Path) -> tuple[list[str], Path | None] | None:
        inner = _unreadable(folder)
        return None if inner is None else (["brief", str(inner)], inner / "good.txt")

    stray = ("word " * 3600 + "\xff").encode("latin-1") + b" tail" + b" word" * 100
    return [
        ("5 MB one-article JSONL line + 200,000-line file + good article",
         lambda f: brief(_jsonl_article(f / "huge.jsonl", 5_000_000),
                         _many_lines(f / "lines.txt", 200_000), good=good(f))),
        ("one article of 0.1 MB", article(100_000)),
        ("one article of 1 MB", article(1_000_000)),
        ("one article of 5 MB", article(5_000_000)),
        ("one story: 60 articles of 50 sentences (3,000)",
         lambda f: (["brief", *map(str, _story(f, 60, 50))], None)),
        ("a 200-byte article (extract; start-up cost)", extract("small.txt", GOOD)),
        ("18 KB paragraph with one stray byte (extract)", extract("stray.txt", stray)),
        ("FIFO + good article", fifo),
        ("/dev/zero + good article", lambda f: brief(Path("/dev/zero"), good=good(f))),
        ("10,000-div-deep HTML page + good article",
         lambda f: brief(_deep_html(f / "deep.html", 10_000), good=good(f))),
        ("gzip bomb (300 MB of zeros) + good article",
         lambda f: brief(_gzip_bomb(f / "bomb.txt.gz", 300 << 20), good=good(f))),
        ("JSONL with wrong-typed fields + good article",
         lambda f: brief(_write(f / "typed.jsonl", '{"text": 5, "title": ["x"]}\n'
                                '{"text": {"a": 1}, "date": 7}\n"just a string"\n[1, 2]\n'),
                         good=good(f))),
        ("NUL bytes after 8 KiB + good article",
         lambda f: brief(_write(f / "nul.txt", GOOD.encode() * 60 + b"\0" * 4096), good=good(f))),
        ("UTF-16 without BOM (extract)", extract("utf16.txt", GOOD.encode("utf-16-le"))),
        ("folder with an unreadable entry", unreadable),
        ("link markup inside words (extract)",
         extract("links.html", "<html><body><p>The govern<a href='/x'>ment</a> said the "
                 "re[port](http://example.invalid/r) was <b>un</b>clear and the talks "
                 "con<i>tinue</i> on Friday.</p></body></html>")),
    ]


def _word_vector(word: str) -> np.ndarray[Any, Any]:
    seed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
    return np.random.default_rng(seed).standard_normal(384).astype(np.float32)


def index_child(sentences: int) -> None:
    """Build the index and claims of one invented story; print seconds and peak RSS as JSON."""
    from parallax.analyze.sentences import split_sentences
    from parallax.compare.claims import find_claims, sentence_index
    from parallax.model import AnalyzedArticle, Article, Document
    from parallax.offsets import OffsetMap

    rng = random.Random(13)
    words = invented_words(rng, 1500)
    pool = [invented_sentence(rng, words) for _ in range(sentences // 40 * 3)]
    analyzed = []
    for k in range(40):
        text = " ".join(rng.sample(pool, sentences // 40))
        article = Article(Document(f"a{k}", f"a{k}.txt", text, outlet=f"Outlet {k}"), text,
                          OffsetMap.identity(len(text)))
        split = split_sentences(text)
        vectors = np.stack([sum((_word_vector(w) for w in s.text.split()),
                                np.zeros(384, dtype=np.float32)) for s in split])
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        analyzed.append(AnalyzedArticle(article, split, (), (), (), vectors))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    claims = find_claims(analyzed, sentence_index(analyzed))
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"sentences": sum(len(a.sentences) for a in analyzed), "seconds": seconds,
                      "rss": rss, "grew": rss - before, "claims": len(claims)}))


def index_scale(sizes: list[int]) -> None:
    print("| sentences (40 articles) | claims | index + claims (s) | peak RSS (MiB) "
          "| of which the index and claims (MiB) |")
    print("|---:|---:|---:|---:|---:|")
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--index-child", str(size)],
                             check=True, capture_output=True, text=True).stdout
        row = json.loads(out.splitlines()[-1])
        print(f"| {row['sentences']:,} | {row['claims']} | {row['seconds']:.1f} "
              f"| {row['rss']:.0f} | {row['grew']:.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="run only cases whose name contains one of these")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per case")
    parser.add_argument("--index", nargs="+", type=int, help="sentences per story to index")
    parser.add_argument("--index-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.index_child:
        index_child(args.index_child)
        return
    if args.index:
        index_scale(args.index)
        return
    print("| case | exit | first line on stderr | good article briefed | wall (s) "
          "| peak RSS (MiB) |")
    print("|---|---:|---|---|---:|---:|")
    for name, build in cases():
        if args.only and not any(word in name for word in args.only):
            continue
        with tempfile.TemporaryDirectory(prefix="parallax-robust-") as folder:
            built = build(Path(folder))
            if built is None:
                print(f"| {name} | — | skipped: run as root, who reads every file | — | — | — |")
                continue
            command, good = built
            result = _run(command, args.timeout, good, Path(folder) / "out.json")
            for path in Path(folder).rglob("*"):
                if path.is_file() and not path.stat().st_mode & stat.S_IRUSR:
                    path.chmod(0o600)
        note = result.note.replace("|", "\\|").replace(folder, "…")
        print(f"| {name} | {result.status} | {note} | {result.processed} "
              f"| {result.seconds:.1f} | {result.peak_mib:.0f} |", flush=True)


if __name__ == "__main__":
    main()
