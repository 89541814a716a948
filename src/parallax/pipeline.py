"""The stage order as plain functions: ingest -> clean -> group -> analyze -> compare.

The data flow is described in docs/ARCHITECTURE.md.

One function per command of the command line, each returning records, so the
CLI (and later a web route) only parses, calls one of them and renders:

    extract(source)          cleaned articles            (``parallax extract``)
    quotes(source)           QuotesResult                (``parallax quotes``)
    stories(source, state=)  StoriesResult               (``parallax stories``)
    check(claims, source)    one CheckResult per claim   (``parallax check``)
    brief_stories(documents) one Briefing per story      (``parallax brief``)
    brief_story(articles, s) the Briefing of one story   (``parallax add`` re-briefs)

A ``source`` is paths (files, folders, ``-`` for standard input) or documents
already read; ``read`` gives the documents together with the inputs that
failed, which a caller reports. Every function takes ``options`` (the
packaged defaults when None).

``brief`` is the library's front door; ``brief_documents`` skips the file
system so callers (and tests) can feed records directly. Inputs are grouped
into stories first (cheap features, no parsing), then each story is analysed
and briefed on its own: ``brief_stories`` returns one briefing per story,
``brief``/``brief_documents`` the largest (or a chosen) one. Story ids are
those of ``stories``: the same inputs (and the same ``state``) give the same
ids in both. Each stage returns new records; nothing here mutates what an
earlier stage produced.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from parallax.analyze.actors import resolve_actors
from parallax.analyze.articles import analyze_articles, analyze_lazily
from parallax.analyze.attributions import attribution_speakers
from parallax.analyze.vectors import Ref, VectorStore
from parallax.clean import clean_document, repeated_lines
from parallax.compare import record_needs, vector_needs
from parallax.compare.check import CheckResult, check_claim
from parallax.compare.claims import find_claims, sentence_index
from parallax.compare.conflicts import find_conflicts
from parallax.compare.outlets import outlet_reports
from parallax.compare.same_fact import voices_of
from parallax.compare.summary import parse_length, summarize
from parallax.compare.timeline import build_timeline
from parallax.engine import Engine
from parallax.engine.parallel import (
    analyze_sets,
    analyze_with_vectors,
    clean_all,
    group_blocks,
    parallel,
)
from parallax.errors import OutputError, UsageError
from parallax.group.dedupe import mark_duplicates
from parallax.group.identity import recognise
from parallax.group.state import StoryState
from parallax.group.statefile import DEFAULT_WAIT, held, read_state, write_state
from parallax.group.stories import group_articles
from parallax.ingest import Inputs, Note, expected_documents, iter_inputs, read_inputs
from parallax.ingest.fetch import read_url_list
from parallax.model import (
    Actor,
    AnalyzedArticle,
    Article,
    Attribution,
    Briefing,
    Document,
    Quote,
    Story,
)
from parallax.options import Options
from parallax.progress import Reporter, reporter
from parallax.streaming import ArticleRow, ArticleStream

__all__ = [
    "Inputs",
    "QuotesResult",
    "Source",
    "StoriesResult",
    "analyze_documents",
    "brief",
    "brief_analyzed",
    "brief_documents",
    "brief_stories",
    "brief_story",
    "briefing_needs",
    "check",
    "check_length",
    "check_writable",
    "clean_documents",
    "error_lines",
    "extract",
    "group_into_stories",
    "load_state",
    "quotes",
    "read",
    "read_claims",
    "read_url_list",
    "save_state",
    "select_story",
    "stories",
    "write_text",
]


Source = str | Sequence[str] | Sequence[Document] | Inputs
"""What a command reads: paths (files, folders, ``-``), documents, or ``read``'s result."""


# --- reading and writing ----------------------------------------------------

def read(paths: str | Sequence[str], *, options: Options | None = None,
         urls: Sequence[str] = (), allow_private: bool = False, progress: bool = False
         ) -> Inputs:
    """Documents from files and folders (``-`` is standard input) and fetched ``urls``,
    and what failed.

    A bad file or URL never stops the others: it is one ``InputError`` in
    ``Inputs.errors`` (``error_lines`` gives them as text); what a folder held
    that was not read is in ``Inputs.notes``. URLs on private, loopback,
    link-local or reserved addresses are refused unless ``allow_private``.
    """
    return read_inputs([paths] if isinstance(paths, str) else list(paths),
                       options=(options or Options()).ingest, urls=urls,
                       allow_private=allow_private, progress=progress)


def error_lines(inputs: Inputs) -> tuple[str, ...]:
    """The inputs that failed, one line each (what ``Briefing.errors`` holds)."""
    return tuple(e.one_line() for e in inputs.errors)


def _documents_of(source: Source) -> tuple[Document, ...]:
    """The documents of ``source``; paths are read (their failures dropped: ``read`` keeps them)."""
    if isinstance(source, Inputs):
        return source.documents
    items = [source] if isinstance(source, str) else list(source)
    documents = tuple(item for item in items if isinstance(item, Document))
    paths = [item for item in items if isinstance(item, str)]
    if documents and paths:
        raise UsageError("give paths or documents, not both")
    return read(paths).documents if paths else documents


def read_claims(path: str | Path) -> tuple[str, ...]:
    """The claims of a file, one per non-blank line, in order."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read claims ({exc})") from None
    claims = tuple(line.strip() for line in lines if line.strip())
    if not claims:
        raise UsageError(f"{path}: no claims in it", hint="one claim per line")
    return claims


def check_writable(path: str | Path) -> None:
    """Raise ``OutputError`` now when ``path`` cannot be written, not after a long run."""
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise OutputError(str(path), "is a directory")
    if not folder.is_dir():
        raise OutputError(str(path), f"no such directory: {folder}")
    writable = (os.access(path, os.W_OK) if path.exists()
                else os.access(folder, os.W_OK | os.X_OK))
    if not writable:
        raise OutputError(str(path), "permission denied")


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``; a failure is an ``OutputError``."""
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(str(path), f"cannot write ({exc.strerror or exc})") from None


def load_state(path: str | Path, *, missing_ok: bool = True) -> StoryState | None:
    """The grouping state saved at ``path``; None when there is none yet (and ``missing_ok``).

    No lock is needed to read one: ``save_state`` replaces the file whole.
    """
    return read_state(path, missing_ok=missing_ok)


def save_state(state: StoryState, path: str | Path) -> None:
    """Save ``state`` where ``load_state`` will find it next time, atomically.

    To continue a state safely while other runs may too, hold it from loading
    to saving (``parallax.group.statefile.held``), as ``stories(state_file=)`` does.
    """
    write_state(state, path)


def check_length(summary_length: int | str) -> tuple[int, int | None]:
    """A summary length as (sentences, words); ``UsageError`` for one that is none."""
    return parse_length(str(summary_length))


# --- the stages -------------------------------------------------------------

def clean_documents(documents: Sequence[Document], report: Reporter | None = None, *,
                    options: Options | None = None, engine: Engine | None = None
                    ) -> tuple[Article, ...]:
    """Clean every document (with corpus-level boilerplate evidence) and mark duplicates.

    ``options`` (None: the packaged defaults) holds every stage's settings;
    ``engine`` (None: this process) is where the documents are cleaned.
    """
    options = options or Options()
    tick = report.stage("Cleaning", len(documents)) if report else None
    repeated = repeated_lines(documents, options=options.clean)
    if parallel(engine, len(documents)):
        return mark_duplicates(clean_all(engine, documents, repeated, options, tick),
                               options=options.dedupe)
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


def _analyze(articles: Sequence[Article], tick: Callable[[], None] | None, options: Options
             ) -> tuple[AnalyzedArticle, ...]:
    """Analysed records that carry all their vectors (they stand alone)."""
    return analyze_articles(articles, tick, partial(briefing_needs, options=options),
                            quotes=options.quotes, dates=options.dates,
                            embedder=options.parts.embedder)


def _analyze_lazily(articles: Sequence[Article], tick: Callable[[], None] | None,
                    options: Options) -> tuple[tuple[AnalyzedArticle, ...], VectorStore]:
    """Analysed records without vectors, and the cache the briefing computes them in.

    The cache stays here, with the pipeline: the stages compute only the
    vectors they read, and no record holds it.
    """
    return analyze_lazily(articles, tick, partial(briefing_needs, options=options),
                          quotes=options.quotes, dates=options.dates,
                          embedder=options.parts.embedder)


def analyze_documents(documents: Sequence[Document], report: Reporter | None = None, *,
                      options: Options | None = None) -> tuple[AnalyzedArticle, ...]:
    options = options or Options()
    articles = clean_documents(documents, report, options=options)
    tick = report.stage("Analysing", len(articles)) if report else None
    return _analyze(articles, tick, options)


def group_into_stories(articles: Sequence[Article], state: StoryState | None = None,
                       report: Reporter | None = None, *, options: Options | None = None
                       ) -> StoryState:
    """The grouping of ``articles``, continued from ``state``: the one place story ids come from."""
    tick = report.stage("Grouping", len(articles)) if report else None
    options = options or Options()
    return group_articles(articles, state, options=options.group,
                          embedder=options.parts.embedder, tick=tick)


def select_story(stories: Sequence[Story], story: str | None) -> tuple[Story, ...]:
    """The stories to brief: all (None), the largest ("largest"), or the one with id ``story``.

    Raises ``UsageError`` naming the ids there are when ``story`` matches none.
    """
    if story is None or not stories:
        return tuple(stories)
    if story == "largest":
        return (stories[0],)
    chosen = tuple(s for s in stories if s.id == story)
    if not chosen:
        raise UsageError(f"no story {story!r}; stories: {', '.join(s.id for s in stories)}",
                         hint="the ids `parallax stories` prints (with the same --state)")
    return chosen


# --- one function per command -------------------------------------------------

@dataclass(frozen=True, slots=True)
class QuotesResult:
    """``quotes``: the statements, the actors their speakers resolve to, and the articles;
    ``attributions`` are what is reported of someone but is no statement."""

    articles: tuple[Article, ...]
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True, slots=True)
class StoriesResult:
    """``stories``: the stories largest first, the articles read, and the state to save.

    ``articles`` are rows (id, path, outlet, title, date), not the articles:
    a run over a crawl keeps no text. With a state, ``stories`` also holds
    the stories of earlier runs (their articles are not in ``articles``). An
    article the state knows the id of but not the text is another article:
    it is in ``articles`` under a fresh id, and ``notes`` says so
    (``parallax.group.identity``). When paths were given, ``errors`` are the
    inputs that failed (one line each) and ``notes`` also say what was not read.
    """

    articles: tuple[ArticleRow, ...]
    stories: tuple[Story, ...]
    state: StoryState
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


def extract(source: Source, *, options: Options | None = None, progress: bool = False
            ) -> tuple[Article, ...]:
    """The cleaned articles of ``source`` (``parallax extract``)."""
    with reporter(progress) as report:
        return clean_documents(_documents_of(source), report, options=options)


def quotes(source: Source, *, options: Options | None = None, progress: bool = False,
           engine: Engine | None = None) -> QuotesResult:
    """Who said what in ``source``: statements and their speakers (``parallax quotes``).

    ``engine`` (None: this process) runs cleaning and the per-article analysis.
    """
    options = options or Options()
    with reporter(progress) as report:
        articles = clean_documents(_documents_of(source), report, options=options,
                                   engine=engine)
        tick = report.stage("Analysing", len(articles))
        # Quotes read no sentence vectors: the records stay without them.
        if parallel(engine, len(articles)):
            (analyzed,) = analyze_sets(engine, [articles], options, tick=tick)
        else:
            analyzed, _ = _analyze_lazily(articles, tick, options)
    actors, found = resolve_actors(analyzed, options=options.actors)
    return QuotesResult(tuple(a.article for a in analyzed), actors, found,
                        attribution_speakers(analyzed, found, actors))


def stories(source: Source, *, state: StoryState | None = None,
            state_file: str | Path | None = None, wait: float = DEFAULT_WAIT,
            options: Options | None = None, progress: bool = False,
            engine: Engine | None = None, urls: Sequence[str] = (),
            allow_private: bool = False) -> StoriesResult:
    """The stories of ``source``, continuing ``state`` when given (``parallax stories``).

    Articles ``state`` knows keep their story ids; ``StoriesResult.state`` is
    the state to save for the next run (``save_state``). With ``state_file``
    instead, the state there (if any) is continued and saved back, the file
    held from reading to writing so concurrent runs each add their articles
    (a run waits up to ``wait`` seconds for another: ``statefile.held``).
    The inputs are a stream (``parallax.streaming``): paths (and ``urls``) are
    read, cleaned and grouped as they come, so memory holds a block of
    documents and the live stories, not the corpus. ``engine`` (None: this
    process) cleans each block; the grouping runs here, in the caller, and
    gives the stories one process gives.
    """
    if state is not None and state_file is not None:
        raise UsageError("give a state or a state file, not both")
    options = options or Options()
    with reporter(progress) as report, _holding(state_file, wait, report):
        if state_file is not None:
            state = load_state(state_file)
        inputs = _InputStream(source, options, urls, allow_private)
        stream = ArticleStream(inputs.documents(), partial(
            clean_documents, options=options, engine=engine), options.clean.stream_block, state)
        tick = report.stage("Grouping", inputs.expected())
        grouped = stream.finish(group_articles(stream.articles(), stream.state,
                                               options=options.group,
                                               embedder=options.parts.embedder, tick=tick))
        if state_file is not None and stream.rows:  # nothing read: the state stays as it was
            save_state(grouped, state_file)
    return StoriesResult(tuple(stream.rows), grouped.stories(), grouped,
                         (*inputs.notes, *stream.notes), tuple(inputs.errors))


class _InputStream:
    """The documents of a ``Source`` one at a time; of paths, also what failed or was not read."""

    def __init__(self, source: Source, options: Options, urls: Sequence[str],
                 allow_private: bool) -> None:
        self.source, self.options = source, options
        self.urls, self.allow_private = urls, allow_private
        self.errors: list[str] = []
        self.notes: list[str] = []

    def _paths(self) -> list[str] | None:
        source = self.source
        if isinstance(source, Inputs):
            return None
        items = [source] if isinstance(source, str) else list(source)
        if all(isinstance(item, str) for item in items) and (items or self.urls):
            return [str(item) for item in items]
        return None

    def expected(self) -> int | None:
        """How many documents there will be, when that is known or cheap to count."""
        paths = self._paths()
        if paths is None:
            return len(_documents_of(self.source))
        return None if self.urls else expected_documents(paths)

    def documents(self) -> Iterator[Document]:
        paths = self._paths()
        if paths is None:
            if isinstance(self.source, Inputs):
                self.errors.extend(error_lines(self.source))
                self.notes.extend(self.source.notes)
            yield from _documents_of(self.source)
            return
        for item in iter_inputs(paths, options=self.options.ingest, urls=self.urls,
                                allow_private=self.allow_private):
            if isinstance(item, Document):
                yield item
            elif isinstance(item, Note):
                self.notes.append(item.text)
            else:
                self.errors.append(item.one_line())


def _grouped(articles: Sequence[Article], state: StoryState | None, report: Reporter | None,
             options: Options | None, engine: Engine | None) -> StoryState:
    """``group_into_stories``, or with an engine its block-by-block reduce (the same state)."""
    if not parallel(engine, len(articles)):
        return group_into_stories(articles, state, report, options=options)
    tick = report.stage("Grouping", len(articles)) if report else None
    return group_blocks(articles, state, options or Options(), tick)


def _holding(state_file: str | Path | None, wait: float, report: Reporter
             ) -> AbstractContextManager[None]:
    return nullcontext() if state_file is None else held(state_file, wait=wait, report=report)


def check(claims: str | Sequence[str], source: Source, *, options: Options | None = None,
          progress: bool = False) -> tuple[CheckResult, ...]:
    """Each article's stance on each claim, one result per claim in order (``parallax check``)."""
    wanted = [claims] if isinstance(claims, str) else list(claims)
    with reporter(progress) as report:
        analyzed = analyze_documents(_documents_of(source), report, options=options)
    embedder = (options or Options()).parts.embedder
    return tuple(check_claim(claim, analyzed, embedder=embedder) for claim in wanted)


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
    sentences, words = check_length(length)
    actors, found = resolve_actors(analyzed, options=options.actors)
    index = sentence_index(analyzed, vectors, options=options.claims)
    claims = find_claims(analyzed, index, voices=voices_of(index, actors, found))
    articles = tuple(a.article for a in analyzed)
    conflicts = find_conflicts(analyzed, actors, found, index, options=options.conflicts)
    return Briefing(
        articles=articles,
        actors=actors,
        quotes=found,
        claims=claims,
        conflicts=conflicts,
        timeline=build_timeline(analyzed, index.vectors, options=options.timeline,
                                index=index),
        summary=summarize(analyzed, claims, sentences, index, words=words,
                          options=options.summary, conflicts=conflicts, actors=actors,
                          quotes=found),
        stories=tuple(_briefable(articles, None, None, options)[1] if stories is None
                      else stories),
        errors=tuple(errors),
        outlets=outlet_reports(analyzed, claims, index, options=options.outlets),
        attributions=attribution_speakers(analyzed, found, actors),
    )


def _briefable(articles: Sequence[Article], state: StoryState | None,
               report: Reporter | None, options: Options | None,
               engine: Engine | None = None
               ) -> tuple[tuple[Article, ...], tuple[Story, ...]]:
    """The articles with the ids ``stories`` gives them, and their stories, largest first.

    A state may hold stories of articles not given here: those are left out,
    and the others keep only the given articles.
    """
    if not articles:
        return (), ()
    known = recognise(articles, state)
    grouped = _grouped(known.articles, known.state, report, options, engine).stories()
    if state is None:
        return known.articles, grouped
    present = {a.id for a in known.articles}
    kept = (replace(s, articles=tuple(a for a in s.articles if a in present)) for s in grouped)
    return known.articles, tuple(sorted((s for s in kept if s.articles),
                                        key=lambda s: -len(s.articles)))


def _brief_selected(documents: Sequence[Document], summary_length: int | str | None,
                    progress: bool,
                    errors: Sequence[str], story: str | None, state: StoryState | None,
                    options: Options | None, engine: Engine | None = None
                    ) -> tuple[tuple[Story, ...], tuple[Briefing, ...]]:
    """Every story of ``documents``, and a briefing of each selected one (in story order).

    With an engine, every chosen story's articles are analysed on it, with
    the vectors the briefing reads, before the stories are briefed one by one here.
    """
    with reporter(progress) as report:
        cleaned = clean_documents(documents, report, options=options, engine=engine)
        articles, found = _briefable(cleaned, state, report, options, engine)
        by_id = {a.id: a for a in articles}
        chosen = select_story(found, story)
        tick = report.stage("Analysing", sum(len(s.articles) for s in chosen))
        if parallel(engine, sum(len(s.articles) for s in chosen)):
            every = options or Options()
            sets = analyze_with_vectors(engine, [[by_id[a] for a in item.articles]
                                                 for item in chosen], every,
                                        partial(record_needs, options=every), tick)
            return found, tuple(
                brief_analyzed(analyzed, summary_length=summary_length, errors=errors,
                               stories=(item,), options=options, vectors=vectors)
                for item, (analyzed, vectors) in zip(chosen, sets, strict=True))
        briefings = tuple(brief_story([by_id[a] for a in item.articles], item,
                                      summary_length=summary_length, errors=errors,
                                      options=options, tick=tick)
                          for item in chosen)
        return found, briefings


def brief_story(articles: Sequence[Article], story: Story, *,
                summary_length: int | str | None = None, errors: Sequence[str] = (),
                options: Options | None = None, tick: Callable[[], None] | None = None
                ) -> Briefing:
    """A briefing of one story over its cleaned ``articles`` (analysed here, vectors lazily).

    What ``brief_stories`` does for each story, and what the store does for a
    story that gained articles; ``tick`` advances once per article analysed.
    """
    analyzed, vectors = _analyze_lazily(articles, tick, options or Options())
    return brief_analyzed(analyzed, summary_length=summary_length, errors=errors,
                          stories=(story,), options=options, vectors=vectors)


def brief_stories(documents: Sequence[Document], *,
                  summary_length: int | str | None = None, progress: bool = False,
                  errors: Sequence[str] = (), story: str | None = None,
                  state: StoryState | None = None, options: Options | None = None,
                  engine: Engine | None = None) -> tuple[Briefing, ...]:
    """One briefing per story of ``documents``, largest story first (``parallax brief``).

    Each briefing covers its story's articles only, and its ``stories`` holds
    that one story. ``story`` picks one (see ``select_story``); ``state`` gives
    the story ids a ``stories`` run with that state gives (it is not changed).
    ``engine`` (None: this process) runs the per-article stages.
    """
    return _brief_selected(documents, summary_length, progress, errors, story, state,
                           options, engine)[1]


def brief_documents(documents: Sequence[Document], *,
                    summary_length: int | str | None = None,
                    progress: bool = False, errors: Sequence[str] = (),
                    story: str | None = None, state: StoryState | None = None,
                    options: Options | None = None) -> Briefing:
    """A briefing over documents already read: of the largest story, or of ``story``.

    Its ``stories`` lists every story found, the briefed one first (the same
    top level as ``parallax brief --format json`` over a mixed folder).
    """
    found, briefings = _brief_selected(documents, summary_length, progress, errors,
                                       story or "largest", state, options)
    if not briefings:
        return brief_analyzed((), summary_length=summary_length, errors=errors, stories=(),
                              options=options)
    own = briefings[0].stories
    return replace(briefings[0], stories=(*own, *(s for s in found if s not in own)))


def brief(paths: str | Sequence[str], *, summary_length: int | str | None = None,
          progress: bool = False, story: str | None = None, state: StoryState | None = None,
          options: Options | None = None) -> Briefing:
    """Read files/folders and brief their largest story (or ``story``, an id).

    When the inputs cover one story, that is all of them. ``Briefing.stories``
    lists every story found, the briefed one first; ``brief_stories`` briefs
    them all. Inputs that fail to load are listed in ``Briefing.errors`` (one
    line each); the rest are briefed.
    """
    inputs = read(paths)
    return brief_documents(inputs.documents, summary_length=summary_length, progress=progress,
                           errors=error_lines(inputs), story=story, state=state,
                           options=options)
