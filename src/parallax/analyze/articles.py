"""Per-article analysis: sentences, entities, quotes, dates and embeddings.

spaCy runs once per article over the cleaned text (batched with ``nlp.pipe``)
and every later step reads that one parse. Sentence embeddings are computed on
demand (``parallax.analyze.vectors``); while spaCy parses, a worker thread
fills them speculatively, lead sentences first. onnxruntime and spaCy's parser
both release the GIL, so on two cores that work hides behind the parse.
``analyze_lazily`` hands that cache to its caller (the briefing computes only
the vectors it reads); ``analyze_articles`` returns records whose vectors are
all finished arrays.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from parallax.analyze.dates import explicit_dates, find_dates, reference_date
from parallax.analyze.nlp import load_nlp
from parallax.analyze.quotes import extract_attributed
from parallax.analyze.sentences import split_sentences
from parallax.analyze.vectors import Ref, VectorStore
from parallax.lang import pack_for
from parallax.model import AnalyzedArticle, Article, Entity
from parallax.options import DEFAULT_OPTIONS, DatesOptions, QuotesOptions
from parallax.registry import registry

__all__ = ["KEPT_LABELS", "analyze_articles", "analyze_lazily", "analyze_part", "parse_articles"]

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


def analyze_articles(articles: Sequence[Article], tick: Callable[[], None] | None = None,
                     priority: Callable[[list[list[str]]], list[Ref]] | None = None, *,
                     quotes: QuotesOptions = DEFAULT_OPTIONS.quotes,
                     dates: DatesOptions = DEFAULT_OPTIONS.dates,
                     embedder: str = DEFAULT_OPTIONS.parts.embedder
                     ) -> tuple[AnalyzedArticle, ...]:
    """Sentences, entities, quotes, dates and sentence embeddings of every article.

    Every record carries its finished vectors, so it stands alone (it can be
    pickled and checked against any claim); see ``analyze_lazily`` for the
    arguments and for computing only the vectors a caller reads.
    """
    analyzed, vectors = analyze_lazily(articles, tick, priority, quotes=quotes, dates=dates,
                                       embedder=embedder)
    return vectors.finished(analyzed)


def analyze_lazily(articles: Sequence[Article], tick: Callable[[], None] | None = None,
                   priority: Callable[[list[list[str]]], list[Ref]] | None = None, *,
                   quotes: QuotesOptions = DEFAULT_OPTIONS.quotes,
                   dates: DatesOptions = DEFAULT_OPTIONS.dates,
                   embedder: str = DEFAULT_OPTIONS.parts.embedder,
                   context: Sequence[datetime.date] = ()
                   ) -> tuple[tuple[AnalyzedArticle, ...], VectorStore]:
    """The analysed records (without vectors) and the cache that computes their vectors.

    ``priority`` ranks the (article, sentence) pairs whose vectors later stages
    will read, given every article's sentence texts; they are embedded first
    while spaCy parses (default: lead sentences first). ``quotes`` and
    ``dates`` are those stages' options; ``embedder`` is the registered name
    of the embedder. Articles without a publication date resolve relative
    dates against the latest fully written date anywhere in the set: the
    latest explicit date in the story is the best stand-in for "today".
    ``context`` adds the explicit dates of articles of the same set analysed
    elsewhere (an engine analyses a story in chunks: ``analyze_part``).
    """
    analyzed, store, _ = analyze_part(articles, tick, priority, quotes=quotes, dates=dates,
                                      embedder=embedder, context=context)
    return analyzed, store


def analyze_part(articles: Sequence[Article], tick: Callable[[], None] | None = None,
                 priority: Callable[[list[list[str]]], list[Ref]] | None = None, *,
                 quotes: QuotesOptions = DEFAULT_OPTIONS.quotes,
                 dates: DatesOptions = DEFAULT_OPTIONS.dates,
                 embedder: str = DEFAULT_OPTIONS.parts.embedder,
                 context: Sequence[datetime.date] = (), threads: int = 0
                 ) -> tuple[tuple[AnalyzedArticle, ...], VectorStore, tuple[datetime.date, ...]]:
    """``analyze_lazily``, and the explicit dates the articles write.

    An engine that analyses a set in parts gathers every part's dates and
    analyses again, with them as ``context``, an undated article whose part
    lacked the set's latest date, so the records are those of one whole run.
    ``threads``: onnxruntime threads of the store's embedder (0: every core;
    an engine's worker, one of several on the cores, asks for 1).
    """
    packs = [pack_for(a.document.language) for a in articles]
    sentences = [split_sentences(a.text, lang) for a, lang in zip(articles, packs, strict=True)]
    store = VectorStore(registry.get("embedders", embedder)(threads=threads),
                        [[s.text for s in group] for group in sentences],
                        background=registry.get("embedders", embedder)(threads=1))
    stop = threading.Event()
    order = priority(store.texts) if priority else None
    worker = threading.Thread(target=store.speculate, args=(stop, order),
                              name="parallax-embed", daemon=True)
    worker.start()
    try:
        docs = parse_articles(articles, tick)
        written = tuple(d for doc, lang in zip(docs, packs, strict=True)
                        for d in explicit_dates(doc, lang))
        explicit = (*written, *context)
        analyzed: list[AnalyzedArticle] = []
        for article, doc, sents in zip(articles, docs, sentences, strict=True):
            entities = tuple(Entity(e.start_char, e.end_char, e.text, e.label_)
                             for e in doc.ents if e.label_ in KEPT_LABELS)
            reference = reference_date(article.document.published, explicit)
            found, attributions = extract_attributed(article, doc, sents, options=quotes)
            analyzed.append(AnalyzedArticle(
                article, sents, entities, found,
                find_dates(article, doc, sents, reference, options=dates),
                attributions=attributions))
    finally:
        stop.set()
        worker.join()
    return tuple(analyzed), store, written
