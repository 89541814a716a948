"""Count sentence splits inside news abbreviations on the development data.

    PYTHONPATH=src python tools/count_splits.py [--samples N] [--eval DIR]

Runs ``parallax.analyze.sentences.split_sentences`` over the plain texts under
``../shared/eval`` (BASIL article texts, PolNeAR texts, NeuS leads, FNC-1
bodies, extraction gold bodies) and counts the boundaries that fall right
after an abbreviation while what follows does not start a sentence, by class:
a party-state tag ("D-Calif.") before ",", ")" or a lower-case word, a title
("Sen.", also after a hyphen: "then-Rep.") or a place name's prefix ("Ft.",
"Mt.") before a capitalised word, a month abbreviation ("Jan.", "post-Sept.")
before a day, "No." before a number, an initial ("F.") before a capitalised
word that does not open sentences, "U.S." and its kind, "a.m."/"p.m." and
"Inc."/"Jr." and their kind before a lower-case word.

The classes are written here on their own, not imported from the splitter:
a measure that shared the rules it measures would always read zero. Point
``PYTHONPATH`` at another checkout's ``src`` to count its splits (that is how
main's figures are taken). Sample contexts are printed to the terminal only;
the texts are never written anywhere.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

from parallax.analyze.sentences import split_sentences

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"

# Words that open English sentences: after "U.S." or an initial, one of these
# means the abbreviation ended the sentence ("... in the U.S. The next day").
OPENERS = frozenset((
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their",
    "its", "our", "my", "this", "that", "these", "those", "there", "but", "and", "or", "so",
    "yet", "still", "now", "then", "when", "while", "after", "before", "if", "as", "for",
    "what", "why", "how", "who", "meanwhile", "however", "also", "some", "many", "most",
    "one", "no", "not", "in", "on", "at", "by", "with", "from", "to"))

_LOWER = re.compile(r"[a-z]")
_CLOSE = re.compile(r"[,;:)\]]|[a-z]")

Continues = Callable[[str], bool]


def _lower(after: str) -> bool:
    return bool(_LOWER.match(after))


def _capital_not_opener(after: str) -> bool:
    words = after.split(maxsplit=1)
    word = words[0].strip("\"'\u201c\u2018(") if words else ""
    return word[:1].isupper() and word.lower().rstrip(",.") not in OPENERS


CLASSES: dict[str, tuple[re.Pattern[str], Continues]] = {
    "party tag": (re.compile(r"(?:^|[\s(,])[DRI]-[A-Z][A-Za-z.]*\.$"),
                  lambda after: bool(_CLOSE.match(after))),
    "title": (re.compile(r"(?:^|[\s(\"\u201c-])(?:Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Sgt|Dr|Mr|Mrs|"
                         r"Ms|Prof|Rev|Atty|Supt|Pres|St|Capt|Cmdr|Adm|Maj|Cpl|Pvt|Gens|Msgr|"
                         r"Sr)\.$"),
              lambda after: after[:1].isupper()),
    "place prefix": (re.compile(r"(?:^|[\s(\"\u201c])(?:Ft|Mt)\.$"),
                     lambda after: after[:1].isupper()),
    "month": (re.compile(r"(?:^|[\s(-])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$"),
              lambda after: after[:1].isdigit()),
    "No.": (re.compile(r"(?:^|[\s(])Nos?\.$"), lambda after: after[:1].isdigit()),
    "initial": (re.compile(r"(?:^|[\s(])[A-Z]\.$"), _capital_not_opener),
    "U.S. + lower": (re.compile(r"(?:^|[\s(])(?:U\.S|U\.N|U\.K|E\.U|D\.C)\.$"), _lower),
    "U.S. + Capital (review)": (re.compile(r"(?:^|[\s(])(?:U\.S|U\.N|U\.K|E\.U)\.$"),
                                _capital_not_opener),
    "a.m./p.m.": (re.compile(r"(?:^|[\s(])[ap]\.m\.$"), _lower),
    "Inc./Jr.": (re.compile(r"(?:^|[\s(])(?:Inc|Corp|Co|Jr|Sr|Ltd|Bros)\.$"), _lower),
}


def texts(root: Path) -> Iterator[tuple[str, str]]:
    """(set name, text) of every plain text under ``root`` this script reads."""
    for path in sorted(root.glob("basil/*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield "basil", json.loads(line)["text"]
    for path in sorted(root.glob("polnear/text/*.txt")):
        yield "polnear", path.read_text(encoding="utf-8")
    neus = root / "neus" / "stories.jsonl"
    if neus.exists():
        for line in neus.read_text(encoding="utf-8").splitlines():
            story = json.loads(line) if line.strip() else {}
            for side in ("left", "center", "right"):
                body = (story.get("news", {}).get(side) or {}).get("newBody")
                if body:  # a list of paragraphs
                    yield "neus", "\n\n".join(body) if isinstance(body, list) else body
    bodies = root / "fnc" / "bodies.csv"
    if bodies.exists():
        csv.field_size_limit(sys.maxsize)
        with bodies.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield "fnc", row["articleBody"]
    for path in sorted(root.glob("extraction/gold/*.json")):
        yield "extraction", json.loads(path.read_text(encoding="utf-8"))["text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="the shared eval folder")
    parser.add_argument("--samples", type=int, default=3, help="contexts to print per class")
    args = parser.parse_args()
    if not args.eval.is_dir():
        print(f"no eval data at {args.eval}: nothing to count")
        return
    counts: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    documents: Counter[str] = Counter()
    boundaries = 0
    for name, text in texts(args.eval):
        documents[name] += 1
        sentences = split_sentences(text)
        for left, right in pairwise(sentences):
            between = text[left.end:right.start]
            if "\n\n" in between.replace("\r", "") or between.count("\n") > 1:
                continue  # a paragraph break: the split is the paragraph's
            boundaries += 1
            for label, (ends, continues) in CLASSES.items():
                if ends.search(left.text) and continues(right.text):
                    counts[label] += 1
                    if len(samples[label]) < args.samples:
                        samples[label].append(f"{left.text[-40:]!r} | {right.text[:40]!r}")
    print(f"texts: {dict(documents)}; boundaries inside paragraphs: {boundaries}")
    print("| class | splits |\n|---|---:|")
    for label in CLASSES:
        print(f"| {label} | {counts[label]} |")
    print(f"| all but review | {sum(n for k, n in counts.items() if 'review' not in k)} |")
    for label in CLASSES:
        for sample in samples[label]:
            print(f"  {label}: {sample}")


if __name__ == "__main__":
    main()
