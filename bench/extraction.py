"""Main-text extraction and cleaning on the Scrapinghub article-extraction pages.

    python bench/extraction.py

(a) HTML pages: ``parallax extract`` (trafilatura + parallax's cleaner) against
    plain ``trafilatura.extract`` in the same run.
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
from pathlib import Path

from _metrics import mean, prf

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "extraction"


def _row(name: str, scores: list[tuple[float, float, float]], seconds: float) -> str:
    p, r, f = (mean(s[i] for s in scores) for i in range(3))
    return f"| {name} | {len(scores)} | {p:.3f} | {r:.3f} | {f:.3f} | {seconds:.1f} |"


def main() -> None:
    if not DATA.is_dir():
        print(f"skipping: {DATA} not found (shared eval data absent)")
        return
    import trafilatura

    from parallax.clean import clean_document
    from parallax.ingest.html import NoArticleText, html_document
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
    ours = []
    for key in golds:
        try:
            text = clean_document(html_document(key, key, pages[key])).text
        except NoArticleText:
            text = ""
        ours.append(prf(text, golds[key]))
    print(_row("(a) HTML: parallax extract", ours, time.perf_counter() - start))

    texts = {k: (DATA / "page-text" / f"{k}.txt").read_text(encoding="utf-8", errors="replace")
             for k in golds if (DATA / "page-text" / f"{k}.txt").exists()}
    raw = [prf(texts[k], golds[k]) for k in texts]
    print(_row("(b) page text: raw (baseline)", raw, 0.0))
    start = time.perf_counter()
    cleaned = [prf(clean_document(text_document(k, k, texts[k])).text, golds[k]) for k in texts]
    print(_row("(b) page text: parallax cleaner (in-sample)", cleaned,
               time.perf_counter() - start))


if __name__ == "__main__":
    sys.exit(main())
