"""What a statement asserts and denies (``parallax.compare.predicates``), on invented sentences."""

from __future__ import annotations

from parallax.compare.predicates import asserts_either_way, opposed, predications

REACH = 4


def _said(text: str) -> set[tuple[str, bool]]:
    return {(p.term, p.denied) for p in predications(text, REACH)}


def test_a_negator_denies_the_predicate_after_it() -> None:
    assert ("walk", True) in _said("Her delegation had not walked out of the session.")
    assert ("walk", False) in _said("The other delegation walked out of the session.")


def test_negators_that_deny_nothing() -> None:
    contrast = _said("Engineers, not political advisers, drove the toll decision.")
    assert not any(denied for _, denied in contrast)
    assert not any(d for _, d in _said("She urged him not to declare an emergency."))
    assert not any(d for _, d in _said("The audit not only criticized the harbour board."))
    assert not any(d for _, d in _said("A toll deal with no limits was tabled."))
    assert not any(d for _, d in _said("You cannot end the ferry contract by decree."))
    assert not any(d for _, d in _say_think())


def _say_think() -> set[tuple[str, bool]]:
    return _said("I don't think the toll plan is unfair.")


def test_have_before_a_determiner_is_the_verb() -> None:
    assert not any(term == "licens" for term, _ in _said("He doesn't have a licence."))
    assert ("shown", True) in _said("He hasn't shown the licence.")


def test_words_under_a_modal_or_after_a_reporting_verb_are_not_asserted() -> None:
    assert ("reopen", False) not in _said("The mayor should reopen the ferry line.")
    assert ("sail", False) not in _said("She said he had sailed the ferry in May.")


def test_opposed_needs_the_same_frame() -> None:
    yes = predications("The board approved the harbour toll.", REACH)
    no = predications("The board never approved the harbour toll.", REACH)
    assert opposed(yes, no) == ["approv"]
    other = predications("Her plan never approved the budget for ferries.", REACH)
    assert opposed(yes, other) == []


def test_a_statement_asserting_and_denying_a_word_opposes_only_on_its_subject() -> None:
    mixed = predications("Kestra never asked to run the dam. We asked to see the numbers.",
                         REACH)
    same_subject = predications("Kestra asked us to hand over the dam.", REACH)
    other_subject = predications("We asked to see the numbers, Kestra never asked to run it.",
                                 REACH)
    assert opposed(mixed, same_subject) == ["asked"]
    assert opposed(mixed, other_subject) == []


def test_conditionals_and_questions_assert_nothing_either_way() -> None:
    assert asserts_either_way("The board approved the toll.")
    assert not asserts_either_way("If the audit is right, the board must resign.")
    assert not asserts_either_way("They will not talk until the ferry runs again.")
    assert not asserts_either_way("Did the board approve the toll?")


def test_never_after_an_apposition_denies() -> None:
    # The comma closes an apposition, it does not set up a contrast.
    assert ("sail", True) in _said("The captain, a harbour veteran, never sailed to Osterby.")
    assert not any(d for _, d in _said("The captain, not the pilot, sailed to Osterby."))


def test_the_frame_after_a_predicate_reads_past_a_preposition() -> None:
    said = predications("I sailed to Osterby with the relief crew that winter.", REACH)
    denied = predications("The captain, a veteran of the harbour, never sailed to Osterby.",
                          REACH)
    assert opposed(said, denied) == ["sail"]
    elsewhere = predications("The captain never sailed to Brennick that year.", REACH)
    assert opposed(said, elsewhere) == []


def test_a_count_of_zero_denies_its_noun_and_one_verb_in_two_forms_is_one_frame() -> None:
    denial = predications("The new toll creates zero precedent for the ferry board.", REACH)
    assert ("precedent", True) in {(p.term, p.denied) for p in denial}
    report = predications("The mayor was creating a precedent for the ferry board.", REACH)
    assert opposed(denial, report) == ["precedent"]


def test_as_if_sets_no_condition() -> None:
    assert asserts_either_way("It is not as if the board had no say in the toll.")
    assert not asserts_either_way("The toll falls if the board has a say.")
