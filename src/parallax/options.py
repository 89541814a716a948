"""Every tunable value of the pipeline in one frozen ``Options``, a part per stage.

Why one object: the store, the web app and a distributed engine all run the
same stages, and each must run them with the same settings; a module-level
constant can be neither overridden per run nor shipped to a worker. So each
stage reads its part (``options.group``, ``options.claims``, ...) and nothing
else. Every field says why it has its value and which benchmark chose it
(``tuned(...)``), so a value is never changed without knowing what it costs.

The defaults are the packaged ones. A user overrides any of them from a TOML
file, the same tree as ``Options.to_dict()``::

    [group]
    threshold = 0.55

    [parts]
    embedder = "parallax.embed.minilm.v1"

``Options.load(path)`` reads that file; with no path it reads the default
location (``$PARALLAX_CONFIG``, else ``$XDG_CONFIG_HOME/parallax/config.toml``,
else ``~/.config/parallax/config.toml``) when it exists. An unknown key or a
value of the wrong type is a ``ConfigError`` naming it, never ignored.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from parallax.errors import ConfigError

__all__ = [
    "DEFAULT_OPTIONS",
    "ActorsOptions",
    "CheckOptions",
    "ClaimsOptions",
    "CleanOptions",
    "ConflictsOptions",
    "DatesOptions",
    "DedupeOptions",
    "GroupOptions",
    "IngestOptions",
    "Options",
    "OutletsOptions",
    "PartsOptions",
    "QuotesOptions",
    "RenderOptions",
    "StoreOptions",
    "SummaryOptions",
    "TimelineOptions",
    "WebOptions",
    "default_config_path",
    "describe",
    "tuned",
]

T = TypeVar("T")

# The benchmark named by values tuned by hand on the seed story.
_SEEDS = "../shared/seeds (one story, three outlets)"


def tuned(default: Any, why: str, bench: str = "") -> Any:
    """A field with its default, the reason for it, and the benchmark that chose it.

    ``bench`` is empty for values chosen by reasoning rather than measured.
    """
    return field(default=default, metadata={"why": why, "bench": bench})


@dataclass(frozen=True, slots=True)
class PartsOptions:
    """Which registered part does each swappable job (names from ``parallax.registry``)."""

    embedder: str = tuned("parallax.embed.minilm.v1",
                          "all-MiniLM-L6-v2, int8 ONNX on CPU: the project's chosen "
                          "model (docs/ARCHITECTURE.md)")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Reading inputs: decoding, HTML extraction, page metadata (``parallax.ingest``).

    ``max_input_bytes``, ``max_article_chars`` and the ``fetch_*`` limits are
    read per run (``read_inputs(options=...)``, so ``--config`` changes them). The others
    are read once, when ``parallax.ingest`` is imported, from the packaged
    defaults: the readers do not take their part per run yet, so a file that
    overrides them changes nothing.
    """

    # A JSONL dump of a day's crawl is tens of megabytes; past this, reading
    # the whole input into memory (and its decoded text, four bytes a character
    # at worst) would put the run at risk, so it is one error line instead.
    max_input_bytes: int = tuned(256 * 1024 * 1024, "largest input (file, standard input or "
                                                    "decompressed gzip) read, in bytes; for "
                                                    "streamed WARC and .jsonl files, largest "
                                                    "record or line")
    # Chosen, not tuned: far above any article of the development data (the
    # longest: BASIL 11,343, PolNeAR 22,068, extraction gold files 53,985
    # characters); a text past this is a dump, a log or a crawl error, and an
    # article of this size already costs about a minute and 1.35 GB
    # (bench/robustness.py: spaCy's parse and the actor merging dominate).
    max_article_chars: int = tuned(300_000, "characters of one article's text read; the rest "
                                            "is cut at a paragraph or sentence end and the "
                                            "article flagged cut-at-limit")
    sniff_bytes: int = tuned(8192, "bytes sampled to guess an input's encoding and whether it "
                                   "is binary")
    max_control_share: float = tuned(0.02, "share of control characters above which a decoded "
                                           "sample is binary; real text has next to none")
    # A file is UTF-8 with damage, not another code page, when it holds at
    # least as many well formed multi-byte UTF-8 sequences as bad bytes (text
    # in a single-byte code page almost never forms them by accident), or no
    # more than this many bad bytes at all.
    max_stray_bytes: int = tuned(3, "bad bytes a UTF-8 file may hold and stay UTF-8 without "
                                    "multi-byte evidence: a handful is damage, a legacy file "
                                    "has one per accented letter or quote")
    # In mostly-Latin UTF-16 every other byte is NUL; this share of the even
    # (or odd) bytes of the sample being NUL, and almost none of the others.
    utf16_nul_share: float = tuned(0.3, "share of NUL bytes at even (or odd) positions that "
                                        "marks UTF-16 without a byte-order mark")
    # libxml2's HTML parser stops descending at 256 levels and drops what is
    # deeper; real pages nest wrappers at most 48 deep (the 102 extraction
    # development pages, median 14).
    max_wrapper_depth: int = tuned(100, "wrapper tags (div, span, section...) nested deeper "
                                        "are dropped, their text kept")
    # When trafilatura's precise settings find almost no text (a reprint
    # notice, a caption), it runs again leaning on recall with its fallback
    # extractors, and the longer text wins when at least twice as long.
    short_body_words: int = tuned(60, "words below which an extracted body is retried with "
                                      "trafilatura's recall-oriented fallbacks")
    # On the extraction development pages F1 is flat from 0.7 to 0.8 (0.971);
    # lower values start eating sentences with a linked phrase in them.
    link_share: float = tuned(0.8, "share of a line's characters inside links from which it "
                                   "is a link, not text", "bench/extraction.py")
    min_link_words: int = tuned(3, "shorter link lines are labels the story uses ('[Reuters]', "
                                   "'More:'), kept")
    max_link_chars: int = tuned(3000, "longer elements are containers, never one line of the "
                                      "body")
    min_card_links: int = tuned(3, "links a story card holds at least (a sentence's own linked "
                                   "phrase is one, 'A and B' two)")
    card_link_share: float = tuned(0.9, "share of a card's characters inside links: a card is "
                                        "links and separators only")
    min_embed_quote_chars: int = tuned(40, "shorter embedded quotes are pull-quote fragments or "
                                           "empty embed shells")
    min_section_chars: int = tuned(80, "prose a section container must hold before it is "
                                       "believed (one short sentence); a lone caption is not "
                                       "story")
    min_headline_words: int = tuned(3, "a first line this short that opens the title ('News') "
                                       "is a section label, not the headline")
    max_label_words: int = tuned(5, "lines above the headline this short are labels (section, "
                                    "kicker, date)")
    head_lines: int = tuned(6, "opening lines of a text file searched for its byline, outlet "
                               "and date")
    # A sign-up box or byline is a short line (the seeds' sign-up line has 10
    # words), a sentence of the story mostly longer.
    max_outlet_cue_words: int = tuned(16, "longest line read as a sign-up box or byline naming "
                                          "the outlet")
    max_outlet_words: int = tuned(5, "an outlet name in a byline ('KBN News') is short")
    max_title_chars: int = tuned(200, "a headline is a short line without a final full stop")
    # Fetching a URL list (``--urls``, ``parallax.ingest.fetch``): chosen, not
    # tuned. A news page is served in well under a second and weighs a few
    # megabytes with its markup at most; these bound a hostile or broken
    # server (slow drip, endless body, redirect loop) without refusing a real one.
    fetch_connect_seconds: float = tuned(10.0, "seconds to connect to a server of --urls")
    fetch_read_seconds: float = tuned(20.0, "seconds a server of --urls may go silent while "
                                            "sending")
    fetch_total_seconds: float = tuned(60.0, "seconds one URL of --urls may take in all, "
                                             "redirects included (a slow drip is cut)")
    fetch_max_bytes: int = tuned(10 * 1024 * 1024, "bytes of one fetched page read; a larger "
                                                   "body is aborted while streaming, an error line")
    fetch_max_redirects: int = tuned(5, "redirects followed per URL of --urls, each target "
                                        "checked again")


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Cleaning: units, boilerplate, widgets, corpus evidence, flags (``parallax.clean``).

    Not here: the thresholds inside the line model's features
    (``clean.linefeatures``, ``clean.shape.is_prose``): the model was trained on
    those features (tools/train_lines.py), so they change only with it.
    """

    # Hard-wrapped text has lines of similar length no wider than a terminal or
    # an e-mail body; a block whose lines (but the last) all reach 60% of the
    # widest is taken as wrapped. Widths above 120 are paragraph-per-line
    # layouts, and below 40 they are lists and menus ("Home / World / Sport").
    wrap_max_width: int = tuned(120, "widest lines of a hard-wrapped block (wider: one "
                                     "paragraph per line)")
    wrap_min_width: int = tuned(40, "narrowest widest line of a hard-wrapped block (narrower: "
                                    "a list or menu)")
    wrap_min_fill: float = tuned(0.6, "share of the widest line every line but the last reaches "
                                      "in a hard-wrapped block")
    own_line_score: int = tuned(2, "boilerplate evidence with which a line (a byline, a share "
                                   "bar) starts a unit even inside a wrapped block")
    broken_sentence_min_words: int = tuned(4, "words a line needs for a lowercase next line to "
                                              "continue its sentence: menu items one per line "
                                              "('business', 'tech') stay apart")
    # A news sentence may well mention cookies or a newsletter, so prose needs a
    # strong phrase plus another cue; a fragment needs one strong phrase.
    prose_min_score: int = tuned(3, "cue score that drops a unit of prose",
                                 "the seeds and tests/test_clean*.py")
    fragment_min_score: int = tuned(2, "cue score that drops a fragment",
                                    "the seeds and tests/test_clean*.py")
    repeated_score: int = tuned(2, "cue score of a fragment seen across the corpus: a strong cue "
                                   "by itself")
    menu_run: int = tuned(3, "fragments in a row before the story's first sentence that form a "
                             "menu (a lone line there is the headline or a kicker)")
    # Tuned on the extraction eval pages: word F1 0.64 -> 0.75, fewer sentences
    # lost (a longer body run or longer items cost recall on tour-date lists).
    body_menu_run: int = tuned(5, "fragments in a row between paragraphs that form a menu",
                               "bench/extraction.py")
    menu_item_words: int = tuned(4, "median words of a menu's items: lists of dates or results "
                                    "inside a story have longer lines", "bench/extraction.py")
    headline_min_words: int = tuned(4, "words from which an uncued fragment after the story is "
                                       "a headline linking elsewhere, not a leftover")
    separator_min_chars: int = tuned(3, "shortest rule line ('---'); shorter symbol runs are "
                                        "bullets or emoticons")
    # The longest widget line on the examples has 17 words, story paragraphs 25-60.
    widget_max_words: int = tuned(30, "longest line of a widget (form labels, a tagline, an "
                                      "offer)", "examples/")
    box_max_units: int = tuned(10, "units between two rules that can be a widget box; a taller "
                                   "box is a story section")
    same_outlet_min: int = tuned(2, "pages of one outlet sharing a fragment that make it a "
                                    "template")
    corpus_min: int = tuned(3, "documents across outlets sharing a fragment that make it "
                               "boilerplate (two stories may share a heading)")
    # Chosen, not tuned: an outlet's template recurs on every page, so a block
    # of a crawl of this size still shows it many times over, and the block's
    # documents and texts (tens of MB) are what memory holds while streaming.
    stream_block: int = tuned(2000, "documents whose recurring lines and copies are found "
                                    "together when `parallax stories` streams a crawl")
    # Cross-validated on the extraction development pages: F1 is flat from 0.35
    # to 0.6 (0.859-0.864) while recall falls from 0.93 to 0.89; the low end
    # keeps the most story text, which matters more downstream than a leftover
    # menu line (and holds the recall gate of test_clean_eval).
    line_threshold: float = tuned(0.35, "line-model probability of story text below which a "
                                        "unit the rules kept is dropped",
                                  "tools/train_lines.py (cross-validated)")
    # Glued words (``clean.glued``); counts are out of the about a trillion
    # words of the web corpus behind wordsegment.
    # Rarer parts are too obscure to trust as a split: shredded names
    # ("Sun|ak", "Hou|thi") and foreign words ("Peng|has|ilan": 919k, 382k on
    # the extraction eval pages) stay whole, at the cost of rarer real words
    # ("dismantled", 535k).
    glue_min_part_count: int = tuned(1_000_000, "web-corpus count a part of a split must reach",
                                     "extraction eval pages (bench/extraction.py)")
    glue_min_part_length: int = tuned(3, "shorter parts are how names get shredded "
                                         "('Yong|by|on'); only short function words may be")
    # A name glued to a lowercase word is the weakest sign of glue. The name
    # must be a common word (1M+) or one the document uses, not a syllable of
    # an unknown name ("Young|kin", "Tarn|holm" at 235k stay whole). The tail
    # must look like the verb of a new clause ("Korea|wanted", "Cohen|accused"):
    # on the extraction eval pages every other tail was part of a brand or
    # coined name ("Chrome|cast", "Post|mates" at 2.9M).
    glue_min_name_length: int = tuned(4, "shortest name and tail of a name glued to a word")
    glue_min_name_count: int = tuned(1_000_000, "web-corpus count of a glued name the document "
                                                "does not use", "extraction eval pages")
    glue_min_verb_tail_count: int = tuned(5_000_000, "web-corpus count of the verb-like tail "
                                                     "glued to a name", "extraction eval pages")
    glue_max_parts: int = tuned(3, "most parts one glued token splits into")
    glue_common_ratio: int = tuned(1000, "a listed 'word' ('ofthe': 1.3M) splits when the "
                                         "two-word reading is this many times more frequent "
                                         "('of the': 2200; 'atone'/'at one': 60)")
    glue_short_token: int = tuned(7, "shorter tokens ('thedam') split only into a known bigram: "
                                     "they are more often names or foreign words",
                                  "extraction eval pages")
    very_short_words: int = tuned(80, "fewer words than a short news brief flag the article "
                                      "very-short (the page kept the story elsewhere)")
    min_english_ratio: float = tuned(0.15, "share of common English words below which a text "
                                           "is flagged non-English (news prose: 35-50%)")
    min_words_for_language: int = tuned(20, "words needed before the language ratio means "
                                            "anything")


@dataclass(frozen=True, slots=True)
class QuotesOptions:
    """Quote extraction and attribution (``parallax.analyze.quotes`` and its helpers)."""

    # Covers `While X reiterated his outlook for Y, "..."` in the seeds; farther
    # verbs in long sentences belonged to other clauses.
    cue_reach: int = tuned(60, "characters an unlinked speech verb may sit from the quote marks",
                           _SEEDS)
    fragment_words: int = tuned(3, "a passage this short without a verb is a fragment, not a "
                                   "statement")
    climb_limit: int = tuned(8, "clause heads climbed from a cue to find who makes the statement")
    min_object_words: int = tuned(2, "objects and topics this short are pronouns or names "
                                     "('attacked him'), not content")
    label_words: int = tuned(4, "a label before a colon is a short name ('Poll:'), not a clause")
    pronoun_reach: int = tuned(3, "sentences back a pronoun may find its antecedent")
    # "stopped (short (of (calling)))" is the longest chain seen on the dev events.
    unsaid_reach: int = tuned(3, "arcs up from a cue through infinitives and prepositions to a "
                                 "word that takes it back ('declined to say')")
    # False: on the five reviewed BASIL events a bare noun phrase after an object cue
    # ("denied the allegations", "criticized the ruling") was no statement in
    # 17 of the 44 shown items that were none; PolNeAR annotates them (see BENCHMARKS.md).
    bare_objects: bool = tuned(False, "a cue's object without a verb or predicate ('denied the "
                                      "allegations') is a statement", "bench/realnews.py")


@dataclass(frozen=True, slots=True)
class DatesOptions:
    """Date mentions (``parallax.analyze.dates``, ``analyze._tense``)."""

    tense_climb: int = tuned(6, "arcs above a date its verb is looked for: 'on' -> 'held', maybe "
                                "via a noun or two")


@dataclass(frozen=True, slots=True)
class ActorsOptions:
    """Actors and the titles beside their names (``analyze.actors``, ``analyze._actor_titles``)."""

    min_mentions: int = tuned(2, "an actor mentioned this often (or in two articles) matters "
                                 "even when silent")
    title_window: int = tuned(80, "characters around a name a title may sit in: news titles "
                                  "are a handful of words")
    antecedent_reach: int = tuned(300, "characters back 'its' looks for the body it stands for "
                                       "(about two sentences)")


@dataclass(frozen=True, slots=True)
class DedupeOptions:
    """Copies of one article (``parallax.group.dedupe``)."""

    shingle: int = tuned(5, "words per shingle: long enough that independent reports share "
                            "only quoted phrases")
    # A reprint with a new headline, byline and boilerplate keeps well above
    # 0.6; independent reports of one event share a few quoted phrases and stay
    # below 0.1 (the three seed outlets pair at 0.00-0.01).
    threshold: float = tuned(0.6, "estimated Jaccard of shingles from which two articles are "
                                  "copies", _SEEDS)


@dataclass(frozen=True, slots=True)
class GroupOptions:
    """Story grouping (``parallax.group.stories``)."""

    # Tuned together by grid search (bench/stories.py --tune) on the tuning halves
    # of ECB+ (first half of the topics) and NeuS (first half of the stories by id):
    # among the settings that keep the behaviour tests/test_stories.py asks for
    # (the example corpus and the seeds one story each, two invented fires apart
    # whether they arrive together or one after the other), the best mean B-cubed
    # F1 averaged over the point and its grid neighbours (one topic's two events
    # merging or not moves ECB+ F1 by 0.03, so lone peaks are noise). This setting
    # scores 0.903 there (0.907 ECB+, 0.900 NeuS), its neighbourhood 0.894;
    # reported numbers are on the other halves.
    threshold: float = tuned(0.6, "average-link similarity above which two groups are one story",
                             "bench/stories.py --tune")
    terms: float = tuned(0.25, "weight of shared hashed terms next to the lead vector",
                         "bench/stories.py --tune")
    names: float = tuned(0.5, "weight of shared names next to the lead vector",
                         "bench/stories.py --tune")
    cohesion: float = tuned(0.6, "groups stay apart when they agree less than this share of "
                                 "how much each agrees within itself", "bench/stories.py --tune")
    # Chosen, not tuned (NeuS, where every story is one day's coverage, would
    # push them up without limit): 0.1 a day for at most 2 days is about half the
    # gap between the average similarity of same-story pairs (1.1) and of
    # same-topic pairs from other days (p99 about 1.0) above the threshold.
    day_penalty: float = tuned(0.1, "similarity lost per day apart: about half the gap between "
                                    "same-story and same-topic-other-day pairs")
    penalty_days: int = tuned(2, "days over which the day penalty grows")
    max_gap: int = tuned(14, "beyond this many days apart, articles are different stories")
    # Chosen, not tuned: max_gap plus a month, so an article may arrive up to a
    # month out of date order and still find every story it could join, while
    # memory holds only the stories of the last seven weeks of a long crawl.
    retire: int = tuned(45, "days behind the newest date seen after which a story leaves the "
                            "compared set (its id and articles stay in the state)")
    # Chosen, not tuned: a story retires only once this many articles went by
    # without it growing too, so a pile or a store run of fewer articles never
    # loses a story to an article that arrives out of date order; at 100
    # articles a day (bench/scale.py) it is about as long as ``retire``.
    retire_articles: int = tuned(5000, "articles grouped since a story last grew before it can "
                                       "retire")
    # Chosen, not tuned: above the live stories of every benchmark here (an
    # estimated 1,300-1,500 in bench/scale.py's crawl at 100 articles a day), so
    # none of them is shortlisted; a denser crawl compares each cluster with this many.
    candidates: int = tuned(2000, "live stories beyond which a batch's clusters are compared "
                                  "only with the stories sharing their rarest names")
    batch: int = tuned(500, "articles clustered among themselves at once: the batch's "
                            "similarity matrix (batch squared floats, 1 MiB) is the only "
                            "thing that grows with pairs")


@dataclass(frozen=True, slots=True)
class ClaimsOptions:
    """Sentence alignment and claims (``parallax.compare.claims``).

    The sentence index built with these also decides, for conflicts, the
    summary and the outlet reports, which sentences say the same thing.
    """

    # Tuned on the three seed articles (three outlets on the Hanoi summit): the
    # sentences that state one fact in different words ("no agreement was reached"
    # vs "did not come to an agreement"; the cancelled lunch and signing) sit at
    # cosine 0.45-0.6 with content-word Dice 0.15-0.3, while topical neighbours
    # sit at cosine 0.55-0.65 with Dice below 0.12. Lexical weight 1.0 and a
    # combined threshold of 0.8 separate the two groups there; a cosine floor of
    # 0.4 keeps sentences that share only words but not meaning apart.
    lexical_weight: float = tuned(1.0, "weight of content-word Dice overlap added to the cosine",
                                  _SEEDS)
    match_threshold: float = tuned(0.74, "combined score (cosine + lexical) from which two "
                                         "sentences state one fact", _SEEDS)
    cosine_floor: float = tuned(0.4, "cosine below which sentences sharing words but not "
                                     "meaning stay apart", _SEEDS)
    min_shared_weight: float = tuned(1.2, "scaled IDF the shared content words must carry (two "
                                          "fairly specific words): a shared 'summit' is never "
                                          "enough on its own")
    core_retained: float = tuned(0.5, "share of a cluster's core a newcomer must keep: one "
                                      "sharing only the periphery is about something else")
    min_words: int = tuned(5, "shorter sentences are headings or fragments, never claims")
    name_weight: float = tuned(0.0, "lexical weight of names (the cosine still sees them): at "
                                    "0.25 the seeds' intro sentences merged on leaders' names",
                               _SEEDS)


@dataclass(frozen=True, slots=True)
class ConflictsOptions:
    """Conflicts of accounts and of facts (``parallax.compare.conflicts``)."""

    account_similarity: float = tuned(
        0.45, "cosine of the sentences carrying two quotes from which they are on the same "
              "matter: statements on one matter sit at 0.6-1.0, unrelated ones below 0.45",
        _SEEDS)
    polarity_shared: int = tuned(2, "key words two statements of opposite polarity must share, "
                                    "the negated one included")
    account_negation_reach: int = tuned(4, "words after a negator searched for the predicate it "
                                           "denies, its first content word: 'had not [been] "
                                           "[walking]'")
    window: int = tuned(5, "words either side of a key term searched for a whole/part qualifier")
    phrase_words: int = tuned(6, "longest scope phrase after its cue ('only for a joint "
                                 "monitoring commission')")
    # Cosine on invented and seed pairs: paraphrases 0.8+, related-but-different
    # statements 0.5-0.75; the examples' two reports of the Orvenian side leaving
    # the room, one "without explanation", sit at 0.8.
    negation_cosine: float = tuned(0.8, "opposite polarity between aligned sentences counts "
                                        "only when they are otherwise near paraphrases",
                                   "invented and seed sentence pairs")
    hedge_tolerance: float = tuned(0.2, "hedged figures ('about five hours') clash only when "
                                        "they differ by more than this share of the larger")
    figure_context: int = tuned(4, "plain content words either side of a figure read as what "
                                   "it measures ('harbour repair fund, to the tune "
                                   "of $3.5 billion')", "bench/realnews.py (conflicts)")
    scale_gap: float = tuned(0.25, "share of the larger by which two sums in one scale "
                                   "('billion', 'percent') may differ and still be two accounts "
                                   "of one: $3.5 and $3.6 billion (3 %) are, the $5.7 billion "
                                   "demanded and the $8 billion in all (29 %) are not",
                             "bench/realnews.py (conflicts)")
    count_shared: int = tuned(2, "content words two counts of one noun must share around them "
                                 "to count one thing across outlets ('five hours ... the "
                                 "delegation left' / 'three hours ... the delegation left'); "
                                 "one shared 'year' paired 240 seats held with 60 seats lost",
                              "bench/realnews.py --all (conflicts)")
    report_reach: int = tuned(4, "words from a reporter's name to the report noun that makes it "
                                 "the author ('told The Post that the allegations', 'the "
                                 "BuzzFeed phony story')", "bench/realnews.py (conflicts)")


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Claim checking: stance features and the mismatch reading (``compare.stance``,
    ``compare.mismatch``)."""

    evidence_sentences: int = tuned(
        3, "sentences closest to the claim read as evidence (FNC-1 bodies put the "
           "stance-bearing sentence among the top three); the stance model was trained on "
           "features of this many, so change it only with tools/train_stance.py",
        "bench/check.py")
    related_margin: float = tuned(0.1, "sentences this close to the best one's cosine count as "
                                       "about the claim too (restatements of one fact spread "
                                       "over about 0.1)")
    # Restating sentences are found among all of an article's sentences, not
    # only the model's evidence: MiniLM is nearly blind to negation and ranks a
    # long lead that restates a short claim below shorter sentences on the same
    # topic. On the FNC-1 training bodies coverage 0.6 added four overrides, all
    # wrong (claims like "ISIS one mile from Baghdad" read as contradicted).
    claim_coverage: float = tuned(0.75, "share of the claim's content words a sentence must carry "
                                        "to restate it", "bench/check.py (FNC-1 training bodies)")
    related_cosine: float = tuned(0.3, "cosine to the claim a restating sentence must reach",
                                  "bench/check.py (FNC-1 training bodies)")
    negation_reach: int = tuned(3, "words after a negator that it may govern: 'did not "
                                   "[approve the] fees'")
    # The three alignment values were set by reasoning, not fitted: a grid
    # (0.5-0.7 x 0.65-0.8 x 0.3-0.5) chosen leave-one-event-out on the five
    # reviewed events scores 0.78 held-out accuracy, these values 0.81.
    proposition_alignment: float = tuned(
        0.6, "weighted share of a claim's terms (names double) a sentence must carry to state "
             "the same proposition (compare.proposition)", "bench/realnews.py (check)")
    paraphrase_cosine: float = tuned(
        0.7, "MiniLM cosine at which a sentence is a paraphrase of the claim and needs only "
             "paraphrase_alignment of its terms", "bench/realnews.py (check)")
    paraphrase_alignment: float = tuned(
        0.4, "share of the claim's terms a close paraphrase must still carry",
        "bench/realnews.py (check)")
    modal_reach: int = tuned(3, "words after a hedge cue it may govern: 'expected to [be] "
                                "signed'")
    proposition_cosine: float = tuned(
        0.2, "cosine to the claim below which check does not read a sentence as a "
             "proposition at all (0.3 lost 'broke up without agreement' for 'ended with an "
             "agreement', cosine 0.25)", "bench/realnews.py (check), examples/")
    quoted_outside: float = tuned(
        0.5, "a sentence carrying fewer of the claim's terms than this share outside its "
             "quotations only quotes a speaker saying it (discusses)")


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """The extractive summary (``parallax.compare.summary``)."""

    length: int = tuned(5, "summary lines when no length is asked for")
    length_exponent: float = tuned(
        0.8, "a sentence's new content is divided by its length in words to this power (1 "
             "favours short lines, 0 long ones); 0.5-1.0 within 0.003 ROUGE-2 on NeuS, 0.8 led",
        "bench/summary.py (tools/train_summary.py cross-fitted)")
    redundant_cosine: float = tuned(
        0.85, "never pick a line this close in meaning to one already picked (0.8-0.9 level, "
              "0.75 lost 0.004 ROUGE-2)", "bench/summary.py")
    # News states the gist up front (lead-3 is the classic strong baseline), and
    # a bounded pool keeps the embedding cost of the summary independent of
    # length; the rest of each article only fills a budget the pool cannot.
    lead_pool: int = tuned(5, "each article's first sentences join the corroborated ones as "
                              "candidates")
    camp_lines: int = tuned(3, "summary lengths from which each camp of the main dispute gets "
                               "its account (the event line and two camps)")


@dataclass(frozen=True, slots=True)
class TimelineOptions:
    """The timeline (``parallax.compare.timeline``)."""

    # Two reports of one date are one event when their mean cosine plus
    # ``event_word_weight`` times the IDF mass of the content words they share
    # (names and time words aside) reaches ``same_event``. Chosen
    # on 80 hand-labelled same-date pairs of the BASIL development events
    # (bench/timeline_pairs.py): the cosine alone at 0.4 (the earlier rule,
    # tuned on the seeds) merged every pair, 40 of the 80 two different
    # events; 0.65 with a weight of 0.1 merges 24 of the 40 same-event pairs
    # and 2 of the others, on both halves of the labels alike.
    same_event: float = tuned(0.65, "score (mean cosine + event_word_weight x shared word "
                                    "weight) from which two sentences with the same date report "
                                    "one event", "bench/timeline_pairs.py")
    event_word_weight: float = tuned(0.1, "weight of the shared content words' IDF mass in "
                                          "same_event's score", "bench/timeline_pairs.py")
    lead_sentences: int = tuned(5, "opening sentences compared for article centrality (the "
                                   "tie-break for an entry's text); already embedded for the "
                                   "summary")


@dataclass(frozen=True, slots=True)
class OutletsOptions:
    """Per-outlet reports (``parallax.compare.outlets``)."""

    max_exclusive: int = tuned(5, "statements only one outlet makes, shown per outlet: the few "
                                  "worth an editor's attention, the rest is in Sources")
    fact_coverage: float = tuned(0.3, "share of the IDF weight of a claim's shared words one "
                                      "sentence of an outlet must carry to state it in its own "
                                      "words, so the outlet does not omit it: paraphrases in the "
                                      "examples and seeds carry 0.3-0.6, unrelated lines 0-0.2",
                                 "examples and seeds, read by hand")
    fact_cosine: float = tuned(0.65, "cosine to a claim's support line from which an outlet's "
                                     "sentence may state it in other words (an omission is an "
                                     "accusation: the examples' missed paraphrases sit at "
                                     "0.67-0.72, the seeds' true omissions at 0.53-0.62)",
                               "examples and seeds, read by hand")
    min_specific: int = tuned(2, "names and dates a statement only one outlet makes must hold "
                                 "to be shown as one, unless it gives a number or says more "
                                 "(min_plain_terms): with one name, framing lines ('Kestria gave "
                                 "a very different account.') were listed as scoops",
                              "examples and seeds, read by hand")
    min_plain_terms: int = tuned(5, "content words besides names and numbers with which one name "
                                    "is enough: framing lines have 2-3 ('says that is a "
                                    "caricature'), attributed statements 5 or more",
                                 "examples and seeds, read by hand")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Layout of the Markdown and HTML briefings (``parallax.render``)."""

    removed_preview: int = tuned(100, "characters a removed passage (a menu, a comment thread) is "
                                      "cut to in the Markdown Sources list; JSON has it whole")
    min_headline_word: int = tuned(4, "shorter headline words ('a', 'of', 'US') do not count when "
                                      "choosing the most representative headline")
    axis_margin: float = tuned(3.0, "room (percent) at both ends of the time axis, so the first "
                                    "and last events are not cut by the edge")
    max_ticks: int = tuned(7, "most labelled ticks on the time axis: more overlap on a "
                              "phone-width page")
    outlier_gap: float = tuned(0.6, "a date whose gap to the next is more than this share of the "
                                    "span after it is set apart before a break in the axis")
    early_step: float = tuned(7.0, "spacing (percent) of the dates set apart, and of the break "
                                   "after them")
    busy_share: float = tuned(0.6, "share of the timeline's entries whose shortest run of days "
                                   "is the axis's busy stretch (most entries: the story's days)")
    busy_width: float = tuned(0.5, "share of the axis width the busy stretch gets at least, so "
                                   "its days do not squeeze into one dot beside a long background")
    day_tick_gap: float = tuned(6.0, "closest (percent) a month or year tick may come to a day "
                                     "tick of the busy stretch before it is left out (overlap)")


@dataclass(frozen=True, slots=True)
class StoreOptions:
    """How ``parallax add`` writes into a store (``parallax.store``)."""

    batch: int = tuned(50, "articles grouped and committed in one transaction: a killed add "
                           "loses at most this much work, and a second add waits at most one "
                           "batch's grouping for its turn", "bench/store.py")
    wait: float = tuned(600.0, "seconds an add (or a reader upgrading an old store) waits for "
                               "another add's transaction before failing: the stories state "
                               "file's --wait default")


@dataclass(frozen=True, slots=True)
class WebOptions:
    """Limits and page sizes of the web app (``parallax.web``, ``parallax serve``).

    Chosen, not tuned: each bounds what one request may ask of the server, so
    that a client cannot make it hold or compute much more than a reader's
    page needs.
    """

    page_size: int = tuned(25, "stories per page of the stories list: a screenful or two")
    search_hits: int = tuned(20, "matching articles listed under a search on the stories page")
    max_list: int = tuned(200, "most rows one /api/stories or /api/search request returns")
    max_claim_chars: int = tuned(1000, "characters of one claim to check: a sentence or two, "
                                       "not an article")
    max_claims: int = tuned(50, "claims one POST /api/check may hold; each is a pass over the "
                                "story's articles")
    max_upload_bytes: int = tuned(16 * 1024 * 1024, "largest upload body (JSON lines) when "
                                                    "uploads are on: a few thousand articles of "
                                                    "text, not a crawl (413 beyond)")
    page_cache: int = tuned(256, "rendered story pages kept in memory (LRU, keyed by story and "
                                 "its last briefing; about 80 KB each on BASIL stories)",
                            "bench/serve.py")


@dataclass(frozen=True, slots=True)
class Options:
    """All settings of one run; ``Options()`` is the packaged defaults."""

    parts: PartsOptions = field(default_factory=PartsOptions)
    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    dedupe: DedupeOptions = field(default_factory=DedupeOptions)
    group: GroupOptions = field(default_factory=GroupOptions)
    quotes: QuotesOptions = field(default_factory=QuotesOptions)
    dates: DatesOptions = field(default_factory=DatesOptions)
    actors: ActorsOptions = field(default_factory=ActorsOptions)
    claims: ClaimsOptions = field(default_factory=ClaimsOptions)
    conflicts: ConflictsOptions = field(default_factory=ConflictsOptions)
    check: CheckOptions = field(default_factory=CheckOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    outlets: OutletsOptions = field(default_factory=OutletsOptions)
    render: RenderOptions = field(default_factory=RenderOptions)
    web: WebOptions = field(default_factory=WebOptions)
    store: StoreOptions = field(default_factory=StoreOptions)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "options") -> Options:
        """Options from a tree of plain values; what is not given keeps its default."""
        return _build(cls, data, source)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def merged(self, data: dict[str, Any], *, source: str = "options") -> Options:
        """These options with the values in ``data`` (same tree) put over them."""
        return _build(type(self), _deep_merge(self.to_dict(), data), source)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Options:
        """The defaults overlaid with a TOML file: ``path``, or the default location if any."""
        if path is None:
            found = default_config_path()
            if not found.is_file():
                return cls()
            path = found
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such options file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read options ({exc})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        return cls.from_dict(data, source=str(path))


def default_config_path() -> Path:
    """Where ``Options.load()`` looks when no file is named."""
    if os.environ.get("PARALLAX_CONFIG"):
        return Path(os.environ["PARALLAX_CONFIG"])
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "parallax" / "config.toml"


def describe(options: Options | None = None) -> list[tuple[str, Any, str, str]]:
    """Every option as (dotted name, value, why, benchmark): for docs and ``--help``."""
    rows: list[tuple[str, Any, str, str]] = []

    def walk(node: Any, prefix: str) -> None:
        for item in dataclasses.fields(node):
            value = getattr(node, item.name)
            name = f"{prefix}{item.name}"
            if dataclasses.is_dataclass(value):
                walk(value, name + ".")
            else:
                rows.append((name, value, item.metadata.get("why", ""),
                             item.metadata.get("bench", "")))

    walk(options or DEFAULT_OPTIONS, "")
    return rows


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(cls: type[T], data: Any, where: str) -> T:
    """An instance of the dataclass ``cls`` from ``data``, checking every key and type."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a table, got {type(data).__name__}")
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(f"{where}: unknown option {unknown[0]!r}",
                          hint=f"known here: {', '.join(sorted(fields))}")
    values = {name: _value(hints[name], data[name], f"{where}.{name}")
              for name in fields if name in data}
    return cls(**values)


def _value(kind: Any, value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(kind):
        return _build(kind, value, where)  # type: ignore[arg-type]
    origin = get_origin(kind)
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{where}: expected a list, got {value!r}")
        inner = get_args(kind)[0]
        return tuple(_value(inner, v, f"{where}[{i}]") for i, v in enumerate(value))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind in (int, float, str, bool) and (
            not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
        raise ConfigError(f"{where}: expected {kind.__name__}, got {value!r}")
    return value


DEFAULT_OPTIONS = Options()
"""The packaged defaults (the same as ``Options()``)."""
