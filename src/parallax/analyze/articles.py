"""Per-article analysis: sentences, entities, quotes, dates and embeddings.

spaCy runs once per article over the cleaned text (batched with ``nlp.pipe``)
and every later step reads that one parse. Sentence embeddings for the whole
batch are computed in one call on a worker thread *while* spaCy parses:
onnxruntime and spaCy's parser both release the GIL, so on two cores the
embedding cost mostly hides behind the parse instead of adding to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from spacy.tokens import Doc

from parallax.analyze.dates import explicit_dates, find_dates, reference_date
from parallax.analyze.embed import load_embedder
from parallax.analyze.nlp import load_nlp
from parallax.analyze.quotes import extract_quotes
from parallax.analyze.sentences import split_sentences
from parallax.model import AnalyzedArticle, Article, Entity

__all__ = ["KEPT_LABELS", "analyze_articles", "parse_articles"]

# Entity labels kept for actors, places and dates; the rest (CARDINAL,
# ORDINAL, PERCENT...) is noise for a briefing.
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE"})


def parse_articles(articles: Sequence[Article], tick: Callable[[], None] | None = None
                   ) -> list[Doc]:
    """spaCy parses of the cleaned texts, in order."""
    docs = []
    for doc in load_nlp().pipe((a.text for a in articles), batch_size=16):
        docs.append(doc)
        if tick:
            tick()
    return docs


def analyze_articles(articles: Sequence[Article], tick: Callable[[], None] | None = None
                     ) -> tuple[AnalyzedArticle, ...]:
    """Sentences, entities, quotes, dates and sentence embeddings of every article.

    Articles without a publication date resolve relative dates against the
    latest fully written date anywhere in the set (DESIGN.md: "the latest
    explicit date in the story").
    """
    sentences = [split_sentences(a.text) for a in articles]
    flat = [s.text for group in sentences for s in group]
    embedder = load_embedder()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="parallax-embed") as pool:
        pending = pool.submit(embedder.encode, flat)
        docs = parse_articles(articles, tick)
        explicit = [d for doc in docs for d in explicit_dates(doc)]
        parts = []
        for article, doc, sents in zip(articles, docs, sentences, strict=True):
            entities = tuple(Entity(e.start_char, e.end_char, e.text, e.label_)
                             for e in doc.ents if e.label_ in KEPT_LABELS)
            reference = reference_date(article.document.published, explicit)
            parts.append((entities, extract_quotes(article, doc, sents),
                          find_dates(article, doc, sents, reference)))
        vectors = pending.result()
    analyzed: list[AnalyzedArticle] = []
    row = 0
    for article, sents, (entities, quotes, dates) in zip(articles, sentences, parts, strict=True):
        analyzed.append(AnalyzedArticle(article, sents, entities, quotes, dates,
                                        embeddings=np.asarray(vectors[row:row + len(sents)])))
        row += len(sents)
    return tuple(analyzed)
