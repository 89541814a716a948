"""Main-text extraction and cleaning on the Scrapinghub article-extraction pages.

    python bench/extraction.py
    python bench/extraction.py --cv   # (a) with its two tuned choices re-made on held-out pages

(a) HTML pages: ``parallax extract`` (trafilatura + repairs from the page's
    markup + parallax's cleaner) against plain ``trafilatura.extract`` in the
    same run. Two of its settings were chosen on these pages: trafilatura's
    options and the link share of ``ingest/links``. ``--cv`` re-chooses both
    on four fifths of the pages and scores the fifth held out, five folds by
    page: that row is the honest figure, the shipped one is in-sample.
(b) Flattened page text (menus, cookie banners and all): parallax's cleaner
    against the raw page text. Its line model was trained on these very pages,
    so row (b) is in-sample; the honest figure is the cross-validated one of
    ``tools/train_lines.py --cv-only`` (pages held out five folds by page).

Metric: per-document precision/recall/F1 of word 4-shingles against the gold
article body, averaged over documents (the benchmark's own method).
Reads ../shared/eval/extraction at run time; exits with a message when absent.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable
from itertools import product
from pathlib import Path
from unittest import mock

from _metrics import mean, prf

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "extraction"


def _row(name: str, scores: list[tuple[float, float, float]], seconds: float) -> str:
    p, r, f = (mean(s[i] for s in scores) for i in range(3))
    return f"| {name} | {len(scores)} | {p:.3f} | {r:.3f} | {f:.3f} | {seconds:.1f} |"


# The choices ``--cv`` makes afresh in each fold: trafilatura's options
# (include_tables is always on) and the link share above which a line is a link.
_SETTINGS = {
    "default": {}, "recall": {"favor_recall": True}, "precision": {"favor_precision": True},
    "fast": {"fast": True}, "fast+recall": {"fast": True, "favor_recall": True},
    "fast+precision": {"fast": True, "favor_precision": True},
}
_LINK_SHARES = (0.6, 0.7, 0.8, 0.9, 1.01)
_FOLDS = 5
Score = tuple[float, float, float]


def _parallax(pages: dict[str, str], golds: dict[str, str]) -> dict[str, Score]:
    from parallax.clean import clean_document
    from parallax.ingest.html import NoArticleText, html_document

    scores = {}
    for key in golds:
        try:
            text = clean_document(html_document(key, key, pages[key])).text
        except NoArticleText:
            text = ""
        scores[key] = prf(text, golds[key])
    return scores


def _cross_validated(pages: dict[str, str], golds: dict[str, str],
                     progress: Callable[[str], None]) -> tuple[list[Score], list[str]]:
    """Per-page scores with each fold's settings chosen on the other folds, and the choices."""
    grid: dict[tuple[str, float], dict[str, Score]] = {}
    for name, share in product(_SETTINGS, _LINK_SHARES):
        options = {"include_tables": True, **_SETTINGS[name]}
        with mock.patch("parallax.ingest.html._TRAFILATURA_SETTINGS", options), \
                mock.patch("parallax.ingest.links._LINK_SHARE", share):
            grid[name, share] = _parallax(pages, golds)
        progress(f"{name} {share}: F1 {mean(s[2] for s in grid[name, share].values()):.3f}")
    keys = sorted(golds)
    held: list[Score] = []
    chosen: list[str] = []
    for fold in range(_FOLDS):
        test = keys[fold::_FOLDS]
        train = [k for k in keys if k not in test]
        best = max(grid, key=lambda c: mean(grid[c][k][2] for k in train))
        chosen.append(f"{best[0]} / {best[1]}")
        held += [grid[best][k] for k in test]
    return held, chosen


def main() -> None:
    if not DATA.is_dir():
        print(f"skipping: {DATA} not found (shared eval data absent)")
        return
    import trafilatura

    from parallax.clean import clean_document
    from parallax.ingest.text import text_document

    golds = {p.stem: json.loads(p.read_text())["text"]
             for p in sorted((DATA / "gold").glob("*.json"))}
    pages = {k: gzip.decompress((DATA / "html" / f"{k}.html.gz").read_bytes())
             .decode("utf-8", "replace") for k in golds}
    print("| system | docs | precision | recall | F1 | seconds |")
    print("|---|---:|---:|---:|---:|---:|")

    start = time.perf_counter()
    baseline = [prf(trafilatura.extract(pages[k]) or "", golds[k]) for k in golds]
    print(_row("(a) HTML: trafilatura.extract (baseline)", baseline, time.perf_counter() - start))

    start = time.perf_counter()
    ours = list(_parallax(pages, golds).values())
    print(_row("(a) HTML: parallax extract", ours, time.perf_counter() - start))
    if "--cv" in sys.argv[1:]:
        start = time.perf_counter()
        held, chosen = _cross_validated(pages, golds, lambda line: print(line, file=sys.stderr))
        print(_row("(a) HTML: parallax extract, settings chosen on held-out folds", held,
                   time.perf_counter() - start))
        print(f"choices per fold (trafilatura / link share): {'; '.join(chosen)}",
              file=sys.stderr)

    texts = {k: (DATA / "page-text" / f"{k}.txt").read_text(encoding="utf-8", errors="replace")
             for k in golds if (DATA / "page-text" / f"{k}.txt").exists()}
    raw = [prf(texts[k], golds[k]) for k in texts]
    print(_row("(b) page text: raw (baseline)", raw, 0.0))
    start = time.perf_counter()
    cleaned = [prf(clean_document(text_document(k, k, texts[k])).text, golds[k]) for k in texts]
    print(_row("(b) page text: parallax cleaner (in-sample)", cleaned,
               time.perf_counter() - start))


if __name__ == "__main__":
    main()
