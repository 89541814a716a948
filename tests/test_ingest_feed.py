"""RSS 2.0 and Atom feed files: one document per item, and the item's page when it is
among the inputs too."""

from __future__ import annotations

from html import escape
from pathlib import Path

from parallax.ingest import read_inputs
from parallax.ingest.feed import looks_like_feed, page_key

from _pages import CRAWL, OUTLETS, TITLES, fragment, write_warc

TERN_URL, LEDGER_URL = CRAWL[0][0], CRAWL[1][0]


def rss() -> str:
    items = "".join(
        f"<item><title>{escape(TITLES[key])}</title><link>{url}</link>"
        f"<pubDate>{date}</pubDate><author>desk@{key}.example (Nell Ashgrove)</author>"
        f"<description><![CDATA[{fragment(key)}]]></description></item>"
        for key, url, date in (("tern", TERN_URL, "Thu, 05 Mar 2026 08:00:00 GMT"),
                               ("ledger", LEDGER_URL, "Fri, 06 Mar 2026 07:00:00 GMT")))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(OUTLETS['tern'])}</title><link>https://tern.example/</link>"
            f"{items}<item><title>Photo of the day</title></item></channel></rss>")


def atom() -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Westquay Ledger</title>'
            "<id>urn:uuid:ledger</id><updated>2026-03-06T07:00:00Z</updated>"
            f"<entry><title>{escape(TITLES['ledger'])}</title>"
            f'<link href="{LEDGER_URL}"/><id>urn:uuid:ledger-1</id>'
            "<published>2026-03-05T18:00:00Z</published><updated>2026-03-06T07:00:00Z</updated>"
            "<author><name>Corin Vale</name></author><summary>A short teaser.</summary>"
            f'<content type="html">{escape(fragment("ledger"))}</content></entry></feed>')


def test_rss_items_are_documents_with_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "tern.xml"
    path.write_text(rss(), encoding="utf-8")
    inputs = read_inputs([str(path)])
    tern, ledger = inputs.documents
    assert (tern.title, tern.url, tern.published) == (TITLES["tern"], TERN_URL, "2026-03-05")
    assert (tern.author, tern.outlet) == ("Nell Ashgrove", OUTLETS["tern"])
    assert tern.path == f"{path}:1" and ledger.published == "2026-03-06"
    assert "Talia Brennock" in tern.source and "<p>" not in tern.source
    (error,) = inputs.errors
    assert error.one_line().endswith(f"{path}:3: feed item without content or summary")


def test_atom_entry_content_wins_over_its_summary(tmp_path: Path) -> None:
    path = tmp_path / "ledger.atom"
    path.write_text(atom(), encoding="utf-8")
    (entry,) = read_inputs([str(path)]).documents
    assert (entry.author, entry.outlet, entry.published) == ("Corin Vale", "Westquay Ledger",
                                                             "2026-03-05")
    assert "teaser" not in entry.source and "night shift bonus" in entry.source


def test_an_item_whose_page_is_in_the_inputs_is_read_from_the_page(tmp_path: Path) -> None:
    feed = tmp_path / "ledger.rss"
    feed.write_text(atom(), encoding="utf-8")
    crawl = write_warc(tmp_path / "crawl.warc.gz", CRAWL[1:2])
    inputs = read_inputs([str(feed), str(crawl)])
    (page,) = inputs.documents
    assert page.path.endswith("crawl.warc.gz:1") and page.url == LEDGER_URL
    assert f"note: {feed}: 1 item(s) read from their page in the inputs instead" in inputs.notes


def test_feeds_are_known_by_content_and_pages_are_not_feeds() -> None:
    assert looks_like_feed(rss()) and looks_like_feed(atom())
    assert not looks_like_feed("<html><body><p>Subscribe to our feed</p></body></html>")
    assert not looks_like_feed("<feed><entry>no namespace, not Atom</entry></feed>")
    assert page_key("HTTPS://Ledger.example/orin-ferry/#top") == page_key(LEDGER_URL)
    assert page_key("http://www.ledger.example/orin-ferry") == page_key(LEDGER_URL)
    assert page_key("https://ledger.example/other") != page_key(LEDGER_URL)


def test_a_feed_file_naming_another_file_or_a_url_is_not_followed(tmp_path: Path) -> None:
    """feedparser opens a string that names a file (or fetches a URL); a feed is read as data."""
    real = tmp_path / "real.xml"
    real.write_text(rss(), encoding="utf-8")
    pointer = tmp_path / "pointer.rss"
    pointer.write_text(str(real), encoding="utf-8")
    inputs = read_inputs([str(pointer)])
    assert inputs.documents == ()
    (error,) = inputs.errors
    assert error.one_line().startswith(f"error[P100]: {pointer}: feed without readable items")
