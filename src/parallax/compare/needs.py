"""Which sentence vectors the compare stages will read, known before any parse.

Analysis embeds sentences in the background while spaCy parses; the more of
what the briefing later reads it has ready, the less the briefing waits. The
stages know what they read, so they say it here, from the sentence texts
alone, and the pipeline hands the answer to analysis. An engine, which
embeds on its workers after the parse, also knows the quotes: ``record_needs``
adds the sentences they overlap (conflicts read their vectors).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.analyze.vectors import Ref
from parallax.compare.claims import claim_candidates
from parallax.compare.conflicts import quote_rows
from parallax.model import AnalyzedArticle
from parallax.options import DEFAULT_OPTIONS, Options

__all__ = ["record_needs", "vector_needs"]

# Sentences that name a date: the timeline will want their vectors.
_DATED = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\w+day\b|\b\d{4}\b",
    re.IGNORECASE)


def vector_needs(texts: Sequence[Sequence[str]], *, options: Options = DEFAULT_OPTIONS
                 ) -> list[Ref]:
    """The (article, sentence) pairs whose vectors the briefing stages read, most certain first.

    Leads (summary pool, stories, timeline tie-breaks), then claim candidates,
    then dated sentences. ``texts`` holds every article's sentence texts;
    ``options`` are the ones the stages will run with.
    """
    pool = options.summary.lead_pool
    leads = [(a, s) for a, group in enumerate(texts) for s in range(min(pool, len(group)))]
    dated = [(a, s) for a, group in enumerate(texts) for s, text in enumerate(group)
             if _DATED.search(text)]
    candidates = claim_candidates(texts, options=options.claims)
    return list(dict.fromkeys([*leads, *candidates, *dated]))


def record_needs(analyzed: Sequence[AnalyzedArticle], *, options: Options = DEFAULT_OPTIONS
                 ) -> list[Ref]:
    """``vector_needs`` of the records' sentences, then every sentence a quote overlaps.

    On the BASIL development events as one pile the briefing read 3,362 of
    3,933 sentence vectors; ``vector_needs`` holds 2,870 of those, this 3,287
    (154 more are not read): what an engine embeds beyond the reads, and the
    caller then computes, is a few per cent (``bench/workers.py``).
    """
    texts = [[s.text for s in item.sentences] for item in analyzed]
    quoted = [(a, k) for a, item in enumerate(analyzed) for quote in item.quotes
              for k in quote_rows(item, quote)]
    return list(dict.fromkeys([*vector_needs(texts, options=options), *quoted]))
