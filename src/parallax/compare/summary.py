"""Extractive summary: a few sentences that cover the story, each with its evidence.

What an editor's roundup of several outlets says is mostly what they have in
common, so the summary covers the *content* the outlets share: each word pair
of the story is weighed by how likely a roundup is to repeat it
(``_summary_concepts``: several outlets write it, early, often, in names and
numbers), and sentences are picked greedily by the weight of the pairs they
add per word. Content already covered counts nothing the second time, so a
second outlet's restatement of a picked line adds little and the summary
does not repeat itself; a cosine cap keeps out paraphrases in other words.
Questions, headings, quotes of pleasantries (``is_claimable``), leads cut
off with an ellipsis and lines the writer only hedges or expects ("was
expected to be signed") when their claim's other sentences tell how it
turned out (alone, the line reads as what happened) are never candidates,
nor are sentences that lean on the one before in a way the line cannot
repair ("It", "This", a "He" whose antecedent is uncertain). Lines confirmed
by the most independent sources come first, ties in the order they were
picked (the most widely shared content first). Every line carries the spans
of each article that says it (its claim's support), so it never stands
without evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from parallax.analyze.vectors import VectorStore
from parallax.compare._summary_camps import Camps, camps_of, quotation
from parallax.compare._summary_concepts import Bigram, ConceptModel, bigrams, concept_values
from parallax.compare._summary_trim import Trim, trim
from parallax.compare.claims import Pairs, Ref, SentenceIndex, dots, sentence_index
from parallax.compare.proposition import hedges
from parallax.compare.sources import count_sources
from parallax.compare.standalone import leans_back, standalone
from parallax.errors import UsageError
from parallax.lang import pack_for
from parallax.model import Actor, AnalyzedArticle, Claim, Conflict, Quote, Span, SummaryLine
from parallax.options import DEFAULT_OPTIONS, SummaryOptions

__all__ = ["parse_length", "summarize"]

# A lead cut off mid-sentence ("...about the...") states half a fact.
_CUT_OFF = re.compile(r"\w(?:\.\.\.|\u2026)[\"\u201d\u2019')\]]*$")
_LENGTH = re.compile(r"^\s*(\d+)\s*(w|words?|s|sentences?)?\s*$", re.IGNORECASE)


def parse_length(value: str) -> tuple[int, int | None]:
    """``--length`` as (sentences, words): "5" or "5s" is five sentences, "120w"
    about 120 words (``summarize(..., words=120)``); ``UsageError`` for
    anything else, zero included."""
    match = _LENGTH.match(value)
    if match is None or int(match.group(1)) < 1:
        raise UsageError(f"summary length {value!r}: use a number of sentences (5) or of "
                         "words (120w)")
    number, unit = int(match.group(1)), (match.group(2) or "s").lower()
    return (number, None) if unit.startswith("s") else (number, number)


def _claim_of(claims: Sequence[Claim]) -> dict[tuple[str, int, int], Claim]:
    """The best-supported claim of each sentence (claims come best first; a
    sentence stating two facts may sit in two claims)."""
    found: dict[tuple[str, int, int], Claim] = {}
    for claim in claims:
        for span in claim.support:
            found.setdefault((span.article, span.clean_start, span.clean_end), claim)
    return found


def _support(index: SentenceIndex, rows: Mapping[tuple[str, int], int], ref: Ref,
             claim: Claim | None, shown: Trim) -> tuple[Span, ...]:
    """The line's own span (the part of its sentence it ``shown``), then the spans of
    its claim that match the line directly.

    A claim grows by pairs, so a member may match another member rather than
    the sentence the line quotes ("the treaty lapses on 31 March" joins "the
    talks were meant to agree a successor treaty" through a third sentence).
    A line lists only what says the same as its own words. ``rows`` maps
    (article id, sentence start) to index rows.
    """
    item = index.analyzed[ref[0]]
    sentence = item.sentences[ref[1]]
    own = item.article.span(sentence.start + shown.start, sentence.start + shown.end)
    if claim is None:
        return (own,)
    row = rows[(item.id, sentence.start)]
    whole = index.span(ref)
    direct = [span for span in claim.support if span not in (own, whole)
              and (other := rows.get((span.article, span.clean_start))) is not None
              and index.is_match(row, other)]
    return (own, *direct)


def _still_leans(index: SentenceIndex, ref: Ref) -> bool:
    """Whether the sentence leans on the one before it even as shown alone: a
    pronoun whose antecedent is uncertain ("It", "They", "This", a "He" after
    two people), which the summary does not show (``compare.standalone``)."""
    text = index.text(ref)
    return leans_back(text) and leans_back(standalone(index.analyzed[ref[0]], ref[1], text))


def _hedged(index: SentenceIndex, ref: Ref, claim: Claim | None, matched: Pairs) -> bool:
    """Whether the writer only expects or guesses what the sentence says ("a deal
    was expected to be signed") while another sentence of its ``claim``, or one
    the index matches with it (``matched``: an outcome that denies the hedge is
    no support of it, so it is not in the claim), tells without a hedge how it
    turned out ("the deal was not signed"): read alone, the line states as what
    happened what did not (``proposition.hedges``). A hedge nothing settles
    ("the vote is expected on Tuesday") is the news."""
    text = index.text(ref)
    lang = pack_for(index.analyzed[ref[0]].article.document.language)
    if not hedges(text, lang):
        return False
    told = [span.text for span in claim.support] if claim else []
    told += [index.text(index.refs[row]) for row in matched.partners([index.row(ref)])]
    return any(other != text and not hedges(other, lang) for other in told)


def _headline(item: AnalyzedArticle) -> bool:
    title = item.article.document.title
    return bool(title and item.sentences and item.sentences[0].text.strip() == title.strip())


def _body_position(index: SentenceIndex, ref: Ref) -> int:
    """The sentence's place in its article's body (0: the lede; a headline is not body)."""
    return ref[1] - _headline(index.analyzed[ref[0]])


def summarize(analyzed: Sequence[AnalyzedArticle], claims: Sequence[Claim],
              length: int | None = None, index: SentenceIndex | None = None, *,
              words: int | None = None, model: ConceptModel | None = None,
              options: SummaryOptions = DEFAULT_OPTIONS.summary,
              vectors: VectorStore | None = None, conflicts: Sequence[Conflict] = (),
              actors: Sequence[Actor] = (), quotes: Sequence[Quote] = ()
              ) -> tuple[SummaryLine, ...]:
    """Up to ``length`` lines (``options.length``): first what happened, then
    those confirmed by the most independent sources.

    ``conflicts``, ``actors`` and ``quotes`` (the briefing's, speakers resolved
    to actors) tell accounts from events (``_summary_camps``): the first line
    is no one's account when any line can be, and from ``options.camp_lines``
    lines on each camp of the main dispute gives its own. Lines read alone:
    a leading connector is dropped and a leading pronoun's antecedent shown
    (``compare.standalone``), the support keeping the sentence's characters.

    With ``words`` the budget is in words instead: lines are added until they
    hold at least that many (whole sentences, so the last may run over).
    ``index`` is ``sentence_index(analyzed, vectors)`` when the caller already
    has it (``vectors``: the sentence-vector cache); ``model`` replaces the
    shipped word-pair weights (for training).
    When the leads and claims run out before the budget does (short articles,
    few sources), the rest of each article fills in: a summary shorter than
    asked for reads as missing news.
    """
    if index is None:
        index = sentence_index(analyzed, vectors)
    if length is None:
        length = options.length
    if (length if words is None else words) <= 0:
        return ()
    claim_of = _claim_of(claims)

    def claim_at(ref: Ref) -> Claim | None:
        sentence = index.analyzed[ref[0]].sentences[ref[1]]
        return claim_of.get((index.analyzed[ref[0]].id, sentence.start, sentence.end))

    packs = [pack_for(item.article.document.language) for item in analyzed]
    trims: dict[Ref, Trim] = {}

    def shown(ref: Ref) -> Trim:
        if ref not in trims:
            trims[ref] = trim(index.analyzed[ref[0]], ref[1], index.text(ref))
        return trims[ref]

    matched = index.matches()
    usable = [k for k, ref in enumerate(index.refs)
              if index.claimable(ref) and not _CUT_OFF.search(index.text(ref))
              and not _still_leans(index, ref)
              and not _hedged(index, ref, claim_at(ref), matched)]
    first = [k for k in usable if index.refs[k][1] < options.lead_pool or claim_at(index.refs[k])]
    values = concept_values([[s.text for s in item.sentences] for item in analyzed],
                            [_headline(item) for item in analyzed], model, packs)
    picked = _choose(index, shown, first, values, length, words, [], options)
    if len(first) < len(usable) and _room(shown, picked, length, words):
        picked = _choose(index, shown, usable, values, length, words, picked, options)
    articles = {item.id: item.article for item in analyzed}
    rows = {(index.analyzed[a].id, index.analyzed[a].sentences[s].start): k
            for k, (a, s) in enumerate(index.refs)}

    def sources(ref: Ref) -> int:
        return count_sources(_support(index, rows, ref, claim_at(ref), shown(ref)), articles)

    camps = camps_of(index, conflicts, actors, quotes)
    picked, event = _with_event_line(index, shown, first or usable, values, picked, camps,
                                     sources, options)
    if words is None and length >= options.camp_lines:
        picked = _with_each_camp(picked, camps, event)

    lines = [(ref, _support(index, rows, ref, claim_at(ref), shown(ref))) for ref in picked]
    lines.sort(key=lambda line: -count_sources(line[1], articles))
    # What happened comes first, then the accounts of it.
    lines.sort(key=lambda line: line[0] != event)
    return tuple(SummaryLine(shown(ref).text, support) for ref, support in lines)


def _with_event_line(index: SentenceIndex, shown: Callable[[Ref], Trim], usable: Sequence[int],
                     values: Mapping[Bigram, float], picked: list[Ref], camps: Camps,
                     sources: Callable[[Ref], int], options: SummaryOptions
                     ) -> tuple[list[Ref], Ref | None]:
    """``picked`` holding the line that says what happened rather than someone's
    account of it: of the ``options.length`` lines the content model would
    pick from the ``usable`` rows (the leads and claims: news says what
    happened up front) that are no account and no quotation
    (``_summary_camps.quotation``), the one with the most ``sources``, of
    those the one earliest in its article's body (the lede says what
    happened; a quoted reaction restated by every outlet has the most
    sources and says nothing of it). It takes the place of the picked line
    that is neither and is closest to it in meaning (the line it restates),
    else of the last line, unless another
    line says the same (``options.redundant_cosine``): a one-line summary
    never states one side's claim, or one speaker's words, as the event.
    Also returns that line. It is None when there is none, or when there is
    no account to tell it from and the line that would open the summary (the
    most sources) is no quotation: the summary then stays in the content
    model's order."""
    if not picked:
        return picked, None
    if not camps.accounts and not quotation(shown(max(picked, key=sources)).text):
        return picked, None
    quoted = {ref for ref in (*picked, *(index.refs[k] for k in usable))
              if quotation(shown(ref).text)}
    accounts = camps.accounts | quoted
    events = [k for k in usable if index.refs[k] not in accounts]
    fresh = _choose(index, shown, events, values, options.length, None, [], options)
    if not fresh:
        return picked, None
    event = max(fresh, key=lambda ref: (sources(ref), -_body_position(index, ref)))
    if event in picked:
        return picked, event
    vectors = index.vectors.stack([event, *picked])
    cosines = vectors[1:] @ vectors[0]
    plain = [k for k, ref in enumerate(picked) if ref not in accounts]
    replaced = plain[int(np.argmax(cosines[plain]))] if plain else len(picked) - 1
    if any(cosine >= options.redundant_cosine for k, cosine in enumerate(cosines)
           if k != replaced):
        return picked, None  # an account already says it (in another outlet's words)
    return [event if k == replaced else ref for k, ref in enumerate(picked)], event


def _with_each_camp(picked: list[Ref], camps: Camps, event: Ref | None) -> list[Ref]:
    """``picked`` giving each camp of the main dispute its account: a camp with no
    line giving its account (``Camps.camp_of``) gets its first side's sentence
    in place of the last line that is neither the event line nor the only
    account of another camp."""
    chosen = list(picked)

    def covers(ref: Ref) -> frozenset[str]:
        return camps.camp_of.get(ref, frozenset())

    for camp, refs in camps.sides.items():
        if any(camp in covers(ref) for ref in chosen):
            continue
        candidate = next((ref for ref in refs if ref not in chosen), None)
        if candidate is None:
            continue
        for k in reversed(range(len(chosen))):
            others = set().union(*(covers(ref) for j, ref in enumerate(chosen) if j != k))
            if chosen[k] != event and covers(chosen[k]) <= others:
                chosen[k] = candidate
                break
    return chosen


def _room(shown: Callable[[Ref], Trim], picked: Sequence[Ref], length: int,
          words: int | None) -> bool:
    """Whether the budget holds another line; words are counted as the lines show them."""
    if words is None:
        return len(picked) < length
    return sum(shown(ref).words for ref in picked) < words


def _choose(index: SentenceIndex, shown: Callable[[Ref], Trim], rows: Sequence[int],
            values: Mapping[Bigram, float], length: int, words: int | None,
            picked: Sequence[Ref], options: SummaryOptions) -> list[Ref]:
    """Extend ``picked`` from ``rows`` greedily by new content per word until the budget is met.

    A line's content and words are those of the part it shows (``shown``): the
    words it does not show neither add content nor spend the budget. No line
    may come within cosine ``options.redundant_cosine`` of one already picked.
    """
    pool = [index.refs[k] for k in rows]
    if not pool:
        return list(picked)
    vectors = index.vectors.stack(pool)
    everyone = np.arange(len(pool))

    def redundant(k: int) -> np.ndarray[Any, Any]:
        """Which of the pool come within the cap of pool row ``k`` (one row of the
        pool's cosines at a time: the pool may be every sentence of the story)."""
        return np.asarray(dots(vectors, np.array([k]), everyone)[0] >= options.redundant_cosine)

    pairs = [bigrams(shown(ref).text, pack_for(index.analyzed[ref[0]].article.document.language))
             for ref in pool]
    scale = np.array([max(shown(ref).words, 1) for ref in pool],
                     dtype=np.float64) ** options.length_exponent
    chosen = list(picked)
    open_ = np.ones(len(pool), dtype=bool)
    covered: set[Bigram] = set()
    for ref in picked:  # an earlier, smaller pool: its rows are rows here too
        k = pool.index(ref)
        covered |= pairs[k]
        open_ &= ~redundant(k)
        open_[k] = False

    while _room(shown, chosen, length, words) and open_.any():
        gain = np.array([sum(values.get(p, 0.0) for p in own - covered) for own in pairs]) / scale
        best = int(np.argmax(np.where(open_, gain, -np.inf)))
        chosen.append(pool[best])
        covered |= pairs[best]
        open_ &= ~redundant(best)
        open_[best] = False
    return chosen
