"""The flow of DESIGN.md as plain functions: ingest -> clean -> analyze -> compare.

``brief`` is the library's front door; ``brief_documents`` skips the file
system so callers (and tests) can feed records directly. Each stage returns new
records; nothing here mutates what an earlier stage produced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.analyze.actors import resolve_actors
from parallax.analyze.articles import analyze_articles
from parallax.analyze.vectors import Ref
from parallax.clean import clean_document, repeated_lines
from parallax.compare.claims import claim_candidates, find_claims, sentence_index
from parallax.compare.conflicts import find_conflicts
from parallax.compare.summary import LEAD_POOL, summarize
from parallax.compare.timeline import build_timeline
from parallax.group.dedupe import mark_duplicates
from parallax.group.stories import group_stories
from parallax.ingest import read_inputs
from parallax.model import AnalyzedArticle, Article, Briefing, Document
from parallax.progress import Reporter, reporter

__all__ = [
    "analyze_documents",
    "brief",
    "brief_analyzed",
    "brief_documents",
    "briefing_needs",
    "clean_documents",
]

DEFAULT_SUMMARY_LENGTH = 5


def clean_documents(documents: Sequence[Document], report: Reporter | None = None
                    ) -> tuple[Article, ...]:
    """Clean every document (with corpus-level boilerplate evidence) and mark duplicates."""
    tick = report.stage("Cleaning", len(documents)) if report else None
    repeated = repeated_lines(documents)
    articles = []
    for document in documents:
        articles.append(clean_document(document, repeated=repeated))
        if tick:
            tick()
    return mark_duplicates(articles)


# Sentences that name a date: the timeline will want their vectors.
_DATED = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\w+day\b|\b\d{4}\b",
    re.IGNORECASE)


def briefing_needs(texts: list[list[str]]) -> list[Ref]:
    """The sentences whose vectors the briefing stages read, most certain first.

    Leads (summary pool, stories, timeline tie-breaks), then claim candidates,
    then dated sentences; analysis embeds them while spaCy parses.
    """
    leads = [(a, s) for a, group in enumerate(texts) for s in range(min(LEAD_POOL, len(group)))]
    dated = [(a, s) for a, group in enumerate(texts) for s, text in enumerate(group)
             if _DATED.search(text)]
    return list(dict.fromkeys([*leads, *claim_candidates(texts), *dated]))


def analyze_documents(documents: Sequence[Document], report: Reporter | None = None
                      ) -> tuple[AnalyzedArticle, ...]:
    articles = clean_documents(documents, report)
    tick = report.stage("Analysing", len(articles)) if report else None
    return analyze_articles(articles, tick, briefing_needs)


def brief_analyzed(analyzed: Sequence[AnalyzedArticle], *,
                   summary_length: int = DEFAULT_SUMMARY_LENGTH,
                   errors: Sequence[str] = ()) -> Briefing:
    """The cross-article stages: actors, claims, conflicts, timeline, summary."""
    actors, quotes = resolve_actors(analyzed)
    index = sentence_index(analyzed)
    claims = find_claims(analyzed, index)
    return Briefing(
        articles=tuple(a.article for a in analyzed),
        actors=actors,
        quotes=quotes,
        claims=claims,
        conflicts=find_conflicts(analyzed, actors, quotes, index),
        timeline=build_timeline(analyzed),
        summary=summarize(analyzed, claims, summary_length, index),
        stories=group_stories(analyzed),
        errors=tuple(errors),
    )


def brief_documents(documents: Sequence[Document], *,
                    summary_length: int = DEFAULT_SUMMARY_LENGTH,
                    progress: bool = False, errors: Sequence[str] = ()) -> Briefing:
    """A briefing over documents already read."""
    with reporter(progress) as report:
        analyzed = analyze_documents(documents, report)
        return brief_analyzed(analyzed, summary_length=summary_length, errors=errors)


def brief(paths: str | Sequence[str], *, summary_length: int = DEFAULT_SUMMARY_LENGTH,
          progress: bool = False) -> Briefing:
    """Read files/folders and brief them all.

    Inputs that fail to load are listed in ``Briefing.errors`` (one line each);
    the rest are briefed.
    """
    inputs = read_inputs([paths] if isinstance(paths, str) else list(paths))
    return brief_documents(inputs.documents, summary_length=summary_length, progress=progress,
                           errors=[e.one_line() for e in inputs.errors])
