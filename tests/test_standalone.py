"""Entry and summary text worded to stand alone, on invented articles parsed by spaCy."""

from __future__ import annotations

from dataclasses import replace

import pytest

from parallax.compare.standalone import leans_back, standalone
from parallax.model import Entity

from builders import parsed


def shown(text: str, sentence: int) -> str:
    item = parsed(text, "a")
    return standalone(item, sentence, item.sentences[sentence].text)


def test_a_leading_connector_is_dropped() -> None:
    text = "The port board met on Monday. But the dockers stayed away from the hall."
    assert shown(text, 1) == "The dockers stayed away from the hall."


def test_a_pronoun_gets_the_one_person_the_sentence_before_names() -> None:
    text = "Mayor Ilse Varga opened the new quay. She cut the ribbon at noon."
    assert shown(text, 1) == "[Varga] cut the ribbon at noon."
    text = "Mayor Ilse Varga opened the new quay. Her deputy cut the ribbon at noon."
    assert shown(text, 1) == "[Varga's] deputy cut the ribbon at noon."


def test_a_connector_then_a_pronoun_are_both_resolved() -> None:
    text = "Judge Tomas Brel heard the case in May. But he adjourned it until the autumn."
    assert shown(text, 1) == "[Brel] adjourned it until the autumn."


def test_a_person_the_pronouns_own_sentence_names_is_not_its_antecedent() -> None:
    # Two people before "Her", but one is the son the sentence itself names.
    text = ("\u201cTomas could have been saved,\u201d his mother, Ilse Varga, told the hearing. "
            "Her son Tomas Reyes, 19, drowned in 2014 off the north quay.")
    assert shown(text, 1) == "[Varga's] son Tomas Reyes, 19, drowned in 2014 off the north quay."


def test_a_surname_the_parser_tagged_elsewhere_counts_as_that_person() -> None:
    # The parser tags the full name once; the sentence before "He" writes the
    # surname alone in a place the parser does not tag it.
    text = ("Governor Rudolf Okonkwo-Brandt vetoed the harbour bill on Monday. "
            "The veto lets Okonkwo-Brandt keep the old tariff until spring. "
            "He signed a smaller bill the same afternoon.")
    item = parsed(text, "a")
    assert standalone(item, 2, item.sentences[2].text) == (
        "[Okonkwo-Brandt] signed a smaller bill the same afternoon.")


def test_a_pronoun_stays_when_the_antecedent_is_uncertain() -> None:
    # Two people before "He": a guess could name the wrong one.
    text = "Anna Smith met John Harper at the quay. He signed the lease that day."
    assert shown(text, 1) == "He signed the lease that day."
    # "It" may stand for anything: left as written.
    text = "Ilse Varga opened the quay. It cost four million crowns."
    assert shown(text, 1) == "It cost four million crowns."


@pytest.mark.parametrize(("text", "leans"), [
    ("He signed the lease.", True),
    ("But the dockers stayed away.", True),
    ("\u201cThis is a good day,\u201d the mayor said.", True),
    ("Then-mayor Ilse Varga signed the lease.", False),
    ("Harbour fees rose in May.", False),
])
def test_leans_back(text: str, leans: bool) -> None:
    assert leans_back(text) is leans


def test_a_storys_opening_dateline_is_not_shown() -> None:
    text = ("VELLMARK, Ostrava (NPA) - The harbour strike ended on Tuesday after nine days. "
            "Dockers returned to work at dawn.")
    assert shown(text, 0) == "The harbour strike ended on Tuesday after nine days."
    assert shown("The harbour strike ended on Tuesday. It had lasted nine days.", 0) == (
        "The harbour strike ended on Tuesday.")


def test_link_debris_is_not_shown() -> None:
    # A link's bracketed text with a quote mark spaced off it, as a cleaned page leaves it.
    text = ("The port board met on Monday. The mayor said, \u201c [The board] wanted the fees "
            "doubled.\u201d")
    item = parsed(text, "a")
    assert "\u201c [The board]" in item.sentences[1].text
    assert shown(text, 1) == "The mayor said, \u201c[The board] wanted the fees doubled.\u201d"


@pytest.mark.parametrize("connector", ["Instead", "Nevertheless", "Nonetheless"])
def test_contrastive_connectors_are_dropped(connector: str) -> None:
    text = f"The port board met on Monday. {connector}, the dockers stayed away from the hall."
    assert shown(text, 1) == "The dockers stayed away from the hall."


def test_a_pronoun_after_a_short_opening_phrase_gets_its_antecedent() -> None:
    text = "Mayor Ilse Varga opened the new quay. On Monday, she cut the ribbon at noon."
    assert shown(text, 1) == "On Monday, [Varga] cut the ribbon at noon."
    # A clause of its own before the comma is not a short opening phrase.
    text = ("Mayor Ilse Varga opened the new quay. When the harbour master finally left the "
            "hall, she cut the ribbon.")
    assert shown(text, 1).endswith(", she cut the ribbon.")


def test_quotes_name_the_speaker_the_quote_stage_gave_them() -> None:
    text = ("Port director Ilse Varga spoke to dockers at the quay on Monday. "
            "\u201cWe will not sign the lease,\u201d she said.\n\n"
            "\u201cThe fees are far too high for a small port.\u201d")
    assert shown(text, 1) == "\u201cWe will not sign the lease,\u201d [Ilse Varga] said."
    assert shown(text, 2) == (
        "[Ilse Varga:] \u201cThe fees are far too high for a small port.\u201d")


def test_a_quote_without_a_resolved_speaker_is_shown_as_written() -> None:
    # Nobody named before "she": the quote stage leaves it unattributed, and so does the line.
    text = "The hall was full on Monday. \u201cWe will not sign the lease,\u201d she said."
    assert shown(text, 1) == "\u201cWe will not sign the lease,\u201d she said."
    text = "The hall was full on Monday.\n\n\u201cThe fees are far too high for a small port.\u201d"
    assert shown(text, 1) == "\u201cThe fees are far too high for a small port.\u201d"


def test_a_closing_colon_says_that_what_it_announces_is_not_shown() -> None:
    text = "The port board met on Monday. The mayor answered at once, writing: The fees stay."
    item = parsed(text, "a")
    first = item.sentences[1].text.split(":")[0] + ":"
    assert standalone(item, 1, first) == "The mayor answered at once, writing: [\u2026]"


def test_words_quoted_on_after_the_attribution_name_their_speaker() -> None:
    text = ("Port director Ilse Varga spoke to dockers at the quay on Monday. "
            "\u201cWe will not sign the lease,\u201d she said. "
            "\u201cThe fees are far too high for a small port.\u201d")
    assert shown(text, 2) == (
        "[Ilse Varga:] \u201cThe fees are far too high for a small port.\u201d")


def test_a_pronoun_attributing_a_quote_is_the_quote_stages_speaker() -> None:
    # The sentence before names only the man spoken of; the one speaking is named
    # further back, and the quote stage gave him the quote.
    text = ("\u201cWe will not pay the levy,\u201d Tomas Brel said. "
            "He said Ilse Varga\u2019s plan \u201cis a trap.\u201d\n\n"
            "Of Varga, he said, \u201cI wish her well.\u201d")
    item = parsed(text, "a")
    assert standalone(item, 2, item.sentences[2].text).startswith("Of Varga, [Tomas Brel] said")


def test_a_possessive_is_the_name_of_the_person_it_names() -> None:
    # The parser tagged "Ilse Varga's" (curly possessive included) and, later, "Varga";
    # the pronoun's own sentence names her, so she is not its antecedent.
    text = ("Ilse Varga\u2019s plan passed. Critics attacked Varga on Monday. "
            "Of Varga, she said the quay was safe.")
    item = parsed(text, "a")
    later = text.index("Varga on")
    item = replace(item, entities=(Entity(0, 12, text[:12], "PERSON"),
                                   Entity(later, later + 5, "Varga", "PERSON")))
    assert standalone(item, 2, item.sentences[2].text) == "Of Varga, she said the quay was safe."
