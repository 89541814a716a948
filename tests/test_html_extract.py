"""HTML extraction repairs: split story sections put back, headline and standfirst cut."""

from __future__ import annotations

from unittest import mock

from lxml import html as lxml_html

from parallax.ingest.cards import drop_inline_cards
from parallax.ingest.embeds import restore_embeds
from parallax.ingest.headline import drop_headline
from parallax.ingest.html import html_document
from parallax.ingest.links import drop_link_lines
from parallax.ingest.markup import in_furniture, wrappers
from parallax.ingest.sections import restore_sections as _restore

FIRST = [f"Part one, paragraph {i}: the ferry company said on Tuesday that crossings to the "
         "northern islands would resume once the new pier passes its safety checks."
         for i in range(3)]
SECOND = [f"Part two, paragraph {i}: harbour staff spent the winter rebuilding the old timber "
          "jetty, and local traders hope the summer season will make up for lost trade."
          for i in range(3)]
BODY_CLASS = "story-body column"


def restore_sections(page: str, body: str) -> str:
    return _restore(lxml_html.document_fromstring(page), body)


def _section(paragraphs: list[str], css: str = BODY_CLASS) -> str:
    return f"<div class='{css}'>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"


def _page(middle: str) -> str:
    return ("<html lang='en'><head><title>Ferries to resume - Island Gazette</title>"
            "<meta name='description' content='Crossings restart when the pier is ready.'>"
            "</head><body><nav><a href='/'>Home</a></nav><main>" + middle
            + "</main><footer>Contact us</footer></body></html>")


def test_missing_section_with_the_body_class_comes_back_in_page_order() -> None:
    advert = "<div class='ad-slot'><p>Advertisement</p></div>"
    page = _page(_section(FIRST) + advert + _section(SECOND))
    restored = restore_sections(page, "\n".join(FIRST))
    assert restored.split("\n") == FIRST + SECOND


def test_section_opening_the_story_goes_before_the_kept_lines() -> None:
    page = _page(_section(FIRST) + _section(SECOND))
    restored = restore_sections(page, "\n".join(SECOND))
    assert restored.split("\n") == FIRST + SECOND


def test_other_containers_and_partly_kept_sections_are_left_alone() -> None:
    related = [
        "Related: a much longer teaser about another story on this site that readers "
        "might click on after they finish reading this one."]
    page = _page(_section(FIRST) + _section(related, css="related-links"))
    assert restore_sections(page, "\n".join(FIRST)) == "\n".join(FIRST)
    # trafilatura dropped one paragraph of a section it read: its choice stands.
    page = _page(_section(FIRST) + _section(SECOND))
    kept = "\n".join(FIRST + SECOND[:2])
    assert restore_sections(page, kept) == kept


def test_tiny_look_alike_section_is_not_believed() -> None:
    page = _page(_section(FIRST) + _section(["Photo: staff"]))
    assert restore_sections(page, "\n".join(FIRST)) == "\n".join(FIRST)


def test_classless_pages_come_back_unchanged() -> None:
    page = "<html><body><div><p>A</p></div><div><p>B</p></div></body></html>"
    assert restore_sections(page, "A") == "A"


def test_headline_and_standfirst_are_dropped() -> None:
    body = "Ferries to resume\nCrossings restart when the pier is ready.\n" + FIRST[0]
    out = drop_headline(body, "Ferries to resume - Island Gazette",
                        "Crossings restart when the pier is ready.")
    assert out == FIRST[0]


def test_standfirst_goes_only_after_a_dropped_headline() -> None:
    description = FIRST[0]
    body = "\n".join(FIRST)
    assert drop_headline(body, "Ferries to resume", description) == body
    assert drop_headline("Ferries to resume\n" + body, "Ferries to resume",
                         description) == "\n".join(FIRST[1:])


def test_short_label_and_headline_only_body_are_kept() -> None:
    body = "News\n" + FIRST[0]
    assert drop_headline(body, "News today in the islands", None) == body
    assert drop_headline("Ferries to resume", "Ferries to resume", None) == "Ferries to resume"
    assert drop_headline(body, None, None) == body


def test_html_document_repairs_a_split_page_end_to_end() -> None:
    # Each section in its own grid row beside an advert rail, a full-width
    # advert between them: trafilatura alone returns the first section only.
    def row(paragraphs: list[str]) -> str:
        return ("<div class='grid narrow'>" + _section(paragraphs)
                + "<div class='grid-aside'><div class='ad-rail'></div></div></div>")

    advert = ("<div class='row full-bleed-ad'><div class='ad'>"
              "<span class='ad-label'>Advertisement</span></div></div>")
    page = _page("<h1>Ferries to resume</h1>" + row(FIRST) + advert + row(SECOND))
    doc = html_document("d1", "d1.html", page)
    assert doc.title is not None and doc.title.startswith("Ferries to resume")
    assert doc.source.split("\n\n") == FIRST + SECOND
    # A headline trafilatura copies into the body is cut: it is the title.
    page = _page("<article><h1>Ferries to resume</h1>" + _section(FIRST) + "</article>")
    assert html_document("d2", "d2.html", page).source.split("\n\n") == FIRST


def test_link_lines_go_and_sentences_with_links_stay() -> None:
    teaser = "More: Island airline adds a second daily flight"
    linked = ("The council <a href='/report'>published its report</a> on the harbour works "
              "and the repairs planned for next spring.")
    page = ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in FIRST)
            + f"<p>{linked}</p><p>More: <a href='/x'>Island airline adds a second daily "
            "flight</a></p><ul><li><a href='/y'>Weather warning for the coast</a></li>"
            "<li><a href='/z'>[Wire]</a></li></ul></article></body></html>")
    sentence = "The council published its report on the harbour works and the repairs planned " \
               "for next spring."
    body = "\n".join([*FIRST, sentence, teaser, "- Weather warning for the coast", "[Wire]"])
    out = drop_link_lines(lxml_html.document_fromstring(page), body)
    assert out.split("\n") == [*FIRST, sentence, "[Wire]"]


def test_body_of_links_only_stays_whole() -> None:
    page = "<html><body><p><a href='/a'>Weather warning for the coast</a></p></body></html>"
    body = "Weather warning for the coast"
    assert drop_link_lines(lxml_html.document_fromstring(page), body) == body


def test_page_with_xml_declaration_is_repaired_too() -> None:
    page = ("<?xml version='1.0' encoding='utf-8'?>" + _page(
        "<article>" + _section(FIRST) + "<p><a href='/x'>Ferry timetable changes for the "
        "winter</a></p></article>"))
    assert html_document("d3", "d3.html", page).source.split("\n\n") == FIRST


def _embed(text: str, signature: str) -> str:
    return (f"<div class='social-embed'><blockquote class='post'><p>{text}</p>"
            f"{signature}</blockquote></div>")


def test_quoted_post_between_kept_paragraphs_comes_back_in_place() -> None:
    post = "The new pier looks wonderful, we cannot wait for the first crossing next week."
    page = ("<html><body><article>" + f"<p>{FIRST[0]}</p>"
            + _embed(post, "&mdash; Island Mayor (@islandmayor) May 2, 2025")
            + f"<p>{FIRST[1]}</p></article></body></html>")
    out = restore_embeds(lxml_html.document_fromstring(page), "\n".join(FIRST[:2]))
    assert out.split("\n") == [FIRST[0], post, "\u2014 Island Mayor (@islandmayor) May 2, 2025",
                               FIRST[1]]


def test_quotes_outside_the_story_or_already_kept_stay_out() -> None:
    post = "Follow our page for the latest ferry timetables and harbour news every day."
    before = _embed(post, "")
    after = _embed(post, "")
    page = ("<html><body>" + before + f"<p>{FIRST[0]}</p><p>{FIRST[1]}</p>" + after
            + "</body></html>")
    body = "\n".join(FIRST[:2])
    assert restore_embeds(lxml_html.document_fromstring(page), body) == body
    page = ("<html><body>" + f"<p>{FIRST[0]}</p>" + _embed(post, "") + f"<p>{FIRST[1]}</p>"
            + "</body></html>")
    kept = "\n".join([FIRST[0], post, FIRST[1]])
    assert restore_embeds(lxml_html.document_fromstring(page), kept) == kept


def test_hover_card_inside_a_paragraph_is_cut_from_its_line() -> None:
    card = ("<span class='card'><img src='p.jpg'><a href='/p'>Jane Doe</a>"
            "<a href='/1'>Senate passes the harbour bill</a> | "
            "<a href='/2'>Ferry fares to rise in June</a> <a href='/p'>MORE</a></span>")
    page = ("<html><body><p>The bill was drafted by Sen. <span class='person'>"
            f"<a href='/p'>Jane Doe</a>{card}</span> (D-Ohio), her office said.</p>"
            "<p>Two links, <a href='/a'>one</a> and <a href='/b'>two</a>, stay in "
            "<a href='/c'>this</a> sentence.</p></body></html>")
    root = lxml_html.document_fromstring(page)
    carded = " ".join(root.xpath("//p")[0].text_content().split())
    plain = " ".join(root.xpath("//p")[1].text_content().split())
    out = drop_inline_cards(root, carded + "\n" + plain)
    assert out.split("\n") == ["The bill was drafted by Sen. Jane Doe (D-Ohio), her office said.",
                               plain]


def test_look_alike_sections_in_comments_or_related_regions_stay_out() -> None:
    page = _page(_section(FIRST) + "<div id='reader-comments'>" + _section(SECOND) + "</div>")
    assert restore_sections(page, "\n".join(FIRST)) == "\n".join(FIRST)
    root = lxml_html.document_fromstring(
        "<html><body><div class='grid__related'><p>x</p></div><div class='relatedness'>"
        "<p>y</p></div></body></html>")
    assert [in_furniture(p, set()) for p in root.iter("p")] == [True, False]
    # The story's own wrappers say nothing, whatever their class.
    root = lxml_html.document_fromstring(
        "<html><body><div class='content-with-sidebar'><p>x</p><div><p>y</p></div>"
        "<div class='related'><p>z</p></div></div></body></html>")
    story = wrappers([next(root.iter("p"))])
    assert [in_furniture(p, story) for p in root.iter("p")] == [False, False, True]


def test_a_nearly_empty_extraction_is_retried_with_recall_and_fallbacks() -> None:
    """When the first pass finds only a notice, the recall pass's story wins."""
    import trafilatura

    from parallax.ingest import html as html_module

    real = trafilatura.bare_extraction
    notice = "This copy is for your personal use only."

    def first_pass_misreads(page: str, **options: object) -> object:
        found = real(page, **options)
        if options.get("fast"):
            found.text = notice  # what a misread page yields
        return found

    page = _page("<article>" + _section(FIRST + SECOND) + "</article>")
    with mock.patch.object(trafilatura, "bare_extraction", first_pass_misreads):
        doc = html_module.html_document("d3", "d3.html", page)
    assert doc.source.split("\n\n") == FIRST + SECOND
