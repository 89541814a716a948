"""The store on SQLite and on a real PostgreSQL: idempotent adds, stories that grow, reading.

Every test runs against both databases (``store_url``); the PostgreSQL one
is a throwaway server (``conftest.postgres_server``), skipped only where no
PostgreSQL binaries exist.
"""

from __future__ import annotations

import json
from pathlib import Path

from parallax import pipeline
from parallax.model import Document
from parallax.progress import Reporter
from parallax.store import SqlStore, open_reader, open_store
from parallax.store.add import AddResult

from storecorpus import BRIDGE, FERRY, write_articles


def add(store: SqlStore, *paths: Path) -> AddResult:
    inputs = pipeline.read([str(p) for p in paths])
    assert not inputs.errors
    return store.add(inputs.documents, Reporter(None))


def filled_store(store_url: str, folder: Path, articles: list[dict[str, str]]) -> SqlStore:
    """A store at ``store_url`` holding ``articles``, written as files into ``folder``."""
    write_articles(folder, articles)
    store = open_store(store_url)
    add(store, folder)
    return store


def test_the_same_article_twice_is_one_article(store_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, FERRY)
    store = open_store(store_url)
    first = add(store, folder)
    assert sorted(first.added) == sorted(a["id"] for a in FERRY)
    again = add(store, folder)
    assert again.added == () and len(again.known) == len(FERRY) and again.briefed == ()
    # The same text under another file name, and another text at a known URL.
    copy = dict(FERRY[0], id="ferry-herald-copy")
    moved = dict(FERRY[1], id="ferry-post-update", text=FERRY[1]["text"] + " More later.")
    write_articles(tmp_path / "more", [copy, moved])
    third = add(store, tmp_path / "more")
    assert third.added == () and len(third.known) == 2
    reader = store.reader()
    [row] = reader.stories()
    assert row.articles == len(FERRY)
    store.close()


def test_a_story_that_grows_keeps_its_id_and_is_briefed_again(store_url: str,
                                                              tmp_path: Path) -> None:
    write_articles(tmp_path / "day1", [*FERRY[:2], *BRIDGE])
    write_articles(tmp_path / "day2", FERRY[2:])
    store = open_store(store_url)
    first = add(store, tmp_path / "day1")
    reader = store.reader()
    rows = {r.id: r for r in reader.stories()}
    assert sorted(r.articles for r in rows.values()) == [2, 2]
    ferry = next(r.id for r in rows.values() if "ferry" in r.title.lower())
    bridge = next(r.id for r in rows.values() if r.id != ferry)
    assert set(first.briefed) == {ferry, bridge}
    before = reader.briefing(ferry)
    assert before is not None and len(before.articles) == 2

    second = add(store, tmp_path / "day2")
    assert second.added == ("ferry-wire",)
    assert second.briefed == (ferry,)  # the bridge story did not change
    grown = reader.story(ferry)
    assert grown is not None and grown.articles == 3
    assert grown.outlets == ("Calder Herald", "Coastal Wire", "Island Post")
    assert (grown.first_published, grown.last_published) == ("2031-04-02", "2031-04-03")
    after = reader.briefing(ferry)
    assert after is not None and {a.id for a in after.articles} == {a["id"] for a in FERRY}
    assert [s.id for s in after.stories] == [ferry]
    store.close()


def test_stored_briefing_is_the_briefing_of_the_same_files(store_url: str,
                                                           tmp_path: Path) -> None:
    store = filled_store(store_url, tmp_path / "in", FERRY)
    [row] = store.reader().stories()
    stored = store.reader().briefing(row.id)
    direct = pipeline.brief(str(tmp_path / "in"))
    assert stored is not None
    assert stored.to_json() == direct.to_json()
    store.close()


def test_search_points_at_the_source_characters(store_url: str, tmp_path: Path) -> None:
    store = filled_store(store_url, tmp_path / "in", [*FERRY, *BRIDGE])
    reader = store.reader()
    hits = reader.search("girders rust")
    assert {h.article_id for h in hits} == {"bridge-gazette", "bridge-times"}
    for hit in hits:
        article = reader.article(hit.article_id)
        assert article is not None
        word = article.document.source[hit.start:hit.end].lower()
        assert word.startswith(("girder", "rust")), word
        assert word in hit.snippet.lower()
        assert hit.story_id is not None
    assert reader.search("") == [] and reader.search('"*) ( -') == []
    assert reader.search("zeppelin") == []
    # Stories with a match, and the filters of the stories page.
    [bridge] = reader.stories(query="footbridge")
    assert bridge.articles == 2
    assert [r.id for r in reader.stories(outlet="Island Post")] != [bridge.id]
    assert reader.stories(since="2031-06-01") == [bridge]
    assert bridge not in reader.stories(until="2031-05-01")
    assert reader.stories(order="sources")[0].articles == 3
    assert "Wrenfield Gazette" in reader.outlets()
    store.close()


def test_what_an_actor_said_across_stories(store_url: str, tmp_path: Path) -> None:
    store = filled_store(store_url, tmp_path / "in", [*FERRY, *BRIDGE])
    reader = store.reader()
    said = reader.actor("Maren Olufsen")
    assert said and all(a.article_id.startswith("ferry-") for a in said)
    dates = [a.published for a in said]
    assert dates == sorted(dates)
    article = reader.article(said[0].article_id)
    assert article is not None
    span = said[0].quote.span
    assert article.document.source[span.start:span.end] == span.text
    assert reader.actor("nobody at all") == []
    store.close()


def test_an_article_keeps_its_source_offsets_and_removed_spans(store_url: str,
                                                               tmp_path: Path) -> None:
    document = Document("promo", "promo.txt", "Calder Bay ferry crews walk out\n\n"
                        + FERRY[0]["text"] + "\n\nSubscribe to our newsletter for more news.",
                        outlet="Calder Herald", published="2031-04-02")
    store = open_store(store_url)
    store.add([document], Reporter(None))
    stored = store.reader().article("promo")
    [cleaned] = pipeline.clean_documents([document])
    assert stored is not None
    assert stored.to_dict() == cleaned.to_dict()
    assert [d.id for d in store.reader().documents(store.reader().stories()[0].id)] == ["promo"]
    store.close()


def test_an_unknown_story_or_article_is_none(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    reader = store.reader()
    assert reader.stories() == [] and reader.story("s1") is None
    assert reader.briefing("s1") is None and reader.article("x") is None
    assert reader.documents("s1") == [] and reader.outlets() == []
    store.close()


def test_the_tables_are_what_the_migrations_make(store_url: str) -> None:
    """``tables.py`` (what the code reads and writes) has not drifted from the migrations
    (what a store is made of); the full-text index is outside the metadata by design."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from parallax.store import tables

    def ours(item: object, name: str | None, *_: object) -> bool:
        return not (name or "").startswith(("article_search", "tsv", "ix_articles_tsv"))

    store = open_store(store_url)
    with store.store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        assert compare_metadata(context, tables.metadata) == []
    store.close()


def test_the_briefing_rows_are_there_for_sql_users(store_url: str, tmp_path: Path) -> None:
    """Claims, spans and quotes as rows whose offsets index the article's source."""
    from sqlalchemy import select

    from parallax.store import tables as t

    store = filled_store(store_url, tmp_path / "in", FERRY)
    with store.store.reading() as connection:
        spans = connection.execute(select(t.spans.c.text, t.spans.c.source_start,
                                          t.spans.c.source_end, t.articles.c.source)
                                   .join_from(t.spans, t.articles,
                                              t.articles.c.id == t.spans.c.article_id)).all()
        quotes = connection.execute(select(t.quotes.c.record)).scalars().all()
    assert spans and quotes
    for text, start, end, source in spans:
        assert source[start:end] == text
    assert all(json.loads(q)["article"].startswith("ferry-") for q in quotes)
    store.close()


def test_open_reader_finds_the_store_by_url(store_url: str, tmp_path: Path) -> None:
    store = filled_store(store_url, tmp_path / "in", BRIDGE)
    store.close()
    reader = open_reader(store_url)
    assert [r.articles for r in reader.stories()] == [2]
    reader.close()


def test_another_article_under_a_known_id_gets_a_fresh_id(store_url: str,
                                                          tmp_path: Path) -> None:
    """A crawl that saves every day's front page as lead.jsonl: two articles, not one."""
    write_articles(tmp_path / "monday", [dict(FERRY[0], id="lead")])
    write_articles(tmp_path / "friday", [dict(BRIDGE[0], id="lead")])
    store = open_store(store_url)
    add(store, tmp_path / "monday")
    second = add(store, tmp_path / "friday")
    assert second.added == ("lead-2",)
    assert any("lead-2" in note for note in second.notes)
    reader = store.reader()
    first, other = reader.article("lead"), reader.article("lead-2")
    assert first is not None and other is not None
    assert "Ferry crews" in first.text and "footbridge" in other.text
    store.close()


def test_the_upload_sink_adds_and_says_what_it_did(store_url: str, tmp_path: Path) -> None:
    from parallax.store import open_sink

    documents = pipeline.read([str(p) for p in write_articles(tmp_path / "in", BRIDGE)])
    sink = open_sink(store_url)
    summary = sink.add(documents.documents)
    assert sorted(summary["added"]) == sorted(a["id"] for a in BRIDGE)
    assert summary["known"] == 0 and len(summary["briefed"]) == 1
    assert json.loads(json.dumps(summary)) == summary
    assert sink.add(documents.documents)["known"] == len(BRIDGE)
    sink.close()
