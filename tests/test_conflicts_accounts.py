"""Accounts conflicts on real-news classes of error, with invented statements.

Each case is a pair of statements by two camps that share the words of one
matter and a negator, the way real reporting does, yet do not contradict each
other: a shared conditional position, a contrast, an instruction, two
negations of one outcome, a verb used in two frames, a claim only reported.
"""

from __future__ import annotations

import pytest

from parallax.compare.conflicts import find_conflicts
from parallax.model import Actor, AnalyzedArticle, Conflict, Quote, QuoteKind

from builders import analyze, make_article

ACTORS = [Actor("mayor", "Ida Brenn", "person", affiliation="Harbour Party"),
          Actor("rival", "Olek Varga", "person", affiliation="River League")]

pytestmark = pytest.mark.usefixtures("fake_embedder")


def _quote(item: AnalyzedArticle, phrase: str, speaker: str,
           kind: QuoteKind = "indirect") -> Quote:
    """A quote of ``phrase`` (its first place in the article) by ``speaker``."""
    start = item.article.text.index(phrase)
    return Quote(item.article.span(start, start + len(phrase)), kind, speaker, None, None)


def _clash(first: tuple[str, str], second: tuple[str, str],
           actors: list[Actor] = ACTORS) -> tuple[Conflict, ...]:
    """Conflicts between the mayor's statement and the rival's, each (sentence, statement)."""
    text = f"{first[0]} {second[0]}"
    item = analyze(make_article("s", text, "Ferry News"))

    return find_conflicts([item], actors, [_quote(item, first[1], "mayor"),
                                           _quote(item, second[1], "rival")])


def test_a_denial_of_the_same_predicate_and_frame_is_a_clash() -> None:
    [conflict] = _clash(
        ("The mayor said the ferry board approved the harbour toll in May.",
         "the ferry board approved the harbour toll in May"),
        ("The rival said the ferry board never approved the harbour toll in May.",
         "the ferry board never approved the harbour toll in May"))
    assert conflict.topic == "approved / not approved"


def test_conditional_positions_do_not_clash() -> None:
    # The condition sits outside the quoted words, as reporters write it.
    assert _clash(
        ("The mayor said the ferry board would keep backing the harbour toll plan.",
         "the ferry board would keep backing the harbour toll plan"),
        ("The rival said that if the audit is right, the ferry board would not keep backing "
         "the harbour toll plan.",
         "the ferry board would not keep backing the harbour toll plan")) == ()


def test_a_contrast_is_no_denial() -> None:
    assert _clash(
        ("The mayor said harbour engineers drove the decision on the ferry toll.",
         "harbour engineers drove the decision on the ferry toll"),
        ("The rival said harbour engineers, not political advisers, drove the decision on "
         "the ferry toll.",
         "harbour engineers, not political advisers, drove the decision on the ferry toll")
    ) == ()


def test_an_instruction_not_to_act_is_no_denial() -> None:
    assert _clash(
        ("The mayor said she will declare a ferry emergency at the harbour.",
         "she will declare a ferry emergency at the harbour"),
        ("The rival said he urged her not to declare a ferry emergency at the harbour.",
         "he urged her not to declare a ferry emergency at the harbour")) == ()


def test_two_negations_of_one_outcome_agree() -> None:
    assert _clash(
        ("The mayor said no ferry agreement was reached with the harbour unions.",
         "no ferry agreement was reached with the harbour unions"),
        ("The rival said the harbour unions did not reach a full ferry agreement.",
         "the harbour unions did not reach a full ferry agreement")) == ()


def test_a_verb_in_two_frames_is_not_one_proposition() -> None:
    assert _clash(
        ("The mayor said the harbour steps she took let the ferry toll stay low.",
         "the harbour steps she took let the ferry toll stay low"),
        ("The rival said her ferry toll plan never took the harbour steps seriously.",
         "her ferry toll plan never took the harbour steps seriously")) == ()


def test_a_claim_only_reported_is_not_asserted() -> None:
    assert _clash(
        ("The mayor said the rival once said he had sailed the harbour ferry in May.",
         "the rival once said he had sailed the harbour ferry in May"),
        ("The rival said he had not sailed the harbour ferry in May.",
         "he had not sailed the harbour ferry in May")) == ()


GAZETTE = [Actor("mayor", "Ida Brenn", "person", ("Brenn",), "Harbour Party"),
           Actor("gazette", "Harbour Gazette", "organization", ("Gazette",)),
           Actor("rival", "Olek Varga", "person", affiliation="River League")]
REPORT = ("The Harbour Gazette reported that the mayor took payments from the ferry operator "
          "for the harbour toll contract. ")


def _dispute(*statements: tuple[str, str, str]) -> tuple[Conflict, ...]:
    """Conflicts among (sentence, statement, speaker) triples after the Gazette's report."""
    text = REPORT + " ".join(sentence for sentence, _, _ in statements)
    item = analyze(make_article("g", text, "Ferry News"))

    quotes = [_quote(item, "the mayor took payments from the ferry operator for the harbour "
                     "toll contract", "gazette"),
              *(_quote(item, phrase, speaker) for _, phrase, speaker in statements)]
    return find_conflicts([item], GAZETTE, quotes)


def test_a_report_called_false_is_disputed_by_its_subject() -> None:
    [conflict] = _dispute(
        ("Ms. Brenn told the Gazette that the allegations were completely false.",
         "the allegations were completely false", "mayor"))
    assert conflict.topic == "whether Harbour Gazette's allegations are accurate"
    assert [side.actor for side in conflict.sides] == ["mayor", "gazette"]


def test_a_refutation_that_names_no_report_of_another_is_no_dispute() -> None:
    assert _dispute(
        ("“The toll figures in your question are fake,” she told the Gazette, before telling "
         "at length her own story of the harbour contract.",
         "The toll figures in your question are fake", "mayor")) == ()


def test_a_report_only_supposed_true_is_no_dispute() -> None:
    assert _dispute(
        ("Mr. Varga said that if the Gazette story is false, the ferry operator must say so.",
         "if the Gazette story is false, the ferry operator must say so", "rival")) == ()


def _checked(claim: str, statement: str, narration: str) -> tuple[Conflict, ...]:
    """Conflicts between the mayor's quoted ``statement`` and the outlet's own ``narration``."""
    text = f"{claim} {narration}"
    item = analyze(make_article("n", text, "Ferry News"))
    start = text.index(statement)
    quote = Quote(item.article.span(start, start + len(statement)), "direct", "mayor", None, None)
    return find_conflicts([item], ACTORS, [quote])


def test_the_outlet_denying_what_a_speaker_asserts_is_a_clash() -> None:
    [conflict] = _checked(
        "\u201cI sailed to Osterby with the relief crew that winter,\u201d Ms. Brenn said.",
        "I sailed to Osterby with the relief crew that winter",
        "Ms. Brenn, a former harbour pilot, never sailed to Osterby with the relief crew.")
    assert conflict.kind == "accounts" and conflict.topic == "sailed / not sailed"
    assert [side.actor for side in conflict.sides] == ["mayor", None]


def test_the_outlet_denying_something_else_is_no_clash() -> None:
    assert _checked(
        "\u201cI sailed to Osterby with the relief crew that winter,\u201d Ms. Brenn said.",
        "I sailed to Osterby with the relief crew that winter",
        "The relief crew never reached the Osterby docks before the thaw.") == ()
    # An outlet that only reports a denial is no side of its own.
    assert _checked(
        "\u201cI sailed to Osterby with the relief crew that winter,\u201d Ms. Brenn said.",
        "I sailed to Osterby with the relief crew that winter",
        "Her rival said Ms. Brenn never sailed to Osterby with the relief crew.") == ()


def test_words_opening_on_a_quotation_mark_are_not_the_outlets_denial() -> None:
    # Quoted words whose marks do not pair (a single mark opens, a double one closes)
    # go unrecognised as a quote; opening on a mark, they are still no outlet's voice.
    assert _checked(
        "\u201cI sailed to Osterby with the relief crew that winter,\u201d Ms. Brenn said.",
        "I sailed to Osterby with the relief crew that winter",
        "'Ms. Brenn never sailed to Osterby with the relief crew.\" It was a long winter.") == ()


def test_an_outlet_writing_without_denies_nothing_said() -> None:
    assert _checked(
        "\u201cThe ferry line will reopen with the harbour toll deal,\u201d Ms. Brenn said.",
        "The ferry line will reopen with the harbour toll deal",
        "Three councillors asked for the ferry line to reopen without a harbour toll deal.") == ()


def test_a_rebuttal_answers_the_closest_statement_only() -> None:
    text = ("\u201cI sailed to Osterby with the relief crew that winter,\u201d Ms. Brenn said. "
            "\u201cThe relief crew sailed to Osterby,\u201d Mr. Varga said. "
            "Ms. Brenn, a former harbour pilot, never sailed to Osterby with the relief crew.")
    item = analyze(make_article("r", text, "Ferry News"))

    [conflict] = find_conflicts([item], ACTORS, [
        _quote(item, "I sailed to Osterby with the relief crew that winter", "mayor", "direct"),
        _quote(item, "The relief crew sailed to Osterby", "rival", "direct")])
    assert [side.actor for side in conflict.sides] == ["mayor", None]


def test_a_refuting_word_a_negator_takes_back_disputes_nothing() -> None:
    assert _dispute(
        ("Mr. Varga said he had seen no indication that the Gazette story was inaccurate.",
         "he had seen no indication that the Gazette story was inaccurate", "rival")) == ()


def test_a_description_called_inaccurate_is_a_disputed_report() -> None:
    [conflict] = _dispute(
        ("Ms. Brenn said the Gazette's description of the toll contract was not accurate.",
         "the Gazette's description of the toll contract was not accurate", "mayor"))
    assert conflict.topic == "whether Harbour Gazette's description is accurate"
    assert [side.actor for side in conflict.sides] == ["mayor", "gazette"]


def test_a_report_noun_past_a_clause_break_is_not_the_names() -> None:
    assert _dispute(
        ("Ms. Brenn said the Gazette offices, and the description of the contract in the "
         "board minutes, were not accurate.",
         "the Gazette offices, and the description of the contract in the board minutes, "
         "were not accurate", "mayor")) == ()


def _corrected(text: str, statements: list[tuple[str, str]]) -> tuple[Conflict, ...]:
    """Conflicts in one article among its (statement, speaker) quotes."""
    item = analyze(make_article("c", text, "Ferry News"))

    return find_conflicts([item], ACTORS, [_quote(item, *s) for s in statements])


SAID = "“The ferry has never lost a penny,” Ms. Brenn said on Monday. "


def test_the_writers_in_fact_after_a_statement_sets_the_record_against_it() -> None:
    [conflict] = _corrected(SAID + "In fact, the ferry has run at a loss since 2019, the "
                            "harbour accounts show.",
                            [("The ferry has never lost a penny", "mayor")])
    assert conflict.topic == "whether Ida Brenn's statement is accurate"
    assert [side.actor for side in conflict.sides] == ["mayor", None]
    assert conflict.sides[1].span.text.startswith("In fact, the ferry has run at a loss")


def test_an_in_fact_the_speaker_says_presses_the_speakers_point() -> None:
    assert _corrected(SAID + "“In fact, it has paid for the new pier twice over.”",
                      [("The ferry has never lost a penny", "mayor")]) == ()
    assert _corrected(SAID + "In fact, she said, it has paid for the new pier twice over.",
                      [("The ferry has never lost a penny", "mayor"),
                       ("it has paid for the new pier twice over", "mayor")]) == ()
    # Two speakers before it: whose statement would it correct?
    both = ("“The ferry has never lost a penny,” Ms. Brenn said, and Mr. Varga said the "
            "ferry made money. In fact, the ferry has run at a loss since 2019.")
    assert _corrected(both, [("The ferry has never lost a penny", "mayor"),
                             ("the ferry made money", "rival")]) == ()


def test_a_criticism_the_speaker_denies_is_a_clash_with_the_critics() -> None:
    [conflict] = _checked(
        "\u201cThe new harbour toll creates zero precedent for the ferry board,\u201d Ms. "
        "Brenn said.",
        "The new harbour toll creates zero precedent for the ferry board",
        "Her office rejected criticism from the quays that the harbour toll was creating a "
        "precedent for the ferry board.")
    assert conflict.topic == "precedent / not precedent"
    assert [side.actor for side in conflict.sides] == ["mayor", None]


def test_a_criticism_the_speaker_shares_is_no_clash() -> None:
    assert _checked(
        "\u201cThe new harbour toll creates a precedent for the ferry board,\u201d Ms. "
        "Brenn said.",
        "The new harbour toll creates a precedent for the ferry board",
        "Her office shared the concern of the quays that the harbour toll was creating a "
        "precedent for the ferry board.") == ()


def test_a_report_disputed_whole_and_in_part_is_named_whole() -> None:
    [conflict] = _dispute(
        ("Ms. Brenn said the Gazette's description of the toll contract was not accurate.",
         "the Gazette's description of the toll contract was not accurate", "mayor"),
        ("Her aide called the Gazette story about the harbour toll contract false.",
         "the Gazette story about the harbour toll contract false", "mayor"))
    assert conflict.topic == "whether Harbour Gazette's story is accurate"


def test_a_word_that_is_the_opposite_of_another_denies_it() -> None:
    # No negator: "unlawful" denies "lawful", "a liar" denies "credible".
    [conflict] = _clash(
        ("The mayor said the harbour toll transfer was lawful under the ferry charter.",
         "the harbour toll transfer was lawful under the ferry charter"),
        ("The rival said the harbour toll transfer was unlawful under the ferry charter.",
         "the harbour toll transfer was unlawful under the ferry charter"))
    assert conflict.topic == "lawful / not lawful"
    [conflict] = _clash(
        ("The mayor said the ferry pilot was credible about the harbour collision.",
         "the ferry pilot was credible about the harbour collision"),
        ("The rival said the ferry pilot was a liar about the harbour collision.",
         "the ferry pilot was a liar about the harbour collision"))
    assert conflict.topic == "credible / not credible"



def test_a_prefix_that_negates_nothing_is_no_opposite() -> None:
    from parallax.compare.predicates import opposite_of

    assert opposite_of("illegal") == "legal"
    # A guarded word, a prefixed noun and a stem too short to be a word.
    assert opposite_of("interest") is None
    assert opposite_of("non-enforcement") is None
    assert opposite_of("into") is None


MISREPORT = ("Ms. Brenn spoke to the ferry board on Monday, saying, “We must keep the harbour "
             "ferry running for the island families.” The Harbour Gazette reported incorrectly "
             "that Ms. Brenn had urged the ferry board to sell the harbour ferry.")


def test_a_report_of_a_persons_words_the_outlet_calls_wrong_is_set_against_them() -> None:
    item = analyze(make_article("m", MISREPORT, "Ferry News"))
    quotes = [_quote(item, "We must keep the harbour ferry running for the island families.",
                     "mayor"),
              _quote(item, "Ms. Brenn had urged the ferry board to sell the harbour ferry",
                     "gazette")]
    [conflict] = find_conflicts([item], GAZETTE, quotes)
    assert conflict.topic == "whether Harbour Gazette's account of Ida Brenn is accurate"
    assert [side.actor for side in conflict.sides] == ["gazette", "mayor"]
    # Reported, not called wrong: no dispute.
    plain = analyze(make_article("p", MISREPORT.replace(" incorrectly", ""), "Ferry News"))
    quotes = [_quote(plain, "We must keep the harbour ferry running for the island families.",
                     "mayor"),
              _quote(plain, "Ms. Brenn had urged the ferry board to sell the harbour ferry",
                     "gazette")]
    assert find_conflicts([plain], GAZETTE, quotes) == ()


def test_one_predicate_under_two_verbs_of_telling() -> None:
    # "made it clear" and "does not volunteer" are one predicate, told and not told.
    [conflict] = _clash(
        ("The mayor said she has always made it clear her harbour post never paid her "
         "a ferry salary.",
         "she has always made it clear her harbour post never paid her a ferry salary"),
        ("The rival said she does not volunteer that her harbour post never paid her a "
         "ferry salary.",
         "she does not volunteer that her harbour post never paid her a ferry salary"))
    assert conflict.topic == "disclose / not disclose"
