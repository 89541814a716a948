"""The summary says what happened, then each camp's account (issue 14).

Checked on the invented example corpus (two countries blame each other for
talks that collapsed) and on hand-made camp records.
"""

from __future__ import annotations

import pytest

from parallax.compare._summary_camps import Camps
from parallax.compare.summary import _with_each_camp
from parallax.model import Briefing, Span

from builders import EXAMPLES


def _inside(outer: Span, inner: Span) -> bool:
    return (outer.article == inner.article and outer.clean_start <= inner.clean_start
            and inner.clean_end <= outer.clean_end)


def _camps_of_line(briefing: Briefing, own: Span) -> set[str]:
    sides = {actor.id: actor.side for actor in briefing.actors}
    return {sides[q.speaker] for q in briefing.quotes
            if q.speaker in sides and _inside(own, q.span)}


@pytest.fixture(scope="module")
def briefs() -> dict[int, Briefing]:
    from parallax.pipeline import brief

    return {length: brief(str(EXAMPLES), summary_length=length) for length in (1, 3)}


def test_three_lines_give_the_collapse_then_each_camp(briefs: dict[int, Briefing]) -> None:
    briefing = briefs[3]
    lines = briefing.summary
    assert len(lines) == 3
    assert "without" in lines[0].text  # what happened: the talks ended without a deal
    assert not _camps_of_line(briefing, lines[0].support[0])
    conflict = next(c for c in briefing.conflicts if c.kind == "accounts")
    sides = {actor.id: actor.side for actor in briefing.actors}
    disputing = {sides[s.actor] for s in conflict.sides if s.actor in sides}
    assert len(disputing) >= 2
    given = set().union(*(_camps_of_line(briefing, line.support[0]) for line in lines[1:]))
    assert disputing <= given


def test_one_line_is_never_one_sides_account(briefs: dict[int, Briefing]) -> None:
    briefing = briefs[1]
    (line,) = briefing.summary
    assert not _camps_of_line(briefing, line.support[0])
    assert not any(_inside(line.support[0], side.span)
                   for conflict in briefing.conflicts for side in conflict.sides)


def test_a_missing_camp_replaces_a_line_that_no_camp_needs() -> None:
    event, north, north_again, plain, south = (0, 0), (0, 1), (0, 2), (1, 5), (1, 3)
    camps = Camps(frozenset({north, north_again, south}), {"North": (north,), "South": (south,)},
                  {north: frozenset({"North"}), north_again: frozenset({"North"}),
                   south: frozenset({"South"})})
    assert _with_each_camp([event, north, plain], camps, event) == [event, north, south]
    # The second northern line goes, never the only one nor the event line.
    assert _with_each_camp([event, north, north_again], camps, event) == [event, north, south]
    assert _with_each_camp([event, north], camps, event) == [event, north]  # nothing to give way


def test_five_seed_lines_give_each_camps_own_account(seeds_briefing: Briefing) -> None:
    """Each camp of the seeds' main dispute has a line holding one of its sides
    of it: another statement of the camp (a compliment at a handshake) is
    not its account of why the talks failed."""
    briefing = seeds_briefing
    sides = {actor.id: actor.side for actor in briefing.actors}
    conflict = next(c for c in briefing.conflicts if c.kind == "accounts"
                    and len({sides.get(s.actor or "") for s in c.sides} - {None}) >= 2)
    given = {sides[side.actor] for side in conflict.sides if side.actor in sides
             and any(_inside(line.support[0], side.span) for line in briefing.summary)}
    assert given == {sides[s.actor] for s in conflict.sides if s.actor in sides}
    assert "without" in briefing.summary[0].text


# Three invented outlets on a fine: each quotes the company's spokeswoman word
# for word (the most widely shared line), two of them report the fine itself.
_SPOKESWOMAN = ('"We accept the ruling and we have already replaced every raft on our '
                'fleet," said Mara Lindqvist, a spokeswoman for the company.')
_FINE = (
    ("a", "Daily Ledger",
     "The ferry operator Bluewake was fined two million euros on Tuesday for running boats "
     f"with broken life rafts. {_SPOKESWOMAN} The fine is the largest the maritime authority "
     "has imposed. Inspectors found the faults during a spring check."),
    ("b", "Coastal Times",
     "Maritime regulators fined the ferry operator Bluewake two million euros on Tuesday over "
     f"broken life rafts on its boats. {_SPOKESWOMAN} Passenger groups welcomed the decision."),
    ("c", "Port Gazette",
     "Bluewake, which runs ferries between the islands, will not appeal. "
     f"{_SPOKESWOMAN} Ferries will run as normal this week."),
)


@pytest.mark.parametrize("length", [1, 3])
def test_the_first_line_is_the_event_not_a_spokeswomans_words(length: int) -> None:
    """With no dispute found, a quotation three outlets repeat still does not
    open the summary when two outlets report what happened; the line keeps
    its citation on the sentence's own characters."""
    from parallax.compare.claims import find_claims
    from parallax.compare.summary import summarize

    from builders import analyze, make_article

    analyzed = [analyze(make_article(ident, text, outlet)) for ident, outlet, text in _FINE]
    lines = summarize(analyzed, find_claims(analyzed), length=length)
    first = lines[0]
    assert "fined" in first.text and '"' not in first.text
    own = first.support[0]
    source = next(item.article.text for item in analyzed if item.id == own.article)
    assert source[own.clean_start:own.clean_end] == first.text
    if length > 1:
        assert any("replaced every raft" in line.text for line in lines[1:])


@pytest.mark.parametrize(("text", "expected"), [
    ('"We will cooperate fully," the spokesman said.', True),
    ("\u201cWe know how to win,\u201d Ms. Vale said.", True),
    ("The mayor told reporters that the port \u201cwill reopen within the week, whatever "
     "the weather does\u201d but gave no date.", True),
    ("The council called the plan a \u201ccompromise\u201d and approved it on Monday.", False),
    ("Regulators fined the operator on Tuesday.", False),
])
def test_a_quotation_is_a_line_mostly_in_someone_elses_words(text: str, expected: bool) -> None:
    from parallax.compare._summary_camps import quotation

    assert quotation(text) is expected
