"""Second reading of speakers on invented news prose (``_quote_sources`` and the
speaker rules it leans on): one case per class a first reading left unnamed or
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


# The NER model tags the capitalised adjective opening the second paragraph as a person.
STRAY_WORD = ("The row over the port deepened on Monday.\n\nDraft \"speaking notes\" seen by "
              "two reporters of the Weekly Ledger described attempts by ministry spokeswoman "
              "Ilse Varga to cut any mention of the earlier strikes. In those notes, she argued "
              "that the ministry should not give the unions a pretext.")

# (the class, an invented text, a fragment of the statement, the name it resolves to,
# the speaker mention as written or None when it does not matter)
SPEAKERS = [
    ("his campaign is the campaign of the subject's owner",
     "Tomas Brenner's campaign disputed a report in the Ledger as a distortion of his "
     "record, six months at the depot and four years in the reserve, according to "
     "his campaign.",
     "distortion", "Tomas Brenner's campaign", "his campaign"),
    ("his campaign with no man to own it stays unnamed",
     "Ms. Ada Roe was not at the hearing. The board approved the budget, six votes to "
     "two, according to his campaign.",
     "approved the budget", None, "his campaign"),
    ("a shared surname goes to the one person of the honorific's sex",
     "Among those predicting defeat was Peter Wendt, a lawyer and the husband of Susan "
     "Wendt, the governor's adviser. \"If he knows he will lose,\" Mr. Wendt, a critic of "
     "the governor, wrote online, \"then he knows the order is unlawful.\"",
     "he will lose", "Peter Wendt", None),
    ("a surname two men share stays a surname",
     "Tomas Wendt and his brother Karl Wendt both ran for the council. \"We will appeal,\" "
     "Mr. Wendt said.",
     "We will appeal", "Wendt", None),
    ("the article speaks for the outlet that published it",
     "The Daily Ledger published the story on Tuesday, quoting three sources. The mayor "
     "denied it. The article said that the mayor's testimony \"marks a new low for the "
     "city.\"",
     "new low", "Daily Ledger", "The article"),
    ("the report of no named author stays unnamed",
     "An audit released on Monday found gaps in the accounts. The report said the harbour "
     "fund \"has lost track of four million.\"",
     "harbour fund", None, "The report"),
    ("a memo by prosecutors speaks for them",
     "That was a break with his past, according to a sentencing memo by federal "
     "prosecutors in Chicago, filed the same day. Driven by greed, they said, he \"used "
     "his power for deceptive ends.\"",
     "break with his past", "federal prosecutors in Chicago", None),
    ("their they after the memo is theirs",
     "That was a break with his past, according to a sentencing memo by federal "
     "prosecutors in Chicago, filed the same day. Driven by greed, they said, he \"used "
     "his power for deceptive ends.\"",
     "deceptive ends", "federal prosecutors in Chicago", "they"),
    ("a quote is signed by the subject after its closing mark",
     "The move is sure to be challenged.\n\n\"Any crisis at the harbour is of the mayor's "
     "own making. There is no emergency,\" Harbour Attorney Ada Roe, who has sued the "
     "board several times, said in a statement.",
     "Any crisis", "Ada Roe", None),
    ("a quotation over a paragraph break is one speaker's",
     "In a statement on Saturday, Ledger spokesman Tomas Brenner defended the paper's "
     "reporting.\n\n\"As we have re-checked our reporting, we have seen no sign that any "
     "part of our story is wrong.\n\nWe remain confident in what we have reported,\" he "
     "said.",
     "re-checked", "Tomas Brenner", None),
    ("a quote owned by the next sentence is its subject's",
     "The party's officials in the valley dismissed the story. Here are some of their "
     "answers.\n\n\u2018Pure harbour fiction from start to end\u2019\n\nThat\u2019s how "
     "Ada Roe, 66, a former chair of the valley party, described the claims, speaking to "
     "the Ledger.",
     "harbour fiction", "Ada Roe", None),
    ("a passage right after an attribution goes on with its speaker",
     "But over all, the mayor has avoided a sweeping overhaul. \"It is more fiddling at the "
     "margins,\" said Ada Roe, an economist at the Harbour Institute. \"I would not call it "
     "reform. It is basically a levy\" on the top bracket.",
     "call it reform", "Ada Roe", None),
    ("a subject before one aside is the cue's",
     "Late on Friday, Ms. Ada Roe, back from the harbour inspection, wrote to the board, "
     "\"These figures still do not add up.\"",
     "do not add up", "Ada Roe", None),
    ("they after a described group is that group",
     "In fact, according to prosecutors, the talks went on until June, after the vote.\n\n"
     "They also said the lawyer had briefed the family about the talks.",
     "briefed the family", "prosecutors", "They"),
    ("they after several people named in between stays unnamed",
     "Island lawmakers have complained that the board ignored its engineers.\n\nMira Sand "
     "and Tomas Brenner said in a letter that the vote was unlawful. They vowed to take the "
     "board to court.",
     "take the board to court", None, None),
    ("a pronoun goes to the owner of the sentence's subject",
     "Mr. Ostrander's wish for praise was plain when he named the pundits who back him, "
     "citing Carl Webber and Dirk Hale, although he insisted that \"they do not set "
     "policy.\"",
     "set policy", "Ostrander", None),
    ("an abbreviated office is its one holder",
     "Harbour Attorney General Ada Roe, once seen as safe, faces a hard race.\n\nThe A.G., "
     "according to the Ledger, said she had misspoken at a rally in May.",
     "misspoken", "Ada Roe", None),
    ("it after a body that spoke is that body",
     "The Harbour Ledger said the mayor had lied. \"The mayor knew in March,\" it added.",
     "knew in March", "Harbour Ledger", "it"),
    ("it after an unnamed writing is shown but unnamed",
     "The cable, marked secret, warned the ministry that the port was exposed. It said "
     "\"requests for more guards have gone unanswered.\"",
     "more guards", None, "It"),
    ("a capitalised heading inside a quote is no transcript turn",
     "\"WARNING: the dam is failing,\" Ada Roe said on Monday.",
     "the dam is failing", "Ada Roe", "Ada Roe"),
    ("a transcript's turn is its labelled speaker's",
     "\"That is my answer,\" Chris Talbot said on the show.\n\n\"TALBOT: Why would the "
     "senator do that? Will he be there tomorrow night?",
     "Why would", "Chris Talbot", "TALBOT"),
    ("a writing sent under a named signature speaks for its signer",
     "The cable, sent under Ambassador Marta Ilves' signature and marked urgent, warned the "
     "ministry that the harbour guards appeared to be unpaid.",
     "harbour guards", "Marta Ilves", "The cable"),
    ("a writing relaying a named body's words gives them to that body",
     "The cable, sent under Ambassador Marta Ilves' signature, warned the ministry that the "
     "Harbour Authority advised \"four depots were within range of the rebels.\"",
     "four depots", "Harbour Authority", "the Harbour Authority"),
    ("it said after a sentence whose subject is part of a signed writing",
     "The cable, sent under Ambassador Marta Ilves' signature, warned that the port was "
     "exposed.\n\nThe cable also listed the guards' complaints. In addition to naming the "
     "depots, a later section of the cable, which is still secret, seemed to predict the "
     "raid.\n\n\"The guards lack radios, fuel and pay,\" it said.",
     "lack radios", "Marta Ilves", "it"),
    ("that review goes back to the body that conducted it",
     "The Harbour Authority conducted an internal review of the dredging contracts last "
     "spring. That review showed that two contracts were signed without a tender.",
     "without a tender", "Harbour Authority", "That review"),
    ("a capitalised word opening a sentence is no person a pronoun stands for",
     STRAY_WORD, "unions a pretext", "Ilse Varga", "she"),
    ("it said after a when-clause is the body that clause has as subject",
     "The claim that she had flown combat missions became so settled a part of her story "
     "that when a regional weekly, the Daily Courier, ran a profile of Ms. Varga in 2004, "
     "it said she had \"flown twelve missions over the delta.\"",
     "twelve missions", "Daily Courier", "it"),
    ("others including described members are those members",
     "Others, including the union chairmen for Arlow County, Petra Hale, and Dunmore "
     "County, Oskar Lind, dismissed the audit as a political stunt.",
     "political stunt", "union chairmen", "Others"),
    ("a surname written once, opening a sentence, is still a person",
     "Varley said the council had ignored the port for years.\n\n\"It is not something "
     "they ever fix,\" she said.",
     "ever fix", "Varley", "she"),
]


@pytest.mark.parametrize(("case", "text", "fragment", "speaker", "written"), SPEAKERS,
                         ids=[case for case, *_ in SPEAKERS])
def test_the_speaker_of_each_class(nlp: Language, case: str, text: str, fragment: str,
                                   speaker: str | None, written: str | None) -> None:
    found = quote_with(quotes(nlp, text), fragment)
    assert found.speaker == speaker
    if written is not None:
        assert mention(found) == written


# (the class, an invented text, a fragment of the statement, a name it must not get)
NOT_SPEAKERS = [
    ("they after another plural subject is not the earlier group",
     "According to prosecutors, the talks went on until June. The defence lawyers met the "
     "family in July. They also said the lawyer had briefed the family.",
     "had briefed", "prosecutors"),
    ("a passage after another clause is not the attribution's",
     "\"It is more fiddling at the margins,\" said Ada Roe. Tomas Brenner disagreed with "
     "her. \"It is a real change\" for the harbour.",
     "a real change", "Ada Roe"),
    ("a writing's own words stay its author's when the clause names no one speaking",
     "The cable, sent under Ambassador Marta Ilves' signature, warned that the Harbour "
     "Authority had not paid the guards since June.",
     "not paid the guards", "Harbour Authority"),
    ("a capitalised word opening a sentence is no speaker either",
     STRAY_WORD, "attempts by ministry", "Draft"),
]


@pytest.mark.parametrize(("case", "text", "fragment", "wrong"), NOT_SPEAKERS,
                         ids=[case for case, *_ in NOT_SPEAKERS])
def test_what_each_class_must_not_name(nlp: Language, case: str, text: str, fragment: str,
                                       wrong: str) -> None:
    assert quote_with(quotes(nlp, text), fragment).speaker != wrong


def test_a_report_quoting_someone_else_is_not_the_writings(nlp: Language) -> None:
    text = ("The mayor's campaign called a Ledger report which includes video of him at a "
            "rally saying he had served abroad \"a gross distortion.\"")
    assert mention(quote_with(quotes(nlp, text), "gross distortion")) == (
        "The mayor's campaign")


def test_they_after_two_people_named_together_is_the_earlier_quotes(nlp: Language) -> None:
    text = ("\"This order is an attack on the budget by a governor who lost the vote,\" "
            "House Speaker Ada Moss and Senate Leader Ben Roe said in a statement.\n\n"
            "They vowed the legislature would \"defend our authority in the courts.\"")
    found = quotes(nlp, text)
    first = quote_with(found, "attack on the budget")
    assert first.speaker is not None
    assert quote_with(found, "defend our authority").speaker == first.speaker


def test_sources_keep_the_phrase_that_describes_them(nlp: Language) -> None:
    text = ("The report drew a flurry of reactions from senior members of the Assembly who "
            "said that the charges could justify a recall. The inquiry heard from two other "
            "women who said they had been bullied by the coach. One person familiar with "
            "the coach's testimony said that he denied it. The coach left the club, "
            "according to people familiar with how the contract was drawn up.")
    found = quotes(nlp, text)
    assert mention(quote_with(found, "justify a recall")) == "senior members of the Assembly"
    assert mention(quote_with(found, "he denied it")) == (
        "One person familiar with the coach's testimony")
    assert mention(quote_with(found, "left the club")) == (
        "people familiar with how the contract was drawn up")


def test_comments_signed_after_a_dash_are_each_their_signers(nlp: Language) -> None:
    text = ("Readers wrote in after the debate.\n\n"
            "\u201cThe mayor has no plan for the harbour at all.\u201d\u00a0\u2015\u00a0Marta "
            "Ilves\u00a0\n\u201cWe deserve a council that listens.\u201d\u00a0\u2015 Tomas "
            "Brenner\n"
            "\u201cNobody asked the fishermen what they need, least of all \u2018the "
            "experts.\u201d And that is the whole story.\n\nPhotos: Ledger.")
    found = quotes(nlp, text)
    assert quote_with(found, "no plan for the harbour").speaker == "Marta Ilves"
    assert quote_with(found, "council that listens").speaker == "Tomas Brenner"
    # Its own signature is lost in the broken marks: unnamed, not the comment's before.
    assert quote_with(found, "asked the fishermen").speaker is None
