"""Statement spans and attributions around quoted passages, on invented news prose.

A passage inside a reported clause that runs past it is that clause's
statement, with its marks; a question closing its own sentence is attributed
by the bare "X asked." after it, not by the previous speaker; "as X noted,"
attributes the sentence it sets off; a closing mark where only an opener fits
opens; bare verbs joined to an infinitive go on it (issue 13, PolNeAR span
boundaries).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from parallax.analyze.nlp import load_nlp
from parallax.analyze.quotes import extract_quotes
from parallax.analyze.sentences import split_sentences
from parallax.model import Quote
from tests.builders import make_article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def quotes(nlp: Language, text: str) -> tuple[Quote, ...]:
    found = extract_quotes(make_article("t", text), nlp(text), split_sentences(text))
    for quote in found:
        assert quote.span.text == text[quote.span.clean_start:quote.span.clean_end]
    return found


def test_a_passage_the_reported_clause_runs_past_is_part_of_it(nlp: Language) -> None:
    text = ('Spokeswoman Ada Lind said that "we will appeal" against what she saw as a '
            'biased ruling by the county court.')
    found = quotes(nlp, text)
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("partial", "Ada Lind", '"we will appeal" against what she saw as a biased ruling by '
                                'the county court')]


def test_a_clause_ending_on_its_passage_keeps_the_marks(nlp: Language) -> None:
    text = 'Mayor Olin Moss said the vote was a sign that "the town wants the pier."'
    found = quotes(nlp, text)
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("partial", "Olin Moss", 'the vote was a sign that "the town wants the pier."')]


def test_a_passage_relayed_from_another_speaker_stays_theirs(nlp: Language) -> None:
    text = ('The memo, signed by the mayor, warned the office of Governor Ada Roe that the '
            'harbour police advised "two gangs (were) operating within Brask."')
    found = quotes(nlp, text)
    passage = next(q for q in found if "gangs" in q.text)
    assert passage.kind == "direct" and passage.text.startswith("two gangs")


@pytest.mark.parametrize("text", [
    # The words after the passage report something else, under a cue of their own.
    'Governor Ada Roe said "walls work" as she confirmed the declaration would follow.',
    # The passage ended its words; what follows says when they were said.
    'Governor Ada Roe replied "That makes me careful," when her rival attacked the levy.',
    # A split quote: the words between the passages are the attribution.
    '"We will rebuild," Governor Ada Roe said, "and we will do it this year."',
])
def test_a_passage_stays_direct_when_the_clause_adds_nothing_of_it(nlp: Language,
                                                                    text: str) -> None:
    found = quotes(nlp, text)
    assert found and found[0].kind == "direct" and found[0].speaker == "Ada Roe"


def test_a_question_closing_its_sentence_goes_to_the_attribution_after_it(
        nlp: Language) -> None:
    text = ('Senator Ilse Marwood spoke on Tuesday. She said the flood was "the worst in a '
            'century."\n"How many times must this town drown?" Dray asked. "Nobody has an '
            'answer."')
    found = quotes(nlp, text)
    question = next(q for q in found if "drown" in q.text)
    assert question.speaker == "Dray" and question.cue_span is not None
    assert question.cue_span.text == "asked"
    assert "Nobody has an answer" in question.text  # the passage after it goes on


@pytest.mark.parametrize(("text", "statement", "speaker"), [
    ("As several engineers have noted, the dam can open its gates even in winter.",
     "the dam can open its gates even in winter", "several engineers"),
    ("The gates will stay shut until spring, as Mayor Ada Moss told reporters.",
     "The gates will stay shut until spring", "Ada Moss"),
])
def test_as_noted_attributes_the_sentence_it_sets_off(nlp: Language, text: str,
                                                      statement: str, speaker: str) -> None:
    found = quotes(nlp, text)
    assert [q.text for q in found] == [statement]
    assert found[0].speaker_span is not None and speaker in found[0].speaker_span.text


@pytest.mark.parametrize("text", [
    "As the minister testified, protesters gathered outside the hall.",
    "If, as I noted, the dam fails, the town will flood within hours.",
    "The same way, as you rightly pointed out, people rushed to judge the harbour board.",
])
def test_an_as_clause_that_says_when_attributes_nothing(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == ()


def test_a_closing_mark_set_as_an_opener_opens_a_signed_comment(nlp: Language) -> None:
    comments = {"Ada Quill, 34, Brask": "The mayor has divided this town. She is our worst.",
                "Olin Moss, 51": "Fear. I am truly afraid that the levy will pass."}
    text = "Readers wrote in after the debate.\n\n" + "\n".join(
        f"\u201d{words}\u201d \u2015 {signer}" for signer, words in comments.items())
    assert [(q.speaker, q.text) for q in quotes(nlp, text)] == [
        ("Ada Quill", comments["Ada Quill, 34, Brask"]), ("Olin Moss", comments["Olin Moss, 51"])]


def test_bare_verbs_after_an_infinitive_go_on_it(nlp: Language) -> None:
    text = "Mayor Ada Moss vowed to repair the pier, widen the road and open a new school."
    assert [q.text for q in quotes(nlp, text)] == [
        "to repair the pier, widen the road and open a new school"]


def test_a_heading_after_a_label_is_not_a_statement(nlp: Language) -> None:
    text = ("Greta Lind: Mayor Was Headed to Court But Turned Back to Avoid Cameras\n\n"
            "Greta Lind: the reform will cut waiting lists by half.")
    assert [q.text for q in quotes(nlp, text)] == ["the reform will cut waiting lists by half"]


def test_a_that_clause_hung_on_the_hearer_is_what_was_told(nlp: Language) -> None:
    text = ("In Tarn last week, Mayor Olin Moss told a meeting of island leaders that few "
            "people understood the stakes of the levy better than the fishermen.")
    assert [q.text for q in quotes(nlp, text)] == [
        "few people understood the stakes of the levy better than the fishermen"]
