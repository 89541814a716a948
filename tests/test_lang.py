"""The language seam: the English pack's words and rules, and stages reading the pack
of ``Document.language`` (an invented pack "xx" shows the seam; unknown codes fall back)."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from types import MappingProxyType

import pytest

from parallax.analyze.dates import find_dates
from parallax.analyze.nlp import load_nlp
from parallax.analyze.quotes import extract_quotes
from parallax.analyze.sentences import split_sentences
from parallax.calendar import parse_calendar_date
from parallax.compare.claims import NEGATION, content_terms, sentence_index
from parallax.ingest.metadata import guess_published
from parallax.lang import LanguagePack, pack_for, primary_code
from parallax.lang.en import ENGLISH
from parallax.model import AnalyzedArticle, Article, Document
from parallax.offsets import OffsetMap
from parallax.registry import registry

# (word, content stem, stance stem): the rules the old claims.stem and
# stance._stem applied, kept by the pack's two stemmers.
STEMS = [
    ("negotiations", "negoti", "negotiation"),
    ("agreement", "agree", "agreement"),
    ("agreements", "agree", "agreement"),
    ("meetings", "meet", "meeting"),
    ("talking", "talk", "talk"),
    ("denies", "deni", "den"),
    ("denied", "deni", "den"),
    ("studies", "stud", "stud"),
    ("approved", "approv", "approv"),
    ("approve", "approve", "approve"),
    ("uses", "uses", "use"),
    ("news", "news", "new"),
    ("quickly", "quickly", "quick"),
    ("sanctions", "sanction", "sanction"),
    ("cat", "cat", "cat"),
]


@pytest.mark.parametrize(("word", "content", "stance"), STEMS)
def test_english_stemmers_keep_the_old_rules(word: str, content: str, stance: str) -> None:
    assert ENGLISH.stem(word) == content
    assert ENGLISH.stance_stem(word) == stance


def test_root_meets_the_stem_of_the_inflected_form() -> None:
    assert ENGLISH.root(ENGLISH.stem("approve")) == ENGLISH.root(ENGLISH.stem("approved"))
    assert ENGLISH.root("note") == "note"  # too short to lose its "e"


def test_months_weekdays_numbers_and_negators() -> None:
    assert ENGLISH.months["january"] == 1 and ENGLISH.months["sept"] == 9
    assert ENGLISH.months["may"] == 5 and ENGLISH.months["dec"] == 12
    assert len(set(ENGLISH.months.values())) == 12
    assert ENGLISH.weekdays[0] == "monday" and ENGLISH.weekdays[6] == "sunday"
    assert ENGLISH.number_words["three"] == 3 and ENGLISH.number_words["twenty"] == 20
    assert {"not", "never", "without", "n't"} <= ENGLISH.negators
    assert "didn't" in ENGLISH.negated_forms
    assert not ENGLISH.negators & ENGLISH.stopwords()  # a negation is content
    names = ENGLISH.month_pattern().split("|")
    assert names.index("sept") < names.index("sep")  # the longer spelling is tried first


def test_pack_for_reads_the_primary_code_and_falls_back_to_english() -> None:
    assert primary_code("en-GB") == primary_code("EN_us") == "en"
    for language in ("en", "en-GB", None, "", "de", "zz-top", "123"):
        assert pack_for(language) is ENGLISH


# An invented language: English, except that "nae" negates, "march" is April and
# mumbling is a way of saying something.
XX = dataclasses.replace(
    ENGLISH, code="xx", name="Invented",
    negators=ENGLISH.negators | {"nae"},
    months=MappingProxyType({**ENGLISH.months, "march": 4, "mar": 4}),
    quote_cues=dataclasses.replace(ENGLISH.quote_cues,
                                   speech=ENGLISH.quote_cues.speech | {"mumble"}))


@pytest.fixture
def xx() -> Iterator[LanguagePack]:
    with registry.overriding("languages", "parallax.lang.xx.v1", lambda: XX):
        yield XX


def _article(text: str, language: str | None) -> Article:
    document = Document("a", "a.txt", text, language=language)
    return Article(document, text, OffsetMap.identity(len(text)))


def test_pack_for_finds_a_registered_pack(xx: LanguagePack) -> None:
    assert pack_for("xx") is xx and pack_for("XX-YY") is xx
    assert pack_for("en") is ENGLISH


def test_dates_read_the_months_of_the_documents_language(xx: LanguagePack) -> None:
    text = "The council voted on 5 March 2020 to approve the harbour budget."
    nlp = load_nlp()
    values = {}
    for language in ("en", "xx", "qq"):
        item = _article(text, language)
        values[language] = [m.value for m in find_dates(item, nlp(text), split_sentences(text),
                                                        None)]
    assert values["en"] == values["qq"] == ["2020-03-05"]
    assert values["xx"] == ["2020-04-05"]


def test_claims_read_the_negators_of_the_documents_language(xx: LanguagePack) -> None:
    first = "The port deal was nae signed by the council on Monday evening."
    second = "Harbour dredging will start next spring after a long delay, officials said."

    def terms(language: str) -> frozenset[str]:
        items = []
        for k, text in enumerate((first, second)):
            document = Document(f"a{k}", f"a{k}.txt", text, language=language)
            article = Article(document, text, OffsetMap.identity(len(text)))
            items.append(AnalyzedArticle(article, split_sentences(text), (), (), ()))
        return sentence_index(items).terms[0]

    assert NEGATION in terms("xx")
    assert NEGATION not in terms("en") and "nae" in terms("en")


def test_word_functions_take_a_pack(xx: LanguagePack) -> None:
    assert content_terms("It was nae signed.", xx)[0] == NEGATION
    assert content_terms("It was nae signed.")[0] == "nae"
    assert parse_calendar_date("5 march 2020", lang=xx) == (datetime.date(2020, 4, 5), "day")
    assert guess_published("Headline\n5 March 2020 - Wire\nBody", xx) == "2020-04-05"
    assert guess_published("Headline\n5 March 2020 - Wire\nBody") == "2020-03-05"


def test_quotes_read_the_cue_verbs_of_the_documents_language(xx: LanguagePack) -> None:
    text = "Mayor Ilse Varga mumbled that the harbour would reopen in the spring."
    nlp = load_nlp()

    def found(language: str) -> list[str]:
        item = _article(text, language)
        return [q.text for q in extract_quotes(item, nlp(text), split_sentences(text))]

    assert found("en") == []
    assert found("xx") == ["the harbour would reopen in the spring"]
