"""WARC crawls: HTML 200 responses become documents with the record's URL and date;
the other records are skipped and counted in one note."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from parallax import pipeline
from parallax.ingest import read_inputs
from parallax.ingest.warc import looks_like_warc

from _pages import CRAWL, write_warc
from fakes import FakeEmbedder


def test_html_responses_are_read_with_record_url_and_date(tmp_path: Path) -> None:
    inputs = read_inputs([str(write_warc(tmp_path / "crawl.warc.gz", CRAWL))])
    assert inputs.errors == ()
    tern, ledger = inputs.documents
    assert (tern.url, tern.published) == ("https://tern.example/news/ferry-strike", "2026-03-05")
    # The page's own date wins over the day it was crawled (2026-03-09).
    assert (ledger.url, ledger.published) == ("https://ledger.example/orin-ferry", "2026-03-05")
    assert tern.outlet == "The Orin Tern"
    assert tern.path.endswith("crawl.warc.gz:1") and ledger.id == "crawl-2"
    assert "Talia Brennock" in tern.source and "<p>" not in tern.source
    (note,) = inputs.notes
    assert "read 2 HTML page(s) of 5 WARC record(s)" in note
    assert "1 not HTML" in note and "1 revisit" in note and "1 status 404" in note


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_warc_is_known_by_its_first_bytes_whatever_its_name(tmp_path: Path,
                                                              gzipped: bool) -> None:
    path = write_warc(tmp_path / "crawl.bin", CRAWL[:2], gzip=gzipped)
    assert looks_like_warc(path.read_bytes()[:1024])
    inputs = read_inputs([str(path)])
    assert [d.url for d in inputs.documents] == [r[0] for r in CRAWL[:2]]
    assert inputs.notes == ()


def test_text_and_html_are_not_taken_for_warc() -> None:
    assert not looks_like_warc(b"WARC files are archives of the web.")
    assert not looks_like_warc(gzip.compress(b"<html><body>WARC/1.0</body></html>"))
    assert looks_like_warc(gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"))


def test_a_corrupt_warc_keeps_its_pages_and_says_where_it_broke(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc", CRAWL, gzip=False)
    data = path.read_bytes()
    second = data.index(b"WARC/1.", 10)
    third = data.index(b"WARC/1.", second + 10)
    path.write_bytes(data[:third] + b"not a record\r\n\r\n")
    inputs = read_inputs([str(path)])
    assert len(inputs.documents) == 2
    (error,) = inputs.errors
    assert "crawl.warc: corrupt WARC file after 2 record(s)" in error.one_line()


def test_a_record_over_the_limit_is_one_line_and_the_rest_loads(tmp_path: Path) -> None:
    from parallax.options import Options

    path = write_warc(tmp_path / "crawl.warc.gz", CRAWL[:2])
    limit = min(len(CRAWL[0][3]), len(CRAWL[1][3])) + 1
    big = max(CRAWL[:2], key=lambda r: len(r[3]))
    options = Options.from_dict({"ingest": {"max_input_bytes": limit}}).ingest
    inputs = read_inputs([str(path)], options=options)
    assert [d.url for d in inputs.documents] == [r[0] for r in CRAWL[:2] if r is not big]
    (error,) = inputs.errors
    assert "record larger than the input limit" in error.one_line()


def test_a_crawl_is_briefed_end_to_end_with_record_metadata(
        tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", CRAWL)
    (briefing,) = pipeline.brief_stories(pipeline.read([str(path)]).documents)
    data = json.loads(briefing.to_json())
    articles = {a["url"]: a for a in data["articles"]}
    assert set(articles) == {"https://tern.example/news/ferry-strike",
                             "https://ledger.example/orin-ferry"}
    assert {a["published"] for a in articles.values()} == {"2026-03-05"}
    assert any("Brennock" in actor["name"] for actor in data["actors"])
