"""Who said what in one article: direct, partial and indirect quotes with speakers.

Input is the article, spaCy's parse of its cleaned text and its sentences;
output is one ``Quote`` per statement, in text order, with the content, the
cue ("said", "according to") and the speaker mention as written, plus
``speaker`` = the name it resolves to in this article.

* **Direct**: a quoted passage (see ``_quote_marks``; content without its
  marks) is attributed to the speech verb of its sentence(s) that governs it
  in the parse, else the nearest one; to the speech verb of the previous
  sentence when that ends with a colon; to a name signed after a dash
  (`"..." — Ada Moss`); to the previous quote when it stands alone right
  after one (news prose continues a speaker's quote that way) or continues
  it over a paragraph break. A statement broken by its attribution
  (`"A," he said, "B."`, `"A," she said. "B."`) is one quote whose span runs
  from the first passage to the last, attribution included.
* **Partial**: a quoted fragment embedded in the sentence under a verb of
  saying. The quote is the statement the fragment belongs to (`calling him
  "a great leader"` -> `him "a great leader"`, marks kept) and its speaker
  the subject found by climbing the parse; titles in title case and
  fragments under other verbs (scare quotes) are dropped.
* **Indirect**: everything a cue reports in the parse (see
  ``_quote_reported``). Quoted fragments inside a reported clause are part of
  that one indirect quote, not separate partial quotes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from parallax.analyze._quote_asserted import recounted
from parallax.analyze._quote_fragments import fragmentary
from parallax.analyze._quote_intents import apart
from parallax.analyze._quote_marks import Quoted
from parallax.analyze._quote_reported import aside, carried, noun_cued, reported_quotes
from parallax.analyze._quote_sources import reread
from parallax.analyze._quote_speakers import SPEAKER_LABELS
from parallax.analyze._quote_state import (
    OUTSIDE,
    ArticleState,
    find_source,
    find_subject,
    token_span,
)
from parallax.lang import QuoteCues
from parallax.model import Article, Attribution, Quote, QuoteKind, Sentence
from parallax.model import Span as Evidence
from parallax.options import DEFAULT_OPTIONS, QuotesOptions

__all__ = ["extract_attributed", "extract_quotes"]

# Between two fragments of one statement: marks, commas and a conjunction
# (`"unfair" and "badly timed"`), or nothing when their statements overlap.
_LINKED = re.compile(r"[\s,\"'\u2018\u2019\u201c\u201d]*(?:(?:and|or|but)[\s\"'\u2018\u201c]*)?")
# A dash between a closing mark and a name signs the quote with it (blanks of any kind
# on the line around it: pages put no-break spaces there).
_DASHES = "\u2014\u2015\u2013"
# Dependents by which a sentence after a quote has content of its own, not only its cue.
_CLAUSES = frozenset({"ccomp", "xcomp", "dobj", "conj"})
_SIGNATURE = re.compile(rf"[^\S\n]*([{_DASHES}])[^\S\n]*(?=\w)")


def _embedded(state: ArticleState, passage: Quoted, content: Span) -> bool:
    """Whether the passage is a piece of the surrounding sentence rather than a statement.

    It is when a word of the same sentence runs into the opening mark
    (`calling him "a great leader"`), unless that word is the cue itself or
    "that" (`replied "I think ..."`), or when it is a few words without a verb.
    """
    sentence = state.sentences[state.sentence_range(passage.open, passage.open + 1)[0]]
    index = content.start - 1
    while index >= 0 and state.doc[index].idx + len(state.doc[index]) > passage.open:
        index -= 1
    before = state.doc[index] if index >= 0 else None
    if before is not None and before.idx >= sentence.start and not before.is_punct:
        return before.lemma_.lower() not in state.cues.speech and before.lower_ != "that"
    words = [t for t in content if not t.is_punct]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    return len(words) <= state.options.fragment_words and not has_verb


def _saying(fragment: Token, verb: Token, cues: QuoteCues) -> Token | None:
    """The verb of saying a quoted fragment hangs from, on its way up to ``verb``.

    A fragment is someone's words under a verb of saying (`praised it,
    calling it "X"` -> calling) or inside a clause reported by ``verb`` (`made
    it clear that the talks were "useful"`); under other verbs it is a title,
    a term or a scare quote, and there is none.
    """
    reported = False
    for token in fragment.ancestors:
        if token.i == verb.i:
            return verb if reported or verb.lemma_.lower() in cues.lemmas else None
        if token.pos_ == "VERB" and token.lemma_.lower() in cues.lemmas:
            return token
        reported = reported or token.dep_ == "ccomp"
    return None


def _titled(content: Span) -> bool:
    """A fragment in title case ("Meet the Press", "Total Failure") names a work or a
    headline's phrase rather than quoting someone's words."""
    words = [t for t in content if t.is_alpha]
    # Short words ("of", "the", "and") stay lower case in titles.
    return bool(words) and all(t.text[0].isupper() for t in words if len(t) > 3)


def _headline(state: ArticleState, passage: Quoted) -> bool:
    """Whether the passage sits in a headline (`Moss Hammers Board: "You Should Resign."`):
    there title case is the headline's, and the passage someone's words."""
    sentence = state.sentences[state.sentence_range(passage.open, passage.open + 1)[0]]
    words = [w for w in state.article.text[sentence.start:passage.open].split()
             if sum(c.isalpha() for c in w) > 3]
    return bool(words) and all(w[:1].isupper() for w in words)


def _title(content: Span) -> bool:
    """A title a sentence names ("appeared on "Face the Nation.""): ``_titled`` with two
    longer words at least, so that "See you Sunday." is no title."""
    return _titled(content) and sum(1 for t in content if t.is_alpha and len(t) > 3) >= 2


def _governs(state: ArticleState, cue: Token, root: Token) -> bool:
    """``cue`` governs the passage rooted at ``root`` and no nearer clause has its own source.

    In `admitting that "...", while from China comes a hope that "..."` the
    parse hangs both passages under "admitting", but the second one sits in a
    clause with its own source (China), which takes it.
    """
    if not cue.is_ancestor(root):
        return False
    current = root.head
    while current.i != cue.i:
        outside = not state.marked(current.idx)
        if outside and current.pos_ in ("VERB", "AUX") and find_subject(
                current, state.speakers, resolvable=True) is not None:
            return False
        current = current.head
    return True


def _cue(state: ArticleState, passage: Quoted, root: Token, *, embedded: bool) -> Token | None:
    """The speech verb that introduces a passage.

    A verb governing the passage in the parse wins; otherwise (parses of long
    quotes are often broken) the nearest one within ``cue_reach`` characters,
    but only for a passage that stands as a statement of its own.
    """
    first, last = state.sentence_range(passage.open, passage.end)
    candidates = [t for t in state.frame(first, last)
                  if t.pos_ == "VERB" and t.lemma_.lower() in state.cues.speech]
    if not candidates and first > 0 and state.sentences[first - 1].text.endswith(":"):
        candidates = [t for t in state.frame(first - 1, first - 1)
                      if t.pos_ == "VERB" and t.lemma_.lower() in state.cues.speech]
    if not candidates:
        candidates = _trailing(state, passage, last)
    # "Asked by one of her aides, "...," Roe replied": the passage right after a
    # passive saying with its agent is the agent's, whatever the parse hangs it on.
    text = state.article.text
    asked = [t for t in candidates if any(c.dep_ == "agent" for c in t.children)
             and t.i < root.i and text[t.right_edge.idx + len(t.right_edge):passage.open
                                      ].strip(" ,") == ""]
    if asked:
        return asked[-1]
    linked = [t for t in candidates if _governs(state, t, root)]
    if linked:
        # The nearest governing verb: "said X, also highlighting that "..."" -> highlighting.
        cue = max(linked, key=lambda t: sum(1 for _ in t.subtree) * -1)
        # "The Ministry said Kestria had proposed "..."": the Ministry makes the
        # statement; what Kestria proposed is only reported in it.
        while (cue.dep_ == "ccomp" and cue.head.lemma_.lower() in state.cues.speech
               and find_subject(cue.head, state.speakers, resolvable=True) is not None):
            cue = cue.head
        return cue
    if embedded:
        return None
    near = [t for t in candidates
            if min(abs(t.idx - passage.open), abs(t.idx - passage.end))
            <= state.options.cue_reach]
    return min(near, key=lambda t: min(abs(t.idx - passage.open), abs(t.idx - passage.end)),
               default=None)


def _trailing(state: ArticleState, passage: Quoted, last: int) -> list[Token]:
    """The speech verb of a bare attribution right after the passage's own sentence.

    `"Where do we go from here?" Moss asked.` is split after the question mark:
    the passage is a sentence of its own and "Moss asked." the next one, which
    attributes it; without this the passage would pass for the previous
    speaker's. Only a short sentence that starts at the closing mark, on the
    same line, and holds nothing but the attribution (no clause of its own).
    """
    if passage.close is None or last + 1 >= len(state.sentences):
        return []
    after = state.sentences[last + 1]
    text = state.article.text
    if text[passage.close + 1:after.start].strip() or "\n" in text[passage.close:after.start]:
        return []
    span = state.doc.char_span(after.start, after.end, alignment_mode="expand")
    if span is None or state.marked(after.start) or any(state.marked(t.idx) for t in span):
        return []
    words = [t for t in span if not t.is_punct and not t.is_space]
    verbs = [t for t in span if t.pos_ == "VERB" and t.lemma_.lower() in state.cues.speech
             and t.dep_ == "ROOT" and not any(c.dep_ in _CLAUSES for c in t.children)]
    # "Moss said on Friday." at most: a longer sentence says something of its own.
    return verbs if len(words) <= state.options.label_words * 2 else []


def _means_source(state: ArticleState, cue: Token) -> Token | None:
    """Where to look for the speaker of ``cue``; None when a reader could not tell.

    A saying that is the means of an action ("by saying") belongs to whoever
    acts; the parse often hangs it on the nearest verb, which in `X explained
    his failure when Y controlled the council by saying "..."` is the one of
    a subordinate clause ("when Y controlled"). The saying then goes up to the
    verb of saying above that clause (X explained), or to no one.
    """
    opener = cue.head
    verb = opener.head
    if not (cue.tag_ == "VBG" and cue.dep_ == "pcomp" and opener.lower_ == "by"
            and verb.dep_ == "advcl" and any(
                c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")
                for c in verb.children)):
        return cue
    return next((t for t in verb.ancestors if t.pos_ == "VERB"
                 and t.lemma_.lower() in state.cues.speech), None)


def _standalone(state: ArticleState, passage: Quoted) -> bool:
    first, last = state.sentence_range(passage.open, passage.end)
    return all(t.is_punct or t.is_space for t in state.frame(first, last))


def _signed(state: ArticleState, passage: Quoted) -> tuple[Token, tuple[int, int]] | None:
    """The name a quote is signed with after a dash (`"..." — Ada Moss`), and the dash."""
    if passage.close is None:
        return None
    sign = _SIGNATURE.match(state.article.text, passage.close + 1)
    if sign is None:
        return None
    name = state.doc.char_span(sign.end(), sign.end() + 1, alignment_mode="expand")
    if name is None or name[0].pos_ != "PROPN":
        return None
    head = next((e.root for e in name[0].doc.ents if e.start <= name[0].i < e.end
                 and e.label_ in SPEAKER_LABELS), name[0])
    return head, sign.span(1)


def _dash_signed(quote: Quote) -> bool:
    """Whether ``quote`` was signed after a dash: in a list of signed comments the next
    passage is someone else's, signed after it."""
    cue = quote.cue_span
    return cue is not None and len(cue.text) == 1 and cue.text in _DASHES


def _introduced(state: ArticleState, passage: Quoted, previous: Quote | None) -> Quote | None:
    """A standalone quote right after a sentence whose subject is someone named.

    News prose introduces a speaker ("X spoke to reporters outside.") and then
    gives the quote on its own; that subject, not the speaker of an earlier
    quote, is the source. The sentence must sit in the same paragraph and come
    after the previous quote.
    """
    first, _ = state.sentence_range(passage.open, passage.end)
    if first == 0 or state.paragraph(state.sentences[first - 1].start) != state.paragraph(
            passage.open):
        return None
    before = state.sentences[first - 1]
    if previous is not None and previous.span.clean_end > before.start:
        return None
    span = state.doc.char_span(before.start, before.end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is None or state.marked(root.idx) or root.pos_ not in ("VERB", "AUX"):
        return None
    speaker = find_subject(root, state.speakers, resolvable=True)
    if speaker is None:
        return None
    return state.quote(passage.start, passage.end, "direct", speaker, token_span(root))


def _direct_quotes(state: ArticleState) -> list[Quote]:
    found: list[Quote] = []
    previous: Quote | None = None
    for passage in state.quoted:
        content = state.doc.char_span(passage.start, passage.end, alignment_mode="expand")
        if content is None or not len(content):
            continue
        embedded = _embedded(state, passage, content)
        if embedded and _titled(content):
            continue
        kind: QuoteKind = "partial" if embedded else "direct"
        cue = _cue(state, passage, content.root, embedded=embedded)
        # `appeared on "Meet the Press."`: a title inside a sentence, with no cue, names a
        # programme or a work; nobody said it.
        if cue is None and _title(content) and not _standalone(state, passage) and not (
                _headline(state, passage)):
            continue
        quote: Quote | None = None
        if cue is not None:
            source = _means_source(state, cue)
            speaker = find_source(source, state.speakers, resolvable=embedded,
                                  climb=state.options.climb_limit) if source else None
            if speaker is not None or not embedded:
                where = _statement(state, _saying(content.root, cue, state.cues) or cue, passage,
                                   content) if embedded else (passage.start, passage.end)
                quote = state.quote(*where, kind, speaker, token_span(cue))
        elif not embedded and (signed := _signed(state, passage)) is not None:
            quote = state.quote(passage.start, passage.end, "direct", *signed)
        elif not embedded and not passage.continued and _standalone(state, passage) and (
                introduced := _introduced(state, passage, previous)) is not None:
            quote = introduced
        elif previous is not None and not embedded and not _dash_signed(previous) and (
                passage.continued or (_standalone(state, passage) and state.paragraph(
                    passage.open) - state.paragraph(previous.span.clean_end) <= 1)):
            quote = Quote(state.article.span(passage.start, passage.end), "direct",
                          previous.speaker, previous.speaker_span, previous.cue_span)
        else:
            speaker = find_source(content.root, state.speakers, resolvable=True,
                                  climb=state.options.climb_limit)
            verb = next((t for t in speaker.ancestors if t.pos_ in ("VERB", "AUX")),
                        speaker.head) if speaker is not None else None
            if verb is not None and embedded:
                verb = _saying(content.root, verb, state.cues)
            if verb is not None and embedded and recounted(verb, state.cues):
                verb = None  # `because they believed "storm" meant ...`: a mind, not words
            if verb is not None:
                where = _statement(state, verb, passage, content) if embedded else (
                    passage.start, passage.end)
                quote = state.quote(*where, kind, speaker, token_span(verb))
            elif not embedded:
                quote = state.quote(passage.start, passage.end, "direct", None, None)
        if quote is None:
            continue
        if _self_attributed(quote):
            # The verb inside the quotation marks is the quoted words, never their
            # attribution (`"Roe then admitted the plan."` is not Roe's statement).
            quote = replace(quote, speaker=None, speaker_span=None, cue_span=None)
        last = found[-1] if found else None
        if quote.kind == "partial" and last is not None and last.kind == "partial" and (
                last.speaker == quote.speaker and last.cue_span == quote.cue_span
                and _LINKED.fullmatch(state.article.text[
                    last.span.clean_end:quote.span.clean_start]) is not None):
            # Fragments of one statement (`called it "A" and "B"`) are one quote.
            found[-1] = replace(last, span=state.article.span(
                last.span.clean_start, max(last.span.clean_end, quote.span.clean_end)),
                parts=_pieces(state, last, quote))
            continue
        if previous is not None and found and found[-1] is previous and _joins(
                state, previous, quote, continued=passage.continued):
            quote = replace(quote, span=state.article.span(previous.span.clean_start,
                                                           quote.span.clean_end),
                            speaker_span=previous.speaker_span or quote.speaker_span,
                            cue_span=previous.cue_span or quote.cue_span,
                            parts=_pieces(state, previous, quote))
            found[-1] = quote
        else:
            found.append(quote)
        if quote.kind == "direct":
            previous = quote
    return found


def _statement(state: ArticleState, verb: Token, passage: Quoted, content: Span
               ) -> tuple[int, int]:
    """The statement a quoted fragment belongs to: what ``verb`` says up to the fragment.

    `calling the plan "a trap" in a speech` states "the plan "a trap"";
    `said the talks were "useful" for both sides` states the whole clause.
    The statement is the verb's complements after it, up to the one holding
    the fragment: to the fragment's end in a phrase (what follows is about the
    saying), to the clause's end in a clause. Without such a complement the
    fragment stands alone.
    """
    holder = next((c for c in verb.rights
                   if c.left_edge.i <= content.root.i <= c.right_edge.i), None)
    # A reported clause holds a statement; other clauses and conjuncts say something else.
    if holder is None or (holder.dep_ in OUTSIDE and holder.dep_ != "ccomp"):
        return passage.start, passage.end
    kept = [c for c in verb.rights if c.i <= holder.i and c.dep_ != "prt"
            and (c.dep_ not in OUTSIDE or c is holder)]
    if not kept:
        return passage.start, passage.end
    tokens = [t for t in state.doc[kept[0].left_edge.i:holder.right_edge.i + 1]
              if not t.is_space]
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct) and (
            tokens[0].idx < passage.open):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    cut = aside(tokens)
    if cut is not None and tokens[cut].idx > passage.end:
        tokens = tokens[:cut]
    if holder.dep_ not in ("ccomp", "xcomp"):
        # `called the law a "crazy system" during a visit`: what follows the fragment
        # in a phrase is about the saying; a clause goes on to its end.
        tokens = [t for t in tokens if t.idx < passage.end]
    if not tokens:
        return passage.start, passage.end
    start = min(tokens[0].idx, passage.start)
    end = max(tokens[-1].idx + len(tokens[-1]), passage.end)
    # Never over another quoted passage: `promised "A", to which X replied "B"`.
    start = max([start, *(e for s, e in state.marks if e <= passage.open)])
    end = min([end, *(s for s, _ in state.marks if s > passage.open)])
    text = state.article.text
    start += len(text[start:end]) - len(text[start:end].lstrip(" ,;"))
    end -= len(text[start:end]) - len(text[start:end].rstrip(" ,;"))
    if start >= passage.open and end <= (passage.close if passage.close is not None
                                          else passage.end):
        return passage.start, passage.end
    # A statement larger than its fragment keeps the fragment's marks: `him "a leader"`.
    start = min(start, passage.open)
    if passage.close is not None and end >= passage.end:
        end = max(end, passage.close + 1)
    return start, end


def _pieces(state: ArticleState, first: Quote, second: Quote) -> tuple[Evidence, ...]:
    """The content pieces of ``first`` and ``second`` made one quote: two
    pieces when words lie between them (the attribution, "she said"; "and"
    between fragments), one when only marks and breaks do (a quote running
    over a paragraph break); none when that one piece is the whole span."""
    head = first.parts or (first.span,)
    tail = second.parts or (second.span,)
    if tail[0].clean_start < head[-1].clean_end:
        return first.parts  # overlapping fragments: the first one's pieces stand
    between = state.article.text[head[-1].clean_end:tail[0].clean_start]
    if re.search(r"\w", between):
        return head + tail
    joined = (*head[:-1], state.article.span(head[-1].clean_start, tail[0].clean_end), *tail[1:])
    return joined if len(joined) > 1 else ()


def _joins(state: ArticleState, previous: Quote, quote: Quote, *, continued: bool) -> bool:
    """Whether ``quote`` goes on the statement of the direct ``previous`` quote.

    `"A," he said, "B."` and `"A," he said. "B."` are one statement broken by
    its attribution, as is a quote running over a paragraph break: one span
    from the first mark to the last, attribution included. Not when the words
    between them report something else with a clause of their own (`"A," he
    said, adding that ...`); `"A," he said, speaking of X, "B."` is still one.
    """
    same = (quote.speaker is not None and quote.speaker == previous.speaker) or (
        quote.speaker_span is not None and quote.speaker_span == previous.speaker_span)
    # A quote with a cue of its own (`"A," he said. Later, "B," he added.`) is another one.
    if quote.kind != "direct" or not same or quote.cue_span != previous.cue_span or (
            quote.span.clean_start < previous.span.clean_end):
        return False
    if not continued and state.paragraph(previous.span.clean_end) != state.paragraph(
            quote.span.clean_start):
        return False
    cues = {quote.cue_span.clean_start} if quote.cue_span is not None else set()
    gap = state.doc.char_span(previous.span.clean_end, quote.span.clean_start,
                              alignment_mode="expand")
    return gap is None or not any(
        t.pos_ == "VERB" and t.lemma_.lower() in state.cues.speech and t.idx not in cues
        and not state.marked(t.idx) and any(c.dep_ == "ccomp" for c in t.children)
        for t in gap)


def _self_attributed(quote: Quote) -> bool:
    """A direct quote whose speaker and cue both lie inside its own quotation marks."""
    inside = (quote.span.clean_start, quote.span.clean_end)
    return quote.kind == "direct" and all(
        part is not None and inside[0] <= part.clean_start and part.clean_end <= inside[1]
        for part in (quote.speaker_span, quote.cue_span))


def extract_quotes(article: Article, doc: Doc, sentences: tuple[Sentence, ...], *,
                   options: QuotesOptions = DEFAULT_OPTIONS.quotes) -> tuple[Quote, ...]:
    """Quotes of one article in text order; ``doc`` must be ``nlp(article.text)``."""
    return extract_attributed(article, doc, sentences, options=options)[0]


def extract_attributed(article: Article, doc: Doc, sentences: tuple[Sentence, ...], *,
                       options: QuotesOptions = DEFAULT_OPTIONS.quotes
                       ) -> tuple[tuple[Quote, ...], tuple[Attribution, ...]]:
    """The quotes of one article, and the attributions that are no statement, each in
    text order (``Attribution``); ``doc`` must be ``nlp(article.text)``."""
    state = ArticleState(article, doc, sentences, options)
    direct = _direct_quotes(state)
    indirect, others = reported_quotes(state, direct)
    direct = carried(direct, indirect)
    reported = [(q.span.clean_start, q.span.clean_end) for q in indirect]
    # "X said Y had demanded Z" is X's statement; what Y demanded is only reported by X.
    # A noun cue names its own source ("rejected the minister's claim that ..."), kept.
    indirect = [q for q in indirect if noun_cued(state, q) or not any(
        s <= q.span.clean_start and q.span.clean_end <= e and (s, e) != (
            q.span.clean_start, q.span.clean_end) for s, e in reported)]
    # A partial quote inside a reported statement is part of it; so is a passage of no
    # one's (`According to the paper, "Roe then admitted the plan."`): shown once.
    kept = [q for q in direct if not any(
        (s < q.span.clean_end and q.span.clean_start < e) if q.kind == "partial" else (
            q.speaker_span is None and s <= q.span.clean_start and q.span.clean_end <= e)
        for s, e in reported)]
    found = sorted([*kept, *indirect], key=lambda q: (q.span.clean_start, q.span.clean_end))
    # Words no reader could quote ("endlessly", "he would") are no statement of anyone's.
    shown = tuple(q for q in reread(state, found) if not fragmentary(state, q))
    return shown, apart(others, shown)
