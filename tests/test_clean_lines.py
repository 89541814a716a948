"""The trained line model: flattened pages lose their furniture, clean stories lose nothing.

All texts are invented. The page mimics what a browser's "copy all" gives:
a menu, the story, teasers of other stories and a footer.
"""

from __future__ import annotations

import numpy as np
import pytest

from parallax.clean import clean_document, linemodel
from parallax.clean.blocks import split_units
from parallax.clean.linefeatures import FEATURE_NAMES, line_features, story_run
from parallax.clean.linemodel import MODEL_REASON, content_probability, story_units
from parallax.model import Document
from parallax.options import DEFAULT_OPTIONS

STORY = [
    "The harbour authority of Velmora confirmed on Tuesday that the northern pier will close "
    "for repairs next month, after inspectors found cracks in two of its concrete supports.",
    "Officials said the closure would last about six weeks and that ferries to the outer "
    "islands would use the southern terminal in the meantime, adding twenty minutes to each "
    "crossing.",
    "Fishermen who moor at the pier said they had warned the authority about the damage last "
    "winter, and several of them questioned why the work had not started sooner.",
    "A spokesperson for the authority said the repairs had been planned since the spring but "
    "had to wait until the busy summer season was over.",
    "The council will discuss the timetable for the works at its next meeting, where residents "
    "are expected to ask for compensation for the longer journeys.",
]
MENU = ["Home", "News", "Local", "Sport", "Business", "Weather", "Opinion", "Obituaries",
        "Events", "Classifieds", "Puzzles", "Podcasts"]
TEASERS = ["Most popular", "Council approves new cycle lanes on the coast road",
           "Bakery celebrates fifty years on Market Street",
           "Storm warning issued for the weekend across the bay",
           "Lighthouse museum reopens after winter renovation"]
FOOTER = ["About us", "Advertise with us", "Terms of use", "Careers"]


def _page() -> str:
    lines = [*MENU, "", "Northern pier to close for six weeks of repairs", "",
             *(paragraph + "\n" for paragraph in STORY), *TEASERS, "", *FOOTER]
    return "\n".join(lines)


def test_story_run_is_the_best_scoring_stretch() -> None:
    assert story_run([-3.0, 40.0, -3.0, 35.0, -3.0, -3.0, -3.0]) == (1, 4)
    assert story_run([-3.0, -2.0]) == (0, 0)
    assert story_run([]) == (0, 0)


def test_features_have_one_named_column_each() -> None:
    units = split_units(_page())
    features = line_features(units, [False] * len(units))
    assert features.shape == (len(units), len(FEATURE_NAMES))
    assert line_features([], []).shape == (0, len(FEATURE_NAMES))
    in_story = features[:, FEATURE_NAMES.index("in_story")]
    story_rows = [i for i, unit in enumerate(units) if unit.text in STORY]
    assert all(in_story[i] == 1 for i in story_rows)
    assert in_story[0] == 0  # the menu's first item


def test_probabilities_separate_menu_from_story() -> None:
    units = split_units(_page())
    probability = content_probability(line_features(units, [False] * len(units)))
    assert ((probability >= 0) & (probability <= 1)).all()
    by_text = dict(zip((u.text for u in units), probability, strict=True))
    assert min(by_text[p] for p in STORY) > max(by_text[m] for m in MENU)


def test_flattened_page_keeps_the_story_and_drops_the_page() -> None:
    page = _page()
    article = clean_document(Document("page", "page.txt", page))
    paragraphs = article.text.split("\n\n")
    assert all(paragraph in paragraphs for paragraph in STORY)
    assert not set(MENU + FOOTER) & set(paragraphs)
    assert not set(TEASERS[1:]) & set(paragraphs)
    for removal in article.removed:
        assert page[removal.start:removal.end] == removal.text
        assert removal.reason


def test_model_removals_carry_a_cue_or_the_model_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join([STORY[0], "Share this story with a friend", "Velmora in pictures"])
    units = split_units(text)
    doubted = np.array([1.0, 0.0, 0.0])
    monkeypatch.setattr(linemodel, "content_probability", lambda features: doubted)
    verdicts = linemodel.model_verdicts(units, [None, None, None])
    assert verdicts == [None, "share", MODEL_REASON]


def test_clean_story_is_left_alone() -> None:
    text = "\n\n".join(["Northern pier to close for repairs", STORY[0], STORY[1], "Background",
                        *STORY[2:]])
    article = clean_document(Document("story", "story.txt", text))
    assert article.text == text
    assert article.removed == ()


def _rows(ends_sentence: list[bool], rule_removed: list[bool]) -> np.ndarray:
    rows = np.zeros((len(ends_sentence), len(FEATURE_NAMES)))
    rows[:, FEATURE_NAMES.index("ends_sentence")] = ends_sentence
    rows[:, FEATURE_NAMES.index("rule_removed")] = rule_removed
    return rows


def test_headings_between_kept_units_stay() -> None:
    # headline, byline (dropped by the rules), paragraph, heading, paragraph, teaser
    sentence = [False, False, True, False, True, False]
    removed = [False, True, False, False, False, False]
    threshold = DEFAULT_OPTIONS.clean.line_threshold
    low, high = threshold / 2, (1 + threshold) / 2
    probability = np.array([low, high, high, low, high, low])
    keep = story_units(_rows(sentence, removed), probability)
    assert keep == [True, False, True, True, True, False]
    # A sentence the model doubts goes even between kept units: only headings are spared.
    probability[4] = low
    assert story_units(_rows(sentence, removed), probability)[4] is False


def test_extracted_html_keeps_its_tables_and_closing_lists() -> None:
    table = ["| Rank | Crew | Time |", "| 1 | Velmora Rowing Club | 6:02 |",
             "| 2 | Harbour Oars | 6:10 |"]
    closing = ["Velmora Rowing Club", "Harbour Oars", "Outer Islands Crew"]
    text = "\n\n".join([STORY[0], *table, STORY[1], *closing])
    document = Document("page", "page.html", text, html="<html><body></body></html>")
    article = clean_document(document)
    paragraphs = article.text.split("\n\n")
    assert all(row in paragraphs for row in table)
    assert all(name in paragraphs for name in closing)
