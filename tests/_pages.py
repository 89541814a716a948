"""Invented news pages for the input-format tests (WARC, feeds, URL lists).

Two outlets report one made-up event, so a briefing of them has a story with
two sources; every sentence here is written for the tests.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape
from pathlib import Path

PARAGRAPHS = {
    "tern": (
        "Ferry crews on Lake Orin walked off the job on Thursday, stranding about 3,000 "
        "commuters on the northern shore for most of the morning.",
        "The Orin Boatmen's Union said the strike would last until the operator restored the "
        "night shift bonus it cut in January.",
        '"We have asked for a meeting three times and heard nothing," union secretary '
        "Talia Brennock said outside the Westquay terminal.",
        "The operator, Orin Lake Lines, said it had offered talks for next week and called "
        "the walkout unlawful.",
    ),
    "ledger": (
        "Commuters waited for hours at Westquay on Thursday after ferry crews on Lake Orin "
        "stopped work over a cut to their night shift bonus.",
        "Union secretary Talia Brennock said the crews had asked the operator for a meeting "
        "three times without an answer.",
        "Orin Lake Lines said the walkout was unlawful and that it had offered talks for "
        "next week.",
        "About 3,000 people use the northern crossing each morning, according to the "
        "regional transport office.",
    ),
}
TITLES = {"tern": "Ferry crews strike on Lake Orin",
          "ledger": "Lake Orin commuters stranded as ferry crews walk out"}
OUTLETS = {"tern": "The Orin Tern", "ledger": "Westquay Ledger"}


def page(key: str, *, date: str | None = None) -> str:
    """The HTML page of article ``key``, with its date in a meta tag when given."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS[key])
    return (f"<!doctype html><html><head><title>{escape(TITLES[key])}</title>{meta}"
            f'<meta property="og:site_name" content="{escape(OUTLETS[key])}"></head>'
            f"<body><article><h1>{escape(TITLES[key])}</h1>{body}</article></body></html>")


def fragment(key: str) -> str:
    """The article's paragraphs as the HTML fragment a feed item carries."""
    return "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS[key])


def write_warc(path: Path, records: Sequence[Record], *, gzip: bool = True) -> Path:
    """A WARC file written with warcio itself: ``response`` records (url, HTTP status
    line, content type, body, WARC-Date) and a ``revisit`` for each status ``revisit``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, status, kind, body, date in records:
            if status == "revisit":
                record = writer.create_revisit_record(
                    url, digest="sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", refers_to_uri=url,
                    refers_to_date=date, warc_headers_dict={"WARC-Date": date})
            else:
                headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), length=len(body),
                    http_headers=headers, warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
    return path


Record = tuple[str, str, str, bytes, str]
"""One record for ``write_warc``: url, status line (or ``revisit``), content type, body, date."""

CRAWL: tuple[Record, ...] = (
    ("https://tern.example/news/ferry-strike", "200 OK", "text/html; charset=utf-8",
     page("tern").encode(), "2026-03-05T08:00:00Z"),
    ("https://ledger.example/orin-ferry", "200 OK", "text/html",
     page("ledger", date="2026-03-05").encode(), "2026-03-09T07:30:00Z"),
    ("https://ledger.example/missing", "404 Not Found", "text/html",
     b"<html><body><p>Not here.</p></body></html>", "2026-03-09T07:31:00Z"),
    ("https://ledger.example/logo.png", "200 OK", "image/png",
     b"\x89PNG\r\n\x1a\n" + bytes(64), "2026-03-09T07:32:00Z"),
    ("https://tern.example/news/ferry-strike", "revisit", "", b"", "2026-03-10T09:00:00Z"),
)
"""Two article pages (one dated by its markup, one only by the record), a 404, an image
and a revisit."""
