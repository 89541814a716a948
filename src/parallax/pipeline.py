"""The flow of DESIGN.md as plain functions: ingest -> clean -> analyze -> compare.

``brief`` is the library's front door; ``brief_documents`` skips the file
system so callers (and tests) can feed records directly. Inputs are grouped
into stories first (cheap features, no parsing), then each story is analysed
and briefed on its own: ``brief_stories`` returns one briefing per story,
``brief``/``brief_documents`` the largest (or a chosen) one. Each stage returns
new records; nothing here mutates what an earlier stage produced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from parallax.analyze.actors import resolve_actors
from parallax.analyze.articles import analyze_articles, analyze_lazily
from parallax.analyze.vectors import Ref, VectorStore
from parallax.clean import clean_document, repeated_lines
from parallax.compare import vector_needs
from parallax.compare.claims import find_claims, sentence_index
from parallax.compare.conflicts import find_conflicts
from parallax.compare.outlets import outlet_reports
from parallax.compare.summary import parse_length, summarize
from parallax.compare.timeline import build_timeline
from parallax.group.dedupe import mark_duplicates
from parallax.group.stories import group_stories
from parallax.ingest import read_inputs
from parallax.model import AnalyzedArticle, Article, Briefing, Document, Story
from parallax.options import Options
from parallax.progress import Reporter, reporter

__all__ = [
    "analyze_documents",
    "brief",
    "brief_analyzed",
    "brief_documents",
    "brief_stories",
    "briefing_needs",
    "clean_documents",
    "select_story",
]


def clean_documents(documents: Sequence[Document], report: Reporter | None = None, *,
                    options: Options | None = None) -> tuple[Article, ...]:
    """Clean every document (with corpus-level boilerplate evidence) and mark duplicates.

    ``options`` (None: the packaged defaults) holds every stage's settings.
    """
    options = options or Options()
    tick = report.stage("Cleaning", len(documents)) if report else None
    repeated = repeated_lines(documents, options=options.clean)
    articles = []
    for document in documents:
        articles.append(clean_document(document, repeated=repeated, options=options.clean))
        if tick:
            tick()
    return mark_duplicates(articles, options=options.dedupe)


def briefing_needs(texts: list[list[str]], options: Options | None = None) -> list[Ref]:
    """The sentences whose vectors the briefing stages read, most certain first
    (``parallax.compare.vector_needs``); analysis embeds them while spaCy parses."""
    return vector_needs(texts, options=options or Options())


def analyze_documents(documents: Sequence[Document], report: Reporter | None = None, *,
                      options: Options | None = None) -> tuple[AnalyzedArticle, ...]:
    options = options or Options()
    articles = clean_documents(documents, report, options=options)
    tick = report.stage("Analysing", len(articles)) if report else None
    return analyze_articles(articles, tick, partial(briefing_needs, options=options),
                            quotes=options.quotes, dates=options.dates,
                            embedder=options.parts.embedder)


def select_story(stories: Sequence[Story], story: str | None) -> tuple[Story, ...]:
    """The stories to brief: all (None), the largest ("largest"), or the one with id ``story``.

    Raises ``KeyError`` naming the ids there are when ``story`` matches none.
    """
    if story is None or not stories:
        return tuple(stories)
    if story == "largest":
        return (stories[0],)
    chosen = tuple(s for s in stories if s.id == story)
    if not chosen:
        raise KeyError(f"no story {story!r}; stories: {', '.join(s.id for s in stories)}")
    return chosen


def brief_analyzed(analyzed: Sequence[AnalyzedArticle], *,
                   summary_length: int | str | None = None,
                   errors: Sequence[str] = (), stories: Sequence[Story] | None = None,
                   options: Options | None = None, vectors: VectorStore | None = None
                   ) -> Briefing:
    """The cross-article stages: actors, claims, conflicts, timeline, summary, outlets.

    ``summary_length`` is a number of sentences, or a string such as "120w"
    for about that many words (``parse_length``); None is ``options.summary.length``
    sentences. ``stories`` goes into the briefing as given; by default the
    articles are grouped here (the briefing then lists every story they form).
    ``vectors`` is the cache of the articles' sentence vectors (from
    ``analyze_lazily``); by default the records' finished vectors.
    """
    options = options or Options()
    length = options.summary.length if summary_length is None else summary_length
    sentences, words = parse_length(str(length))
    actors, quotes = resolve_actors(analyzed, options=options.actors)
    index = sentence_index(analyzed, vectors, options=options.claims)
    claims = find_claims(analyzed, index)
    return Briefing(
        articles=tuple(a.article for a in analyzed),
        actors=actors,
        quotes=quotes,
        claims=claims,
        conflicts=find_conflicts(analyzed, actors, quotes, index, options=options.conflicts),
        timeline=build_timeline(analyzed, index.vectors, options=options.timeline),
        summary=summarize(analyzed, claims, sentences, index, words=words,
                          options=options.summary),
        stories=tuple(group_stories([a.article for a in analyzed], options=options.group)
                      if stories is None else stories),
        errors=tuple(errors),
        outlets=outlet_reports(analyzed, claims, index, options=options.outlets),
    )


def _brief_selected(documents: Sequence[Document], summary_length: int | str | None,
                    progress: bool, errors: Sequence[str], story: str | None, options: Options
                    ) -> tuple[tuple[Story, ...], tuple[Briefing, ...]]:
    """Every story of ``documents``, and a briefing of each selected one (in story order)."""
    needs = partial(briefing_needs, options=options)
    with reporter(progress) as report:
        articles = clean_documents(documents, report, options=options)
        by_id = {a.id: a for a in articles}
        stories = group_stories(articles, options=options.group)
        chosen = select_story(stories, story)
        tick = report.stage("Analysing", sum(len(s.articles) for s in chosen))
        briefings = []
        for item in chosen:
            # The vector cache stays here, with the pipeline: the stages compute
            # only the vectors they read, and the records carry none.
            analyzed, vectors = analyze_lazily(
                [by_id[a] for a in item.articles], tick, needs, quotes=options.quotes,
                dates=options.dates, embedder=options.parts.embedder)
            briefings.append(brief_analyzed(analyzed, summary_length=summary_length,
                                            errors=errors, stories=(item,), options=options,
                                            vectors=vectors))
        return stories, tuple(briefings)


def brief_stories(documents: Sequence[Document], *,
                  summary_length: int | str | None = None, progress: bool = False,
                  errors: Sequence[str] = (), story: str | None = None,
                  options: Options | None = None) -> tuple[Briefing, ...]:
    """One briefing per story of ``documents``, largest story first.

    Each briefing covers its story's articles only, and its ``stories`` holds
    that one story. ``story`` picks one (see ``select_story``).
    """
    return _brief_selected(documents, summary_length, progress, errors, story,
                           options or Options())[1]


def brief_documents(documents: Sequence[Document], *,
                    summary_length: int | str | None = None,
                    progress: bool = False, errors: Sequence[str] = (),
                    story: str | None = None, options: Options | None = None) -> Briefing:
    """A briefing over documents already read: of the largest story, or of ``story``.

    Its ``stories`` lists every story found, the briefed one first (the same
    top level as ``parallax brief --format json`` over a mixed folder).
    """
    options = options or Options()
    stories, briefings = _brief_selected(documents, summary_length, progress, errors,
                                         story or "largest", options)
    if not briefings:
        return brief_analyzed((), summary_length=summary_length, errors=errors, stories=(),
                              options=options)
    own = briefings[0].stories
    return replace(briefings[0], stories=(*own, *(s for s in stories if s not in own)))


def brief(paths: str | Sequence[str], *, summary_length: int | str | None = None,
          progress: bool = False, story: str | None = None, options: Options | None = None
          ) -> Briefing:
    """Read files/folders and brief their largest story (or ``story``, an id).

    When the inputs cover one story, that is all of them. ``Briefing.stories``
    lists every story found, the briefed one first; ``brief_stories`` briefs
    them all. Inputs that fail to load are listed in ``Briefing.errors`` (one
    line each); the rest are briefed. ``options`` (None: the packaged
    defaults, ``Options()``) holds every stage's settings.
    """
    inputs = read_inputs([paths] if isinstance(paths, str) else list(paths))
    return brief_documents(inputs.documents, summary_length=summary_length, progress=progress,
                           errors=[e.one_line() for e in inputs.errors], story=story,
                           options=options)
