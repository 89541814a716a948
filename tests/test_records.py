"""Every record pickles and round-trips ``to_dict``/``from_dict`` (Hypothesis-built).

Engines ship records between processes and the JSON forms are read back by
other tools, so a record that loses a field on the way is a bug. Arrays are
left out of record equality and compared on their own.
"""

from __future__ import annotations

import ast
import json
import pickle
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, get_args

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.analyze.articles import analyze_lazily
from parallax.analyze.embed import DIMENSIONS
from parallax.analyze.vectors import VectorStore
from parallax.compare.check import check_claim
from parallax.errors import InputError, ParallaxError, StateError, UsageError
from parallax.group.features import story_features
from parallax.ingest import read_inputs
from parallax.model import (
    DUPLICATE_FLAG,
    NAME_DIMENSIONS,
    TERM_DIMENSIONS,
    Actor,
    AnalyzedArticle,
    Article,
    Attribution,
    AttributionKind,
    Briefing,
    CheckResult,
    Claim,
    Conflict,
    ConflictSide,
    DateMention,
    Document,
    Entity,
    OutletReport,
    Quote,
    Removal,
    Repair,
    Sentence,
    Span,
    Story,
    StoryGroup,
    StoryState,
    SummaryLine,
    TimelineEntry,
    Verdict,
)
from parallax.offsets import OffsetMap, TextBuilder
from parallax.pipeline import brief_analyzed, briefing_needs, clean_documents
from parallax.registry import registry

from builders import EXAMPLES, ROOT, analyze, make_article

BOUNDED = settings(max_examples=20, deadline=None)

texts = st.text(max_size=12)
names = st.text(alphabet="abcxyz-_0189", min_size=1, max_size=8)
maybe_text = st.none() | texts
offsets = st.integers(0, 10_000)
counts = st.integers(0, 50)


def _spans(article: st.SearchStrategy[str] = names) -> st.SearchStrategy[Span]:
    return st.builds(Span, article, offsets, offsets, texts, offsets, offsets)


spans = _spans()
span_tuples = st.lists(spans, max_size=3).map(tuple)
documents = st.builds(Document, names, texts, texts, maybe_text, maybe_text, maybe_text,
                      maybe_text, maybe_text, maybe_text, maybe_text)


@st.composite
def offset_maps(draw: st.DrawFn) -> tuple[str, OffsetMap]:
    """A cleaned text and its map: copied runs with replaced runs between them."""
    parts = draw(st.lists(st.tuples(st.booleans(), st.text(min_size=1, max_size=6)),
                          max_size=4))
    source = "".join(text for _, text in parts)
    builder = TextBuilder(source)
    position = 0
    for copied, text in parts:
        if copied:
            builder.copy(position, position + len(text))
        else:
            builder.replace(position, position + len(text), draw(st.text(max_size=3)))
        position += len(text)
    return builder.build()


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text, mapping = draw(offset_maps())
    # The raw markup stays out of an article's JSON (``Document.to_dict`` carries it).
    document = draw(documents.map(lambda d: Document(d.id, d.path, d.source, d.outlet, d.title,
                                                     d.published, d.url, d.author,
                                                     d.language)))
    flags = draw(st.lists(texts.filter(lambda f: not f.startswith(DUPLICATE_FLAG)),
                          max_size=3, unique=True).map(tuple))
    return Article(document, text, mapping,
                   draw(st.lists(st.builds(Removal, texts, texts, offsets, offsets),
                                 max_size=2).map(tuple)),
                   draw(st.lists(st.builds(Repair, texts, texts, offsets, offsets, texts),
                                 max_size=2).map(tuple)),
                   flags, draw(st.none() | names))


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    article = draw(names)
    inner = _spans(st.just(article))
    return Quote(draw(inner), draw(st.sampled_from(["direct", "indirect", "partial"])),
                 draw(st.none() | names), draw(st.none() | inner), draw(st.none() | inner))


@st.composite
def attributions(draw: st.DrawFn) -> Attribution:
    article = draw(names)
    inner = _spans(st.just(article))
    return Attribution(draw(inner), draw(st.sampled_from(get_args(AttributionKind))),
                       draw(st.none() | names), draw(st.none() | inner),
                       draw(st.none() | inner))


sentences = st.builds(Sentence, offsets, offsets, texts)
dates = st.builds(DateMention, offsets, offsets, texts, texts, counts, maybe_text)
actors = st.builds(Actor, names, texts, st.sampled_from(["person", "organization", "place",
                                                         "group"]),
                   st.lists(texts, max_size=2).map(tuple), maybe_text)
sides = st.builds(ConflictSide, st.none() | names, spans)
claims = st.builds(Claim, texts, span_tuples, counts)
conflicts = st.builds(Conflict, texts, st.sampled_from(["accounts", "facts"]),
                      st.lists(sides, max_size=3).map(tuple))
timeline = st.builds(TimelineEntry, texts, texts, span_tuples, maybe_text)
summary = st.builds(SummaryLine, texts, span_tuples)
stories = st.builds(Story, names, texts, st.lists(names, max_size=3).map(tuple))
outlets = st.builds(OutletReport, texts, st.lists(names, max_size=2).map(tuple), span_tuples,
                    st.lists(counts, max_size=3).map(tuple))
vectors_seed = st.integers(0, 2**32 - 1)


@st.composite
def analyzed_articles(draw: st.DrawFn) -> AnalyzedArticle:
    article = draw(articles())
    article = replace(article, document=replace(article.document, html=draw(maybe_text)))
    said = tuple(draw(st.lists(quotes(), max_size=2)))
    found = tuple(draw(st.lists(sentences, max_size=3)))
    vectors = None
    if draw(st.booleans()):
        rng = np.random.default_rng(draw(vectors_seed))
        vectors = rng.standard_normal((len(found), DIMENSIONS)).astype(np.float32)
    entities = tuple(draw(st.lists(st.builds(Entity, offsets, offsets, texts, texts),
                                   max_size=2)))
    return AnalyzedArticle(article, found, entities, said,
                           tuple(draw(st.lists(dates, max_size=2))), vectors,
                           tuple(draw(st.lists(attributions(), max_size=2))))


@st.composite
def verdicts(draw: st.DrawFn) -> Verdict:
    article = draw(names)
    return Verdict(article, draw(st.sampled_from(["supports", "contradicts", "discusses",
                                                  "unrelated"])),
                   tuple(draw(st.lists(_spans(st.just(article)), max_size=2))),
                   draw(st.none() | texts))


check_results = st.builds(CheckResult, texts, st.lists(verdicts(), max_size=3).map(tuple))


@st.composite
def story_groups(draw: st.DrawFn) -> StoryGroup:
    rng = np.random.default_rng(draw(vectors_seed))
    total = rng.standard_normal(DIMENSIONS).astype(np.float32)

    def sparse(size: int) -> np.ndarray[Any, Any]:
        vector = np.zeros(size, dtype=np.float32)
        slots = rng.choice(size, size=draw(st.integers(0, 5)), replace=False)
        vector[slots] = rng.random(len(slots)).astype(np.float32)
        return vector

    first = draw(st.none() | st.integers(700_000, 800_000))
    last = None if first is None else first + draw(counts)
    articles = tuple(draw(st.lists(names, max_size=3, unique=True)))
    if draw(st.booleans()):  # retired: no vectors, in memory or in the file
        empty = np.zeros(0, dtype=np.float32)
        return StoryGroup(draw(names), draw(texts), empty, empty, empty, first, last, articles,
                          retired=True)
    return StoryGroup(draw(names), draw(texts), total, sparse(TERM_DIMENSIONS),
                      sparse(NAME_DIMENSIONS), first, last, articles)


frequencies = st.dictionaries(texts, counts, max_size=3)


@st.composite
def states(draw: st.DrawFn) -> StoryState:
    """States as grouping leaves them: distinct story ids, each article in one story."""
    groups = draw(st.lists(story_groups(), max_size=2, unique_by=lambda g: g.id))
    taken: set[str] = set()
    kept = []
    for group in groups:
        own = tuple(a for a in group.articles if a not in taken)
        if own:
            taken.update(own)
            kept.append(replace(group, articles=own))
    prints = draw(st.lists(st.text(alphabet="0123456789abcdef", min_size=32, max_size=32),
                           min_size=len(taken), max_size=len(taken)))
    fingerprints = {a: p for a, p in zip(sorted(taken), prints, strict=True) if p[0] != "0"}
    return StoryState(tuple(kept), draw(frequencies), draw(frequencies), draw(counts),
                      draw(st.integers(1, 50)), fingerprints)


briefings = st.builds(Briefing, st.lists(articles(), max_size=2).map(tuple),
                      st.lists(actors, max_size=2).map(tuple),
                      st.lists(quotes(), max_size=2).map(tuple),
                      st.lists(claims, max_size=2).map(tuple),
                      st.lists(conflicts, max_size=2).map(tuple),
                      st.lists(timeline, max_size=2).map(tuple),
                      st.lists(summary, max_size=2).map(tuple),
                      st.lists(stories, max_size=2).map(tuple),
                      st.lists(texts, max_size=2).map(tuple),
                      st.lists(outlets, max_size=2).map(tuple),
                      st.lists(attributions(), max_size=2).map(tuple))

# Each record class with its strategy, and how its dict form is written.
RECORDS: list[tuple[type[Any], st.SearchStrategy[Any], Callable[[Any], dict[str, Any]]]] = [
    (Document, documents, lambda r: r.to_dict()),
    (Removal, st.builds(Removal, texts, texts, offsets, offsets), lambda r: r.to_dict()),
    (Repair, st.builds(Repair, texts, texts, offsets, offsets, texts), lambda r: r.to_dict()),
    (Span, spans, lambda r: r.to_dict()),
    (Article, articles(), lambda r: r.to_dict()),
    (Sentence, sentences, lambda r: r.to_dict()),
    (Entity, st.builds(Entity, offsets, offsets, texts, texts), lambda r: r.to_dict()),
    (DateMention, dates, lambda r: r.to_dict()),
    (Actor, actors, lambda r: r.to_dict()),
    (Quote, quotes(), lambda r: r.to_dict()),
    (Attribution, attributions(), lambda r: r.to_dict()),
    (AnalyzedArticle, analyzed_articles(), lambda r: r.to_dict()),
    (Claim, claims, lambda r: r.to_dict()),
    (ConflictSide, sides, lambda r: r.to_dict()),
    (Conflict, conflicts, lambda r: r.to_dict()),
    (TimelineEntry, timeline, lambda r: r.to_dict()),
    (SummaryLine, summary, lambda r: r.to_dict()),
    (Story, stories, lambda r: r.to_dict()),
    (OutletReport, outlets, lambda r: r.to_dict()),
    (Verdict, verdicts(), lambda r: r.to_dict(full=True)),
    (CheckResult, check_results, lambda r: r.to_dict(full=True)),
    (StoryGroup, story_groups(), lambda r: r.to_dict()),
    (StoryState, states(), lambda r: r.to_dict()),
    (Briefing, briefings, lambda r: r.to_dict()),
]


def _arrays(record: Any) -> list[np.ndarray[Any, Any] | None]:
    if isinstance(record, AnalyzedArticle):
        return [record.embeddings]
    if isinstance(record, StoryGroup):
        return [record.total, record.terms, record.names]
    if isinstance(record, StoryState):
        return [a for g in record.groups for a in _arrays(g)]
    return []


def _markup(record: Any) -> str | None:
    """The raw HTML a record keeps (left out of equality, so checked on its own)."""
    if isinstance(record, AnalyzedArticle):
        record = record.article
    if isinstance(record, Article):
        record = record.document
    return record.html if isinstance(record, Document) else None


def _same_arrays(left: Any, right: Any, atol: float = 0.0) -> bool:
    pairs = list(zip(_arrays(left), _arrays(right), strict=True))
    return all((a is None and b is None) or (a is not None and b is not None
                                             and np.allclose(a, b, rtol=0, atol=atol))
               for a, b in pairs)


def test_every_record_of_the_model_is_covered() -> None:
    import parallax.model as model

    records = {getattr(model, name) for name in model.__all__
               if isinstance(getattr(model, name), type)}
    assert records == {cls for cls, _, _ in RECORDS}


@pytest.mark.parametrize(("cls", "strategy", "write"), RECORDS,
                         ids=[cls.__name__ for cls, _, _ in RECORDS])
def test_record_pickles_and_round_trips_its_dict(
        cls: type[Any], strategy: st.SearchStrategy[Any],
        write: Callable[[Any], dict[str, Any]]) -> None:
    # The state file keeps six decimals of its vectors (see StoryGroup).
    atol = 1e-6 if cls in (StoryGroup, StoryState) else 0.0

    @BOUNDED
    @given(strategy)
    def check(record: Any) -> None:
        assert isinstance(record, cls)
        shipped = pickle.loads(pickle.dumps(record))
        assert shipped == record and _same_arrays(shipped, record)
        assert _markup(shipped) == _markup(record)
        data = json.loads(json.dumps(write(record), ensure_ascii=False))
        again = cls.from_dict(data)
        assert again == record and _same_arrays(again, record, atol)
        if cls in (Document, AnalyzedArticle):
            assert _markup(again) == _markup(record)

    check()


@BOUNDED
@given(briefings)
def test_briefing_round_trips_through_json(briefing: Briefing) -> None:
    assert Briefing.from_json(briefing.to_json()) == briefing


def test_examples_briefing_round_trips_through_json(examples_briefing: Briefing) -> None:
    assert Briefing.from_json(examples_briefing.to_json()) == examples_briefing
    assert pickle.loads(pickle.dumps(examples_briefing)) == examples_briefing


def test_verdict_contract_form_keeps_the_check_keys() -> None:
    article = make_article("a", "The bridge closed on Monday.")
    verdict = Verdict("a", "supports", (article.span(4, 10),))
    assert verdict.to_dict() == {"article": "a", "stance": "supports",
                                 "evidence": [{"start": 4, "end": 10, "text": "bridge"}]}
    assert Verdict.from_dict(verdict.to_dict(full=True)) == verdict


def test_duplicate_of_round_trips_and_keeps_the_flag_in_json() -> None:
    copy = Article(Document("b", "b.txt", "Text."), "Text.", OffsetMap.identity(5),
                   flags=("truncated",), duplicate_of="a")
    data = copy.to_dict()
    assert data["flags"] == ["truncated", "duplicate-of:a"] and data["duplicate_of"] == "a"
    assert Article.from_dict(data) == copy
    original = make_article("a", "Text.")
    assert original.to_dict()["flags"] == [] and original.to_dict()["duplicate_of"] is None


def test_legacy_duplicate_flag_is_read_into_the_field() -> None:
    data = make_article("b", "Text.").to_dict()
    data["flags"] = ["duplicate-of:a", "paywall"]
    del data["duplicate_of"]
    legacy = Article.from_dict(data)
    assert legacy.duplicate_of == "a" and legacy.flags == ("paywall",)
    built = make_article("c", "Text.", flags=("duplicate-of:a",))
    assert built.duplicate_of == "a" and built.flags == ()


def test_analysed_records_carry_finished_arrays_and_pickle() -> None:
    item = analyze(make_article("a", "The ferry sailed at noon. Crowds gathered at the pier."))
    assert isinstance(item.embeddings, np.ndarray) and item.embeddings.dtype == np.float32
    assert item.embeddings.shape == (len(item.sentences), DIMENSIONS)
    shipped = pickle.loads(pickle.dumps(item))
    assert shipped == item and np.array_equal(shipped.embeddings, item.embeddings)
    store = VectorStore.of([shipped])
    assert np.array_equal(store.rows(0, [1, 0]), item.embeddings[[1, 0]])
    with pytest.raises(UsageError, match="embeddings for"):
        AnalyzedArticle(item.article, item.sentences, (), (), (), item.embeddings[:1])


def test_a_store_without_embedder_refuses_vectors_it_does_not_have() -> None:
    item = analyze(make_article("a", "The ferry sailed at noon."))
    bare = AnalyzedArticle(item.article, item.sentences, (), (), ())
    store = VectorStore.of([item, bare])
    assert store.has(0) and not store.has(1)
    with pytest.raises(UsageError, match="never computed"):
        store.rows(1, [0])


@pytest.mark.parametrize("text", [
    "not json", json.dumps({"schema": "something/1"}), json.dumps([1, 2]),
    json.dumps({"schema": "parallax.stories-state/1", "seen": 0}),
    json.dumps({"schema": "parallax.stories-state/1", "seen": 0, "next_id": 1,
                "stories": [{"id": "s1", "title": "t", "articles": [], "total": [0.5]}]}),
    json.dumps({"schema": "parallax.stories-state/1", "seen": "x", "next_id": 1,
                "stories": []}),
])
def test_unreadable_state_is_a_state_error(text: str) -> None:
    with pytest.raises(StateError):
        StoryState.from_json(text)


@pytest.mark.parametrize("text", ["not json", json.dumps({"schema": "other/1"}),
                                  json.dumps({"schema": "parallax.briefing/1"})])
def test_unreadable_briefing_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="briefing"):
        Briefing.from_json(text)


def test_lookups_raise_catalogue_errors() -> None:
    briefing = Briefing(articles=(make_article("a", "Text."),))
    assert briefing.article("a").id == "a"
    with pytest.raises(UsageError, match="no article 'zz'"):
        briefing.article("zz")
    with pytest.raises(ParallaxError, match="outside cleaned text"):
        OffsetMap.identity(3).to_source(2, 9)


def test_no_group_module_imports_compare() -> None:
    """Grouping runs before comparison (docs/ARCHITECTURE.md): no import from group to compare."""
    offenders = []
    for path in sorted((ROOT / "src" / "parallax" / "group").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = ([a.name for a in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {m}" for m in modules
                          if m == "parallax.compare" or m.startswith("parallax.compare.")]
    assert offenders == []
    assert len(list((ROOT / "src" / "parallax" / "group").glob("*.py"))) >= 4


def test_records_shipped_with_finished_vectors_brief_like_the_live_cache() -> None:
    """What an engine does: analyse, ship the records (pickled) elsewhere, brief there."""
    articles = clean_documents(read_inputs([str(EXAMPLES)]).documents)
    analyzed, vectors = analyze_lazily(articles, priority=briefing_needs)
    assert all(item.embeddings is None for item in analyzed)
    live = brief_analyzed(analyzed, vectors=vectors, stories=())
    shipped = pickle.loads(pickle.dumps(vectors.finished(analyzed)))
    assert brief_analyzed(shipped, stories=()).to_json() == live.to_json()


class _FakeEmbedder:
    """Vectors from a text's length: enough to tell whose embedder ran."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray[Any, Any]:
        self.seen.extend(texts)
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        out[:, 0] = 1.0
        out[:, 1] = [len(t) % 7 for t in texts]
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def batches(self, texts: list[str], batch_size: int = 64
                ) -> Iterator[tuple[list[int], np.ndarray[Any, Any]]]:
        yield list(range(len(texts))), self.encode(texts)


def test_embedders_come_from_the_registry() -> None:
    seen: list[str] = []

    def factory(threads: int = 0) -> _FakeEmbedder:
        return _FakeEmbedder(seen)

    article = make_article("a", "The ferry sailed at noon. Crowds gathered at the pier.")
    with registry.overriding("embedders", "parallax.embed.minilm.v1", factory):
        (features,) = story_features([article])
        assert seen and features.vector[1] > 0
        seen.clear()
        analyzed, vectors = analyze_lazily([article])
        assert np.array_equal(vectors.rows(0, [0]), _FakeEmbedder([]).encode(
            [analyzed[0].sentences[0].text]))
        seen.clear()
        check_claim("The ferry sailed.", analyzed)
        assert "The ferry sailed." in seen
