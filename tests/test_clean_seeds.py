"""Cleaning the real seed pages: furniture gone with a reason, every sentence kept.

The seeds belong to their publishers, so they are read at run time (skipped
when ../shared is absent) and the checks use short cue fragments only.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from parallax.clean import clean_document
from parallax.model import Article, Document

from contract import check_paragraphs_map_back

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@cache
def _cleaned(prefix: str) -> Article:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"no seed {prefix}_* under {SEEDS}: the shared seeds are not checked out")
    source = paths[0].read_text(encoding="utf-8")
    return clean_document(Document(paths[0].stem, str(paths[0]), source))


def _removed(article: Article, fragment: str) -> str:
    """The reason the removal containing ``fragment`` was made (fails if none is)."""
    assert fragment not in article.text
    matches = [r.reason for r in article.removed if fragment in r.text]
    assert matches, f"{fragment!r} is not listed in removed"
    return matches[0]


@pytest.mark.parametrize(("fragment", "reason"), [
    ("indicates required", "newsletter"),
    ("Email Address", "newsletter"),
    ("mailchimp", "newsletter"),
    ("CERTIFICATE COURSE", "advert"),
    ("JOIN TODAY", "advert"),
    ("(+91)", "contact"),
    ("views and opinions expressed", "disclaimer"),
    ("Facebook Comments", "comments"),
])
def test_first_seed_furniture_is_removed(fragment: str, reason: str) -> None:
    assert _removed(_cleaned("000"), fragment) == reason


def test_first_seed_repairs_links_and_broken_sentence() -> None:
    article = _cleaned("000")
    assert "](#)" not in article.text and "\\[" not in article.text
    assert "[North Korea] wanted" in article.text
    assert "between the leaders is cut short" in article.text
    assert {"markdown-link", "broken-sentence"} <= {r.reason for r in article.repairs}
    assert "truncated" not in article.flags
    assert article.text.split("\n\n")[1] == "Background"


def test_second_seed_paywall_and_cookie_notice() -> None:
    article = _cleaned("001")
    assert _removed(article, "To continue reading") == "paywall"
    assert _removed(article, "Request your trial") == "paywall"
    assert _removed(article, "cookie policy") == "cookie"
    assert {"truncated", "paywall"} <= set(article.flags)
    assert article.text.endswith("lifting of...")


@pytest.mark.parametrize(("glued", "fixed"), [
    ("Koreawanted", "Korea wanted"),
    ("MichaelCohenaccused", "Michael Cohen accused"),
    ("stopthe", "stop the"),
    ("whileNorth", "while North"),
    ("Chinacomes", "China comes"),
    ("Hill.Kim", "Hill. Kim"),
    ('denuclearization."What', 'denuclearization. "What'),
    ('results".The', 'results". The'),
])
def test_third_seed_glued_text_is_repaired(glued: str, fixed: str) -> None:
    article = _cleaned("003")
    assert glued not in article.text and fixed in article.text
    assert any(r.original == glued and r.replacement == fixed for r in article.repairs)


def test_third_seed_names_and_headings_survive() -> None:
    article = _cleaned("003")
    for word in ("Yongbyon", "Pyongyang", "denuclearization"):
        assert re.search(rf"\b{word}\b", article.text)
    paragraphs = article.text.split("\n\n")
    # the section headings stay paragraphs of their own (short, no closing stop)
    headings = [p for p in paragraphs if len(p.split()) <= 8 and not p.endswith((".", "?", "!"))]
    assert "Conclusion" in paragraphs and len(headings) >= 2, headings
    assert article.removed == () and article.flags == ()


def _undo_repairs(article: Article) -> str:
    """The cleaned text with each repair reverted, to compare with source sentences."""
    text = article.text
    for repair in article.repairs:
        if repair.replacement.strip():
            text = text.replace(repair.replacement, repair.original.replace("\n", " "))
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_no_content_sentence_is_lost(prefix: str) -> None:
    article = _cleaned(prefix)
    source = re.sub(r"\s+", " ", article.document.source)
    cleaned = _undo_repairs(article)
    sentences = re.findall(r"[A-Z][^.!?]*\.(?=\s|$)", source)
    long = [s for s in sentences if len(s.split()) >= 8 and "cookie" not in s]
    assert long
    for sentence in long:
        assert sentence in cleaned, sentence


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seed_paragraphs_map_back_to_their_source(prefix: str) -> None:
    article = _cleaned(prefix)
    check_paragraphs_map_back(article)
