"""`check_claim` on invented articles, the FNC-1 metrics, and the development-data split."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from parallax.compare.check import check_claim
from parallax.model import AnalyzedArticle, Article, Document
from parallax.offsets import OffsetMap, TextBuilder

from builders import analyze, make_article, shared_path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))
from _metrics import class_f1, confusion, fnc_score, macro_f1  # noqa: E402

LABELS = ("supports", "contradicts", "discusses", "unrelated")
CLAIM = "A giant squid washed up on Brightwater beach"

ARTICLES = {
    "supports": (
        "A giant squid washed up on Brightwater beach on Tuesday morning.\n\n"
        "Marine biologists from the county museum confirmed the animal measured nine metres. "
        "Dozens of residents came to see it before the tide turned.\n\n"
        "The museum will keep the specimen for study."),
    "contradicts": (
        "Pictures of a giant squid on Brightwater beach are a hoax, the coastguard said.\n\n"
        "The images were doctored from an old photograph taken abroad, officials said, and no "
        "squid has been found on the beach. The coastguard denied the story and called it "
        "fake.\n\n"
        "Residents were asked not to share the pictures."),
    "discusses": (
        "A giant squid may have washed up on Brightwater beach, according to unconfirmed "
        "reports on social media.\n\n"
        "Posts claim the animal is several metres long, but nobody has verified the pictures "
        "yet. Reporters are trying to reach the coastguard.\n\n"
        "It is unclear when the pictures were taken."),
    "unrelated": (
        "The city council approved a new budget for road repairs on Monday.\n\n"
        "The plan sets aside money for potholes and new cycle lanes. Councillors voted eleven "
        "to four in favour after a long debate.\n\n"
        "Work is due to start in the spring."),
}


@pytest.fixture(scope="module")
def verdicts() -> dict[str, tuple[str, tuple[str, ...]]]:
    analyzed = [analyze(make_article(name, text)) for name, text in ARTICLES.items()]
    result = check_claim(CLAIM, analyzed)
    assert result.claim == CLAIM
    return {v.article: (v.stance, tuple(s.text for s in v.evidence)) for v in result.verdicts}


@pytest.mark.parametrize("expected", LABELS)
def test_each_invented_article_gets_its_stance(
        verdicts: dict[str, tuple[str, tuple[str, ...]]], expected: str) -> None:
    assert verdicts[expected][0] == expected


def test_evidence_is_the_sentences_about_the_claim(
        verdicts: dict[str, tuple[str, tuple[str, ...]]]) -> None:
    assert verdicts["unrelated"][1] == ()
    for name in ("supports", "contradicts", "discusses"):
        evidence = verdicts[name][1]
        assert 1 <= len(evidence) <= 3
        assert any("squid" in text for text in evidence)
        assert all(text in ARTICLES[name] for text in evidence)
    assert any("hoax" in text for text in verdicts["contradicts"][1])


def test_evidence_spans_point_into_the_source() -> None:
    """Cleaned text that starts after a dropped byline: spans still quote the source."""
    source = "By Staff Reporter\n\n" + ARTICLES["supports"]
    builder = TextBuilder(source)
    builder.copy(source.index("A giant"), len(source))
    text, offsets = builder.build()
    plain = analyze(make_article("shifted", text))
    item = replace(plain, article=Article(Document("shifted", "s.txt", source), text, offsets))
    verdict = check_claim(CLAIM, [item]).verdicts[0]
    assert verdict.stance == "supports"
    for span in verdict.evidence:
        assert source[span.start:span.end] == span.text == text[span.clean_start:span.clean_end]
        assert span.start > span.clean_start


@pytest.mark.usefixtures("fake_embedder")
def test_an_article_without_sentences_is_unrelated() -> None:
    empty = Article(Document("empty", "empty.txt", ""), "", OffsetMap.identity(0))
    result = check_claim(CLAIM, [AnalyzedArticle(empty, (), (), (), (), None)])
    assert [(v.stance, v.evidence) for v in result.verdicts] == [("unrelated", ())]
    assert result.to_dict()["verdicts"] == [{"article": "empty", "stance": "unrelated",
                                             "evidence": []}]


def test_fnc_score_weights_relatedness_and_exact_labels() -> None:
    gold = ["supports", "contradicts", "discusses", "unrelated"]
    assert fnc_score(gold, gold) == 1.0
    # Perfect score: 3 related (1.0 each) + 1 unrelated (0.25) = 3.25.
    assert fnc_score(gold, ["discusses", "discusses", "discusses", "unrelated"]) == \
        pytest.approx((0.25 + 0.25 + 1.0 + 0.25) / 3.25)
    assert fnc_score(gold, ["unrelated"] * 4) == pytest.approx(0.25 / 3.25)
    assert fnc_score(gold, ["supports"] * 4) == pytest.approx(1.0 / 3.25 + 0.5 / 3.25)


def test_macro_f1_class_f1_and_confusion() -> None:
    gold = ["supports", "supports", "contradicts", "unrelated"]
    predicted = ["supports", "discusses", "contradicts", "contradicts"]
    f1 = class_f1(gold, predicted, LABELS)
    assert f1 == pytest.approx({"supports": 2 / 3, "contradicts": 2 / 3, "discusses": 0.0,
                                "unrelated": 0.0})
    assert macro_f1(gold, predicted, LABELS) == pytest.approx(1 / 3)
    matrix = confusion(gold, predicted, LABELS)
    assert matrix[0] == [1, 0, 1, 0]
    assert matrix[3] == [0, 1, 0, 0]
    assert sum(map(sum, matrix)) == 4


def test_development_split_is_by_body_and_about_thirty_percent() -> None:
    root = shared_path("eval", "fnc")
    from train_stance import held_apart, load_fnc

    bodies, pairs = load_fnc(root)
    apart = {b for b in bodies if held_apart(b)}
    assert 0.22 < len(apart) / len(bodies) < 0.38
    assert apart == {b for b in bodies if held_apart(b)}  # deterministic
    assert all("\n\n\n" not in text and "\r" not in text for text in bodies.values())
    assert {p.label for p in pairs} == set(LABELS)


@pytest.fixture(scope="module")
def examples_checked() -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """The README's kind of question on examples/: (article, stance, evidence) per claim."""
    from parallax.pipeline import check

    claims = ("The talks on Saturday lasted about five hours.",
              "The talks ended with an agreement.")
    return {result.claim: [(v.article, v.stance, tuple(s.text for s in v.evidence))
                           for v in result.verdicts]
            for result in check(claims, str(ROOT / "examples"))}


def test_examples_five_hours_is_supported_by_five_and_contradicted_by_three(
        examples_checked: dict[str, list[tuple[str, str, tuple[str, ...]]]]) -> None:
    verdicts = examples_checked["The talks on Saturday lasted about five hours."]
    three = [v for v in verdicts if any("three hours" in e for e in v[2])]
    five = [v for v in verdicts if any("five hours" in e for e in v[2])]
    assert three and all(stance == "contradicts" for _, stance, _ in three)
    assert len(five) >= 4 and all(stance == "supports" for _, stance, _ in five)
    assert all(stance in ("unrelated", "discusses") for _, stance, evidence in verdicts
               if not any("hours" in e for e in evidence))


def test_examples_agreement_is_contradicted_by_ending_without_one(
        examples_checked: dict[str, list[tuple[str, str, tuple[str, ...]]]]) -> None:
    verdicts = examples_checked["The talks ended with an agreement."]
    assert not [v for v in verdicts if v[1] == "supports"]
    contradicting = [v for v in verdicts if v[1] == "contradicts"]
    assert len(contradicting) >= len(verdicts) - 1
    assert all(any("without" in e for e in evidence) for _, _, evidence in contradicting)


def test_a_date_claim_is_not_supported_by_a_sentence_dating_something_else() -> None:
    articles = {
        "dated": "The mooring talks in Lindqvist ended without an agreement on Saturday. "
                 "Delegates left the harbour hall before dusk.",
        "other day": "The delegation flew home on Sunday morning after the mooring talks in "
                     "Lindqvist ended without an agreement. Fishermen were dismayed.",
    }
    analyzed = [analyze(make_article(name, text)) for name, text in articles.items()]
    result = check_claim("The mooring talks in Lindqvist ended without an agreement on Sunday.",
                         analyzed)
    stances = {v.article: v.stance for v in result.verdicts}
    assert stances == {"dated": "contradicts", "other day": "discusses"}
