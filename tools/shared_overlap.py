"""List lines of the repository that share a run of words with ../shared.

    python tools/shared_overlap.py            # runs of 9 words
    python tools/shared_overlap.py --words 7  # stricter: more common phrases show up too

The seeds and everything under ../shared/eval belong to their publishers: no
sentence of theirs may be copied into the repository, not even into a comment
or a test. A run of N words (lower-cased, punctuation dropped) that occurs both
in a repository file and in a shared text is printed with its place, so a
person can tell a copied sentence from a common phrase ("sign up for our
newsletter") and rewrite the first as an invented one. Nothing is printed of
the shared texts beyond the matching run. Run it before committing test texts
or comments written while reading real articles.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_WORD = re.compile(r"[a-z0-9']+")
_SCANNED = {".py", ".md", ".txt", ".html", ".json", ".jsonl", ".toml", ".j2", ".cfg", ".sh"}
# Trained weights and third-party licence texts are not prose anyone wrote here.
_SKIPPED = ("LICENSES", "src/parallax/data")
# ../shared also holds this project's own design notes and hooks: not publishers' text.
_OWN = {".md", ".py", ".sh"}


def _runs(text: str, size: int) -> Iterator[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return (tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def _shared_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except OSError:
            return ""
    return data.decode("utf-8", "ignore")


def shared_runs(size: int) -> set[int]:
    """Hashes of every run of ``size`` words in the shared texts."""
    found: set[int] = set()
    for path in sorted(SHARED.rglob("*")):
        if path.is_file() and path.suffix not in _OWN:
            found.update(hash(run) for run in _runs(_shared_text(path), size))
    return found


def repository_files() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT).as_posix()
        if (path.is_file() and path.suffix in _SCANNED and not relative.startswith(_SKIPPED)
                and not any(part.startswith(".") for part in path.relative_to(ROOT).parts)):
            yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=9, help="run length in words (default 9)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent", file=sys.stderr)
        return 0
    known = shared_runs(args.words)
    hits = 0
    for path in repository_files():
        for number, line in enumerate(path.read_text("utf-8", "ignore").splitlines(), 1):
            run = next((r for r in _runs(line, args.words) if hash(r) in known), None)
            if run is not None:
                hits += 1
                print(f"{path.relative_to(ROOT)}:{number}: {' '.join(run)}")
    print(f"{hits} line(s) share a run of {args.words} words with {SHARED}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
