"""Split cleaned text into sentences: pysbd, one paragraph at a time.

pysbd handles news abbreviations ("U.S.", "Feb.", "Mr.") better than spaCy's
parser-based boundaries, and splitting per paragraph (blank-line separated in
cleaned text) stops a sentence from ever spanning two paragraphs. Where pysbd
still splits inside an abbreviation (a party-state tag, "Sen. Ana Ruiz,
D-Calif., said ..."; a title it does not know), the boundary is re-joined by
the language pack's ``abbreviations`` (``_goes_on``): tools/count_splits.py
counts such splits on the development data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pysbd
from pysbd.utils import TextSpan

from parallax.lang import Abbreviations, LanguagePack
from parallax.lang.en import ENGLISH
from parallax.model import Sentence

__all__ = ["paragraphs", "split_sentences"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class _Segmenter(pysbd.Segmenter):  # type: ignore[misc]  # pysbd has no type hints
    """pysbd's segmenter, locating its sentences with ``str.find``.

    pysbd finds where each sentence lies by compiling a regular expression of
    the escaped sentence. Every sentence is new text, so each one is a fresh
    compile (about half of all splitting time on news), and the flood evicts
    pysbd's own fixed patterns from ``re``'s cache, so those recompile too.
    The rule is kept exactly: the first non-overlapping occurrence of the
    sentence, with the whitespace after it, that ends past the previous one.
    """

    def sentences_with_char_spans(self, sentences: list[str]) -> list[Any]:
        text: str = self.original_text
        spans = []
        prior_end = 0
        for sent in sentences:
            for found, end in _occurrences(text, sent):
                if end > prior_end:
                    spans.append(TextSpan(text[found:end], found, end))
                    prior_end = end
                    break
        return spans


_TRAILING_SPACE = re.compile(r"\s*")


def _occurrences(text: str, sent: str) -> Iterator[tuple[int, int]]:
    r"""(start, end) of each non-overlapping ``sent`` plus following whitespace,
    in order: what ``re.finditer(re.escape(sent) + r"\s*", text)`` yields."""
    if not sent:
        yield from (m.span() for m in _TRAILING_SPACE.finditer(text))
        return
    found = text.find(sent)
    while found >= 0:
        space = _TRAILING_SPACE.match(text, found + len(sent))
        end = space.end() if space else found + len(sent)
        yield found, end
        found = text.find(sent, end)


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    """One segmenter per pysbd language (its rules are built at construction)."""
    return _Segmenter(language=language, clean=False, char_span=True)


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


_CLOSING = frozenset(",;:)]")
_OPENING = "(\"'\u201c\u2018"


def _goes_on(before: str, after: str, abbreviations: Abbreviations) -> bool:
    """Whether a sentence ending ``before`` goes on into ``after``: ``before`` ends
    on one of the abbreviations and ``after`` opens as that one's continuation."""
    if not before.endswith(".") or not after:
        return False
    last = before.rsplit(maxsplit=1)[-1].lstrip(_OPENING)
    head = after[0]
    if abbreviations.party_tag.fullmatch(last):
        return head in _CLOSING or head.islower()
    # "post-Sept. 11", "ex-Gov. Ana Li": a prefix joined by a hyphen keeps the abbreviation.
    word = last[:-1].rsplit("-", 1)[-1]
    if word in abbreviations.titles:
        return head.isupper()
    if word in abbreviations.before_number:
        return head.isdigit()
    return word in abbreviations.before_lower and head.islower()


def split_sentences(text: str, lang: LanguagePack = ENGLISH) -> tuple[Sentence, ...]:
    """Sentences with offsets into ``text``, surrounding whitespace trimmed, split by
    pysbd's rules for ``lang`` and re-joined inside its abbreviations."""
    sentences: list[Sentence] = []
    for para_start, para_end in paragraphs(text):
        paragraph = text[para_start:para_end]
        spans: list[tuple[int, int]] = []
        for piece in _segmenter(lang.pysbd_language).segment(paragraph):
            raw = piece.sent
            stripped = raw.strip()
            if not stripped:
                continue
            start = para_start + piece.start + raw.index(stripped)
            end = start + len(stripped)
            if spans and _goes_on(text[spans[-1][0]:spans[-1][1]], stripped,
                                  lang.abbreviations):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        sentences.extend(Sentence(start, end, text[start:end]) for start, end in spans)
    return tuple(sentences)
