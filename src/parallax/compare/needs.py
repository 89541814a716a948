"""Which sentence vectors the compare stages will read, known before any parse.

Analysis embeds sentences in the background while spaCy parses; the more of
what the briefing later reads it has ready, the less the briefing waits, and
every vector embedded that no stage reads is lost work. The stages know what
they read, so they say it here, from the sentence texts alone, and the
pipeline hands the answer to analysis. An engine, which embeds on its workers
after the parse, also knows the dates: ``record_needs`` names the dated
sentences the timeline compares.
What a stage reads beyond these (the statements conflicts compare, a
timeline's tie-break) it computes itself, when it reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.analyze.vectors import Ref
from parallax.compare.claims import claim_candidates, is_claimable
from parallax.compare.timeline import timeline_needs
from parallax.model import AnalyzedArticle
from parallax.options import DEFAULT_OPTIONS, Options

__all__ = ["record_needs", "vector_needs"]

def vector_needs(texts: Sequence[Sequence[str]], *, options: Options = DEFAULT_OPTIONS
                 ) -> list[Ref]:
    """(article, sentence) pairs whose vectors the briefing stages will read for certain.

    Claim candidates (the sentence index embeds every one), then the claimable
    leads (the summary's pool embeds every one: its lines must be claimable).
    ``texts`` holds every article's sentence texts; ``options`` are the ones
    the stages will run with.
    """
    pool = options.summary.lead_pool
    leads = [(a, s) for a, group in enumerate(texts) for s in range(min(pool, len(group)))
             if is_claimable(group[s], options.claims.min_words)]
    return list(dict.fromkeys([*claim_candidates(texts, options=options.claims), *leads]))


def record_needs(analyzed: Sequence[AnalyzedArticle], *, options: Options = DEFAULT_OPTIONS
                 ) -> list[Ref]:
    """The vectors of the records' sentences the briefing will read, all of them read.

    ``vector_needs`` and the dated sentences the timeline compares
    (``timeline_needs``). On the BASIL development events as one pile the
    briefing reads 2,773 of 3,933 sentence vectors; this names 2,765 (18 never
    read: claimable leads the summary's pool leaves out), and the caller
    computes the 26 others (statements conflicts compare, the leads of a
    timeline tie-break) when a stage reads them.
    """
    texts = [[s.text for s in item.sentences] for item in analyzed]
    return list(dict.fromkeys([*vector_needs(texts, options=options),
                               *timeline_needs(analyzed)]))
