"""Speaker resolution on invented news prose: one test per class of misattribution.

Each case is a shape that put words in the wrong person's mouth on real
reporting (issue 13): a pronoun resolved to a person of the other sex, to a
name inside a quotation or to an object in the pronoun's own sentence; a
chain of pronouns; a description matched to a different office; an outlet
named after "according to" taking the statement of the person it reports.
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


def speaker_of(found: tuple[Quote, ...], fragment: str) -> str | None:
    quote = next(q for q in found if fragment in q.text)
    return quote.speaker


def test_pronoun_skips_a_person_of_the_other_sex(nlp: Language) -> None:
    text = ("But Ms. Orla Hendry, who has often criticised Mr. Piet Galloran over the levy, "
            "has clearly upset him. \u201cI barely know her,\u201d he said.")
    assert speaker_of(quotes(nlp, text), "barely know") == "Piet Galloran"


def test_pronoun_uses_given_names_for_sex(nlp: Language) -> None:
    text = ("Her nephew, Gregory Tallis, 19, was hurt in a crash on the coast road last year.\n\n"
            "\u201cHe should never have been on that road,\u201d she said.")
    assert speaker_of(quotes(nlp, text), "never have been") != "Gregory Tallis"


def test_pronoun_ignores_names_inside_the_quote(nlp: Language) -> None:
    text = ("Aldo Ferrant, the party treasurer for the valley, said he would stay loyal.\n\n"
            "\u201cI would back Judge Varley because I would never back Tomas,\u201d he said.")
    assert speaker_of(quotes(nlp, text), "never back") == "Aldo Ferrant"


def test_pronoun_never_takes_an_object_of_its_own_sentence(nlp: Language) -> None:
    text = ("Mr. Ostrander praised the pundits who back him, naming Carl Webber and Dirk Hale, "
            "although he insisted that \u201cthey do not set policy.\u201d")
    assert speaker_of(quotes(nlp, text), "set policy") == "Ostrander"


def test_pronoun_prefers_the_main_subject_of_the_sentence(nlp: Language) -> None:
    text = ("Governor Milo Arkwright on Monday said he welcomed auditor Pavel Dunmore issuing "
            "a statement about the leaked memo.\n\n"
            "\u201cThe memo was a fake from start to finish,\u201d he told reporters.")
    assert speaker_of(quotes(nlp, text), "fake from start") == "Milo Arkwright"


def test_relative_pronoun_does_not_take_the_speakers_place(nlp: Language) -> None:
    text = ("Mr. Fenwick said he acted out of loyalty to Mr. Harrow, who he said "
            "\u201cpushed me down a dark road.\u201d")
    assert speaker_of(quotes(nlp, text), "dark road") == "Fenwick"


def test_description_is_not_a_deputy_office(nlp: Language) -> None:
    text = ("Vice President Alma Rusk spoke first at the rally.\n\n"
            "\u201cThe mayor is a tireless worker,\u201d the president said.")
    assert speaker_of(quotes(nlp, text), "tireless worker") != "Alma Rusk"


def test_outlet_after_according_to_is_not_the_speaker(nlp: Language) -> None:
    text = ("Senator Ida Brandvold warned the governor in private that a veto would split "
            "the party, according to The Harbour Gazette.")
    found = quotes(nlp, text)
    assert speaker_of(found, "split the party") == "Ida Brandvold"
    assert all("Gazette" not in (q.speaker or "") for q in found)


def test_person_after_according_to_stays_the_speaker(nlp: Language) -> None:
    text = ("According to Finance Minister Rosa Quillfeather, the union demanded a full "
            "review of the pension fund.")
    assert speaker_of(quotes(nlp, text), "full review") == "Rosa Quillfeather"



def test_a_clause_whose_subject_the_parse_lost_is_not_the_next_speakers(nlp: Language) -> None:
    text = ("In March, Senator Ilona Fjeld followed up on the memo.\n\n"
            "After the chairman of the Joint Harbour Board confirmed he knew about the memo "
            "which described the June meeting in Tarsk, Fjeld asked why the crews were never "
            "told.")
    found = quotes(nlp, text)
    assert all(q.speaker != "Ilona Fjeld" for q in found if "knew about" in q.text)


def test_a_report_on_someone_elses_claim_is_not_the_reporters(nlp: Language) -> None:
    text = ("The Valley Courier reported on a nurse's claims that the clinic had hidden "
            "the test results.")
    found = quotes(nlp, text)
    assert all("Courier" not in (q.speaker or "") for q in found)


def test_pronoun_after_a_semicolon_keeps_the_sentences_subject(nlp: Language) -> None:
    text = ("Mr. Halvard Rusk met the envoy in June.\n\n"
            "For his part, Peter Aldous wants to keep his post, that is why it is hard for him "
            "to give up the port; but he also claims a share of the toll revenue for his "
            "region, and this leads to a dispute.")
    assert speaker_of(quotes(nlp, text), "toll revenue") == "Peter Aldous"


@pytest.mark.parametrize("text", [
    "The A.G., according to the Clarion Ledger, said he had misspoken at a 2009 rally.",
    "The D.A., according to the Herald-Sun, said he would appeal the ruling.",
])
def test_an_abbreviated_office_the_ner_model_tags_is_no_speakers_name(
        nlp: Language, text: str) -> None:
    said = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert said and all(q.speaker is None for q in said)


def test_a_question_asked_by_someone_is_not_the_answerers(nlp: Language) -> None:
    text = ("Asked by one of Ms. Quill\u2019s aides, \u201cIs this the final wording you want "
            "on the levy,\u201d Mr. Roe replied with one word: \u201cYes.\u201d")
    assert speaker_of(quotes(nlp, text), "final wording") != "Roe"
    # Without an agent the one asked answers.
    text = "Asked about the levy, \u201cIt is fair to every farmer,\u201d Mr. Roe said."
    assert speaker_of(quotes(nlp, text), "fair to every") == "Roe"



def test_a_saying_by_means_hung_on_a_when_clause_is_not_its_subjects(nlp: Language) -> None:
    text = ("Looking tired, Mr. Okafor explained his record on the ferry budget during his "
            "second term as mayor when the Greens ran the harbour board by saying, "
            "\u201cNobody gave me the numbers in time.\u201d")
    assert speaker_of(quotes(nlp, text), "Nobody gave me") == "Okafor"


def test_a_claim_relayed_by_a_trailing_attribution_is_its_makers(nlp: Language) -> None:
    text = ("Mr. Okafor said he kept the contract secret because he feared a strike at the "
            "docks, investigators said. Later, he handed the papers to the board.")
    found = quotes(nlp, text)
    assert speaker_of(found, "kept the contract secret") == "Okafor"
    assert not any(q.text.startswith("Mr. Okafor said") for q in found)


def test_a_belief_relayed_by_an_attribution_stays_the_attributions(nlp: Language) -> None:
    text = ("Mayor Okafor thinks the levy \u201cwill pay for itself\u201d if the harbour "
            "stays open, the council said in a statement on Thursday.")
    found = quotes(nlp, text)
    assert all(q.speaker != "Okafor" for q in found if "pay for itself" in q.text)


def test_an_editor_speaking_for_the_paper_makes_the_statement(nlp: Language) -> None:
    text = ("Lawyers for the mayor rejected the Ledger story before the board met.\n\n"
            "Ledger News insisted that its story was sound, its editor, Ada Moss, "
            "said after Mr. Okafor's office questioned the figures.")
    assert speaker_of(quotes(nlp, text), "its story was sound") == "Ada Moss"


def test_pronoun_after_a_run_of_quoted_sentences_finds_the_speaker(nlp: Language) -> None:
    text = ("Daniel Whitford has led the harbour party since the spring.\n\n"
            "\u201cOur opponents know the vote is slipping away from them,\u201d party "
            "chairman Daniel Whitford said. \u201cWe are ahead in every district. So nobody "
            "should be surprised, three weeks before polling day, that they and their "
            "friends at the island paper have invented a scandal.\n\n"
            "\u201cThis story is a smear from start to finish,\u201d he said.")
    assert speaker_of(quotes(nlp, text), "a smear from start") == "Daniel Whitford"


@pytest.mark.parametrize("surname", ["Varga", "Okafor"])
def test_pronoun_finds_a_surname_the_ner_model_does_not_tag_as_a_person(
        nlp: Language, surname: str) -> None:
    text = (f"On Monday the head of the Harbour Committee, Rep. Ana {surname} (D-Calif.), "
            "announced that her committee would call the ferry operators.\n\n"
            "\u201cWe have asked for every contract signed since March,\u201d "
            f"{surname} said.\n\n"
            "\u201cNobody will be spared a hearing,\u201d she added.")
    assert speaker_of(quotes(nlp, text), "spared a hearing") == f"Ana {surname}"


def test_they_stands_for_the_group_that_is_the_previous_subject(nlp: Language) -> None:
    text = ("Critics say the harbour board hid the cost of the new pier from the public. "
            "They have asked the board to publish every invoice.\n\n"
            "Island lawmakers have complained that the board ignored its engineers. "
            "Above all, they called for the return of the flood warnings.\n\n"
            "Mira Sand and Tomas Brenner said in a letter that the vote was unlawful. "
            "They vowed to take the board to court.")
    found = quotes(nlp, text)
    assert speaker_of(found, "publish every invoice") == "critics"
    assert speaker_of(found, "return of the flood warnings") == "island lawmakers"
    # Several people named together are not one speaker.
    assert speaker_of(found, "take the board to court") is None


def test_a_report_speaks_for_its_author_and_a_dispute_of_it_does_not(nlp: Language) -> None:
    text = ("On Monday the harbour board rejected the Ledger's long report that said Mayor "
            "Ada Quill had hidden the ferry contract from the council.\n\n"
            "Quoting three clerks, the Ledger's weekend report claimed that Quill signed the "
            "contract in secret.")
    found = quotes(nlp, text)
    assert speaker_of(found, "hidden the ferry contract") == "Ledger"
    assert speaker_of(found, "signed the contract") == "Ledger"
    # The board's rejection is of the report, not of what the report says.
    assert all(q.speaker == "Ledger" for q in found if "hidden" in q.text)



@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    # A verb of saying the parse hangs under the pronoun's own verb is still its report.
    ("Mayor Piet Galloran signed the ferry deal on Monday.\n\n"
     "\u201cThat is the last straw,\u201d said Zora Pellam, who runs the Harbour "
     "League. \u201cOur members are furious.\u201d\n\n"
     "The council has until March to settle the ferry budget.\n\n"
     "Galloran tweeted Thursday he's not certain the levy can pass.\n\n"
     "\"No one can tell whether the council will settle the budget,\" he said.",
     "No one can tell", "Piet Galloran"),
    # A dateline the parse makes the subject is a place, not the person after it.
    ("OSLO -- Prime Minister Anders Holloway on Friday firmly rejected reports "
     "that the harbour agency is storing ferry logs, saying that the council had been "
     "told.\n\n"
     "\"The levy is fair to every farmer,\" he said during a speech in Tarsk.",
     "fair to every", "Anders Holloway"),
    # "Mr. Quill" is the man of the two Quills, though news writes his suffix.
    ("Thomas R. Quill III, who is married to Marisol Quill, the mayor's chief of staff, "
     "runs a harbour law firm. \u201cThe levy will not "
     "survive a court,\u201d Mr. Quill, who opposes the mayor, wrote on Tallyo.",
     "not survive", "Thomas R. Quill III"),
])
def test_pronouns_and_honorifics_find_the_person_of_their_sex(
        nlp: Language, text: str, fragment: str, speaker: str) -> None:
    assert speaker_of(quotes(nlp, text), fragment) == speaker


@pytest.mark.parametrize(("text", "fragment", "not_speaker"), [
    # An object of a sentence about someone else (a description) is no antecedent.
    ("\u201cI never met her,\u201d Mr. Piet Galloran said on Monday.\n\n"
     "The congressman worried aloud about what the week meant for his wife, Zenobe "
     "Arquiss, a lawyer at the port. \u201cShe reads these stories every morning,\u201d he "
     "told reporters.", "reads these stories", "Zenobe Arquiss"),
    # Nor a woman whose given name alone tells her sex.
    ("Harbour director Kristen Avery met the mayor's envoy on Monday. \u201cWe will not "
     "sign this deal,\u201d he told reporters.", "not sign", "Kristen Avery"),
    # Nor is who disputes a writing the speaker of what it says.
    ("Mayor Ada Quill disputed the details of a Ledger report claiming that the clerk "
     "had hidden the ferry contract.", "hidden", "Ada Quill"),
    # Nor is "one senator" the senator named before.
    ("Senator Ilona Fjeld opposed the ferry deal on Monday.\n\n"
     "Mr. Brask used a closed lunch to press his colleagues not to attack the deal, "
     "according to one senator who attended.", "press his colleagues", "Ilona Fjeld"),
    # Nor is the client of an attorney who speaks.
    ("Agent Ole Halvorsen was fired on Friday.\n\n"
     "Halvorsen\u2019s attorney, for his part, attacked the harbour board on Monday, "
     "saying its chair \u201cignored every rule in the book.\u201d\n\n"
     "He added, \u201cNot one page of the file points to wrongdoing by "
     "my client.\u201d", "Not one page", "Ole Halvorsen"),
])
def test_pronoun_skips_someone_a_sentence_names_who_does_not_speak(
        nlp: Language, text: str, fragment: str, not_speaker: str) -> None:
    assert speaker_of(quotes(nlp, text), fragment) != not_speaker


def test_a_title_the_parse_splits_into_subjects_leaves_the_name_the_speaker(
        nlp: Language) -> None:
    text = ("\u201cThe levy is a disgrace. The mayor let the fishermen down,\u201d said "
            "Tidewatch co-founder Ezra Quint. \u201cWe will remember in May.\u201d")
    assert speaker_of(quotes(nlp, text), "a disgrace") == "Ezra Quint"


@pytest.mark.parametrize("who", ["Senator Ilona Fjeld of Tarsk",
                                 "Senator Ilona Fjeld, Greens of Tarsk"])
def test_who_after_a_persons_home_place_is_the_person(nlp: Language, who: str) -> None:
    text = (f"One name stands out: {who}, who opposed the ferry plan and complained in "
            "private that most of her colleagues had been misled about its cost.")
    assert speaker_of(quotes(nlp, text), "misled about") == "Ilona Fjeld"
