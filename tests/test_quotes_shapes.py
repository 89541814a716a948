"""Attribution shapes beyond "X said ...", on invented sentences.

Each test is one shape of the parse that carries a statement (see
``parallax.analyze._quote_cues``): split quotes, objects, infinitives,
prepositional topics, noun cues, beliefs, trailing asides, and the quoted
fragments that are not statements at all.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from parallax.analyze.nlp import load_nlp
from parallax.analyze.quotes import extract_quotes
from parallax.analyze.sentences import split_sentences
from parallax.model import Article, Document, Quote
from parallax.offsets import OffsetMap


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def quotes(nlp: Language, text: str) -> tuple[Quote, ...]:
    art = Article(Document("t", "t.txt", text), text, OffsetMap.identity(len(text)))
    return extract_quotes(art, nlp(text), split_sentences(text))


def statements(nlp: Language, text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.kind, q.text, q.speaker_span.text if q.speaker_span else None,
             q.cue_span.text if q.cue_span else None) for q in quotes(nlp, text)]


def test_quote_continued_after_its_attribution_sentence_is_one(nlp: Language) -> None:
    text = '"We are ready," said Ilse Marten. "The boats are fuelled."'
    found = quotes(nlp, text)
    assert [q.span.text for q in found] == [
        'We are ready," said Ilse Marten. "The boats are fuelled.']
    assert [q.text for q in found] == ["We are ready \u2026 The boats are fuelled."]
    assert found[0].speaker == "Ilse Marten"


def test_quote_after_another_reported_clause_stays_apart(nlp: Language) -> None:
    text = ('"We are ready," said Ilse Marten, adding that the harbour would close at noon. '
            '"The boats are fuelled."')
    texts = [q.text for q in quotes(nlp, text)]
    assert "We are ready" in texts and "The boats are fuelled." in texts


@pytest.mark.parametrize(("text", "expected"), [
    # A bare noun phrase ("criticized the new pension rules") is what was disputed
    # (options.quotes.bare_objects, tests/test_quote_statements.py); one with a verb states.
    ("The union criticized the rules that cut pensions by a third.",
     ("indirect", "the rules that cut pensions by a third", "The union", "criticized")),
    ("Senator Hal Brenner called the budget a betrayal of farmers.",
     ("indirect", "the budget a betrayal of farmers", "Senator Hal Brenner", "called")),
    ("Mayor Ruth Oduya urged residents to leave the coast.",
     ("indirect", "residents to leave the coast", "Mayor Ruth Oduya", "urged")),
    ("The shipping company vowed to appeal the ruling.",
     ("indirect", "to appeal the ruling", "The shipping company", "vowed")),
    ("The transport minister called for a full inquiry into the crash.",
     ("indirect", "a full inquiry into the crash", "The transport minister", "called")),
    ("The opposition accused the government of hiding the audit.",
     ("indirect", "hiding the audit", "The opposition", "accused")),
    ("Local farmers fear the drought will last into autumn.",
     ("indirect", "the drought will last into autumn", "Local farmers", "fear")),
    # What the object was called, after "as".
    ("The party chairmen dismissed the report as a partisan trick.",
     ("indirect", "the report as a partisan trick", "The party chairmen", "dismissed")),
    ("Mayor Ada Quill told her aides to prepare a new budget.",
     ("indirect", "her aides to prepare a new budget", "Mayor Ada Quill", "told")),
    # A conjunct in the form of the verb it joins goes on the reported clause.
    ("Witnesses said the driver ran the red light and talked about leaving town.",
     ("indirect", "the driver ran the red light and talked about leaving town", "Witnesses",
      "said")),
    # The cue's own clause after the attribution is no part of the statement.
    ("The levy is an insult to every fisherman, harbour leaders said Friday, as they "
     "gathered outside the hall.",
     ("indirect", "The levy is an insult to every fisherman", "harbour leaders", "said")),
    # A clause with a subject of its own after the attribution goes on the statement.
    ("The yard was a giant, Mr. Brask said, until it went bankrupt in 1999.",
     ("indirect", "The yard was a giant \u2026 until it went bankrupt in 1999",
      "Mr. Brask", "said")),
    # A conjunct after another cue is a statement of its own.
    ("Ada Quill promised to keep supporting the mayor and said she would stand up to the "
     "attacks.", ("indirect", "she would stand up to the attacks", "Ada Quill", "said")),
    # Whom the words were told to does not stop a parenthetical attribution.
    ("The trouble now, she told us on Monday, is that the pier is open.",
     ("indirect", "The trouble now \u2026 is that the pier is open", "she",
      "told")),
])
def test_statement_shapes(nlp: Language, text: str,
                          expected: tuple[str, str, str, str]) -> None:
    assert expected in statements(nlp, text)


def test_noun_cue_with_that_clause(nlp: Language) -> None:
    text = "Engineers rejected the minister's claim that the dam was safe."
    found = [q for q in quotes(nlp, text) if q.text == "the dam was safe"]
    assert found and found[0].kind == "indirect"
    assert found[0].speaker_span is not None and "minister" in found[0].speaker_span.text
    assert found[0].cue_span is not None and found[0].cue_span.text == "claim"


def test_relative_clause_after_noun_is_no_statement(nlp: Language) -> None:
    assert not any("he made" in q.text for q in quotes(
        nlp, "Nobody believed the claim that he made on Monday."))


def test_the_subject_inside_a_parenthetical_attribution_is_not_its_speaker(
        nlp: Language) -> None:
    """"Eastland, it says, ..." reports on Eastland; "it" is someone else."""
    text = "Westland's account is simple. Eastland, it says, broke the ceasefire on Tuesday."
    assert all(q.speaker_span is None or q.speaker_span.text != "Eastland"
               for q in quotes(nlp, text))


def test_a_subject_the_parse_joined_to_the_object_before_it_speaks(nlp: Language) -> None:
    # The small parser hangs "Eastland" off "port" ("the port and Eastland").
    text = "Westland closed the port and Eastland accused it of breaking the treaty."
    speakers = {q.speaker_span.text for q in quotes(nlp, text)
                if q.speaker_span and "breaking" in q.text}
    assert speakers == {"Eastland"}


def test_two_reports_in_one_sentence_keep_their_own_speakers(nlp: Language) -> None:
    text = ("Westland says Eastland wanted to close the ferry route; Eastland says it asked "
            "only for a shared timetable.")
    found = {(q.speaker_span.text if q.speaker_span else None, q.text) for q in quotes(nlp, text)}
    assert ("Westland", "Eastland wanted to close the ferry route") in found
    assert ("Eastland", "it asked only for a shared timetable") in found


def test_trailing_aside_is_left_out(nlp: Language) -> None:
    text = "The inspector Dana Kroll said the bridge was safe, which surprised the engineers."
    assert statements(nlp, text) == [
        ("indirect", "the bridge was safe", "The inspector Dana Kroll", "said")]


def test_partial_quote_states_the_object_it_describes_with_its_marks(nlp: Language) -> None:
    text = 'Senator Maria Pellegrini praised the deal, calling it "a solid first step".'
    assert ("partial", 'it "a solid first step"', "Senator Maria Pellegrini",
            "calling") in statements(nlp, text)


def test_fragments_of_one_statement_are_one_quote(nlp: Language) -> None:
    text = 'Governor Alma Reyes called the levy "unfair" and "badly timed".'
    found = quotes(nlp, text)
    assert len(found) == 1 and found[0].kind == "partial"
    assert found[0].text == 'the levy "unfair" and "badly timed"'


@pytest.mark.parametrize("text", [
    'Minister Lars Holt appeared on "Morning Report" on Monday.',  # a title
    'Lena Park bought a "vintage" car last spring.',  # no verb of saying
    "New rules urging staff to report fraud took effect in May.",  # rules make no statement
    "The port authority has not yet announced a date for the reopening.",  # nothing said
    "Mayor Ines Dahl, speaking on regional radio, thanked the volunteers.",  # a medium
    "Mayor Ines Dahl spoke briefly to reporters on the quay.",  # a place
])
def test_no_statement(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == ()


@pytest.mark.parametrize("verb", [
    "suggested", "noted", "added", "argued", "acknowledged", "wrote", "tweeted", "announced",
    "reported",
])
def test_reporting_verbs(nlp: Language, verb: str) -> None:
    text = f"The harbour master Ines Kolar {verb} that the ferry would run again on Friday."
    assert ("indirect", "the ferry would run again on Friday", "The harbour master Ines Kolar",
            verb) in statements(nlp, text)


def test_according_to_at_sentence_end(nlp: Language) -> None:
    text = "The ferry will run again on Friday, according to the harbour office."
    assert ("indirect", "The ferry will run again on Friday", "the harbour office",
            "according to") in statements(nlp, text)


def test_assertion_noun_cue(nlp: Language) -> None:
    text = "The council disputed the mayor's assertion that the budget was balanced."
    found = [q for q in quotes(nlp, text) if q.text == "the budget was balanced"]
    assert found and found[0].cue_span is not None and found[0].cue_span.text == "assertion"


def test_attribution_inside_subordinate_clause(nlp: Language) -> None:
    text = ("Although the engineer Omar Reiss said the tunnel was sound, the city closed it "
            "for a week.")
    assert ("indirect", "the tunnel was sound", "the engineer Omar Reiss", "said") in statements(
        nlp, text)


def test_second_reported_verb_starts_a_second_statement(nlp: Language) -> None:
    text = ("Minister Petra Lund said the port would reopen in May and warned against "
            "panic buying.")
    found = statements(nlp, text)
    assert ("indirect", "the port would reopen in May", "Minister Petra Lund", "said") in found
    assert ("indirect", "panic buying", "Minister Petra Lund", "warned") in found


def test_quote_signed_after_a_dash(nlp: Language) -> None:
    text = "“Nobody asked the fishermen what they need.” — Tove Arnesen"
    found = quotes(nlp, text)
    assert [(q.kind, q.speaker, q.cue_span.text if q.cue_span else None) for q in found] == [
        ("direct", "Tove Arnesen", "—")]


def test_label_before_a_colon_is_the_source(nlp: Language) -> None:
    text = "Greta Lind: the reform will cut waiting lists by half.\n\nShe spoke on Monday."
    assert ("indirect", "the reform will cut waiting lists by half", "Greta Lind",
            ":") in statements(nlp, text)


def test_joint_statement_goes_to_each_named_speaker(nlp: Language) -> None:
    text = "Senator Ida Voss and Senator Per Lund said the tariff would hurt growers."
    found = [q for q in quotes(nlp, text) if q.text == "the tariff would hurt growers"]
    assert sorted(q.speaker or "" for q in found) == ["Ida Voss", "Per Lund"]


def test_joint_unnamed_speakers_report_as_a_group(nlp: Language) -> None:
    text = "Local farmers and fishermen say the tariff would hurt growers."
    found = [q for q in quotes(nlp, text) if q.text == "the tariff would hurt growers"]
    assert len(found) == 1 and found[0].speaker is None
    assert found[0].speaker_span is not None
    assert found[0].speaker_span.text == "Local farmers and fishermen"


def test_people_pronoun_without_antecedent_is_a_source(nlp: Language) -> None:
    found = statements(nlp, "They say the new pier will open in June.")
    assert ("indirect", "the new pier will open in June", "They", "say") in found


def test_dateline_is_no_part_of_the_statement(nlp: Language) -> None:
    text = "PORT ALDER \u2014 The bridge will reopen next week, city officials said."
    assert ("indirect", "The bridge will reopen next week", "city officials",
            "said") in statements(nlp, text)


def test_a_request_inside_a_reported_clause_is_no_fragment_of_its_own(nlp: Language) -> None:
    text = ("She said the two did not meet again, and that she ended up asking Ivo Brand to "
            "drive her home, according to the Ledger.")
    assert [q.text for q in quotes(nlp, text)] == [
        "the two did not meet again, and that she ended up asking Ivo Brand to drive her home"]
