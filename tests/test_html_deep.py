"""A page nested deeper than the HTML parser descends still yields its story."""

from __future__ import annotations

from parallax.ingest.html import flatten_deep_nesting, html_document

STORY = "".join(f"<p>The ferry board met on day {n} and approved the harbour budget for "
                "dredging, repairs and a new pier after a long debate.</p>" for n in range(6))


def _nested(depth: int) -> str:
    return ("<html><head><title>Harbour budget</title></head><body>" + "<div>" * depth
            + STORY + "</div>" * depth + "</body></html>")


def test_ten_thousand_divs_deep_page_keeps_its_text() -> None:
    document = html_document("deep", "deep.html", _nested(10_000))
    assert document.source.count("approved the harbour budget") == 6


def test_shallow_page_is_left_as_it_is() -> None:
    page = _nested(30)
    assert flatten_deep_nesting(page) == page


def test_flattening_keeps_text_and_drops_only_deep_wrapper_tags() -> None:
    flat = flatten_deep_nesting(_nested(500))
    assert flat.count("<div>") == flat.count("</div>") == 100
    assert STORY in flat
