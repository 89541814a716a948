"""English: the word lists, patterns and model settings of ``parallax.lang.en.v1``.

These lists were spread over the stages (claims, stance, conflicts, dates,
calendar, metadata, flags) and are gathered here unchanged, so every English
rule has one home and the outputs stay what they were.
"""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType

from parallax.lang import LanguagePack, SuffixStemmer

__all__ = ["ENGLISH"]

_MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"))

_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty")

_NEGATORS = frozenset({"no", "not", "never", "without", "none", "nothing", "nor", "neither",
                       "cannot", "n't", "nobody"})
_NEGATED_FORMS = frozenset((
    "isn't", "wasn't", "aren't", "weren't", "don't", "doesn't", "didn't", "won't", "wouldn't",
    "can't", "couldn't", "shouldn't", "hasn't", "haven't", "hadn't"))

# English news prose runs at 35-50% of these words; other Latin-script languages
# share almost none of them.
_COMMON_WORDS = frozenset((
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its",
    "that", "this", "which", "who", "he", "she", "they", "we", "i", "you", "not", "said",
    "will", "would",
))


@cache
def _stopwords() -> frozenset[str]:
    """spaCy's English stop words without the negators (a negation is content)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) - _NEGATORS


def _root(stem: str) -> str:
    """The stem without a final "e": the stemmer keeps "approve" but makes
    "approved" "approv", and "did not approve" is how "approved" is negated."""
    return stem[:-1] if stem.endswith("e") and len(stem) > 4 else stem


ENGLISH = LanguagePack(
    code="en",
    name="English",
    pysbd_language="en",
    dateparser_languages=("en",),
    months=MappingProxyType({name: number for number, names in enumerate(_MONTH_NAMES, start=1)
                             for name in names}),
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    number_words=MappingProxyType({word: value for value, word in enumerate(_NUMBER_WORDS)}),
    negators=_NEGATORS,
    negated_forms=_NEGATED_FORMS,
    negating_suffixes=("n't",),
    common_words=_COMMON_WORDS,
    stopwords=_stopwords,
    # Content words: a stem keeps at least four letters, so "news" and "uses"
    # stay whole; the seeds' claims and the summary model were tuned on it.
    stem=SuffixStemmer(("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed",
                        "es", "s"), 4),
    root=_root,
    # Stance cues: shorter stems ("denies"/"denied"/"deny" -> "den"), "-ly" too.
    # Folding it into ``stem`` changes the stance features on FNC-1 (see
    # docs/LANGUAGES.md), so it stays until the stance model is retrained.
    stance_stem=SuffixStemmer(("ing", "ied", "ies", "ed", "es", "s", "ly"), 3),
    word=re.compile(r"[A-Za-z0-9]+(?:['\u2019.-][A-Za-z0-9]+)*"),
    figure_word=re.compile(r"[A-Za-z0-9]+(?:[.,'\u2019-][A-Za-z0-9]+)*"),
    cue_word=re.compile(r"[a-z0-9]+(?:'[a-z]+)?"),
    bare_word=re.compile(r"[a-z0-9]+"),
    letters=re.compile(r"[a-z]+"),
)
