"""What a line of text looks like: prose sentence, heading, or fragment.

Boilerplate (form labels, buttons, link lists, course banners) is made of
short title-cased or upper-case fragments, while an article's content is
sentences: lowercase words between a capital and terminal punctuation. The
cleaner trusts this shape more than any keyword, so these few cheap tests
decide what may ever be dropped without a lexicon cue.
"""

from __future__ import annotations

import re

__all__ = [
    "continues",
    "ends_sentence",
    "final_mark",
    "is_prose",
    "normalise_line",
    "starts_lowercase",
    "words",
]

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['\u2019-][^\W_]+)*")
_TERMINAL = ".?!\u2026:;"
_OPENERS = "\"'\u201c\u2018([*_ "
# Links that end a line (an embedded tweet's "https://t.co/..."): the sentence
# before them is what has a shape.
_TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://|www\.|pic\.twitter\.com/)\S*)+\s*$")

# ``is_prose`` is a feature of the trained line model (tools/train_lines.py):
# its thresholds are not in ``parallax.options``, since a value here changes
# only together with a retrained model.
# Any line this long with half its words lowercase is running text, whatever it
# ends with (an agency credit "... into the US. PTI"); no headline runs so long.
_RUNNING_TEXT_WORDS = 20
_RUNNING_TEXT_LOWER = 0.5
# A line without terminal punctuation still counts as prose when it is long,
# mostly lowercase and stops on a lowercase word: a paragraph cut off mid-clause.
# A headline ends on a capitalised word instead (the related-story headline in
# the seeds has 11 words, 64% lowercase, and ends "... Hanoi Summit").
_LONG_PROSE_WORDS = 10
_LONG_PROSE_LOWER = 0.6


def words(text: str) -> list[str]:
    """Alphabetic words (with inner apostrophes and hyphens) of ``text``."""
    return _WORD.findall(text)


def final_mark(text: str) -> str:
    """The last letter, digit or punctuation mark of ``text`` ("" if none).

    Closing quotes, brackets, emoji and other symbols after it are skipped.
    """
    for char in reversed(text):
        if char.isalnum() or char in _TERMINAL:
            return char
    return ""


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with terminal punctuation, before any closing quotes."""
    mark = final_mark(text)
    return bool(mark) and mark in _TERMINAL


def starts_lowercase(text: str) -> bool:
    """True when the first letter of ``text`` (after opening quotes) is lowercase."""
    stripped = text.lstrip(_OPENERS)
    return bool(stripped) and stripped[0].islower()


def continues(previous: str, following: str, min_words: int) -> bool:
    """Is ``following`` the rest of a sentence that ``previous`` (``min_words`` or
    more: a real beginning, not a lowercase menu item) breaks off?"""
    return (not ends_sentence(previous) and starts_lowercase(following)
            and len(words(previous)) >= min_words)


def _lower_ratio(tokens: list[str]) -> float:
    return sum(1 for t in tokens if t[0].islower()) / len(tokens) if tokens else 0.0


def is_prose(text: str) -> bool:
    """Does ``text`` read like a sentence of an article rather than a page fragment?

    A sentence has terminal punctuation, at least three words and some
    lowercase word (so "JOIN TODAY!" is not one, "No one won." is); a long
    mostly-lowercase line cut off mid-clause is prose without punctuation.
    """
    text = _TRAILING_LINKS.sub("", text)
    tokens = words(text)
    lower = _lower_ratio(tokens)
    if ends_sentence(text) and len(tokens) >= 3 and lower > 0:
        return True
    if len(tokens) >= _RUNNING_TEXT_WORDS and lower >= _RUNNING_TEXT_LOWER:
        return True
    return (len(tokens) >= _LONG_PROSE_WORDS and lower >= _LONG_PROSE_LOWER
            and tokens[-1][0].islower())


def normalise_line(text: str) -> str:
    """Case-, digit- and punctuation-insensitive key, so "© 2019 Acme" and "© 2020 ACME" match."""
    folded = re.sub(r"\d+", "0", text.casefold())
    return re.sub(r"[\W_]+", " ", folded).strip()
