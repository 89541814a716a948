"""What a summary line shows of its sentence: the statement and its speaker, not
where and when it was said; a section label never; the citation on the
characters kept. Invented sentences, one per rule and per thing never trimmed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from parallax.analyze.sentences import split_sentences
from parallax.compare._summary_trim import trim
from parallax.compare.claims import find_claims
from parallax.compare.summary import summarize
from parallax.model import AnalyzedArticle, Document
from parallax.pipeline import clean_documents

from builders import analyze, make_article


def _item(text: str, language: str | None = None) -> AnalyzedArticle:
    article = make_article("a", text)
    if language:
        article = replace(article, document=replace(article.document, language=language))
    return AnalyzedArticle(article, split_sentences(text), (), (), ())


def _shown(text: str) -> tuple[str, str]:
    """The line shown for a one-sentence text, and the characters it cites."""
    item = _item(text)
    found = trim(item, 0, item.sentences[0].text)
    return found.text, text[found.start:found.end]


@pytest.mark.parametrize(("text", "shown"), [
    ("Harbour fees will rise by a tenth next year, the port authority said on Friday.",
     "Harbour fees will rise by a tenth next year, the port authority said."),
    ("Harbour fees will rise by a tenth, the port authority said Friday.",
     "Harbour fees will rise by a tenth, the port authority said."),
    ("\u201cWe will not sign a deal that drains the river,\u201d Mayor Ilse Varga told "
     "reporters at the quay.",
     "\u201cWe will not sign a deal that drains the river,\u201d Mayor Ilse Varga told "
     "reporters."),
    ("\u201cThe gates stay shut,\u201d the engineers wrote in a letter to the council.",
     "\u201cThe gates stay shut,\u201d the engineers wrote."),
    ("\u201cWho pays for the dredging?\u201d the harbour master said during a "
     "press conference on Tuesday evening.",
     "\u201cWho pays for the dredging?\u201d the harbour master said."),
])
def test_where_and_when_a_statement_was_made_is_not_shown(text: str, shown: str) -> None:
    line, cited = _shown(text)
    assert line == shown
    assert cited == shown.removesuffix(".")  # only the full stop is added


@pytest.mark.parametrize("text", [
    # The speaker is the line's source: never dropped.
    "Harbour fees will rise by a tenth next year, the port authority said.",
    # What follows the verb is the statement, or says it.
    "The port authority said in a statement that harbour fees will rise by a tenth.",
    "The board approved the fees, the port authority said on Friday as dockers walked out.",
    "Harbour fees will rise, the port authority said, according to two dockers.",
    "Harbour fees will rise by a tenth, the port authority said it expects.",
    # A date beyond this week: the old statement would read as this week's news.
    "The quay will close for good, the port authority announced in March.",
    "The quay will close for good, the port authority said last year.",
    "The quay will close for good, the port authority said on 3 May 2019.",
    # Too long to be a mere circumstance.
    "Fees rise, the board said at a long meeting in the old customs house by the north quay.",
    # A lead cut off after the verb states half a fact.
    "Harbour fees will rise by a tenth, the port authority said in a...",
    # No statement: a day that ends the sentence is when it happened.
    "The council approved the harbour budget on Friday.",
    # Leading times and connectors: the line shows them as ``standalone`` does.
    "On Friday, the council approved the harbour budget.",
])
def test_what_is_never_trimmed(text: str) -> None:
    item = _item(text)
    found = trim(item, 0, item.sentences[0].text)
    assert (found.start, found.end) == (0, len(item.sentences[0].text))


def test_a_section_label_is_not_shown_and_not_cited() -> None:
    text = "Why it matters: The quay handles a third of the river trade."
    assert _shown(text) == ("The quay handles a third of the river trade.",
                            "The quay handles a third of the river trade.")
    # Without the label the line would open on "It": the sentence stays whole.
    text = "Why it matters: It handles a third of the river trade."
    assert _shown(text) == (text, text)


def test_other_languages_keep_the_whole_sentence() -> None:
    text = "Les tarifs augmentent, the port authority said on Friday."
    item = _item(text, language="fr")
    found = trim(item, 0, item.sentences[0].text)
    assert (found.start, found.end, found.text) == (0, len(text), text)


def test_a_trimmed_line_cites_its_kept_characters_and_spends_its_shown_words() -> None:
    """Through the summary: the line's own span is the kept part, mapped to the
    source characters (the cleaner collapsed spaces, so the offsets differ), and
    a word budget counts the words shown (13 of the sentence's 18)."""
    source = ("Harbour   fees will rise by a tenth next year,  the port authority said at "
              "a meeting on Friday.\n\nDockers walked out of the hall before the board voted on "
              "the plan.")
    articles = clean_documents([Document("a", "a.txt", source, outlet="A")])
    analyzed = [analyze(article) for article in articles]
    lines = summarize(analyzed, find_claims(analyzed), words=14)
    assert [line.text for line in lines] == [
        "Harbour fees will rise by a tenth next year, the port authority said.",
        "Dockers walked out of the hall before the board voted on the plan."]
    own = lines[0].support[0]
    assert source[own.start:own.end] == (
        "Harbour   fees will rise by a tenth next year,  the port authority said")
    assert own.text == lines[0].text.removesuffix(".")
