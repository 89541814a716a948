"""What is not a statement, on invented news prose: one test per class (issue 13).

Acts and plans, topics without a verb ("spoke of his service" says what was
discussed, not what was said) and a bare name after a cue, negated, merely possible or withheld
reporting, indirect questions, the hearer of a passive cue, a dateline the parse takes
for a subject, and the writer's own account (a mind told in the past, a wish, an aim read
into a possessed noun, what describes a cue's object). Each would put words in someone's
mouth in "Who said what".
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from parallax.analyze.nlp import load_nlp
from parallax.analyze.quotes import extract_quotes
from parallax.analyze.sentences import split_sentences
from parallax.model import Quote
from parallax.options import DEFAULT_OPTIONS
from tests.builders import make_article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def quotes(nlp: Language, text: str) -> tuple[Quote, ...]:
    return extract_quotes(make_article("t", text), nlp(text), split_sentences(text))


def test_acts_and_plans_are_not_statements(nlp: Language) -> None:
    text = ("Governor Ilse Marwood declared an emergency across the valley on Friday. "
            "The agency plans to move about $40 million from its road budget. "
            "Mayor Ocampo addressed a rally in the square.")
    assert quotes(nlp, text) == ()


def test_what_the_words_were_about_is_not_a_statement(nlp: Language) -> None:
    text = ("At the ceremony, Senator Olin Brask talked about his years at sea. "
            "Critics of the mayor hinted at a recall vote.")
    assert [q.text for q in quotes(nlp, text)] == []


def test_a_topic_with_a_verb_is_a_statement(nlp: Language) -> None:
    text = "At the ceremony, Senator Olin Brask spoke of needing more time for the repairs."
    assert [q.text for q in quotes(nlp, text)] == ["needing more time for the repairs"]


def test_a_name_alone_after_a_cue_is_not_a_statement(nlp: Language) -> None:
    text = "The senators criticized Governor Ada Morrow on Tuesday."
    assert [q.text for q in quotes(nlp, text)] == []


@pytest.mark.parametrize("text", [
    "The panel released its findings without recommending charges against the sheriff.",
    "Senator Ulla Dray stopped short of calling for the festival to be cancelled.",
    "Minister Pavo Lindqvist declined to say whether the port would reopen.",
    "The council did not say whether the bridge would be repaired.",
    # An indirect question asserts nothing either.
    "After the hearing, Senator Lind questioned why the memo was never sent.",
    "The mayor asked whether the pier would reopen.",
    # People accused of something are not accusing.
    "Voters punished the harbour councillors accused of appeasing the mayor.",
])
def test_negated_withheld_and_asked_reporting_is_not_a_statement(nlp: Language,
                                                                 text: str) -> None:
    assert [q.text for q in quotes(nlp, text)] == []


def test_the_hearer_of_a_passive_cue_is_not_the_speaker(nlp: Language) -> None:
    text = "At the hearing, Ms. Ortlieb was asked whether she had read the memo."
    assert all(q.speaker != "Ortlieb" for q in quotes(nlp, text))


def test_a_dateline_is_not_a_speaker(nlp: Language) -> None:
    text = ("HARWICK \u2014 Records released by the council on Monday revealed a dispute "
            "over the budget between the mayor and the treasurer.")
    assert all(q.speaker != "HARWICK" and (q.speaker_span is None
                                           or "HARWICK" not in q.speaker_span.text)
               for q in quotes(nlp, text))


def test_an_outlets_lead_in_before_a_line_break_is_not_the_speakers(nlp: Language) -> None:
    text = ('Here is a passage from the council report:\n\n'
            '"We will rebuild the pier before winter," Mayor Ada Lindqvist said.')
    assert [q.text for q in quotes(nlp, text)] == ["We will rebuild the pier before winter"]


def test_how_the_words_were_said_is_not_the_statement(nlp: Language) -> None:
    text = ("Speaking to reporters after the storm on the ferry, Harbour Master Ivo Brand "
            "warned that the pier would stay shut.")
    assert [q.text for q in quotes(nlp, text)] == ["the pier would stay shut"]


def test_a_bare_noun_phrase_after_a_cue_is_what_was_disputed_not_said(nlp: Language) -> None:
    text = ("Mayor Ada Quill's campaign denied the allegations on Friday. Several harbour "
            "senators criticized the ruling. Quill called the levy a trap. Brenner "
            "denied that he had seen the contract.")
    shown = [q.text for q in quotes(nlp, text)]
    assert "the allegations" not in shown and "the ruling" not in shown
    # A predicate or a clause still states something.
    assert any("a trap" in t for t in shown)
    assert any("he had seen the contract" in t for t in shown)


def test_bare_objects_are_kept_when_asked(nlp: Language) -> None:
    text = "Mayor Ada Quill's campaign denied the allegations on Friday."
    options = replace(DEFAULT_OPTIONS.quotes, bare_objects=True)
    found = extract_quotes(make_article("t", text), nlp(text), split_sentences(text),
                           options=options)
    assert [q.text for q in found] == ["the allegations"]


def test_a_cue_in_a_when_clause_does_not_make_the_writers_clause_a_statement(
        nlp: Language) -> None:
    text = ("Mayor Tilda Oakes has led the harbour board since 2015. But what is striking "
            "about Ms. Oakes's record is the contrast between the many votes she skipped, "
            "and the confident way she often talks about that period of her career now, "
            "especially when she is speaking at party dinners or other civic events.")
    assert [q.text for q in quotes(nlp, text)] == []



@pytest.mark.parametrize("text", [
    # A negated noun cue or object: nothing was voiced or revealed.
    "The minister expressed no concern that the new levy would hurt fishermen.",
    "The audit revealed no evidence that the mayor had approved the deal.",
    # A wish or a plan: not said yet.
    "In publishing the letters, the council was hoping to show that the mayor approved the deal.",
    # What someone thought at the time is the writer's account of a mind, not words.
    "Harbour chief Ilse Brann believed the levy was unfair.",
    'The clerks changed the word "storm" to "squall" because they believed "storm" and '
    '"gale" meant the same.',
    # The words before the comma say when the cue spoke, not what it said.
    "In a reply shortly after the letters were made public on Monday, Tomas Brandt, the "
    "port director, said just that.",
])
def test_the_writers_account_is_not_a_statement(nlp: Language, text: str) -> None:
    assert [q.text for q in quotes(nlp, text)] == []


def test_a_stance_held_now_and_a_voiced_concern_are_statements(nlp: Language) -> None:
    assert [q.text for q in quotes(nlp, "Port officials believe the levy is unfair.")] == [
        "the levy is unfair"]
    text = "The minister expressed concern that the new levy would hurt fishermen."
    assert [q.text for q in quotes(nlp, text)] == ["the new levy would hurt fishermen"]


def test_what_describes_an_object_does_not_make_it_a_statement(nlp: Language) -> None:
    text = ("The mayor praised the volunteers, while dismissing Ada Quill, who has not. "
            "Citing two port officials involved in the talks, the Ledger reported that the "
            "pier would close.")
    assert [q.text for q in quotes(nlp, text)] == ["the pier would close"]
    # A relative clause that defines the object is what was cited.
    text = "Senator Olin Brask cited comments the mayor had made about the levy."
    assert [q.text for q in quotes(nlp, text)] == ["comments the mayor had made about the levy"]


def test_a_question_after_a_label_and_an_aim_the_writer_reads_are_not_statements(
        nlp: Language) -> None:
    text = ("Explainer: What is the harbour dispute, and why did the talks fail?\n\n"
            "But President Ilse Brann's priority lies in rebuilding the harbour and demanding "
            "the lifting of the levy.")
    assert [q.text for q in quotes(nlp, text)] == []


def test_a_condition_inside_a_statement_and_a_told_how_stay(nlp: Language) -> None:
    text = "The mayor said if the storm passed, the pier would reopen."
    assert [q.text for q in quotes(nlp, text)] == ["if the storm passed, the pier would reopen"]
    text = "Prosecutors described how the clerk had hidden the files."
    assert [q.text for q in quotes(nlp, text)] == ["how the clerk had hidden the files"]


def test_a_quote_never_holds_its_own_attribution(nlp: Language) -> None:
    # The verb inside the quotation marks is the paper's words, not Harlan's statement.
    text = ("The Quessa Ledger reported the deal on Monday.\n\n"
            "According to the Ledger, \u201cHarlan then admitted the payments during his "
            "interviews with the board.\u201d\n\nThe board declined to comment.")
    found = quotes(nlp, text)
    inner = [q for q in found if q.text.strip("\u201c\u201d").startswith("Harlan then")]
    assert inner, found
    for quote in inner:
        assert quote.speaker_span is None or quote.speaker_span.text != "Harlan", quote


def test_a_cue_in_a_relative_clause_does_not_report_the_clause_before_it(nlp: Language) -> None:
    text = ("The charter kept Ada Roe from the presidency even after her party won the "
            "vote last year. She has taken a newly created post as state counselor, in "
            "which she advises President Tomas Brenner.")
    assert [q.text for q in quotes(nlp, text)] == []
