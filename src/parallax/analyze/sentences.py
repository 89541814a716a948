"""Split cleaned text into sentences: pysbd, one paragraph at a time.

pysbd handles news abbreviations ("U.S.", "Feb.", "Mr.") better than spaCy's
parser-based boundaries, and splitting per paragraph (blank-line separated in
cleaned text) stops a sentence from ever spanning two paragraphs.
"""

from __future__ import annotations

import re
from functools import cache

import pysbd

from parallax.model import Sentence

__all__ = ["paragraphs", "split_sentences"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + chunk.index(stripped)
            spans.append((start, start + len(stripped)))
        position = match.end() if match else len(text)
    return spans


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with offsets into ``text``, surrounding whitespace trimmed."""
    sentences: list[Sentence] = []
    for para_start, para_end in paragraphs(text):
        paragraph = text[para_start:para_end]
        for piece in _segmenter().segment(paragraph):
            raw = piece.sent
            stripped = raw.strip()
            if not stripped:
                continue
            start = para_start + piece.start + raw.index(stripped)
            end = start + len(stripped)
            sentences.append(Sentence(start, end, text[start:end]))
    return tuple(sentences)
