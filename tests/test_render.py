"""Rendering: sections, citations, evidence anchors, escaping and golden pages.

The briefing is built by hand over invented articles about a fictional bridge
closure, so every expected line is known; one article goes through
``TextBuilder`` (a removed newsletter line) so source and cleaned offsets differ.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.errors import UsageError
from parallax.model import (
    Actor,
    Article,
    Briefing,
    Claim,
    Conflict,
    ConflictSide,
    Document,
    OutletReport,
    Quote,
    Removal,
    Span,
    Story,
    SummaryLine,
    TimelineEntry,
)
from parallax.offsets import OffsetMap, TextBuilder
from parallax.options import DEFAULT_OPTIONS
from parallax.render import (
    render_check_markdown,
    render_html,
    render_markdown,
    render_quotes_markdown,
    render_stories_markdown,
)
from parallax.render.citations import Citer, MarkedSpan
from parallax.render.markdown import _md
from parallax.render.marks import MarkToken, mark_tokens, split_evidence
from parallax.render.view import (
    SpeakerView,
    briefing_view,
    camp_views,
    human_date,
    speaker_views,
    time_axis,
)

GOLDEN = Path(__file__).parent / "golden"

HERALD_SOURCE = (
    "The Averly harbour bridge was closed on Monday after engineers found cracks in two "
    "support beams.\n\n"
    "Subscribe to our newsletter for daily updates.\n\n"
    "\"We will not reopen it until every beam is checked,\" said Mayor Lena Ortiz.\n\n"
    "The transport agency said the repairs could take six weeks."
)
TIMES_TEXT = (
    "Engineers closed the harbour bridge in Port Averly on Monday after finding cracked "
    "beams.\n\n"
    "The contractor, Brightline Works, said the cracks were \"cosmetic and harmless\".\n\n"
    "Mayor Lena Ortiz said the bridge would stay closed for at least two months."
)
LEDGER_TEXT = (
    "The Averly harbour bridge was closed on Monday after engineers found cracks in two "
    "support beams."
)


def _herald() -> Article:
    """Cleaned without its newsletter paragraph, so offsets shift after it."""
    cut = HERALD_SOURCE.index("Subscribe")
    resume = HERALD_SOURCE.index("\"We will")
    builder = TextBuilder(HERALD_SOURCE)
    builder.copy(0, cut)
    builder.copy(resume, len(HERALD_SOURCE))
    text, offsets = builder.build()
    doc = Document("a1", "news/herald.txt", HERALD_SOURCE, outlet="Coastal Herald",
                   title="Port Averly bridge shut after cracks found", published="2031-05-12",
                   url="https://herald.example/bridge")
    return Article(doc, text, offsets,
                   removed=(Removal(HERALD_SOURCE[cut:resume].strip(), "boilerplate", cut,
                                    resume),))


def _plain(doc: Document, flags: tuple[str, ...] = ()) -> Article:
    return Article(doc, doc.source, OffsetMap.identity(len(doc.source)), flags=flags)


def _span(article: Article, needle: str) -> Span:
    start = article.text.index(needle)
    return article.span(start, start + len(needle))


def make_briefing(errors: tuple[str, ...] = ()) -> Briefing:
    herald = _herald()
    times = _plain(Document("a2", "news/times.html", TIMES_TEXT, outlet="Valley Times",
                            title="Cracked beams close harbour bridge",
                            published="2031-05-13T08:30:00Z"), flags=("paywall",))
    ledger = _plain(Document("a3", "news/ledger.txt", LEDGER_TEXT, outlet="Morning Ledger",
                             title="Harbour bridge closed", published="2031-05-12"),
                    flags=("duplicate-of:a1", "truncated"))
    closed_a1 = _span(herald, LEDGER_TEXT)
    closed_a2 = _span(times, TIMES_TEXT.split("\n\n")[0])
    closed_a3 = _span(ledger, LEDGER_TEXT)
    mayor_quote = _span(herald, "We will not reopen it until every beam is checked,")
    contractor = _span(times, "cosmetic and harmless")
    agency = _span(herald, "the repairs could take six weeks")
    mayor_indirect = _span(times, "the bridge would stay closed for at least two months")
    # Crosses the end of the mayor's quote: the HTML must split one of the two marks.
    checked = _span(herald, "every beam is checked,\" said Mayor Lena Ortiz")
    return Briefing(
        articles=(herald, times, ledger),
        actors=(Actor("p1", "Lena Ortiz", "person", ("Mayor Lena Ortiz",), "Mayor of Port Averly"),
                Actor("o1", "Brightline Works", "organization")),
        quotes=(
            Quote(contractor, "partial", "o1", _span(times, "The contractor"), None),
            Quote(mayor_quote, "direct", "p1", _span(herald, "Mayor Lena Ortiz"),
                  _span(herald, "said")),
            Quote(agency, "indirect", None, None, None),
            Quote(mayor_indirect, "indirect", "p1", _span(times, "Mayor Lena Ortiz"), None),
        ),
        claims=(Claim("The harbour bridge was closed on Monday after cracks were found.",
                      (closed_a1, closed_a2, closed_a3), 2),),
        conflicts=(
            Conflict("How serious the cracks are", "accounts",
                     (ConflictSide("p1", mayor_quote), ConflictSide("o1", contractor))),
            Conflict("How long the bridge stays closed", "facts",
                     (ConflictSide(None, _span(herald, "six weeks")),
                      ConflictSide(None, _span(times, "at least two months")))),
        ),
        timeline=(
            TimelineEntry("2031-05-12", "Engineers find cracks and the bridge is closed.",
                          (closed_a1, closed_a2)),
            TimelineEntry("2031-05", "Repairs are expected to start.", (agency,), "2031-06"),
        ),
        summary=(
            SummaryLine(LEDGER_TEXT, (closed_a1, closed_a2)),
            SummaryLine("The mayor says every beam will be checked before the bridge reopens.",
                        (checked, mayor_indirect)),
        ),
        errors=errors,
        outlets=(OutletReport("Coastal Herald", ("a1", "a3"), (agency,), ()),
                 OutletReport("Valley Times", ("a2",), (contractor,), (0,))),
    )


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return make_briefing()


@pytest.fixture(scope="module")
def page(briefing: Briefing) -> str:
    return render_html(briefing)


class _Page(HTMLParser):
    """Collects ids, in-page links, mark nesting and the text of each source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.stack: list[str] = []
        self.sources: list[str] = []
        self.marked: dict[str, list[str]] = {}
        self._open_marks: list[str] = []
        self._in_source = 0
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and (values.get("href") or "").startswith("#"):
            self.hrefs.append(str(values["href"])[1:])
        if tag == "script":
            self.scripts += 1
        if tag == "div" and values.get("class") == "source-text":
            self._in_source = len(self.stack) + 1
            self.sources.append("")
        if tag == "mark":
            self._open_marks.append(str(values["data-ev"]))
        if tag not in {"meta", "br"}:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()
        if tag == "mark":
            self._open_marks.pop()
        if self._in_source and len(self.stack) < self._in_source:
            self._in_source = 0

    def handle_data(self, data: str) -> None:
        if self._in_source:
            self.sources[-1] += data
            for evidence in self._open_marks:
                self.marked.setdefault(evidence, []).append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], "unclosed elements"
    return parser


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_has_every_section_in_order(briefing: Briefing) -> None:
    text = render_markdown(briefing)
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == ["Summary", "Where accounts differ", "Who said what",
                        "Corroborated claims", "Timeline", "Sources"]
    assert text.startswith("# Cracked beams close harbour bridge\n")
    assert "_3 articles from 3 outlets, 12\u201313 May 2031_" in text
    assert "<" not in text.replace("\\<", "")


def test_markdown_cites_sources_and_quotes_differing_evidence(briefing: Briefing) -> None:
    text = render_markdown(briefing)
    # The summary line is a1's sentence: a1 needs no evidence line, a2's wording does.
    summary = text[text.index("## Summary"):text.index("## Where")]
    assert f"- {LEDGER_TEXT} [1][2]\n  - [2] “Engineers closed the harbour bridge" in summary
    assert "  - [1] “The Averly" not in summary
    assert ("- The harbour bridge was closed on Monday after cracks were found. "
            "— 2 independent sources [1][2][3]") in text
    assert "**12 May 2031** — Engineers find cracks and the bridge is closed. [1][2]" in text
    assert "**May 2031 \u2013 June 2031** — Repairs are expected to start. [1]" in text
    assert ("1. Coastal Herald — Port Averly bridge shut after cracks found "
            "(news/herald.txt)") in text
    assert "flags: duplicate of [1], truncated" in text
    assert "removed from this article:\n   - boilerplate: “Subscribe to our" in text


def test_markdown_groups_speakers_busiest_first(briefing: Briefing) -> None:
    text = render_markdown(briefing)
    order = re.findall(r"^### (.+?) —", text, flags=re.M)
    assert order[-3:] == ["Lena Ortiz (Mayor of Port Averly)", "Brightline Works",
                          "Unattributed"]
    assert "- _said:_ “We will not reopen it until every beam is checked,” _(direct)_ [1]" in text
    assert "- the repairs could take six weeks _(indirect)_ [1]" in text
    assert "**Lena Ortiz**: “We will not reopen it" in text
    # A differing fact has no speaker: the outlet reporting it stands in.
    assert "- **Coastal Herald**: “six weeks” [1]\n- **Valley Times**: “at least two" in text


def test_errors_section_only_when_there_are_errors(briefing: Briefing) -> None:
    assert "## Errors" not in render_markdown(briefing)
    assert 'id="errors"' not in render_html(briefing)
    failing = make_briefing(errors=("error[P100]: notes.bin: binary file",))
    assert "## Errors\n\n- error[P100]: notes.bin: binary file\n" in render_markdown(failing)
    assert 'id="errors"' in render_html(failing)


def test_story_title_wins_over_headlines(briefing: Briefing) -> None:
    titled = replace(briefing, stories=(Story("s1", "Averly bridge closure", ("a1", "a2")),))
    assert render_markdown(titled).startswith("# Averly bridge closure\n")


def test_quotes_stories_and_check_markdown(briefing: Briefing) -> None:
    quotes = render_quotes_markdown(briefing.quotes, briefing.actors, briefing.articles)
    assert quotes.startswith("# Who said what\n\n_4 statements_\n")
    assert "## Lena Ortiz (Mayor of Port Averly) — 2 statements" in quotes
    assert quotes.rstrip().endswith("(news/ledger.txt)\n   published 12 May 2031 · flags: "
                                    "duplicate of [1], truncated")
    stories = render_stories_markdown([Story("s1", "Bridge", ("a1", "a3"))], briefing.articles)
    assert "## 1. Bridge\n\n- Coastal Herald — Port Averly bridge shut after" in stories
    assert "## Not in any story\n\n- Valley Times — Cracked beams close harbour bridge" in stories

    @dataclass(frozen=True)
    class Verdict:
        article: str
        stance: str
        evidence: tuple[Span, ...]
        reason: str | None = None

    @dataclass(frozen=True)
    class Result:
        claim: str
        verdicts: tuple[Verdict, ...]

    evidence = briefing.claims[0].support
    check = render_check_markdown(Result("The bridge closed.", (
        Verdict("a2", "contradicts", (evidence[1],)), Verdict("a1", "supports", (evidence[0],)),
        Verdict("a3", "unrelated", ()))))
    assert "1 supports · 1 contradicts · 1 unrelated" in check
    assert check.index("## Supports") < check.index("## Contradicts") < check.index("## Unrel")
    assert f"  - “{LEDGER_TEXT}” (characters 0-{len(LEDGER_TEXT)})" in check


# --- HTML -----------------------------------------------------------------------------------


def test_html_sections_landmarks_and_no_network(page: str) -> None:
    ids = _parse(page).ids
    order = [ids.index(s) for s in ("summary", "conflicts", "quotes", "claims", "timeline",
                                    "sources")]
    assert order == sorted(order)
    assert '<html lang="en">' in page
    for landmark in ("<header>", "<main>", "<nav aria-label=", "<footer>"):
        assert landmark in page
    assert "@media print" in page and ":target" in page
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page.replace(
        'href="https://herald.example/bridge"', ""))
    assert "<details class=\"removed\">" in page


def test_every_citation_resolves_to_its_evidence(page: str, briefing: Briefing) -> None:
    parsed = _parse(page)
    assert parsed.hrefs and set(parsed.hrefs) <= set(parsed.ids)
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"
    # Each source appears once, character for character.
    assert parsed.sources == [a.document.source for a in briefing.articles]
    # A citation [n] links to a mark inside source n.
    chunks = re.split(r'<section class="source" id="src-(\d+)"', page)
    where = {ev: int(number) for number, chunk in zip(chunks[1::2], chunks[2::2], strict=True)
             for ev in re.findall(r'<mark id="(ev-\d+)"', chunk)}
    links = re.findall(r'href="#(ev-\d+)"[^>]*>\[(\d+)[a-z]*\]', page)
    assert len(links) == page.count('class="cite"')
    assert all(where[ev] == int(label) for ev, label in links)


def test_marks_cover_the_source_characters_of_their_span(page: str, briefing: Briefing) -> None:
    parsed = _parse(page)
    cites = re.findall(r'href="#ev-(\d+)" title="([^"]*)"', page)
    spans = {s for line in briefing.summary for s in line.support} | {
        q.span for q in briefing.quotes}
    # The herald's quotes come after its removed newsletter line: offsets differ.
    assert briefing.quotes[1].span.start != briefing.quotes[1].span.clean_start
    for span in spans:
        source = briefing.article(span.article).document.source
        assert any(html.unescape(title) == span.text
                   and "".join(parsed.marked[ev]) == source[span.start:span.end]
                   for ev, title in cites), span


def test_split_marks_get_their_own_highlight_rule(page: str) -> None:
    split = re.findall(r'<mark data-ev="(\d+)">', page)
    assert split, "the crossing span should be drawn in two pieces"
    for evidence in split:
        assert f'.source-text:has(#ev-{evidence}:target) mark[data-ev="{evidence}"]' in page


def test_html_flags_as_badges_and_duplicate_links_to_original(page: str) -> None:
    assert '<span class="badge paywall">paywall</span>' in page
    assert '<a class="badge duplicate" href="#src-1">duplicate of [1]</a>' in page
    assert '<span class="badge truncated">truncated</span>' in page


def test_all_article_text_is_escaped(briefing: Briefing) -> None:
    evil = "<script>alert(1)</script> & co"
    herald = briefing.articles[0]
    doc = replace(herald.document, title=evil, outlet=f"Outlet {evil}",
                  source=herald.document.source + " " + evil, url="javascript:alert(1)")
    article = replace(herald, document=doc, flags=(evil,),
                      removed=(Removal(evil, evil, 0, 1),))
    quote = replace(briefing.quotes[1], speaker=evil)
    hostile = replace(briefing, articles=(article, *briefing.articles[1:]),
                      quotes=(quote,), actors=(), errors=(evil,),
                      summary=(SummaryLine(evil, briefing.summary[0].support),))
    page = render_html(hostile)
    parsed = _parse(page)
    assert parsed.scripts == 1, "only the page's own script"
    assert "<script>alert" not in page and "javascript:" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert parsed.sources[0] == doc.source
    text = render_markdown(hostile)
    assert "<script>" not in text and "\\<script\\>alert(1)\\</script\\> & co" in text


@given(st.text(alphabet="ab_*<>`[]()\\ \n", max_size=30))
def test_markdown_escapes_cannot_be_cancelled(text: str) -> None:
    escaped = _md(text)
    # Every markup character is preceded by an odd run of backslashes (escaped).
    for match in re.finditer(r"(\\*)([`*<>]|(?<=\])\(|(?<!\w)_|_(?!\w))", escaped):
        if match[2] == "(" and not match[1]:
            pytest.fail(f"link syntax left in {escaped!r}")
        assert len(match[1]) % 2 == 1, escaped
    assert "\n" not in escaped


def test_markdown_keeps_file_names_and_brackets_readable() -> None:
    assert _md("notes_2031.txt [sic]") == "notes_2031.txt [sic]"
    assert _md("[click](javascript:x) \\<b>") == "[click]\\(javascript:x) \\\\\\<b\\>"


def test_page_without_findings_says_so() -> None:
    empty = Briefing(articles=(_herald(),))
    page = render_html(empty)
    for message in ("No summary.", "No conflicting accounts found.", "No statements found.",
                    "No dated events."):
        assert message in page and message in render_markdown(empty)
    assert _parse(page).sources == [HERALD_SOURCE]


# --- building blocks ------------------------------------------------------------------------


def test_json_round_trips(briefing: Briefing) -> None:
    assert Briefing.from_dict(briefing.to_dict()) == briefing
    assert Briefing.from_json(briefing.to_json()) == briefing


def test_citer_labels_repeats_and_rejects_unknown_articles(briefing: Briefing) -> None:
    citer = Citer(briefing.articles)
    herald = briefing.articles[0]
    cited = citer.cite([_span(herald, "six weeks"), _span(herald, "Monday"),
                        briefing.claims[0].support[1]])
    assert [c.label for c in cited] == ["1", "1b", "2"]
    assert [c.span.text for c in cited] == ["Monday", "six weeks", cited[2].span.text]
    assert citer.cite([_span(herald, "Monday")])[0].evidence == cited[0].evidence
    with pytest.raises(UsageError, match="unknown article 'zz'"):
        citer.cite([replace(cited[0].span, article="zz")])


@pytest.mark.parametrize(("iso", "shown"), [
    ("2031-05-12", "12 May 2031"), ("2031-05", "May 2031"), ("2031", "2031"),
    ("2031-05-12T08:00:00Z", "12 May 2031"), ("2031-13", "2031-13"), ("soon", "soon"),
])
def test_human_date(iso: str, shown: str) -> None:
    assert human_date(iso) == shown


def _rebuild(tokens: list[MarkToken]) -> tuple[str, dict[int, str]]:
    """The plain text and, per evidence number, the text its pieces cover."""
    text, covered, open_marks = "", dict[int, str](), list[int]()
    for token in tokens:
        if token.kind == "open":
            open_marks.append(token.evidence)
            covered.setdefault(token.evidence, "")
        elif token.kind == "close":
            open_marks.pop()
        else:
            text += token.text
            for evidence in open_marks:
                covered[evidence] += token.text
    assert not open_marks
    return text, covered


def test_marks_nest_cross_and_keep_empty_spans() -> None:
    source = "abcdefghij"
    spans = [MarkedSpan(1, 5, 1), MarkedSpan(3, 8, 2), MarkedSpan(2, 4, 3),
             MarkedSpan(6, 6, 4), MarkedSpan(7, 99, 5)]
    tokens = mark_tokens(source, spans)
    text, covered = _rebuild(tokens)
    assert text == source
    assert covered == {1: "bcde", 2: "defgh", 3: "cd", 4: "", 5: "hij"}
    assert split_evidence(tokens) == {2, 5}  # both cross a mark opened before them
    assert [t.evidence for t in tokens if t.kind == "open" and t.first] == [1, 3, 2, 4, 5]


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)),
                                      max_size=8))
def test_marks_rebuild_any_source(source: str, bounds: list[tuple[int, int]]) -> None:
    spans = [MarkedSpan(min(a, b), max(a, b), n) for n, (a, b) in enumerate(bounds, start=1)]
    tokens = mark_tokens(source, spans)
    text, covered = _rebuild(tokens)
    assert text == source
    for span in spans:
        assert covered[span.evidence] == source[span.start:span.end]
    firsts = [t.evidence for t in tokens if t.kind == "open" and t.first]
    assert sorted(firsts) == [s.evidence for s in spans]


# --- golden files ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "render"), [
    ("briefing.md", render_markdown),
    ("briefing.html", render_html),
])
def test_golden(name: str, render: object, briefing: Briefing, update_golden: bool) -> None:
    assert callable(render)
    output = render(briefing)
    path = GOLDEN / name
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"{path} missing: run pytest --update-golden"
    assert output == path.read_text(encoding="utf-8"), f"{name} changed; review, then "\
        "run pytest tests/test_render.py --update-golden"


def test_sources_show_what_each_outlet_alone_reports_and_omits(briefing: Briefing) -> None:
    view = briefing_view(briefing)
    herald, times, ledger = view.sources
    assert [line.text for line in herald.exclusive] == ["the repairs could take six weeks"]
    assert herald.exclusive[0].citations[0].source == 1
    assert [line.text for line in times.omits] == [briefing.claims[0].text]
    assert ledger.exclusive == () and ledger.omits == ()
    markdown = render_markdown(briefing)
    sources = markdown[markdown.index("## Sources"):]
    assert "only in this outlet:" in sources and "widely reported, not here:" in sources
    assert "Only in this outlet" in render_html(briefing)


def _actor(name: str, affiliation: str | None = None) -> Actor:
    return Actor(name.lower().replace(" ", "-"), name, "person", (), affiliation)


def _speaker(name: str | None, statements: int) -> SpeakerView:
    return SpeakerView(name, None, tuple([None] * statements))  # type: ignore[list-item]


def test_speakers_are_grouped_by_side_busiest_side_first() -> None:
    actors = [_actor("Ana Vell", "Orvenia"), _actor("Orvenia"), _actor("Joran Vesk", "Kestria"),
              _actor("Mira Sol")]
    speakers = [_speaker("Joran Vesk", 3), _speaker("Ana Vell", 1), _speaker("Orvenia", 1),
                _speaker("Mira Sol", 2), _speaker(None, 4)]
    camps = camp_views(speakers, actors)
    assert [c.name for c in camps] == ["Kestria", "Orvenia", None]
    assert [s.name for s in camps[1].speakers] == ["Ana Vell", "Orvenia"]
    assert [s.name for s in camps[2].speakers] == ["Mira Sol", None]
    # One side (or none) is nothing to set apart: a single unnamed group.
    single = camp_views(speakers[:2], [*actors[:2], _actor("Joran Vesk")])
    assert [c.name for c in single] == [None]


def test_the_same_statement_in_several_articles_is_one_line(briefing: Briefing) -> None:
    herald, times = briefing.articles[0], briefing.articles[1]
    first = Quote(_span(herald, "the repairs could take six weeks"), "indirect", "p1", None, None)
    again = Quote(Span("a2", 0, 10, "The repairs could take six weeks.", 0, 10), "indirect",
                  "p1", None, None)
    views = speaker_views([first, again], briefing.actors, Citer([herald, times]))
    assert len(views) == 1 and len(views[0].quotes) == 1
    assert [c.source for c in views[0].quotes[0].line.citations] == [1, 2]


def test_time_axis_places_dates_in_order_with_few_round_ticks() -> None:
    positions, axis = time_axis(["2018-06-12", "2018-10", "2019-02-27", "2019-02-28"])
    assert 0 < positions[0] < positions[1] < positions[2] < positions[3] <= 100
    assert [label for _, label in axis.ticks] == ["Jul 2018", "Sep", "Nov", "Jan 2019"]
    assert [p for p, _ in axis.ticks] == sorted(p for p, _ in axis.ticks)
    assert axis.gap is None
    years, long_axis = time_axis(["2001", "2019-02-27"])
    assert [label for _, label in long_axis.ticks] == ["2005", "2010", "2015"]
    assert years[0] < years[1]
    assert time_axis(["2019-02-27"])[0] == [50.0]
    assert time_axis(["not a date"])[0] == [0.0]


def test_time_axis_sets_far_earlier_dates_apart_before_a_break() -> None:
    dates = ["1950", "2018-06-12", "2018-10", "2019-01", "2019-02-27"]
    positions, axis = time_axis(dates)
    assert axis.gap is not None and positions[0] < axis.gap < positions[1]
    # The recent months keep most of the width instead of a sliver at the end.
    assert positions[-1] - positions[1] > 70
    assert axis.ticks[0] == (positions[0], "1950")


def test_time_axis_widens_the_busy_days_with_day_ticks() -> None:
    """Four entries on four consecutive days and two in the months before: on a
    linear axis the four days would take under 2 % of the width."""
    dates = ["2018-06-12", "2018-09-01", "2019-02-25", "2019-02-26", "2019-02-27", "2019-02-28"]
    positions, axis = time_axis(dates)
    assert positions == sorted(positions)
    assert positions[-1] - positions[2] >= 100 * DEFAULT_OPTIONS.render.busy_width - 6
    labels = [label for _, label in axis.ticks]
    assert labels[-4:] == ["25 Feb 2019", "26 Feb", "27 Feb", "28 Feb"]
    assert "Jul 2018" in labels  # the months before keep their scale
    assert len(labels) <= DEFAULT_OPTIONS.render.max_ticks
    assert [p for p, _ in axis.ticks] == sorted(p for p, _ in axis.ticks)


def test_markdown_does_not_list_a_lines_own_sentence_for_its_link_debris(
        briefing: Briefing) -> None:
    """A line shown without link debris is no other wording of its own sentence."""
    sentence = "The mayor said, \u201c [The agency] wanted the bridge shut.\u201d"
    notes = _plain(Document("a4", "news/notes.txt", sentence, outlet="Harbour Notes"))
    own = _span(notes, sentence)
    line = SummaryLine("The mayor said, \u201c[The agency] wanted the bridge shut.\u201d", (own,))
    text = render_markdown(replace(briefing, articles=(*briefing.articles, notes),
                                   summary=(line,)))
    summary = text[text.index("## Summary"):text.index("## Where")]
    assert f"- {line.text} [" in summary
    assert "\u201c [The agency]" not in summary
