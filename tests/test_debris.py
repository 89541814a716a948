"""Link debris tidied out of a sentence shown alone, the words left as written."""

from __future__ import annotations

import pytest

from parallax.debris import tidy


@pytest.mark.parametrize(("text", "shown"), [
    # A quote mark spaced off the bracketed link text it opens.
    ("The mayor said, \u201c [The harbour board] wanted the fees doubled.\u201d",
     "The mayor said, \u201c[The harbour board] wanted the fees doubled.\u201d"),
    ("Dockers called the offer \u201c unacceptable \u201d, a spokesman said.",
     "Dockers called the offer \u201cunacceptable\u201d, a spokesman said."),
    # A link with no text leaves an empty pair behind, and a spaced comma.
    ("The quay reopened ( ) on Monday , the port said [ ] in a statement.",
     "The quay reopened on Monday, the port said in a statement."),
    ("The council voted \u201c\u201d to approve the budget .",
     "The council voted to approve the budget."),
    ("A bracket [ spaced ] and a paren ( spaced ) inside.",
     "A bracket [spaced] and a paren (spaced) inside."),
])
def test_link_debris_is_tidied(text: str, shown: str) -> None:
    assert tidy(text) == shown


@pytest.mark.parametrize("text", [
    "Fees rose by .5 per cent in May ... and fell in June.",  # decimal point, ellipsis
    "The harbour boomed in the \u201990s, the mayor said.",  # an apostrophe, not a quote
    "\u201eDas Angebot ist gut\u201c sagte die B\u00fcrgermeisterin.",  # German quotes
    "The mayor said \"we will see\" on Monday.",
])
def test_clean_text_and_other_typography_are_left_as_written(text: str) -> None:
    assert tidy(text) == text
