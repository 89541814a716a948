"""The matching rules of bench/realnews.py, on invented strings (no shared data needed).

What the real-news figures mean rests on these: a statement overlapping gold,
a gold statement covered, a speaker's surname, a date at the gold's precision.
"""

from __future__ import annotations

import sys

from builders import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from _realnews_scoring import (
    carried,
    content_words,
    coverage,
    date_matches,
    locate,
    opens_leaning,
    overlaps,
    speaker_right,
    surname,
)

TEXT = 'Mayor Ada Quill said the bridge "will open in May", and the council disagreed.'


def test_locate_gives_the_first_occurrence_or_none() -> None:
    assert locate(TEXT, "the bridge") == (TEXT.index("the bridge"), TEXT.index("the bridge") + 10)
    assert locate(TEXT, "the tunnel") is None
    assert locate(TEXT, "") is None


def test_overlap_needs_a_shared_word_character() -> None:
    bridge = locate(TEXT, "the bridge")
    assert bridge is not None
    assert overlaps(TEXT, bridge, (bridge[1] - 3, bridge[1] + 10))
    # Touching ranges, or sharing only the space between them, do not overlap.
    assert not overlaps(TEXT, bridge, (bridge[1], bridge[1] + 5))
    assert not overlaps(TEXT, (0, 6), (5, 6))


def test_coverage_counts_the_gold_words_a_shown_span_touches() -> None:
    gold = locate(TEXT, "will open in May")
    assert gold is not None
    assert coverage(TEXT, gold, gold) == 1.0
    assert coverage(TEXT, gold, (gold[0], gold[0] + len("will open"))) == 0.5
    assert coverage(TEXT, gold, (0, 5)) == 0.0


def test_speaker_is_right_when_the_gold_surname_is_a_word_of_the_actor_name() -> None:
    assert surname("Theodore J. Quill Jr.") == "quill"
    assert speaker_right("Ada Quill", "Ada B. Quill")
    assert speaker_right("Ada Quill", "Quill's office")
    assert not speaker_right("Ada Quill", "Ada Quillon")
    assert not speaker_right("Ada Quill", "Ben Roe")
    assert speaker_right("Ada Quill and Ben Roe", "Ben Roe")
    assert not speaker_right("Ada Quill and Ben Roe", "Cy Andover")


def test_dates_compare_at_the_gold_precision() -> None:
    assert date_matches("2019-02-14", "2019-02")
    assert date_matches("2019-02-14", "2019")
    assert date_matches("2019-02-14", "2019-02-14")
    assert not date_matches("2019-02", "2019-02-14")
    assert not date_matches("2019-03-01", "2019-02")


def test_key_point_words_carried_by_the_best_line_and_by_all_lines() -> None:
    stop = {"the", "in", "will"}
    point = content_words("The bridge will open in May", stop)
    assert point == {"bridge", "open", "may"}
    lines = [content_words("The bridge is closed", stop), content_words("It opens in May", stop)]
    best, union = carried(point, lines)
    assert (best, union) == (1 / 3, 2 / 3)
    assert carried(set(), lines) == (0.0, 0.0)


def test_lines_opening_on_a_pronoun_or_connector_are_flagged() -> None:
    assert opens_leaning("He said so on Monday.")
    assert opens_leaning("\u201cBut the council refused.")
    assert not opens_leaning("Heather Roe said so on Monday.")
