"""Crawl inputs: a WARC of real pages read by parallax next to plain warcio + trafilatura.

    python bench/inputs.py [--copies N]

The extraction pages of ``../shared/eval/extraction`` (HTML) are written at
run time into a temporary ``.warc.gz`` as a crawler would leave them: each
page a 200 response, with a 404, an image and a revisit record beside it.
The same run reads that crawl

- with ``parallax.ingest.iter_inputs`` (record streaming, the skip tally,
  trafilatura plus parallax's repairs from the markup), and
- with the baseline: warcio's ``ArchiveIterator``, the same record filter,
  and plain ``trafilatura.extract`` on each page;

and prints pages per second for both, the pages each found, the 4-shingle F1
of each page's text against the gold body (the extraction benchmark's
metric), and the peak Python allocation while parallax streams the crawl
(tracemalloc, in a second pass). ``--copies`` repeats the pages to make a
larger crawl (the F1 is then over the copies too). Exits with a message
when the data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from _metrics import mean, prf

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "extraction"


def _write_crawl(path: Path, pages: dict[str, bytes], copies: int) -> int:
    """The crawl file; returns its number of records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(url: str, status: str, kind: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=headers))

        for copy in range(copies):
            for key, body in pages.items():
                url = f"https://pages.example/{copy}/{key}"
                response(url, "200 OK", "text/html; charset=utf-8", body)
                response(f"{url}/gone", "404 Not Found", "text/html", b"<html>gone</html>")
                response(f"{url}.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(256))
                writer.write_record(writer.create_revisit_record(
                    url, digest="sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", refers_to_uri=url,
                    refers_to_date="2026-01-01T00:00:00Z"))
                records += 4
    return records


def _baseline(path: Path) -> dict[str, str]:
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    texts = {}
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            headers = record.http_headers
            if (record.rec_type != "response" or headers is None
                    or headers.get_statuscode() != "200"
                    or "html" not in (headers.get_header("Content-Type") or "")):
                continue
            html = record.content_stream().read().decode("utf-8", "replace")
            texts[record.rec_headers.get_header("WARC-Target-URI")] = (
                trafilatura.extract(html) or "")
    return texts


def _parallax(path: Path) -> tuple[dict[str, str], list[str]]:
    from parallax.ingest import Note, iter_inputs
    from parallax.model import Document

    texts, lines = {}, []
    for item in iter_inputs([str(path)]):
        if isinstance(item, Document):
            texts[item.url or item.id] = item.source
        else:
            lines.append(item.text if isinstance(item, Note) else item.one_line())
    return texts, lines


def _f1(texts: dict[str, str], golds: dict[str, str]) -> float:
    return mean(prf(text, golds[url.rsplit("/", 1)[-1]])[2] for url, text in texts.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=1, help="times each page is crawled")
    args = parser.parse_args()
    if not (DATA / "gold").is_dir():
        print(f"skipped: {DATA} is absent (the extraction pages are read at run time)")
        sys.exit(0)
    golds = {p.stem: json.loads(p.read_text())["text"]
             for p in sorted((DATA / "gold").glob("*.json"))}
    pages = {k: gzip.decompress((DATA / "html" / f"{k}.html.gz").read_bytes()) for k in golds}
    with tempfile.TemporaryDirectory() as folder:
        crawl = Path(folder) / "crawl.warc.gz"
        records = _write_crawl(crawl, pages, args.copies)
        size = crawl.stat().st_size
        start = time.perf_counter()
        base = _baseline(crawl)
        base_s = time.perf_counter() - start
        start = time.perf_counter()
        ours, lines = _parallax(crawl)
        ours_s = time.perf_counter() - start
        tracemalloc.start()
        _parallax(crawl)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"crawl: {records:,} records ({len(pages) * args.copies:,} HTML pages), "
          f"{size / 1e6:.1f} MB gzip")
    print("| reader | pages found | pages/s | F1 vs gold | peak Python alloc (MB) |")
    print("|---|---:|---:|---:|---:|")
    print(f"| warcio + trafilatura.extract (baseline) | {len(base)} | {len(base) / base_s:.1f} "
          f"| {_f1(base, golds):.3f} | — |")
    print(f"| parallax (iter_inputs) | {len(ours)} | {len(ours) / ours_s:.1f} "
          f"| {_f1(ours, golds):.3f} | {peak / 1e6:.1f} |")
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
