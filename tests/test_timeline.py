"""Timeline merging on hand-made records, and the seed story end to end."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from parallax.analyze.dates import explicit_dates, find_dates, reference_date
from parallax.analyze.embed import load_embedder
from parallax.analyze.nlp import load_nlp
from parallax.analyze.sentences import split_sentences
from parallax.compare.timeline import build_timeline, names_a_thing
from parallax.model import (
    AnalyzedArticle,
    Article,
    DateMention,
    Document,
    Quote,
    Span,
    TimelineEntry,
)
from parallax.offsets import OffsetMap, TextBuilder

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"


def unit(*values: float) -> np.ndarray:
    vector = np.zeros(384, dtype=np.float32)
    vector[:len(values)] = values
    return vector / np.linalg.norm(vector)


FLOOD, VOTE = unit(1, 0), unit(0, 1)
FLOOD_TOO = unit(1, 0.3)


def analyzed(article_id: str, rows: Sequence[tuple[str, str, np.ndarray]],
             prefix: str = "") -> AnalyzedArticle:
    """One article whose sentences are ``rows`` of (sentence, date value, vector).

    ``prefix`` is source text the cleaner dropped, so spans must be mapped.
    """
    body = " ".join(sentence for sentence, _, _ in rows)
    source = prefix + body
    builder = TextBuilder(source)
    builder.copy(len(prefix), len(source))
    text, offsets = builder.build()
    sentences = split_sentences(text)
    assert len(sentences) == len(rows)
    mentions = []
    for index, (sentence, value, _) in enumerate(rows):
        start = sentences[index].start
        ends = value.split("/")
        mentions.append(DateMention(start, start + 4, sentence[:4], ends[0], index,
                                    ends[1] if len(ends) > 1 else None))
    item = Article(Document(article_id, f"{article_id}.txt", source), text, offsets)
    return AnalyzedArticle(item, sentences, (), (), tuple(mentions),
                           np.stack([vector for _, _, vector in rows]))


def by_date(timeline: Sequence[TimelineEntry]) -> dict[str, list[TimelineEntry]]:
    out: dict[str, list[TimelineEntry]] = {}
    for entry in timeline:
        out.setdefault(entry.date, []).append(entry)
    return out


def test_same_date_and_similar_sentences_merge_across_articles() -> None:
    first = analyzed("a", [("The river flooded the old town and closed the bridge.",
                            "2020-03-04", FLOOD)])
    second = analyzed("b", [("Floods closed the bridge.", "2020-03-04", FLOOD_TOO)])
    (entry,) = build_timeline([first, second])
    assert [s.article for s in entry.support] == ["a", "b"]
    assert entry.text == "Floods closed the bridge."  # shortest complete sentence


def test_same_date_different_events_stay_apart() -> None:
    first = analyzed("a", [("The river flooded the old town.", "2020-03-04", FLOOD)])
    second = analyzed("b", [("The council voted on the budget.", "2020-03-04", VOTE)])
    assert len(build_timeline([first, second])) == 2


def at_cosine(value: float) -> np.ndarray:
    """A vector at cosine ``value`` from FLOOD."""
    return unit(value, (1 - value**2) ** 0.5)


def test_one_day_of_one_story_holds_several_events() -> None:
    # Sentences of one story sit close in embedding space whatever they report:
    # a cosine of 0.6 with no content word in common is two events of that day.
    first = analyzed("a", [("Flood water closed the northern bridge on Friday.",
                            "2020-03-06", FLOOD)])
    second = analyzed("b", [("Parliament elected a new speaker on Friday.", "2020-03-06",
                             at_cosine(0.6))])
    assert len(build_timeline([first, second])) == 2


def test_one_event_told_in_other_words_merges() -> None:
    first = analyzed("a", [("Flood water closed the northern bridge on Friday.",
                            "2020-03-06", FLOOD)])
    second = analyzed("b", [("Engineers closed the northern bridge to traffic as flood water "
                             "rose, officials said Friday.", "2020-03-06", at_cosine(0.6))])
    (entry,) = build_timeline([first, second])
    assert [s.article for s in entry.support] == ["a", "b"]


def test_shared_names_and_time_words_do_not_make_one_event() -> None:
    first = analyzed("a", [("On Friday, Mayor Ostrava Quill opened the harbour.",
                            "2020-03-06", FLOOD)])
    second = analyzed("b", [("Mayor Ostrava Quill said Friday that taxes will rise.",
                             "2020-03-06", at_cosine(0.6))])
    assert len(build_timeline([first, second])) == 2


def test_a_folded_coarse_report_is_support_not_the_entry_text() -> None:
    coarse = analyzed("a", [("The river flooded the town in 2020.", "2020", FLOOD)])
    fine = analyzed("b", [("The river flooded the old town on 4 March 2020, officials said.",
                           "2020-03-04", FLOOD_TOO)])
    (entry,) = build_timeline([coarse, fine])
    assert entry.date == "2020-03-04"
    assert {s.article for s in entry.support} == {"a", "b"}
    assert entry.text.startswith("The river flooded the old town on 4 March")


def test_an_event_no_sentence_of_which_stands_alone_is_left_out() -> None:
    # "It" may stand for anything: dated on its own, the reader cannot place it.
    item = analyzed("a", [("The river flooded the old town.", "2020-03-04", FLOOD),
                          ("It was the worst in a century, engineers said.", "2020-03-05", VOTE)])
    assert [e.date for e in build_timeline([item])] == ["2020-03-04"]


def test_a_leaning_report_is_support_when_another_stands_alone() -> None:
    first = analyzed("a", [("It flooded the old town and closed the bridge.", "2020-03-04",
                            FLOOD)])
    second = analyzed("b", [("The river flooded the old town and closed the bridge.",
                             "2020-03-04", FLOOD_TOO)])
    (entry,) = build_timeline([first, second])
    assert entry.text.startswith("The river")
    assert [s.article for s in entry.support] == ["a", "b"]


def test_entries_are_ordered_by_date_and_ranges_kept() -> None:
    item = analyzed("a", [
        ("The council voted on the budget.", "2021-05-01", VOTE),
        ("The river flooded the old town.", "2020-03-04/2020-03-06", FLOOD),
        ("The old mill was built.", "1911", unit(0, 0, 1)),
    ])
    timeline = build_timeline([item])
    assert [(e.date, e.end_date) for e in timeline] == [
        ("1911", None), ("2020-03-04", "2020-03-06"), ("2021-05-01", None)]


def test_coarse_date_folds_into_a_similar_finer_one() -> None:
    first = analyzed("a", [("The river flooded the old town last year.", "2020", FLOOD)])
    second = analyzed("b", [("The river flooded on 4 March 2020.", "2020-03-04", FLOOD_TOO),
                            ("The council voted on the budget.", "2020-03", VOTE)])
    entries = by_date(build_timeline([first, second]))
    assert sorted(entries) == ["2020-03", "2020-03-04"]
    assert {s.article for s in entries["2020-03-04"][0].support} == {"a", "b"}
    assert [s.article for s in entries["2020-03"][0].support] == ["b"]


def test_coarse_date_outside_the_period_does_not_fold() -> None:
    first = analyzed("a", [("The river flooded the old town.", "2019", FLOOD)])
    second = analyzed("b", [("The river flooded again.", "2020-03-04", FLOOD_TOO)])
    assert sorted(by_date(build_timeline([first, second]))) == ["2019", "2020-03-04"]


def test_support_spans_are_whole_sentences_mapped_to_source() -> None:
    item = analyzed("a", [("Nothing moved.", "2020-01-01", VOTE),
                          ("The river flooded the old town.", "2020-03-04", FLOOD)],
                    prefix="SUBSCRIBE NOW\n")
    entry = build_timeline([item])[1]
    (span,) = entry.support
    source = item.article.document.source
    assert span.text == "The river flooded the old town."
    assert source[span.start:span.end] == span.text
    assert span.start == len("SUBSCRIBE NOW\n") + len("Nothing moved. ")


def test_one_sentence_with_one_date_twice_gives_one_support() -> None:
    item = analyzed("a", [("The river flooded the old town.", "2020-03-04", FLOOD)])
    doubled = AnalyzedArticle(item.article, item.sentences, (), (), item.dates * 2,
                              item.embeddings)
    (entry,) = build_timeline([doubled])
    assert len(entry.support) == 1


def test_missing_embeddings_never_merge() -> None:
    first = analyzed("a", [("The river flooded the old town.", "2020-03-04", FLOOD)])
    second = analyzed("b", [("The river flooded the old town.", "2020-03-04", FLOOD)])
    bare = AnalyzedArticle(second.article, second.sentences, (), (), second.dates)
    assert len(build_timeline([first, bare])) == 2
    assert build_timeline([]) == ()


def test_seed_story_timeline() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("seed texts under ../shared/seeds are not available")
    nlp, embedder = load_nlp(), load_embedder()
    articles = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        articles.append(Article(Document(path.stem, str(path), text), text,
                                OffsetMap.identity(len(text))))
    docs = list(nlp.pipe(a.text for a in articles))
    reference = reference_date(None, [d for doc in docs for d in explicit_dates(doc)])
    assert reference == datetime.date(2019, 2, 28)
    analyzed_articles = []
    for item, doc in zip(articles, docs, strict=True):
        sentences = split_sentences(item.text)
        analyzed_articles.append(AnalyzedArticle(
            item, sentences, (), (), find_dates(item, doc, sentences, reference),
            embedder.encode([s.text for s in sentences])))
    timeline = build_timeline(analyzed_articles)

    def sources(prefix: str, word: str) -> set[str]:
        return {s.article[:3] for e in timeline if e.date.startswith(prefix)
                for s in e.support if word in s.text}

    assert [e.date for e in timeline] == sorted(e.date for e in timeline)
    assert sources("2018-06", "Singapore") == {"000", "001", "003"}
    assert sources("2018-10", "Pompeo") == {"000"}
    assert sources("2019-01", "Oval Office") == {"000"}
    assert {(e.date, e.end_date) for e in timeline} >= {
        ("2019-02-27", "2019-02-28"), ("2019-02-27", None), ("2019-02-28", None)}
    assert {"000", "001"} <= {s.article[:3] for e in timeline if e.date == "2019-02-28"
                              for s in e.support}
    for entry in timeline:
        for span in entry.support:
            source = next(a for a in articles if a.id == span.article).document.source
            assert source[span.start:span.end] == span.text


def _analyze(article_id: str, text: str, published: str) -> AnalyzedArticle:
    """An invented article through the real date resolution and embedder."""
    nlp, embedder = load_nlp(), load_embedder()
    item = Article(Document(article_id, f"{article_id}.txt", text, outlet=article_id,
                            published=published), text, OffsetMap.identity(len(text)))
    doc = nlp(text)
    sentences = split_sentences(text)
    reference = reference_date(published, explicit_dates(doc))
    return AnalyzedArticle(item, sentences, (), (), find_dates(item, doc, sentences, reference),
                           embedder.encode([s.text for s in sentences]))


def test_announcement_and_report_of_one_event_meet_on_its_date() -> None:
    before = _analyze("herald", "The lake summit will be held on 27-28 February in Varno. "
                      "Both ministers are scheduled to arrive on Tuesday.", "2019-02-10")
    after = _analyze("courier", "The lake summit was held on 27-28 February in Varno. "
                     "Talks opened on 27 February with a dinner. "
                     "The ministers walked out the next day without a deal. "
                     "The two ministers first met last year.", "2019-03-04")
    timeline = build_timeline([before, after])
    entries = {(e.date, e.end_date): e for e in timeline}
    summit = entries[("2019-02-27", "2019-02-28")]
    assert {s.article for s in summit.support} == {"herald", "courier"}
    assert ("2019-02-12", None) in entries  # the Tuesday after publication
    assert "walked out" in entries[("2019-02-28", None)].text  # the day after 27 February
    assert ("2018", None) in entries
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)
    # Publication dates are not events.
    assert "2019-03-04" not in {e.date for e in timeline}


def test_a_year_modifying_a_noun_does_not_date_the_sentence() -> None:
    text = "The 1987 harbour charter runs out this month, while the quay opened in 1987."
    first, second = text.index("1987"), text.rindex("1987")
    modifier = DateMention(first, first + 4, "1987", "1987", 0)
    dated = DateMention(second, second + 4, "1987", "1987", 0)
    assert names_a_thing(text, modifier)
    assert not names_a_thing(text, dated)
    item = analyzed("a", [("The 1987 charter runs out this month.", "1987", FLOOD)])
    year = item.article.text.index("1987")
    as_modifier = replace(item, dates=(DateMention(year, year + 4, "1987", "1987", 0),))
    assert build_timeline([as_modifier]) == ()


@pytest.mark.parametrize("opening", ["At a", "During its", "In the"])
def test_a_year_on_an_occasion_dates_the_sentence(opening: str) -> None:
    text = f"{opening} 1987 ceremony the quay was named after the mayor."
    year = text.index("1987")
    assert not names_a_thing(text, DateMention(year, year + 4, "1987", "1987", 0))


def test_a_date_inside_a_direct_quote_dates_nothing_reported() -> None:
    # The speaker's words name a month; the outlet reports the speaking.
    said = "\u201cWe remember June 2011 on this quay,\u201d said Mayor Ilse Varga."
    item = analyzed("a", [(said, "2011-06", FLOOD),
                          ("The quay reopened on 3 March 2014.", "2014-03-03", VOTE)])
    text = item.article.text
    month = text.index("June 2011")
    opened = text.index("\u201c") + 1
    content = Span("a", opened, text.index(","), text[opened:text.index(",")], opened,
                   text.index(","))
    quote = Quote(content, "direct", "Ilse Varga", None, None)
    dates = (DateMention(month, month + 9, "June 2011", "2011-06", 0), item.dates[1])
    assert {e.date for e in build_timeline([replace(item, dates=dates)])} == {
        "2011-06", "2014-03-03"}
    assert {e.date for e in build_timeline([replace(item, dates=dates, quotes=(quote,))])} == {
        "2014-03-03"}
