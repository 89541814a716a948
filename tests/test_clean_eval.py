"""Gate: cleaning flattened real pages (the extraction eval set) must keep its floors.

Each page's whole flattened text (menus, banners, forms and all) is cleaned
and compared with the human-made article body by bag-of-words precision and
recall, averaged over pages. Floors sit just under the measured figures
(P 0.906, R 0.971, F1 0.929 on the development half; the raw page text
scores P 0.47, R 1.00, F1 0.61, the rules alone P 0.63, R 0.98, F1 0.74);
never lower them silently. The line model was trained on these pages, so
this is a regression gate, not a quality estimate: the honest figure is the
cross-validated one that ``tools/train_lines.py --cv-only`` prints.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from parallax.clean import clean_document
from parallax.model import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from _metrics import mean, prf

EXTRACTION = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction"
MIN_PRECISION = 0.89
MIN_RECALL = 0.97
MIN_F1 = 0.92


def test_cleaning_keeps_the_story_and_drops_the_page() -> None:
    pages = sorted((EXTRACTION / "page-text").glob("*.txt"))
    if not pages:
        pytest.skip(f"{EXTRACTION} not found: the shared eval data is not checked out here")
    scores = []
    for page in pages:
        gold = json.loads((EXTRACTION / "gold" / f"{page.stem}.json").read_text())["text"]
        source = page.read_text(encoding="utf-8")
        cleaned = clean_document(Document(page.stem, str(page), source)).text
        scores.append(prf(cleaned, gold, n=1))
    precision, recall, f1 = (mean(s[i] for s in scores) for i in range(3))
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL and f1 >= MIN_F1, (
        f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
