"""One fact, one claim: one camp's account found twice merges; two camps' accounts, or
two figures, sharing a line never do.

The articles are invented (a dispute between Valdoria and Quessa over a rail
tunnel). Claims are built by hand over a real sentence index, so each test sets
exactly which support lines two claims share and who speaks in each sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from parallax.compare.claims import Ref, SentenceIndex, sentence_index
from parallax.compare.same_fact import Told, contradicted, one_per_fact, voices_of
from parallax.compare.sources import count_sources
from parallax.model import Actor, Article, Briefing, Claim, Quote

from builders import analyze, make_article

WIRE = ("Valdorian Transport Minister Ilse Marrow said Quessa had demanded the right to set "
        "the tolls of the new rail tunnel. "
        'Marrow said, "Quessa asked us to hand over the toll schedule of our own tunnel. '
        'No government could agree to that."')
BAY = ("Valdoria insists that Quessa made an impossible demand to set the tunnel tolls, while "
       "Quessa says it asked only for a joint audit board and never sought the tolls.")
HERALD = ("Quessan Foreign Minister Tomas Reyl denied that his government had sought the tolls "
          "and said it had asked only for a joint audit board with access to the traffic data.")
POST = 'The ministry said Quessa had proposed "a board of auditors from both countries".'
DENIAL = "Reyl said on Friday that Quessa had never sought the tunnel tolls."
BOTH = "Quessa says it never sought the tolls and asked only for a board of auditors."
GAZETTE = ("Quessa says it asked only for a joint audit board of auditors from both countries, "
           "and that the Valdorian team walked out before answering.")
HOURS = ("Marrow said the final session lasted three hours. "
         "Valdorian officials said the final session lasted five hours.")
SESSION = "Valdoria said the final session ended after long hours of debate."

# The example corpus (examples/, written for this project): its wire story, and the
# line of another outlet that gives both camps' accounts in one sentence.
WIRE_STORY = "01_littoral-press-agency"
BOTH_CAMPS_LINE = ("06_tarsa-valley-times", "while Kestria says")
MINISTRY_LINE = "05_kbn-live"
ORVENIAN_MINISTER, KESTRIAN_MINISTER = "Adaeze Okonkwo-Varr", "Joran Vesk"
KESTRIAN_MINISTRY = "Kestrian Foreign Ministry"

MARROW = Actor("marrow", "Ilse Marrow", "person", affiliation="Valdoria")
VALDORIA = Actor("valdoria", "Valdoria", "place")
REYL = Actor("reyl", "Tomas Reyl", "person", affiliation="Quessa")
QUESSA = Actor("quessa", "Quessa", "place")
MINISTRY = Actor("ministry", "Quessan Foreign Ministry", "organization", affiliation="Quessa")
OFFICIALS = Actor("officials", "Valdorian officials", "group", affiliation="Valdoria")
UNNAMED = Actor("sources", "sources close to the talks", "group", described=True)
ACTORS = (MARROW, VALDORIA, REYL, QUESSA, MINISTRY, OFFICIALS, UNNAMED)

TEXTS = {"wire": (WIRE, "Northern Wire"), "bay": (BAY, "Bay Courier"),
         "herald": (HERALD, "Quessa Herald"), "post": (POST, "Evening Post"),
         "gazette": (GAZETTE, "Valley Gazette"), "hours": (HOURS, "Tunnel Weekly"),
         "session": (SESSION, "Rail Review"), "denial": (DENIAL, "Capital Times"),
         "both": (BOTH, "Harbour Daily")}
# Who says what, as the speaker stage would find it: (article, words quoted, speaker).
SAID = (("wire", "Quessa had demanded the right to set the tolls of the new rail tunnel", MARROW),
        ("wire", "Quessa asked us to hand over the toll schedule of our own tunnel", MARROW),
        ("bay", "Quessa made an impossible demand to set the tunnel tolls", VALDORIA),
        ("bay", "it asked only for a joint audit board and never sought the tolls", QUESSA),
        ("herald", "his government had sought the tolls", REYL),
        ("herald", "it had asked only for a joint audit board with access to the traffic data",
         REYL),
        ("post", "a board of auditors from both countries", MINISTRY),
        ("gazette", "it asked only for a joint audit board of auditors from both countries",
         QUESSA),
        ("hours", "the final session lasted three hours", MARROW),
        ("hours", "the final session lasted five hours", OFFICIALS),
        ("session", "the final session ended after long hours of debate", VALDORIA),
        ("denial", "Quessa had never sought the tunnel tolls", REYL),
        ("both", "it never sought the tolls and asked only for a board of auditors", QUESSA))


@pytest.fixture(scope="module")
def corpus() -> tuple[SentenceIndex, dict[str, Article]]:
    analyzed = [analyze(make_article(key, text, outlet)) for key, (text, outlet) in TEXTS.items()]
    return sentence_index(analyzed), {item.id: item.article for item in analyzed}


def _ref(index: SentenceIndex, article: str, sentence: int = 0) -> Ref:
    return next(ref for ref in index.refs
                if index.analyzed[ref[0]].id == article and ref[1] == sentence)


def _told(index: SentenceIndex, articles: dict[str, Article], shown: Ref,
          others: Sequence[Ref]) -> Told:
    support = tuple(index.span(ref) for ref in (shown, *others))
    claim = Claim(index.text(shown), support, count_sources(support, articles))
    return Told(claim, index.row(shown), (0.0, shown[0]))


def _quotes(index: SentenceIndex, said: Sequence[tuple[str, str, Actor]]) -> list[Quote]:
    found = []
    for article, words, speaker in said:
        item = next(a for a in index.analyzed if a.id == article)
        start = item.article.text.index(words)
        found.append(Quote(item.article.span(start, start + len(words)), "indirect", speaker.id,
                           None, None))
    return found


def test_a_quotation_and_its_paraphrase_in_the_next_sentence_are_one_claim(
        corpus: tuple[SentenceIndex, dict[str, Article]]) -> None:
    index, articles = corpus
    paraphrase = _told(index, articles, _ref(index, "wire", 0), [_ref(index, "bay")])
    quotation = _told(index, articles, _ref(index, "wire", 1), [_ref(index, "bay")])
    assert not index.is_match(paraphrase.shown, quotation.shown)
    assert len(one_per_fact(index, [paraphrase, quotation], articles)) == 2
    kept = one_per_fact(index, [paraphrase, quotation], articles, voices_of(
        index, ACTORS, _quotes(index, SAID)))
    assert len(kept) == 1
    claim = kept[0].claim
    assert claim.text == paraphrase.claim.text
    assert set(claim.support) == {*paraphrase.claim.support, *quotation.claim.support}
    assert all(span.text == articles[span.article].document.source[span.start:span.end]
               for span in claim.support)


def test_two_outlets_wordings_of_one_camps_account_are_one_claim(
        corpus: tuple[SentenceIndex, dict[str, Article]]) -> None:
    index, articles = corpus
    minister = _told(index, articles, _ref(index, "herald"), [_ref(index, "gazette")])
    ministry = _told(index, articles, _ref(index, "post"), [_ref(index, "gazette")])
    kept = one_per_fact(index, [minister, ministry], articles,
                        voices_of(index, ACTORS, _quotes(index, SAID)))
    assert len(kept) == 1 and kept[0].claim.text in {minister.claim.text, ministry.claim.text}
    assert {span.article for span in kept[0].claim.support} == {"herald", "post", "gazette"}
    assert kept[0].claim.sources == 3


def test_one_line_reporting_both_camps_never_merges_their_accounts(
        corpus: tuple[SentenceIndex, dict[str, Article]]) -> None:
    index, articles = corpus
    valdorian = _told(index, articles, _ref(index, "wire", 0), [_ref(index, "bay")])
    quessan = _told(index, articles, _ref(index, "herald"), [_ref(index, "bay")])
    kept = one_per_fact(index, [valdorian, quessan], articles,
                        voices_of(index, ACTORS, _quotes(index, SAID)))
    assert sorted(item.claim.text for item in kept) == sorted(
        [valdorian.claim.text, quessan.claim.text])
    assert all(len(item.claim.support) == 2 for item in kept)


def test_two_figures_of_one_camp_never_merge(
        corpus: tuple[SentenceIndex, dict[str, Article]]) -> None:
    index, articles = corpus
    three = _told(index, articles, _ref(index, "hours", 0), [_ref(index, "session")])
    five = _told(index, articles, _ref(index, "hours", 1), [_ref(index, "session")])
    assert contradicted(three.claim.text, five.claim.text)
    assert len(one_per_fact(index, [three, five], articles,
                            voices_of(index, ACTORS, _quotes(index, SAID)))) == 2


def test_an_unnamed_speaker_takes_no_camp(
        corpus: tuple[SentenceIndex, dict[str, Article]]) -> None:
    index, articles = corpus
    said = [(article, words, UNNAMED if article == "wire" else speaker)
            for article, words, speaker in SAID]
    paraphrase = _told(index, articles, _ref(index, "wire", 0), [_ref(index, "bay")])
    quotation = _told(index, articles, _ref(index, "wire", 1), [_ref(index, "bay")])
    assert len(one_per_fact(index, [paraphrase, quotation], articles,
                            voices_of(index, ACTORS, _quotes(index, said)))) == 2


def test_one_camps_two_points_in_one_line_stay_two_claims(
        corpus: tuple[SentenceIndex, dict[str, Article]]) -> None:
    index, articles = corpus
    # One Quessan statement holds both points; the denial and the ministry's
    # proposal share no word of it.
    denial = _told(index, articles, _ref(index, "denial"), [_ref(index, "both")])
    proposal = _told(index, articles, _ref(index, "post"), [_ref(index, "both")])
    assert not contradicted(denial.claim.text, proposal.claim.text)
    assert not index.is_match(denial.shown, proposal.shown)
    kept = one_per_fact(index, [denial, proposal], articles,
                        voices_of(index, ACTORS, _quotes(index, SAID)))
    assert len(kept) == 2


def _citing(briefing: Briefing, article: str, speaker_name: str) -> list[Claim]:
    """Claims citing a sentence of ``article`` that holds a statement by ``speaker_name``."""
    speakers = {actor.id for actor in briefing.actors if actor.name == speaker_name}
    starts = [quote.span.clean_start for quote in briefing.quotes
              if quote.article == article and quote.speaker in speakers]
    assert starts, speaker_name
    return [claim for claim in briefing.claims
            if any(span.article == article and span.clean_start <= start < span.clean_end
                   for span in claim.support for start in starts)]


def test_the_examples_show_each_ministers_account_once(examples_briefing: Briefing) -> None:
    """The wire story paraphrases the Orvenian minister and quotes her in the next
    sentence; KBN words Kestria's account as its ministry's, the wire as its minister's.
    Each account is one claim, and the line giving both camps' accounts stays in both."""
    assert len(_citing(examples_briefing, WIRE_STORY, ORVENIAN_MINISTER)) == 1
    kestrian = _citing(examples_briefing, WIRE_STORY, KESTRIAN_MINISTER)
    assert len(kestrian) == 1
    assert kestrian[0] in _citing(examples_briefing, MINISTRY_LINE, KESTRIAN_MINISTRY)
    both_camps = [claim for claim in examples_briefing.claims
                  if any(span.article == BOTH_CAMPS_LINE[0] and BOTH_CAMPS_LINE[1] in span.text
                         for span in claim.support)]
    assert len(both_camps) == 2
