"""Property: cleaning never invents text and its offset map always points home.

Random pages are assembled from sentence pieces, furniture, link debris,
glued words, odd spacing and line breaks; whatever the cleaner makes of them,
each cleaned character must map back to the same character of the source or
lie inside a repair the cleaner recorded.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.clean import clean_document
from parallax.model import Document

PIECES = [
    "The ferry left at noon.", "Officials said the pier was safe", "and the council agreed.",
    "Background", "Subscribe", "Email Address *", "[the mayor](#)", "[\\[the port\\]](#)",
    "Velmorawanted", "whileNorth", "stopthe", "Hill.Kim", 'calm."What', 'results".The',
    "U.S.", "10.5", "www.velmora.org", "itâ€™s", "“quoted words”", "…", "...", "JOIN TODAY!",
    "Facebook Comments", "a", "Velmora", "harbour", "Überraschungsangriff", "日本語のテキスト",
    "ÉcoleNormale",
]
SEPARATORS = [" ", "  ", "\n", "\n\n", "\n\n\n", "\t", " \n ", ""]

pages = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=40
).map(lambda parts: "".join(piece + sep for piece, sep in parts))


@settings(max_examples=300, deadline=None)
@given(pages)
def test_every_cleaned_character_maps_back(source: str) -> None:
    article = clean_document(Document("p", "p.txt", source))
    text = article.text
    assert "\n\n\n" not in text and "  " not in text and text == text.strip()
    assert all("\n" not in paragraph for paragraph in text.split("\n\n"))
    previous = 0
    for index, char in enumerate(text):
        start, end = article.offsets.to_source(index, index + 1)
        assert 0 <= start <= end <= len(source)
        assert start >= previous or char.isspace()
        previous = max(previous, start)
        repaired = any(r.start <= start and end <= r.end for r in article.repairs)
        if char.isspace():
            assert not source[start:end].strip() or repaired, (index, source[start:end])
            continue
        verbatim = end - start == 1 and source[start] == char
        assert verbatim or repaired, (index, char, source[start:end])


@settings(max_examples=200, deadline=None)
@given(pages, st.data())
def test_spans_cover_their_words(source: str, data: st.DataObject) -> None:
    article = clean_document(Document("p", "p.txt", source))
    if not article.text:
        return
    start = data.draw(st.integers(0, len(article.text) - 1))
    end = data.draw(st.integers(start + 1, len(article.text)))
    span = article.span(start, end)
    assert span.text == article.text[start:end]
    mapped = source[span.start:span.end]
    touched = [r for r in (*article.repairs, *article.removed)
               if span.start < r.end and r.start < span.end]
    if not touched:
        assert "".join(span.text.split()) == "".join(mapped.split())


@settings(max_examples=200, deadline=None)
@given(pages)
def test_removals_and_repairs_quote_the_source(source: str) -> None:
    article = clean_document(Document("p", "p.txt", source))
    for removal in article.removed:
        assert source[removal.start:removal.end] == removal.text
        assert removal.reason
    for repair in article.repairs:
        assert source[repair.start:repair.end] == repair.original
