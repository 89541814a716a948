"""Reading inputs: formats, encodings, metadata, and bad files that never sink the rest."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from parallax.ingest import read_inputs
from parallax.ingest.decode import DecodeError, decode_bytes
from parallax.ingest.metadata import guess_outlet, guess_published, guess_title

ARTICLE = (
    "Harbour bridge reopens after repairs\n"
    "By Ana Ruiz | 15 March 2025\n\n"
    "The harbour bridge reopened on Friday after eight weeks of repairs, the city said.\n\n"
    "Engineers replaced two cables and resurfaced the deck, officials told reporters.\n"
)


def test_text_file_with_title_outlet_and_dateline(tmp_path: Path) -> None:
    path = tmp_path / "02_coastal-courier.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    inputs = read_inputs([str(path)])
    assert not inputs.errors
    (doc,) = inputs.documents
    assert doc.title == "Harbour bridge reopens after repairs"
    assert doc.outlet == "Coastal Courier"
    assert doc.published == "2025-03-15"
    assert doc.source == ARTICLE
    assert doc.id == "02_coastal-courier"


def test_header_fields_win_over_guesses(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Title: Bridge news\nOutlet: The Courier\nPublished: 2024-01-02\n\n"
                    + ARTICLE, encoding="utf-8")
    (doc,) = read_inputs([str(path)]).documents
    assert (doc.title, doc.outlet, doc.published) == ("Bridge news", "The Courier", "2024-01-02")


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = ("Council \u201cregrets\u201d the delay \u2013 the mayor\u2019s office said "
            "it would act.\n") * 3
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    (doc,) = read_inputs([str(path)]).documents
    assert "\u201cregrets\u201d" in doc.source and "mayor\u2019s" in doc.source


def test_decode_refuses_binary_and_empty() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(b"  \n\t ")


def test_bad_files_are_reported_by_name_and_good_ones_still_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02GIF89a" * 50)
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / "moved.txt").symlink_to(tmp_path / "gone.txt")
    inputs = read_inputs([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [d.id for d in inputs.documents] == ["good"]
    messages = sorted(e.one_line() for e in inputs.errors)
    assert len(messages) == 4
    assert any("moved.txt: broken symbolic link" in m for m in messages)
    assert any("empty.txt: empty file" in m for m in messages)
    assert any("image.txt: binary file" in m for m in messages)
    assert any("missing.txt: no such file or directory" in m for m in messages)
    assert all(m.startswith("error[P100]: ") and "\n" not in m for m in messages)
    assert [Path(p).name for p in inputs.skipped] == ["notes.md"]


def test_jsonl_lines_become_documents_and_bad_lines_errors(tmp_path: Path) -> None:
    rows = [
        {"id": "w1", "title": "Dam talks stall", "outlet": "Wire", "published": "2025-03-14",
         "url": "https://example.org/a", "text": "Talks stalled on Friday, officials said."},
        {"id": "w2", "outlet": "Daily", "html": "<html><body><article><p>" + "Delegates "
         "met for five hours in the port city and agreed to meet again next month. " * 4
         + "</p></article></body></html>"},
        {"id": "w3", "title": "no body"},
    ]
    lines = [json.dumps(r) for r in rows] + ["{not json"]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs = read_inputs([str(path)])
    assert [d.id for d in inputs.documents] == ["w1", "w2"]
    first, second = inputs.documents
    assert (first.outlet, first.published, first.url) == ("Wire", "2025-03-14",
                                                          "https://example.org/a")
    assert "five hours" in second.source and second.html is not None
    assert sorted(e.path for e in inputs.errors) == [f"{path}:3", f"{path}:4"]


def test_html_page_uses_trafilatura_metadata(tmp_path: Path) -> None:
    body = "".join(f"<p>Paragraph {i}: the river commission published its annual water report "
                   "on Monday, and ministers welcomed the findings.</p>" for i in range(4))
    page = ("<html lang='en'><head><title>River report | The Valley Post</title>"
            "<meta property='og:site_name' content='The Valley Post'>"
            "<meta property='article:published_time' content='2025-03-16T08:00:00Z'></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>River report</h1>{body}"
            "</article><footer>Copyright</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (doc,) = read_inputs([str(path)]).documents
    assert doc.outlet == "The Valley Post"
    assert doc.published == "2025-03-16"
    assert "Paragraph 3" in doc.source and "Home" not in doc.source
    assert "\n\n" in doc.source


def test_duplicate_stems_get_unique_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    ids = [d.id for d in read_inputs([str(tmp_path)]).documents]
    assert ids == ["story", "story-2"]


def test_metadata_guessers() -> None:
    assert guess_title("A sentence that ends with a full stop.\nMore") is None
    assert guess_title("\n\n# Big news today\nBody") == "Big news today"
    assert guess_outlet("03_riverland-herald.txt") == "Riverland Herald"
    assert guess_outlet("000_8811365125d4b63c.txt") == "000_8811365125d4b63c"
    # A byline field sharing a word with the file name spells the outlet better.
    head = "Ferry strike ends\nRTN News | Live from the quay | Friday 2 May 2025\n\nBody."
    assert guess_outlet("05_rtn-live.txt", head) == "RTN News"
    byline = "Ferry strike ends\nBy Ana Riverland | The Riverland Herald | 2 May 2025\n"
    assert guess_outlet("03_riverland-herald.txt", byline) == "The Riverland Herald"
    # No shared word (or only "news"): the file name stays.
    assert guess_outlet("07_coast-news.txt", "T\nHarbour Radio | 2 May 2025\n") == "Coast News"
    assert guess_published("Headline\nMarch 14, 2025 - Wire\nBody") == "2025-03-14"
    assert guess_published("Headline\n\nThe talks began.\nx\ny\nz\nw\nIn 14 March 2025") is None


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


PAGE = ("<html><head><title>Ferry timetable | Isle Gazette</title>"
        "<meta property='og:site_name' content='Isle Gazette'></head><body><article>"
        + "".join(f"<p>Paragraph {i}: the ferry company published its winter timetable on "
                  "Monday, and islanders welcomed the extra crossings.</p>" for i in range(4))
        + "</article></body></html>")


def test_gzip_inputs_are_read_by_the_suffix_before_gz(tmp_path: Path) -> None:
    (tmp_path / "02_coastal-courier.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "ferry.HTML.GZ").write_bytes(gzip.compress(PAGE.encode()))
    record = {"id": "w9", "outlet": "Wire", "text": "The ferry ran late on Friday."}
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(json.dumps(record).encode()))
    (tmp_path / "backup.tar.gz").write_bytes(gzip.compress(b"not an article"))
    inputs = read_inputs([str(tmp_path)])
    assert not inputs.errors
    by_id = {d.id: d for d in inputs.documents}
    assert sorted(by_id) == ["02_coastal-courier", "ferry", "w9"]
    text = by_id["02_coastal-courier"]
    assert text.source == ARTICLE and text.outlet == "Coastal Courier"
    assert text.path == str(tmp_path / "02_coastal-courier.txt.gz")
    assert by_id["ferry"].html is not None and by_id["ferry"].outlet == "Isle Gazette"
    assert by_id["w9"].path == f"{tmp_path / 'feed.jsonl.gz'}:1"
    assert [Path(p).name for p in inputs.skipped] == ["backup.tar.gz"]


def test_corrupt_gzip_is_one_error_line_and_the_rest_still_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    whole = gzip.compress(ARTICLE.encode())
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "plain.txt.gz").write_text(ARTICLE, encoding="utf-8")
    inputs = read_inputs([str(tmp_path)])
    assert [d.id for d in inputs.documents] == ["good"]
    messages = sorted(e.one_line() for e in inputs.errors)
    assert len(messages) == 2
    assert all("corrupt gzip file" in m and "\n" not in m for m in messages)
    assert "cut.txt.gz" in messages[0] and "plain.txt.gz" in messages[1]


def test_json_lines_on_stdin_are_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"title": "Quay reopens", "outlet": "Wire", "text": "The quay reopened today."},
            {"outlet": "Daily", "text": "Crews finished the quay repairs on Monday."}]
    _stdin(monkeypatch, ("\n" + "\n".join(json.dumps(r) for r in rows) + "\n").encode())
    inputs = read_inputs(["-"])
    assert not inputs.errors
    assert [(d.id, d.outlet, d.path) for d in inputs.documents] == [
        ("stdin-2", "Wire", "<stdin>:2"), ("stdin-3", "Daily", "<stdin>:3")]


def test_stdin_text_and_gzip_stay_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    braces = '{"note": "a JSON object without a text field"}\n' + ARTICLE
    _stdin(monkeypatch, braces.encode())
    (doc,) = read_inputs(["-"]).documents
    assert doc.source == braces and doc.id == "stdin"
    _stdin(monkeypatch, gzip.compress(ARTICLE.encode()))
    (doc,) = read_inputs(["-"]).documents
    assert doc.source == ARTICLE and doc.title == "Harbour bridge reopens after repairs"
