"""Second reading of speakers on invented news prose (``_quote_sources`` and the
speaker rules it leans on): one test per class a first reading left unnamed or
named wrongly on real reporting (issue 13), and the cases that must stay unnamed.
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
    return extract_quotes(make_article("t", text), nlp(text), split_sentences(text))


def quote_with(found: tuple[Quote, ...], fragment: str) -> Quote:
    return next(q for q in found if fragment in q.text)


def mention(quote: Quote) -> str | None:
    return quote.speaker_span.text if quote.speaker_span else None


def test_his_campaign_is_the_campaign_of_the_subjects_owner(nlp: Language) -> None:
    text = ("Tomas Brenner's campaign disputed a report in the Ledger as a distortion of his "
            "record, six months at the depot and four years in the reserve, according to "
            "his campaign.")
    found = quote_with(quotes(nlp, text), "distortion")
    assert found.speaker == "Tomas Brenner's campaign"
    assert mention(found) == "his campaign"


def test_his_campaign_with_no_man_to_own_it_stays_unnamed(nlp: Language) -> None:
    text = ("Ms. Ada Roe was not at the hearing. The board approved the budget, six votes "
            "to two, according to his campaign.")
    assert quote_with(quotes(nlp, text), "approved the budget").speaker is None


def test_a_shared_surname_goes_to_the_one_person_of_the_honorifics_sex(
        nlp: Language) -> None:
    text = ("Among those predicting defeat was Peter Wendt, a lawyer and the husband of "
            "Susan Wendt, the governor's adviser. \"If he knows he will lose,\" Mr. Wendt, "
            "a critic of the governor, wrote online, \"then he knows the order is unlawful.\"")
    assert quote_with(quotes(nlp, text), "he will lose").speaker == "Peter Wendt"


def test_a_surname_two_men_share_stays_a_surname(nlp: Language) -> None:
    text = ("Tomas Wendt and his brother Karl Wendt both ran for the council. "
            "\"We will appeal,\" Mr. Wendt said.")
    assert quote_with(quotes(nlp, text), "We will appeal").speaker == "Wendt"


def test_the_article_speaks_for_the_outlet_that_published_it(nlp: Language) -> None:
    text = ("The Daily Ledger published the story on Tuesday, quoting three sources. The mayor "
            "denied it. The article said that the mayor's testimony \"marks a new low for the "
            "city.\"")
    found = quote_with(quotes(nlp, text), "new low")
    assert found.speaker == "Daily Ledger"
    assert mention(found) == "The article"


def test_the_report_of_no_named_author_stays_unnamed(nlp: Language) -> None:
    text = ("An audit released on Monday found gaps in the accounts. The report said the "
            "harbour fund \"has lost track of four million.\"")
    assert quote_with(quotes(nlp, text), "harbour fund").speaker is None


def test_a_memo_by_prosecutors_speaks_for_them_and_so_does_their_they(
        nlp: Language) -> None:
    text = ("That was a break with his past, according to a sentencing memo by federal "
            "prosecutors in Chicago, filed the same day. Driven by greed, they said, he "
            "\"used his power for deceptive ends.\"")
    found = quotes(nlp, text)
    assert quote_with(found, "break with his past").speaker == "federal prosecutors in Chicago"
    assert quote_with(found, "deceptive ends").speaker == "federal prosecutors in Chicago"


def test_a_report_quoting_someone_else_is_not_the_writings(nlp: Language) -> None:
    text = ("The mayor's campaign called a Ledger report which includes video of him at a "
            "rally saying he had served abroad \"a gross distortion.\"")
    found = quote_with(quotes(nlp, text), "gross distortion")
    assert mention(found) == "The mayor's campaign"


def test_a_quote_is_signed_by_the_subject_after_its_closing_mark(nlp: Language) -> None:
    text = ("The move is sure to be challenged.\n\n"
            "\"Any crisis at the harbour is of the mayor's own making. There is no "
            "emergency,\" Harbour Attorney Ada Roe, who has sued the board several times, "
            "said in a statement.")
    assert quote_with(quotes(nlp, text), "Any crisis").speaker == "Ada Roe"


def test_a_quotation_over_a_paragraph_break_is_one_speakers(nlp: Language) -> None:
    text = ("In a statement on Saturday, Ledger spokesman Tomas Brenner defended the paper's "
            "reporting.\n\n"
            "\"As we have re-checked our reporting, we have seen no sign that any part of "
            "our story is wrong.\n\n"
            "We remain confident in what we have reported,\" he said.")
    assert quote_with(quotes(nlp, text), "re-checked").speaker == "Tomas Brenner"


def test_a_subject_before_one_aside_is_the_cues(nlp: Language) -> None:
    text = ("Late on Friday, Ms. Ada Roe, back from the harbour inspection, wrote to the "
            "board, \"These figures still do not add up.\"")
    assert quote_with(quotes(nlp, text), "do not add up").speaker == "Ada Roe"


def test_they_after_a_described_group_is_that_group(nlp: Language) -> None:
    text = ("In fact, according to prosecutors, the talks went on until June, after the "
            "vote.\n\nThey also said the lawyer had briefed the family about the talks.")
    assert quote_with(quotes(nlp, text), "briefed the family").speaker == "prosecutors"


def test_they_after_another_plural_subject_is_not_the_earlier_group(nlp: Language) -> None:
    text = ("According to prosecutors, the talks went on until June. The defence lawyers met "
            "the family in July. They also said the lawyer had briefed the family.")
    assert quote_with(quotes(nlp, text), "had briefed").speaker != "prosecutors"


def test_they_after_two_people_named_together_is_theirs(nlp: Language) -> None:
    text = ("\"This order is an attack on the budget by a governor who lost the vote,\" "
            "House Speaker Ada Moss and Senate Leader Ben Roe said in a statement.\n\n"
            "They vowed the legislature would \"defend our authority in the courts.\"")
    found = quotes(nlp, text)
    first = quote_with(found, "attack on the budget")
    assert first.speaker is not None
    assert quote_with(found, "defend our authority").speaker == first.speaker


def test_a_pronoun_goes_to_the_owner_of_the_sentences_subject(nlp: Language) -> None:
    text = ("Mr. Ostrander's wish for praise was plain when he named the pundits who back "
            "him, citing Carl Webber and Dirk Hale, although he insisted that \"they do not "
            "set policy.\"")
    assert quote_with(quotes(nlp, text), "set policy").speaker == "Ostrander"


def test_the_who_of_members_of_a_body_is_the_members(nlp: Language) -> None:
    text = ("The report drew a flurry of reactions from senior members of the Assembly who "
            "said that the charges could justify a recall.")
    assert mention(quote_with(quotes(nlp, text), "justify a recall")) == (
        "senior members of the Assembly")


def test_sources_keep_the_phrase_that_describes_them(nlp: Language) -> None:
    text = ("The inquiry heard from two other women who said they had been bullied by the "
            "coach. One person familiar with the coach's testimony said that he denied it. "
            "The coach left the club, according to people familiar with how the contract "
            "was drawn up.")
    found = quotes(nlp, text)
    assert mention(quote_with(found, "he denied it")) == (
        "One person familiar with the coach's testimony")
    assert mention(quote_with(found, "left the club")) == (
        "people familiar with how the contract was drawn up")


def test_a_transcripts_turn_is_its_labelled_speakers(nlp: Language) -> None:
    text = ("\"That is my answer,\" Chris Talbot said on the show.\n\n"
            "\"TALBOT: Why would the senator do that? Will he be there tomorrow night?")
    found = quote_with(quotes(nlp, text), "Why would")
    assert mention(found) == "TALBOT"
    assert found.speaker == "Chris Talbot"


def test_they_after_several_people_named_in_between_stays_unnamed(nlp: Language) -> None:
    text = ("Island lawmakers have complained that the board ignored its engineers.\n\n"
            "Mira Sand and Tomas Brenner said in a letter that the vote was unlawful. "
            "They vowed to take the board to court.")
    assert quote_with(quotes(nlp, text), "take the board to court").speaker is None
