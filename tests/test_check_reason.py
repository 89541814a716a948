"""A check verdict says what decided it: the figure, weekday or polarity, or a restatement.

Invented ferry-talks articles; the reason rides in the verdict's JSON (an
optional key of ``parallax.check/1``) and in the Markdown next to the article.
"""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from parallax.compare.check import check_claim
from parallax.compare.verdict_reason import UNSTATED
from parallax.model import CheckResult, Verdict
from parallax.render.markdown import render_check_markdown
from parallax.render.payloads import schema_text

from builders import analyze, make_article

CLAIM = "The final session of the ferry talks in Lunport lasted five hours on Saturday."
ARTICLES = {
    "three": "The final session of the ferry talks in Lunport lasted three hours on Saturday.",
    "friday": "The final session of the ferry talks in Lunport lasted five hours on Friday.",
    "same": ("Union officials said the final session of the ferry talks in Lunport lasted five "
             "hours on Saturday."),
    "orchard": "Apple growers in the valley expect a record harvest after a mild spring.",
}


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return check_claim(CLAIM, [analyze(make_article(key, text, f"{key} news"))
                               for key, text in ARTICLES.items()])


def _verdict(result: CheckResult, article: str) -> Verdict:
    return next(v for v in result.verdicts if v.article == article)


def test_another_figure_names_both_figures(result: CheckResult) -> None:
    verdict = _verdict(result, "three")
    assert verdict.stance == "contradicts"
    assert verdict.reason == "the figure differs: 3 here, 5 in the claim (hour)"


def test_another_weekday_names_both_days(result: CheckResult) -> None:
    verdict = _verdict(result, "friday")
    assert verdict.stance == "contradicts"
    assert verdict.reason == "another weekday: friday / saturday"


def test_a_restatement_names_what_both_give_alike(result: CheckResult) -> None:
    verdict = _verdict(result, "same")
    assert verdict.stance == "supports"
    assert verdict.reason is not None and verdict.reason.startswith("restates it, with the same")
    assert "hour" in verdict.reason


def test_an_unrelated_article_says_no_sentence_states_it(result: CheckResult) -> None:
    verdict = _verdict(result, "orchard")
    assert (verdict.stance, verdict.evidence, verdict.reason) == ("unrelated", (), UNSTATED)


def test_the_reason_is_an_optional_key_of_the_check_contract(result: CheckResult) -> None:
    data = json.loads(json.dumps({"schema": "parallax.check/1", **result.to_dict()}))
    validator = Draft202012Validator(json.loads(schema_text("check")))
    assert not list(validator.iter_errors(data))
    assert {v["article"]: v["reason"] for v in data["verdicts"]}["three"].startswith(
        "the figure differs")
    bare = Verdict("a", "unrelated", ())
    assert "reason" not in bare.to_dict()
    assert not list(validator.iter_errors({"schema": "parallax.check/1", "claim": CLAIM,
                                           "verdicts": [bare.to_dict()]}))
    assert all(Verdict.from_dict(v.to_dict(full=True)) == v for v in result.verdicts)


def test_markdown_shows_the_reason_next_to_the_article(result: CheckResult) -> None:
    text = render_check_markdown(result)
    assert "- **three** (the figure differs: 3 here, 5 in the claim (hour))" in text
