"""Attribution extraction on the PolNeAR development split, next to textacy.

    python bench/quotes.py

For every text (one annotator per text: the first in name order), gold
attributions are (Content, Cue, Source) spans from the brat files. A predicted
quote matches a gold one when their content spans share at least half of the
tokens of the longer span (``overlap``) or are identical up to surrounding
quotation marks and spaces (``exact``). Speaker accuracy is over overlap
matches: the predicted speaker span overlaps the gold Source span. The rules
were developed on the first half of the files (by name); the second half is
also scored on its own, as held-out data.

parallax is scored twice: its statements (what "Who said what" shows) and its
whole attribution output, the statements with the attributions that are no
statement (topics, plans, refusals, negated or merely possible reports, ...:
``parallax.model.Attribution``), which PolNeAR annotates too.

Baseline in the same run: textacy's ``direct_quotations`` over the same spaCy
parse of the raw text. Reads ../shared/eval/polnear at run time.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parallax.model import Attribution, Quote

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "polnear"
TOKEN = re.compile(r"\w+")
TRIM = " \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    source: tuple[int, int] | None


def _range(field: str) -> tuple[int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", field)]
    return min(numbers), max(numbers)


def load_gold(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            spans[parts[0]] = (label, _range(where))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    gold = []
    for event in events:
        content = event.get("Content")
        if content is None or content not in spans:
            continue
        source = event.get("Source")
        gold.append(Attribution(spans[content][1], spans[source][1] if source in spans else None))
    return gold


def _tokens(text: str, span: tuple[int, int]) -> set[int]:
    return {m.start() for m in TOKEN.finditer(text, span[0], span[1])}


def _overlaps(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    ta, tb = _tokens(text, a), _tokens(text, b)
    longer = max(len(ta), len(tb))
    return longer > 0 and len(ta & tb) * 2 >= longer


def _exact(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return text[a[0]:a[1]].strip(TRIM) == text[b[0]:b[1]].strip(TRIM)


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    matched_pred: int = 0
    matched_gold: int = 0
    exact_pred: int = 0
    exact_gold: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0

    def add(self, text: str, predicted: Sequence[tuple[tuple[int, int], tuple[int, int] | None]],
            gold: Sequence[Attribution]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        for content, speaker in predicted:
            matches = [g for g in gold if _overlaps(text, content, g.content)]
            if matches:
                self.matched_pred += 1
                best = matches[0]
                if best.source is not None:
                    self.speaker_checked += 1
                    if speaker and speaker[0] < best.source[1] and best.source[0] < speaker[1]:
                        self.speaker_right += 1
            if any(_exact(text, content, g.content) for g in gold):
                self.exact_pred += 1
        for g in gold:
            if any(_overlaps(text, c, g.content) for c, _ in predicted):
                self.matched_gold += 1
            if any(_exact(text, c, g.content) for c, _ in predicted):
                self.exact_gold += 1

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> tuple[float, float, float, float, float]:
        """Precision, recall, F1 (overlap), F1 (exact), speaker accuracy."""
        p = self.matched_pred / self.predicted if self.predicted else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        ep = self.exact_pred / self.predicted if self.predicted else 0.0
        er = self.exact_gold / self.gold if self.gold else 0.0
        acc = self.speaker_right / self.speaker_checked if self.speaker_checked else 0.0
        return p, r, self._f(p, r), self._f(ep, er), acc

    def row(self, name: str, seconds: float) -> str:
        values = " | ".join(f"{v:.3f}" for v in self.figures())
        return f"| {name} | {self.predicted} | {values} | {seconds:.1f} |"


def textacy_quotes(doc: object) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    from textacy.extract.triples import direct_quotations

    found = []
    try:
        triples = list(direct_quotations(doc))  # type: ignore[arg-type]
    except ValueError:
        # textacy refuses texts with unbalanced quotation marks (22 of the 84
        # dev texts); count them as texts where it finds nothing.
        return []
    for triple in triples:
        content = (triple.content.start_char, triple.content.end_char)
        speaker = ((triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1]))
                   if triple.speaker else None)
        found.append((content, speaker))
    return found


Predicted = list[tuple[tuple[int, int], tuple[int, int] | None]]


def load_dev(root: Path = DATA) -> tuple[dict[str, str], dict[str, list[Attribution]]]:
    """Texts and gold attributions by text name, in name order (first annotator per text)."""
    files: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        files.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    texts = {k: (root / "text" / f"{k}.txt").read_text(encoding="utf-8") for k in files}
    return texts, {k: load_gold(files[k]) for k in files}


def _pairs(items: Sequence[Quote | Attribution]
           ) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    return [((q.span.start, q.span.end),
             (q.speaker_span.start, q.speaker_span.end) if q.speaker_span else None)
            for q in items]


def parallax_attributions(texts: dict[str, str]) -> tuple[dict[str, Predicted],
                                                          dict[str, Predicted]]:
    """(content span, speaker span) of every statement parallax finds, and of its whole
    attribution output (the statements and the attributions that are none), by text name."""
    from parallax.analyze.actors import resolve_actors
    from parallax.analyze.attributions import attribution_speakers
    from parallax.ingest.text import text_document
    from parallax.pipeline import analyze_documents

    analyzed = analyze_documents([text_document(k, k, texts[k]) for k in texts])
    actors, quotes = resolve_actors(analyzed)
    others = attribution_speakers(analyzed, quotes, actors)
    statements = {key: _pairs([q for q in quotes if q.article == key]) for key in texts}
    return statements, {key: statements[key] + _pairs([a for a in others if a.article == key])
                        for key in texts}


def parallax_quotes(texts: dict[str, str]) -> dict[str, Predicted]:
    """(content span, speaker span) of every quote parallax finds, by text name."""
    return parallax_attributions(texts)[0]


def main() -> None:
    if not DATA.is_dir():
        print(f"skipping: {DATA} not found (shared eval data absent)")
        return
    from parallax.analyze.nlp import load_nlp

    texts, gold = load_dev()
    files = list(texts)

    # The rules were tuned by error analysis on the first half of the files (sorted by
    # name); the second half is reported apart to show how they generalise.
    held_out = set(files[len(files) // 2:])
    start = time.perf_counter()
    stated, attributed = parallax_attributions(texts)
    ours_seconds = time.perf_counter() - start
    ours, ours_held, full, full_held = Score(), Score(), Score(), Score()
    for key in files:
        ours.add(texts[key], stated[key], gold[key])
        full.add(texts[key], attributed[key], gold[key])
        if key in held_out:
            ours_held.add(texts[key], stated[key], gold[key])
            full_held.add(texts[key], attributed[key], gold[key])

    baseline, baseline_held = Score(), Score()
    baseline_seconds = 0.0
    try:
        nlp = load_nlp()
        start = time.perf_counter()
        for key, doc in zip(files, nlp.pipe(texts[k] for k in files), strict=True):
            found = textacy_quotes(doc)
            baseline.add(texts[key], found, gold[key])
            if key in held_out:
                baseline_held.add(texts[key], found, gold[key])
        baseline_seconds = time.perf_counter() - start
    except ImportError:
        print("textacy is not installed (pip install -e '.[bench]'): baseline skipped")

    print(f"PolNeAR dev: {len(files)} texts, {sum(len(g) for g in gold.values())} attributions")
    print("| system | predicted | precision | recall | F1 (overlap) | F1 (exact) "
          "| speaker acc. | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(baseline.row("textacy direct_quotations (baseline)", baseline_seconds))
    print(ours.row("parallax statements", ours_seconds))
    print(full.row("parallax statements + other attributions", ours_seconds))
    print(baseline_held.row("textacy, second half of the files only", baseline_seconds))
    print(ours_held.row("parallax statements, second half of the files only (held out)",
                        ours_seconds))
    print(full_held.row("parallax statements + other attributions, second half (held out)",
                        ours_seconds))
    first = [key for key in files if key not in held_out]
    for name, predicted in (("statements", stated), ("statements + other attributions",
                                                      attributed)):
        score = Score()
        for key in first:
            score.add(texts[key], predicted[key], gold[key])
        print(score.row(f"parallax {name}, first half of the files only (development)",
                        ours_seconds))


if __name__ == "__main__":
    main()
