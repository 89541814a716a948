"""Link markup dropped from flattened text never glues the words around it."""

from __future__ import annotations

import re

from parallax.clean import clean_document
from parallax.model import Document

WORD = re.compile(r"\w+")


def _clean(text: str) -> str:
    return clean_document(Document("a", "a.txt", text * 8)).text


def test_link_inside_a_word_leaves_separate_words() -> None:
    text = _clean("The lease ex[link](http://x.example/a)pires in May, the port board said. ")
    assert "ex link pires" in text and "exlinkpires" not in text


def test_link_between_words_is_unchanged() -> None:
    text = _clean("The lease ends in May, the [port board](http://x.example/b) said on Monday. ")
    assert "the port board said" in text


def test_every_cleaned_word_is_a_word_of_its_source_span() -> None:
    source = ("Tolls ro[se](http://x.example/a)sharply on the new[bridge](#)today, "
              "officials said. ") * 8
    article = clean_document(Document("a", "a.txt", source))
    for match in WORD.finditer(article.text):
        span = article.span(*match.span())
        assert match.group() in source[span.start:span.end], match.group()
