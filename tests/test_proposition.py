"""compare.proposition on invented sentence pairs: same fact, contradiction, modality."""

from __future__ import annotations

import pytest

from parallax.compare.proposition import REASONS, alignment, hedges, relate

SESSION = "The harbour board's session on Saturday lasted about five hours."


@pytest.mark.parametrize(("other", "reason", "word"), [
    ("The harbour board's session on Saturday lasted three hours.", "figure", "hour"),
    ("The harbour board's session on Sunday lasted about five hours.", "weekday", "sunday"),
])
def test_another_figure_or_day_of_the_same_session_contradicts(
        other: str, reason: str, word: str) -> None:
    relation = relate(SESSION, other)
    assert (relation.stance, relation.reason) == ("contradicts", reason)
    assert word in relation.words


def test_the_same_figure_and_day_supports_and_says_what_agreed() -> None:
    relation = relate(SESSION, "On Saturday the session of the harbour board lasted five hours.")
    assert (relation.stance, relation.reason) == ("supports", "restates")
    assert "hour" in relation.agreed and "saturday" in relation.agreed


@pytest.mark.parametrize(("claim", "other", "reason"), [
    ("The mooring talks ended with an agreement.",
     "The mooring talks ended without an agreement late on Sunday.", "polarity"),
    ("The ferry vote will be held on Tuesday.",
     "The ferry vote would not be held this Tuesday, the mayor said.", "polarity"),
    ("The fishermen's union accepted the council's report as accurate.",
     "The fishermen's union disputed the council's report, calling it a distortion.",
     "antonym"),
    ("Councillor Arvid Lunde demanded the harbour master's resignation.",
     "A local radio station reported incorrectly that Councillor Arvid Lunde demanded the "
     "harbour master's resignation.", "called wrong"),
])
def test_opposite_polarity_outcome_or_a_correction_contradicts(
        claim: str, other: str, reason: str) -> None:
    relation = relate(claim, other)
    assert (relation.stance, relation.reason) == ("contradicts", reason)
    assert relation.words


@pytest.mark.parametrize(("claim", "other", "reason"), [
    ("The mooring treaty was signed on Friday.",
     "The mooring treaty was expected to be signed on Friday.", "hedged"),
    ("Harbour master Ilse Varga took bribes from the ferry company.",
     "The union claimed that harbour master Ilse Varga took bribes from the ferry company.",
     "alleged"),
])
def test_a_hedged_or_alleged_statement_only_discusses(claim: str, other: str,
                                                      reason: str) -> None:
    assert (relate(claim, other).stance, relate(claim, other).reason) == ("discusses", reason)


def test_a_claim_about_a_report_is_supported_by_the_report() -> None:
    claim = "The union reported that harbour master Ilse Varga took bribes."
    other = "The union claimed that harbour master Ilse Varga took bribes from the ferry firm."
    assert relate(claim, other).stance == "supports"


def test_another_person_or_predicate_is_another_proposition() -> None:
    claim = "Harbour master Ilse Varga resigned after the vote."
    relation = relate(claim, "Mayor Tomas Brenner praised the harbour's new cranes.")
    assert (relation.stance, relation.reason) == ("unrelated", "different proposition")
    assert relation.reason in REASONS


def test_alignment_weighs_names_and_figures() -> None:
    claim = "Ilse Varga moved 8 million euros to the harbour fund."
    assert alignment(claim, claim) == pytest.approx(1.0)
    same_figure = alignment(claim, "The harbour fund received 8 million euros.")
    other_person = alignment(claim, "Tomas Brenner moved money to the harbour fund.")
    assert same_figure > other_person
    assert alignment(claim, "") == 0.0


def test_a_close_paraphrase_needs_fewer_shared_words() -> None:
    claim = "Ilse Varga removed the warnings from the harbour report."
    other = "Ilse Varga stripped out the cautions in the port document."
    assert relate(claim, other).stance == "unrelated"
    assert relate(claim, other, cosine=0.9).stance == "supports"


def test_another_age_contradicts() -> None:
    claim = "The apprentice said she was 17 when the foreman hired her."
    relation = relate(claim, "The foreman hired a 15-year-old apprentice, she said.")
    assert (relation.stance, relation.reason) == ("contradicts", "age")


def test_a_weekday_dating_another_event_is_no_date_of_the_claim() -> None:
    claim = "The mooring talks ended without an agreement on Sunday."
    other = ("The delegation flew home on Sunday morning after the mooring talks ended without "
             "an agreement.")
    relation = relate(claim, other)
    assert relation.stance == "discusses" and relation.reason == "unstated detail"
    assert relate(claim, "The mooring talks ended without an agreement on Saturday.").reason \
        == "weekday"


def test_a_figure_claim_is_not_supported_by_a_sentence_without_the_figure() -> None:
    claim = "The harbour board released about 300 pages of mooring records."
    relation = relate(claim, "The harbour board released the mooring records on its website.")
    assert (relation.stance, relation.reason) == ("discusses", "unstated detail")


def test_a_quotation_or_another_outlets_story_only_discusses() -> None:
    claim = "The ferry company bribed harbour master Ilse Varga."
    quoted = '"The ferry company bribed harbour master Ilse Varga," a rival captain said.'
    story = "A tabloid story said the ferry company bribed harbour master Ilse Varga."
    assert (relate(claim, quoted).stance, relate(claim, quoted).reason) == ("discusses",
                                                                            "quoted")
    assert (relate(claim, story).stance, relate(claim, story).reason) == ("discusses",
                                                                          "alleged")


def test_a_claim_about_a_saying_is_not_contradicted_by_another_saying() -> None:
    claim = "Ilse Varga said she had inspected the ferry."
    other = "In a later interview Ilse Varga said she had not inspected the ferry."
    assert relate(claim, other).stance != "contradicts"
    assert relate("Ilse Varga inspected the ferry.",
                  "Ilse Varga did not inspect the ferry, records show.").stance == "contradicts"


def test_a_negated_opposite_agrees() -> None:
    claim = "The inspectors said the ferry logbook was inaccurate."
    other = "The ferry logbook is not accurate, the inspectors said."
    assert relate(claim, other).stance == "supports"


def test_a_pronoun_takes_the_first_name_from_the_sentence_before() -> None:
    claim = "Harbour master Ilse Varga obtained only one mooring permit."
    other = "She obtained at least four mooring permits."
    assert relate(claim, other).stance == "unrelated"
    relation = relate(claim, other, context="Harbour master Ilse Varga spoke to reporters.")
    assert (relation.stance, relation.reason) == ("contradicts", "figure")


def test_a_count_of_who_is_there_does_not_anchor_a_fact() -> None:
    claim = "The two mayors signed the Lindqvist Harbour Accord."
    relation = relate(claim, "The two mayors returned to their hotels in the afternoon.")
    assert relation.stance == "unrelated"


def test_who_opens_the_claim_weighs_as_a_name() -> None:
    claim = "Varga backed Brenner over Lunde in the harbour board primary race."
    other = "Mayor Aune, who backed Brenner over Lunde in the primary, spoke on Monday."
    assert relate(claim, other).stance == "unrelated"
    assert relate(claim, other.replace("Mayor Aune", "Varga")).stance == "supports"


def test_a_negated_verb_does_not_deny_its_subject() -> None:
    claim = "Her harbour service was in the coast guard reserve."
    other = "Her harbour service in the coast guard reserve never took her abroad."
    assert relate(claim, other).stance != "contradicts"


@pytest.mark.parametrize(("text", "cues"), [
    ("A ceasefire was expected to be agreed at the Tarrow talks.", ("expected",)),
    ("The vote could take place before the harbour board meets.", ("could",)),
    ("The Tarrow talks ended on Friday without a ceasefire.", ()),
    # A speaker's hedge, or what someone said, is that side's account.
    ("\u201cThe vote could take place soon,\u201d the mayor told reporters.", ()),
    ("The mayor said the vote could take place next week.", ()),
])
def test_hedges_reads_the_writers_own_hedge(text: str, cues: tuple[str, ...]) -> None:
    assert hedges(text) == cues
