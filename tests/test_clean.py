"""Cleaning on hand-written pages: each boilerplate kind, each repair, each flag."""

from __future__ import annotations

import pytest

from parallax.clean import clean_document, repeated_lines
from parallax.model import Article, Document

from contract import check_paragraphs_map_back

STORY = (
    "The harbour authority of Velmora confirmed on Tuesday that the northern pier will close "
    "for repairs next month.\n\n"
    "Officials said the closure would last about six weeks and that ferries would use the "
    "southern terminal instead.\n\n"
    "Fishermen told reporters they feared the detour would add an hour to every trip, and the "
    "local council promised to review the timetable before the works begin.\n\n"
    "The last major repair of the pier took place in 2009, when storms damaged its wooden "
    "deck and several mooring posts had to be replaced by divers."
)


def clean(source: str, **document: str) -> Article:
    return clean_document(Document("doc", "doc.txt", source, **document))


def reasons(article: Article) -> dict[str, str]:
    return {removal.text: removal.reason for removal in article.removed}


def assert_story_kept(article: Article) -> None:
    for paragraph in STORY.split("\n\n"):
        assert paragraph in article.text


# --- boilerplate kinds -----------------------------------------------------------------------

@pytest.mark.parametrize(("tail", "reason"), [
    ("Sign up for our weekly newsletter\n\nEmail Address *\n\nSubscribe", "newsletter"),
    ("ADVERTISEMENT", "advert"),
    ("press@velmora-news.com\n+44 20 7946 0958", "contact"),
    ("We use cookies to improve your browsing experience. By continuing you accept our "
     "cookie policy.", "cookie"),
    ("To continue reading\n\nStart your free trial", "paywall"),
    ("Share this\n\nFacebook Twitter WhatsApp", "share"),
    ("Facebook Comments", "comments"),
    ("The views and opinions expressed here do not necessarily reflect those of the "
     "publisher.", "disclaimer"),
    ("Read more: Ferry prices rise again", "related"),
    ("Photo: the northern pier at dawn", "caption"),
    ("Home > News > Harbour", "navigation"),
    ("Reporting by Ana Ruiz; Editing by Tom Field", "byline"),
])
def test_trailing_boilerplate_is_removed_with_its_reason(tail: str, reason: str) -> None:
    article = clean(f"{STORY}\n\n{tail}")
    assert_story_kept(article)
    assert article.text.endswith("replaced by divers.")
    assert [r.reason for r in article.removed] == [reason]
    removal = article.removed[0]
    assert article.document.source[removal.start:removal.end] == removal.text == tail


def test_trailing_region_is_split_by_cue_and_headlines_are_related() -> None:
    tail = ("Subscribe to the Harbour Bulletin\n\nFull Name\n\nEmail Address *\n\n"
            "Everything you need to know about the Velmora Ferry Strike\n\n"
            "JOIN TODAY!\n\nONLINE COURSE IN MARITIME LAW")
    article = clean(f"{STORY}\n\n{tail}")
    assert [r.reason for r in article.removed] == ["newsletter", "related", "advert"]
    assert article.removed[0].text.endswith("Email Address *")


def test_section_heading_between_paragraphs_is_kept() -> None:
    first, second, *rest = STORY.split("\n\n")
    article = clean("\n\n".join([first, "Background", second, *rest]))
    assert "\n\nBackground\n\n" in article.text
    assert article.removed == ()


def test_sentence_mentioning_cues_is_kept() -> None:
    line = "The council said residents could subscribe to text alerts about the closure."
    article = clean(f"{STORY}\n\n{line}")
    assert article.text.endswith(line)
    assert article.removed == ()


def test_short_last_sentence_is_kept() -> None:
    article = clean(f"{STORY}\n\nNo one objected.")
    assert article.text.endswith("No one objected.")


def test_advert_in_the_middle_is_removed() -> None:
    first, *rest = STORY.split("\n\n")
    article = clean("\n\n".join([first, "Advertisement", *rest]))
    assert "Advertisement" not in article.text
    assert reasons(article) == {"Advertisement": "advert"}


def test_repeated_fragment_is_removed_but_repeated_prose_is_not() -> None:
    footer = "Velmora Daily | Port Edition"
    documents = [
        Document(str(i), f"{i}.txt", f"{STORY}\n\n{footer}", outlet="Velmora Daily")
        for i in range(2)
    ]
    repeated = repeated_lines(documents)
    assert "velmora daily port edition" in repeated
    assert not any("harbour authority" in line for line in repeated)
    first, *rest = STORY.split("\n\n")
    article = clean_document(
        Document("x", "x.txt", "\n\n".join([first, footer, *rest])), repeated=repeated
    )
    assert footer not in article.text
    assert reasons(article) == {footer: "repeated"}
    assert_story_kept(article)


def test_repeated_lines_needs_three_documents_across_outlets() -> None:
    line = "Port Edition"
    docs = [Document(str(i), "p", f"{STORY}\n\n{line}", outlet=f"o{i}") for i in range(3)]
    assert "port edition" not in repeated_lines(docs[:2])
    assert "port edition" in repeated_lines(docs)


# --- repairs ---------------------------------------------------------------------------------

def repaired(sentence: str) -> tuple[str, Article]:
    article = clean(f"{STORY}\n\n{sentence}")
    return article.text.rsplit("\n\n", 1)[-1], article


@pytest.mark.parametrize(("raw", "fixed"), [
    ("The mayor said “[No change](#) is planned this year.”",
     "The mayor said “No change is planned this year.”"),
    ("The minister said, \"[\\[the ferry\\]](#) will run on time.\"",
     "The minister said, \"[the ferry] will run on time.\""),
    ("The minister said “[\\[the ferry\\]](#) will run” on Monday.",
     "The minister said “[the ferry] will run” on Monday."),
    ("The ferry sails from [\\[Velmora\\]](#) at noon.",
     "The ferry sails from Velmora at noon."),
    ("The report by [the port office](https://example.org/report) was short.",
     "The report by the port office was short."),
])
def test_markdown_link_debris(raw: str, fixed: str) -> None:
    """Escaped brackets stay only inside a quotation, where they mark the reporter's words."""
    text, article = repaired(raw)
    assert text == fixed
    assert any(r.reason == "markdown-link" for r in article.repairs)


def test_markdown_bold_markers_are_dropped_and_mapped() -> None:
    text, article = repaired("**Why does the ferry matter?**")
    assert text == "Why does the ferry matter?"
    repair = next(r for r in article.repairs if r.reason == "markdown-emphasis")
    assert article.document.source[repair.start:repair.end] == "**Why does the ferry matter?**"
    start = article.text.index("Why does")
    span = article.span(start, start + len("Why does the ferry matter?"))
    assert article.document.source[span.start:span.end].strip("*") == text


@pytest.mark.parametrize(("raw", "fixed"), [
    ("The captain said Austriawanted new cranes before winter.",
     "The captain said Austria wanted new cranes before winter."),
    ("The strike went on whileNorth Velmora stayed calm.",
     "The strike went on while North Velmora stayed calm."),
    ("The captain said Velmorawanted new cranes before winter.",
     "The captain said Velmora wanted new cranes before winter."),
    ("Dockers voted to stopthe night shifts at once.",
     "Dockers voted to stop the night shifts at once."),
    ("A spokesman said Norwaycomes next on the list.",
     "A spokesman said Norway comes next on the list."),
    ("Later that day former clerk MichaelCohenaccused the board of lying.",
     "Later that day former clerk Michael Cohen accused the board of lying."),
    ("The mayor closed thedam road for a week.", "The mayor closed the dam road for a week."),
    ("Most ofthe boats stayed in port.", "Most of the boats stayed in port."),
])
def test_glued_words_are_split(raw: str, fixed: str) -> None:
    text, article = repaired(raw)
    assert text == fixed
    assert [r.reason for r in article.repairs] == ["glued-words"]


@pytest.mark.parametrize("word", [
    "denuclearization", "denuclearize", "denuclearisation", "blockchain", "livestreamed",
    "WhatsApp", "Yongbyon", "Pyongyang", "Zelenskyy", "Navalny", "Youngkin", "Mnuchin",
    "Korvath", "Tarnholm", "Ashcombe", "Kelmora", "cannot", "often", "atone", "within",
    "Waithe", "galat", "inform",
])
def test_words_that_must_never_be_split(word: str) -> None:
    text, article = repaired(f"The talks turned to {word} again on Friday.")
    assert word in text
    assert article.repairs == ()


def test_recurring_unknown_token_is_a_name() -> None:
    text, article = repaired("Korvathwent quiet, and Korvathwent home.")
    assert text.count("Korvathwent") == 2
    assert article.repairs == ()


@pytest.mark.parametrize(("raw", "fixed"), [
    ("He spoke on Capitol Hill.Kim Lee answered.", "He spoke on Capitol Hill. Kim Lee answered."),
    ('He urged calm."What matters is safety," she said.',
     'He urged calm. "What matters is safety," she said.'),
    ('She wanted "good results".The board agreed.',
     'She wanted "good results". The board agreed.'),
    ("Talks failed,and the ferries stopped.", "Talks failed, and the ferries stopped."),
])
def test_missing_space_after_sentence_end(raw: str, fixed: str) -> None:
    text, article = repaired(raw)
    assert text == fixed
    assert {r.reason for r in article.repairs} == {"missing-space"}


@pytest.mark.parametrize("sentence", [
    "The U.S. delegation arrived at 10.30 on Monday.",
    "Details are at www.velmora.org.Uk readers may call.",
    "Write to harbour.office@velmora.org.Staff reply daily.",
    'He said "stop."Then he left.',
])
def test_no_space_inserted_in_abbreviations_numbers_urls(sentence: str) -> None:
    text, article = repaired(sentence)
    if sentence.startswith('He said'):
        assert text == 'He said "stop." Then he left.'
    else:
        assert text == sentence
        assert article.repairs == ()


def test_sentence_broken_across_blank_line_is_joined() -> None:
    article = clean(STORY.replace("pier will close for", "pier will\n\nclose for"))
    assert article.text.startswith(STORY.split("\n\n")[0])
    assert [r.reason for r in article.repairs] == ["broken-sentence"]


def test_hard_wrapped_paragraph_is_unwrapped() -> None:
    words = STORY.split("\n\n")[0].split()
    wrapped = "\n".join(" ".join(words[i:i + 6]) for i in range(0, len(words), 6))
    article = clean(wrapped + "\n\n" + STORY.split("\n\n", 1)[1])
    assert article.text.startswith(STORY.split("\n\n")[0] + "\n\n")
    assert article.repairs == ()


def test_paragraph_per_line_layout_keeps_headings_apart() -> None:
    first, second, *rest = STORY.split("\n\n")
    article = clean("\n".join(["Pier closure explained", first, "What comes next", second,
                               *rest]))
    assert article.text.split("\n\n")[:4] == ["Pier closure explained", first,
                                              "What comes next", second]


def test_spaces_are_collapsed_and_curly_quotes_kept() -> None:
    text, _ = repaired("The mayor  said\t“it will   be fine.”")
    assert text == "The mayor said “it will be fine.”"


def test_mojibake_is_fixed_and_mapped() -> None:
    text, article = repaired("The mayor said itâ€™s a fair plan.")
    assert text == "The mayor said it\u2019s a fair plan."
    repair = next(r for r in article.repairs if r.reason == "mojibake")
    assert article.document.source[repair.start:repair.end] == repair.original
    start = article.text.index("it\u2019s")
    span = article.span(start, start + 4)
    assert article.document.source[span.start:span.end] == "itâ€™s"


# --- flags -----------------------------------------------------------------------------------

def test_complete_story_has_no_flags() -> None:
    assert clean(STORY).flags == ()


def test_truncated_flags() -> None:
    assert "truncated" in clean(STORY + " Then the divers found...").flags
    cut = STORY + "\n\nThe council will publish the new ferry timetable once the engineers have"
    assert "truncated" in clean(cut).flags
    paywalled = clean(STORY + "\n\nSubscribe to read the rest of this article")
    assert {"truncated", "paywall"} <= set(paywalled.flags)


def test_very_short_and_non_english() -> None:
    assert "very-short" in clean(STORY.split("\n\n")[0]).flags
    german = ("Die Hafenbehörde von Velmora bestätigte am Dienstag, dass der nördliche Pier "
              "im nächsten Monat für Reparaturen geschlossen wird. Fischer befürchten Umwege "
              "und längere Fahrten, während der Stadtrat eine Prüfung verspricht.")
    assert "non-english" in clean(german).flags
    assert "non-english" not in clean(STORY).flags
    assert "non-english" in clean(STORY, language="fr").flags


# --- invariants ------------------------------------------------------------------------------

def test_paragraphs_map_back_to_source_words() -> None:
    source = ("  Pier closure\n\n" + STORY.replace(" said ", "  said ") +
              "\n\nAustriawanted more.\n\n\n\nSubscribe")
    article = clean(source)
    assert "\n\n\n" not in article.text and article.text == article.text.strip()
    check_paragraphs_map_back(article)


# --- menus and shape -------------------------------------------------------------------------

def test_leading_menu_is_removed_and_headline_kept() -> None:
    menu = "Home\nWorld\nBusiness\nSport\nWeather"
    article = clean(f"{menu}\n\nVelmora pier to close\n\n{STORY}")
    assert article.text.startswith("Velmora pier to close\n\n")
    assert reasons(article) == {menu: "navigation"}


def test_menu_between_paragraphs_is_removed_but_a_list_is_kept() -> None:
    first, *rest = STORY.split("\n\n")
    menu = "\n".join(["Opinion", "Culture", "Travel", "Video", "Podcasts"])
    schedule = "\n".join(f"June {d} -- Velmora harbour stage, north quay, open air" for d in
                         range(1, 7))
    article = clean("\n\n".join([first, menu, rest[0], schedule, *rest[1:]]))
    assert "Podcasts" not in article.text
    assert "June 6 -- Velmora harbour stage" in article.text


def test_line_ending_with_credit_or_emoji_is_prose() -> None:
    credit = ("More than three hundred passengers were stranded on the quay for most of the "
              "night before the ferry company found a replacement boat. PTI")
    emoji = "The crew of the replacement boat was thanked by the whole town! \U0001f642"
    article = clean(f"{STORY}\n\n{credit}\n\n{emoji}")
    assert article.text.endswith(f"{credit}\n\n{emoji}")


def test_invisible_characters_make_a_blank_line() -> None:
    first, second, *rest = STORY.split("\n\n")
    article = clean("\n\n".join([first, "\u200b", second, *rest]))
    assert "\u200b" not in article.text
    assert article.text == STORY


# --- widgets, bylines, separators ------------------------------------------------------------

def test_box_between_rules_goes_whole_with_its_majority_reason() -> None:
    box = ("-----\nADVERTISEMENT\nVelmora Sailing School - summer courses for beginners\n"
           "Lessons start in June. Small crews, friendly skippers, free life jackets.\n"
           "Book now: sail@velmora-school.example\n-----")
    article = clean(f"{STORY}\n\n{box}")
    assert_story_kept(article)
    assert article.text.endswith("replaced by divers.")
    assert reasons(article) == {box: "advert"}


def test_rules_between_paragraphs_are_dropped_and_a_long_section_is_never_a_box() -> None:
    first, second, third, fourth = STORY.split("\n\n")
    caption = "Photo: the pier at dawn"
    source = f"{first}\n***\n{caption}\n{second}\n{third}\n***\n{fourth}"
    article = clean(source)
    assert_story_kept(article)
    # The first rule opens the caption, the second stands alone.
    assert reasons(article) == {f"***\n{caption}": "caption", "***": "separator"}


def test_weak_fragment_goes_with_the_notice_it_belongs_to() -> None:
    notice = ("We use cookies to improve your browsing experience on this site. By continuing you "
              "accept our cookie policy.")
    article = clean(f"{notice}\nAccept   Settings\n\n{STORY}")
    assert_story_kept(article)
    assert reasons(article) == {f"{notice}\nAccept   Settings": "cookie"}


@pytest.mark.parametrize("byline", [
    "By Mira Castellan | Velmora Daily | 3 June 2024",
    "Velmora Daily staff | June 3, 2024",
    "Reporting: Mira Castellan and Ode Varga",
])
def test_byline_under_a_headline_is_removed_and_the_headline_kept(byline: str) -> None:
    headline = "Velmora pier will close for six weeks as repairs begin next month"
    article = clean(f"{headline}\n{byline}\n\n{STORY}")
    assert article.text.startswith(f"{headline}\n\n")
    assert reasons(article) == {byline: "byline"}


def test_author_bio_after_the_story_is_removed() -> None:
    bio = "Dr Mira Castellan is a harbour historian at the University of Velmora."
    article = clean(f"By Dr Mira Castellan | Velmora Review\n\n{STORY}\n\n{bio}")
    assert_story_kept(article)
    assert reasons(article)[bio] == "bio"
    named = clean(f"{STORY}\n\nMira Castellan is a harbour historian.", author="Mira Castellan")
    assert [r.reason for r in named.removed] == ["bio"]


def test_story_sentence_about_another_person_is_not_a_bio() -> None:
    line = "Ode Varga is a harbour pilot who has worked on the pier since 1990."
    article = clean(f"By Mira Castellan | Velmora Review\n\n{STORY}\n\n{line}")
    assert line in article.text


@pytest.mark.parametrize(("tail", "reason"), [
    ("Comments (3)\nSign in to join the conversation. Comments are moderated.", "comments"),
    ("This story was provided by the Velmora Wire and is republished under a syndication "
     "agreement.", "disclaimer"),
    ("The Harbour Bulletin: the week's port news in your inbox", "newsletter"),
    ("Unlimited access to Velmora news for just 1 euro in your first month.", "paywall"),
])
def test_more_furniture_phrases(tail: str, reason: str) -> None:
    article = clean(f"{STORY}\n\n{tail}")
    assert article.text.endswith("replaced by divers.")
    assert [r.reason for r in article.removed] == [reason]


def test_bare_addresses_a_page_story_prints_stay_but_its_own_address_goes() -> None:
    own = "https://www.velmora-daily.example.com/news/pier-closure"
    items = ("1) Tide tables for the northern coast\n\n"
             "https://shop.example.org/tide-tables\n\n"
             "2) A field guide to harbour birds\n\n"
             "https://shop.example.org/harbour-birds")
    source = f"{STORY}\n\n{items}\n\n{own}/"
    page = clean(source, html="<html><body><p>page</p></body></html>", url=own)
    assert "https://shop.example.org/tide-tables" in page.text
    assert page.text.endswith("https://shop.example.org/harbour-birds")
    assert reasons(page) == {f"{own}/": "contact"}
    # Flattened page text keeps its old rule: a bare address there is furniture.
    text = clean(source)
    assert "https://shop.example.org/tide-tables" not in text.text
