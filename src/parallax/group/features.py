"""Cheap per-article features for story grouping: a lead vector, names, a day.

Grouping thousands of articles cannot afford spaCy on every text, and does not
need it: news states what a story is about in its title and first sentences,
so one MiniLM vector of that lead carries the topic, capitalised names in the
opening paragraphs tell two events of the same kind apart (a fire in one town
from a fire in another), and the publication date separates the same topic
covered on different days. Everything here reads the cleaned ``Article`` only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from parallax.analyze.sentences import paragraphs
from parallax.lang.en import ENGLISH
from parallax.model import Article
from parallax.registry import registry

__all__ = [
    "Encoder",
    "StoryFeatures",
    "article_day",
    "lead_text",
    "names_in",
    "story_features",
    "terms_in",
]

Encoder = Callable[[list[str]], "np.ndarray[Any, Any]"]

# Words of the lead that go into the vector: MiniLM was trained on sentences
# of up to 128 word pieces, so about a hundred words (title plus two or three
# sentences) is what it represents best; the rest of a lead dilutes it.
LEAD_WORDS = 100
# Characters scanned for names: the opening paragraphs, where the actors and
# places of the story are introduced, not the background further down.
NAME_CHARS = 2500
# Characters whose words make the article's bag of terms: enough for the
# specifics of an event (numbers of victims, the ship's name) that the lead
# vector smooths over, bounded so a very long article costs no more.
TERM_CHARS = 6000
# Articles embedded per call: large enough for full model batches, small
# enough that memory does not grow with the corpus.
BATCH = 64

_APOSTROPHES = "'\u2019"
_NAME_WORD = rf"[A-Z][\w{_APOSTROPHES}.-]*\w"
_NAME = re.compile(rf"{_NAME_WORD}(?:(?:[ \t]+(?:of|de|del|la|le|van|von|bin|al|da|di|du))?"
                   rf"[ \t]+{_NAME_WORD})*")
_WORD = re.compile(rf"[^\W\d_][\w{_APOSTROPHES}-]*[^\W_]|\d[\d.,]*\d")
# Capitalised words that are not names: sentence openers, calendar words (the
# English pack's months and weekdays), and the titles people carry ("Chief Odile
# Marrick" is the name "Odile Marrick").
_NOT_NAMES_TEXT = """
a an and as at but by for from he her his how i if in it its mr mrs ms dr no not
of on or our she so that the their there these they this those to we what when where which
while who why with you your after before new said says according also more most
today yesterday tomorrow read watch updated published by
chief president vice prime minister foreign secretary senator sen rep gov governor mayor
general gen judge justice officer king queen pope sir lord lady captain capt col lt sgt
prof professor former leader spokesman spokeswoman spokesperson
"""
_NOT_NAMES = frozenset((*_NOT_NAMES_TEXT.split(), *ENGLISH.months, *ENGLISH.weekdays))
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$")


def _bare(word: str) -> str:
    """Lower-cased, without a possessive "'s" or a final full stop."""
    return _POSSESSIVE.sub("", word.lower()).rstrip(".")


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What grouping knows of one article.

    ``title`` is the document's title, else its first line;
    ``titled`` says which. ``vector`` is L2-normalised; ``names`` are lower-cased capitalised-name
    strings (full names and their last words, so "Reid" meets "Tara Reid");
    ``terms`` counts the content words (stop words dropped, lower-cased) and
    numbers of the article; ``day`` is the publication date as a proleptic
    ordinal, None when unknown.
    """

    id: str
    title: str
    titled: bool
    vector: np.ndarray[Any, Any] = field(compare=False, repr=False)
    names: tuple[str, ...] = ()
    terms: tuple[tuple[str, int], ...] = ()
    day: int | None = None


def lead_text(article: Article, words: int = LEAD_WORDS) -> str:
    """Title and opening words of the cleaned text, what the story vector encodes."""
    title = article.document.title or ""
    body = article.text[:words * 12]
    if title and body.startswith(title):
        body = body[len(title):]
    tokens = f"{title}\n{body}".split()
    return " ".join(tokens[:words])


def names_in(text: str) -> tuple[str, ...]:
    """Distinct capitalised names in ``text`` (lower-cased), with their last words.

    A word that opens a sentence is capitalised anyway, so single words found
    in ``_NOT_NAMES`` or written in lower case elsewhere in ``text`` ("Fire
    crews ..." next to "the fire") are dropped; multi-word names lose leading
    stop words and titles.
    """
    lower = {w for w in _WORD.findall(text) if w[0].islower()}
    found: dict[str, None] = {}
    for match in _NAME.finditer(text):
        words = match.group().split()
        while words and words[0].lower().strip(".") in _NOT_NAMES:
            words = words[1:]
        if not words or (len(words) == 1 and (len(words[0]) < 3 or words[0].lower() in lower)):
            continue
        found[_bare(" ".join(words))] = None
        if len(words) > 1 and words[-1].lower() not in _NOT_NAMES:
            found[_bare(words[-1])] = None
    return tuple(found)


def terms_in(text: str) -> tuple[tuple[str, int], ...]:
    """Content words and numbers of ``text`` with their counts, most frequent first."""
    words = (_bare(w) for w in _WORD.findall(text))
    counts = Counter(w for w in words if len(w) > 2 and w not in STOP_WORDS)
    return tuple(counts.most_common())


def _opening(article: Article) -> str:
    spans = paragraphs(article.text[:NAME_CHARS])
    body = "\n".join(article.text[s:e] for s, e in spans)
    return f"{article.document.title or ''}\n{body}"


def article_day(article: Article) -> int | None:
    """Publication day as an ordinal (the first ten characters of an ISO date)."""
    published = article.document.published
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _title(article: Article) -> str:
    if article.document.title:
        return article.document.title
    first = article.text.split("\n", 1)[0]
    return first[:120]


# Texts per model call: onnxruntime keeps the memory its largest call needed,
# so small calls keep the process small (64 leads of 130 word pieces took
# over 1 GiB) at a cost of a few per cent in speed.
MODEL_BATCH = 16


def _default_encoder() -> Encoder:
    embedder = registry.get("embedders", "parallax.embed.minilm.v1")(threads=0)
    return lambda texts: embedder.encode(texts, batch_size=MODEL_BATCH)


def story_features(articles: Iterable[Article], encode: Encoder | None = None,
                   batch: int = BATCH) -> Iterator[StoryFeatures]:
    """Features of each article, in order, embedding ``batch`` leads at a time.

    A generator, so a caller that streams articles in keeps only one batch of
    texts in memory. ``encode`` defaults to the verified MiniLM embedder.
    """
    encoder = encode or _default_encoder()
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch:
            yield from _batch_features(pending, encoder)
            pending = []
    if pending:
        yield from _batch_features(pending, encoder)


def _batch_features(articles: Sequence[Article], encode: Encoder) -> list[StoryFeatures]:
    vectors = encode([lead_text(a) for a in articles])
    return [StoryFeatures(a.id, _title(a), bool(a.document.title), np.asarray(v, dtype=np.float32),
                          names_in(_opening(a)), terms_in(a.text[:TERM_CHARS]),
                          article_day(a))
            for a, v in zip(articles, vectors, strict=True)]
