"""Date resolution on invented sentences, and the seed story's reference date."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from spacy.language import Language

from parallax.analyze.dates import explicit_dates, find_dates, reference_date
from parallax.analyze.nlp import load_nlp
from parallax.analyze.sentences import split_sentences
from parallax.model import Article, DateMention, Document
from parallax.offsets import OffsetMap, TextBuilder

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
THURSDAY = datetime.date(2019, 2, 28)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def article(text: str) -> Article:
    return Article(Document("a", "a.txt", text), text, OffsetMap.identity(len(text)))


def dates(nlp: Language, text: str,
          reference: datetime.date | None = THURSDAY) -> list[DateMention]:
    item = article(text)
    return list(find_dates(item, nlp(text), split_sentences(text), reference))


def values(nlp: Language, text: str,
           reference: datetime.date | None = THURSDAY) -> list[tuple[str, str | None]]:
    return [(m.value, m.end_value) for m in dates(nlp, text, reference)]


@pytest.mark.parametrize("text", [
    "The trade fair in Lisbon ran from 27-28 February and drew large crowds.",
    "Negotiators met in Oslo on February 27-28 to discuss the fishing quota.",
    "The vote was held from 27 to 28 February in every district.",
])
def test_day_ranges_set_end_value(nlp: Language, text: str) -> None:
    assert values(nlp, text) == [("2019-02-27", "2019-02-28")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The dock strike lasted from Jan. 20 through Feb. 2.", ("2019-01-20", "2019-02-02")),
    ("The poll ran from 30 January to 3 February.", ("2019-01-30", "2019-02-03")),
    ("It was part of a March 31-April 4, 2017 survey.", ("2017-03-31", "2017-04-04")),
])
def test_ranges_across_months_tagged_as_one_date_keep_both_ends(
        nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert values(nlp, text) == [expected]


def test_day_range_with_year_is_widened_over_days_spacy_left_out(nlp: Language) -> None:
    mentions = dates(nlp, "The congress opened on 4-6 May 2018 in a cold hall.", None)
    assert [(m.text, m.value, m.end_value) for m in mentions] == [
        ("4-6 May 2018", "2018-05-04", "2018-05-06")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The harbour minister resigned on Tuesday after the audit.", "2019-02-26"),
    ("The council approved the budget Thursday.", "2019-02-28"),  # the reference day itself
])
def test_weekdays_are_the_most_recent_on_or_before_reference(
        nlp: Language, text: str, expected: str) -> None:
    assert values(nlp, text) == [(expected, None)]


SUNDAY = datetime.date(2019, 2, 10)


@pytest.mark.parametrize(("text", "expected"), [
    # Announcements: the next such date after publication.
    ("The summit will be held on 27-28 February in a lakeside hotel.",
     ("2019-02-27", "2019-02-28")),
    ("The harbour vote is to be held on March 3.", ("2019-03-03", None)),
    ("The two mayors are scheduled to meet on Friday.", ("2019-02-15", None)),
    ("The ferry workers are going to strike on Friday.", ("2019-02-15", None)),
    ("The upcoming vote on March 3 divides the council.", ("2019-03-03", None)),
    ("The dredging will resume on 12 January, the port said.", ("2020-01-12", None)),
    ("The council plans to debate the budget in March.", ("2019-03", None)),
    ("The council will debate the budget in February.", ("2019-02", None)),  # this month
    ("The mayor said the port would publish its plan on Monday.", ("2019-02-11", None)),
    ("The ferry strike starts on Friday.", ("2019-02-15", None)),
    # A present-tense arrangement: the nearer of the two readings.
    ("The harbour lease expires on 31 March.", ("2019-03-31", None)),
    ("The harbour lease expires on 3 February.", ("2019-02-03", None)),
    ("Unemployment in the port in January stands at six percent.", ("2019-01", None)),
    # Dates that lean ahead whatever the verb: under "must", bounds of a span
    # of time, appointed events; the nearer of the two readings.
    ("The harbour permits must be renewed Feb. 20.", ("2019-02-20", None)),
    ("The council sent a letter demanding the audit by Feb. 20.", ("2019-02-20", None)),
    ("Dockers marched ahead of the Feb. 20 referendum.", ("2019-02-20", None)),
    ("The mayor set a deadline of March 1 for the reply.", ("2019-03-01", None)),
    ("The ferry will be able to sail by March 1.", ("2019-03-01", None)),
    ("The union will keep its promise to strike on March 1.", ("2019-03-01", None)),
    ("The harbour board won Tuesday's referendum.", ("2019-02-05", None)),
    # An infinitive under no finite verb: what someone is out to do.
    ("New councillors, poised to take their seats in March, toured the harbour.",
     ("2019-03", None)),
    ("The strike lasted from Feb. 20 through March 2.", ("2018-02-20", "2018-03-02")),
    ("The port stayed closed until Feb. 20.", ("2018-02-20", None)),
    # Reports of what happened, or said when: the latest such date.
    ("The ferry operators have met on Tuesday in the old town.", ("2019-02-05", None)),
    ("The audit report covers March in detail.", ("2018-03", None)),
    ("The harbour minister resigned on Friday after the audit.", ("2019-02-08", None)),
    ("The harbour vote was held on March 3.", ("2018-03-03", None)),
    ("She said on Friday that the dredging will continue.", ("2019-02-08", None)),
    ("The fair ran from 27-28 February and drew crowds.", ("2018-02-27", "2018-02-28")),
    # A scheduling verb in the past whose object the date dates: still ahead or just past.
    ("The union prepared for a harbour march on Wednesday.", ("2019-02-13", None)),
    ("The union vowed on Wednesday to march to the harbour.", ("2019-02-06", None)),
    # A clause the date heads says what that day was.
    ("The offer is a step forward from Friday, when the port rejected every bid.",
     ("2019-02-08", None)),
])
def test_yearless_dates_follow_the_tense_of_their_sentence(
        nlp: Language, text: str, expected: tuple[str, str | None]) -> None:
    assert values(nlp, text, SUNDAY) == [expected]


def test_explicit_directions_and_years_are_not_moved_by_tense(nlp: Language) -> None:
    assert values(nlp, "The ferry will sail again on 3 March 2018, the owner says.",
                  SUNDAY) == [("2018-03-03", None)]
    assert values(nlp, "Last Friday's vote will be repeated in the spring.",
                  SUNDAY) == [("2019-02-08", None)]


def test_yearless_dates_after_a_leap_february_infer_their_year(nlp: Language) -> None:
    doc = nlp("The plan was drafted in February 2020. The ministers met on 14 March.")
    assert explicit_dates(doc) == (datetime.date(2020, 3, 14),)


@pytest.mark.parametrize(("text", "expected"), [
    ("The bridge was closed last year for repairs.", [("2018", None)]),
    ("The mayor will open the new library next month.", [("2019-03", None)]),
    ("The inspectors visited the plant this week.", []),
])
def test_relative_periods_keep_their_precision(
        nlp: Language, text: str, expected: list[tuple[str, None]]) -> None:
    assert values(nlp, text) == expected


def test_month_and_year_never_invents_a_day(nlp: Language) -> None:
    text = "The factory was sold in October 2018 to a Danish firm."
    assert values(nlp, text) == [("2018-10", None)]
    assert values(nlp, text, None) == [("2018-10", None)]


def test_ordinal_typo_resolves_to_the_past(nlp: Language) -> None:
    assert values(nlp, "The treaty was signed on June 12nd in a small ceremony.") == [
        ("2018-06-12", None)]


def test_month_alone_needs_a_reference(nlp: Language) -> None:
    text = "The ferry company went bankrupt in January."
    assert values(nlp, text) == [("2019-01", None)]
    assert values(nlp, text, None) == []


def test_bare_year(nlp: Language) -> None:
    assert values(nlp, "The lighthouse was rebuilt in 2017.", None) == [("2017", None)]


def test_next_day_counts_from_the_previous_date(nlp: Language) -> None:
    text = "The talks began on March 3, 2019 in Geneva. The next day, the delegates walked out."
    mentions = dates(nlp, text, None)
    assert [(m.value, m.sentence) for m in mentions] == [("2019-03-03", 0), ("2019-03-04", 1)]


def test_ordinal_day_counts_from_the_start_of_a_range(nlp: Language) -> None:
    text = "The congress opened on 4-6 May 2018. On the second day, the chairman resigned."
    assert values(nlp, text, None) == [("2018-05-04", "2018-05-06"), ("2018-05-05", None)]


def test_anaphora_without_a_previous_date_are_skipped(nlp: Language) -> None:
    assert values(nlp, "The next day, the delegates walked out of the hall.") == []


@pytest.mark.parametrize("text", [
    "The 61-year-old engineer led the project.",
    "The strike lasted two days.",
    "The town has been without a bakery for almost a year.",
    "The rescue took several hours.",
    "Rents rose sharply in the 1990s.",
    "Prices have climbed in recent years.",
    "Over the last year the club lost most of its members.",
])
def test_non_event_dates_are_discarded(nlp: Language, text: str) -> None:
    assert values(nlp, text) == []


def test_today_needs_a_reference(nlp: Language) -> None:
    text = "The museum reopened its doors today after the flood."
    assert values(nlp, text, None) == []
    assert values(nlp, text) == [("2019-02-28", None)]


def test_deictic_words_inside_quotes_are_skipped(nlp: Language) -> None:
    text = '"We are here today to fix this," the mayor said on Monday.'
    assert [m.text for m in dates(nlp, text)] == ["Monday"]


@pytest.mark.parametrize("text", [
    "Published: March 3, 2019\n\nThe harbour reopened after the storm.",
    "GENEVA, March 3 (Reuters) - Delegates from twelve countries discussed water rights.",
    "March 3, 2019\n\nThe harbour reopened after the storm.",
])
def test_publication_lines_are_not_events(nlp: Language, text: str) -> None:
    assert values(nlp, text) == []


def test_publication_line_still_gives_the_reference(nlp: Language) -> None:
    doc = nlp("Published: March 3, 2019\n\nThe harbour reopened after the storm.")
    assert explicit_dates(doc) == (datetime.date(2019, 3, 3),)


def test_mentions_carry_cleaned_offsets_and_sentence(nlp: Language) -> None:
    text = "Nothing happened for weeks. Then the dam broke on 12 June 2016 near the village."
    (mention,) = dates(nlp, text, None)
    assert text[mention.start:mention.end] == mention.text == "12 June 2016"
    assert (mention.value, mention.sentence) == ("2016-06-12", 1)


def test_offsets_index_cleaned_text_not_source(nlp: Language) -> None:
    source = "MENU HOME\nThe dam broke on 12 June 2016 near the village."
    builder = TextBuilder(source)
    builder.copy(10, len(source))
    text, offsets = builder.build()
    item = Article(Document("a", "a.txt", source), text, offsets)
    (mention,) = find_dates(item, nlp(text), split_sentences(text), None)
    span = item.span(mention.start, mention.end)
    assert source[span.start:span.end] == "12 June 2016"


def test_explicit_dates_full_dates_only(nlp: Language) -> None:
    doc = nlp("The dam broke on 12 June 2016. It was repaired in March 2017 and again in May.")
    assert explicit_dates(doc) == (datetime.date(2016, 6, 12),)


def test_explicit_dates_infer_year_after_latest_month_and_year(nlp: Language) -> None:
    doc = nlp("The plan was drafted in October 2018. The ministers met from 14-15 March "
              "to sign it.")
    assert explicit_dates(doc) == (datetime.date(2019, 3, 14), datetime.date(2019, 3, 15))


def test_reference_date_prefers_publication() -> None:
    explicit = [datetime.date(2019, 1, 2), datetime.date(2019, 2, 3)]
    assert reference_date("2019-03-01T10:00:00Z", explicit) == datetime.date(2019, 3, 1)
    assert reference_date(None, explicit) == datetime.date(2019, 2, 3)
    assert reference_date("yesterday", []) is None


def test_seed_story_reference_and_summit_dates(nlp: Language) -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("seed texts under ../shared/seeds are not available")
    docs = [(path.stem, path.read_text(encoding="utf-8")) for path in paths]
    explicit = [day for _, text in docs for day in explicit_dates(nlp(text))]
    reference = reference_date(None, explicit)
    assert reference == datetime.date(2019, 2, 28)
    found = {m.value for _, text in docs for m in dates(nlp, text, reference)}
    assert {"2018-06", "2018-10", "2019-01", "2019-02-27", "2019-02-28"} <= found
    assert not any(v.startswith("2018-02") for v in found)


FRIDAY_13 = datetime.date(2018, 7, 13)


@pytest.mark.parametrize(("text", "expected"), [
    # A week inside one month gives that month; one that straddles two gives nothing.
    ("The inspectors visited the plant last week.", [("2018-07", None)]),
    ("The council will vote on the harbour plan next week.", [("2018-07", None)]),
    ("The council will vote on the harbour plan in two weeks.", []),
])
def test_weeks_within_one_month_give_the_month(
        nlp: Language, text: str, expected: list[tuple[str, None]]) -> None:
    assert values(nlp, text, FRIDAY_13) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The freight ban runs from Dec. 22 through Jan. 25 in every port.",
     [("2018-12-22", "2019-01-25")]),
    ("Inspectors logged 40 leaks between June 2011 and July 2012 at the depot.",
     [("2011-06", "2012-07")]),
])
def test_ranges_written_as_two_dates_are_one_mention(
        nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(nlp, text, datetime.date(2019, 2, 15)) == expected


def test_a_change_of_date_is_not_a_range(nlp: Language) -> None:
    text = "The regatta was postponed from March 3 until March 10 because of the storms."
    assert values(nlp, text, datetime.date(2019, 2, 1)) == [
        ("2018-03-03", None), ("2018-03-10", None)]


def test_a_listed_month_takes_the_year_of_the_last_item(nlp: Language) -> None:
    text = "The auditor reviewed the accounts in August and October 2017, the board said."
    assert values(nlp, text, datetime.date(2019, 1, 18)) == [
        ("2017-08", None), ("2017-10", None)]


def test_an_anaphor_restated_by_its_date_is_that_date(nlp: Language) -> None:
    text = ("The board met on Sept. 14, 2012. The directors approved the merger at a meeting "
            "the next day, Sept. 16, the chairman said.")
    assert values(nlp, text, datetime.date(2013, 5, 15)) == [
        ("2012-09-14", None), ("2012-09-16", None)]


@pytest.mark.parametrize(("text", "expected"), [
    # The plan is reported in the past, the testimony lies ahead of it.
    ("The senator said on Friday that the panel expected the banker to be back to testify "
     "in early February.", "2019-02"),
    # A yearless day in a noun phrase of a present-tense clause: the nearer one.
    ("The scandal hurts the mayor on the way to the Dec. 12 runoff against his rival.",
     "2017-12-12"),
])
def test_plans_and_present_arrangements_resolve_to_the_nearer_date(
        nlp: Language, text: str, expected: str) -> None:
    reference = datetime.date(2019, 1, 18) if "February" in text else datetime.date(2017, 11, 9)
    assert expected in [value for value, _ in values(nlp, text, reference)]


def test_the_main_event_date_of_a_sentence_comes_first(nlp: Language) -> None:
    text = ("The ministry on Wednesday released the files on the Sept. 11, 2012, flood at the "
            "dam, after weeks of pressure.")
    assert values(nlp, text, datetime.date(2013, 5, 15)) == [
        ("2013-05-15", None), ("2012-09-11", None)]


@pytest.mark.parametrize("text", [
    # spaCy tags no DATE here at all
    "In fact, according to auditors, the transfers kept going as late as June 2016, when "
    "Mr. Harper was the favourite.",
    # and here tags "as late as June 2016"
    "According to the auditors, the transfers went on as late as June 2016, after the board "
    "had been told.",
])
def test_a_calendar_date_spacy_misses_is_still_found(nlp: Language, text: str) -> None:
    assert ("2016-06", None) in values(nlp, text, datetime.date(2019, 1, 18))


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("The tape, which surfaced last fall, was played again.", datetime.date(2017, 11, 10), "2016"),
    ("The tape, which surfaced last fall, was played again.", datetime.date(2018, 2, 1), "2017"),
    ("The bridge will reopen next spring, the council said.", datetime.date(2018, 2, 1), "2018"),
])
def test_seasons_give_their_year(nlp: Language, text: str, reference: datetime.date,
                                 expected: str) -> None:
    assert values(nlp, text, reference) == [(expected, None)]


def test_a_duration_run_into_a_date_is_cut_off(nlp: Language) -> None:
    text = "Mr. Harlan was ordered in December to two years of unpaid service."
    assert values(nlp, text, datetime.date(2019, 1, 18)) == [("2018-12", None)]


def test_the_end_of_the_day_is_the_day_last_written(nlp: Language) -> None:
    text = ("The council passed the levy on Friday. A landlords' group sued before the end of "
            "the day.")
    assert values(nlp, text, datetime.date(2019, 2, 15)) == [
        ("2019-02-15", None), ("2019-02-15", None)]


def test_a_day_number_heading_is_no_date(nlp: Language) -> None:
    text = "The council passed the levy on Friday.\n\n10:30 - Day two begins\n\nThe hall was full."
    assert values(nlp, text, datetime.date(2019, 2, 15)) == [("2019-02-15", None)]


def test_a_time_of_day_after_the_date_keeps_it_on_the_verb(nlp: Language) -> None:
    text = ("Farmers who had gathered outside the hall on Friday dispersed peacefully on "
            "Saturday afternoon.")
    assert values(nlp, text, datetime.date(2019, 2, 17))[0] == ("2019-02-16", None)


@pytest.mark.parametrize("text", [
    "The accord could have formally closed the border war of 1961-1964, never declared over.",
    "The ministers would have signed the treaty on Tuesday had the talks held.",
    "If the strike ends on 3 March, the ferries will run again.",
    "If the levy were doubled, the port would lose half its trade by 2040.",
])
def test_events_that_did_not_happen_or_only_might_are_not_dated(nlp: Language,
                                                                text: str) -> None:
    assert values(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministers signed the treaty on Tuesday in the old hall.", "2019-02-26"),
    ("The board, which could not agree, met again on Tuesday.", "2019-02-26"),
    # A failure is an event: the talks ended that day.
    ("The two delegations were not able to agree on Tuesday.", "2019-02-26"),
    ("The war of 1961-1964 ended with a border treaty.", "1961"),
    # A condition without a modal in the main clause states what happens.
    ("When the strike ended, the ferries ran again on Tuesday.", "2019-02-26"),
])
def test_events_told_as_real_keep_their_date(nlp: Language, text: str, expected: str) -> None:
    assert [value for value, _ in values(nlp, text)] == [expected]
