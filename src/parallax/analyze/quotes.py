"""Who said what in one article: direct, partial and indirect quotes with speakers.

Input is the article, spaCy's parse of its cleaned text and its sentences;
output is one ``Quote`` per statement, in text order, with the content
(without quotation marks), the cue ("said", "according to") and the speaker
mention as written, plus ``speaker`` = the name it resolves to in this article.

* **Direct**: a quoted passage (see ``_quote_marks``) is attributed to the
  speech verb of its sentence(s) that governs it in the parse, else the
  nearest one; to the speech verb of the previous sentence when that ends
  with a colon; to the previous quote when it stands alone right after one
  (news prose continues a speaker's quote that way) or continues it over a
  paragraph break. A passage split around its cue (`"A," he said, "B."`)
  gives two quotes with the same speaker and cue.
* **Partial**: a quoted fragment embedded in the sentence (`calling him "a
  great leader"`). Its speaker is found by climbing the parse to the nearest
  verb whose subject resolves to someone; without one it is dropped.
* **Indirect**: a speech verb's complement clause (`X said (that) ...`), the
  object of a verb such as "confirm" or "announce", the statement around an
  attribution set off by commas (`..., officials said.`), or the rest of the
  sentence around `according to X`. Quoted fragments inside a reported clause
  are part of that one indirect quote, not separate partial quotes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from parallax.analyze._quote_marks import Quoted, find_quoted
from parallax.analyze._quote_speakers import SPEAKER_LABELS, Speakers
from parallax.analyze.sentences import paragraphs
from parallax.model import Article, Quote, QuoteKind, Sentence

__all__ = ["SPEECH_VERBS", "extract_quotes"]

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "claim", "insist", "warn", "argue", "deny", "stress", "note",
    "remark", "reply", "announce", "explain", "respond", "answer", "ask", "declare", "write",
    "tweet", "post", "emphasize", "emphasise", "reiterate", "confirm", "acknowledge", "admit",
    "suggest", "predict", "promise", "vow", "pledge", "assert", "contend", "maintain",
    "mention", "comment", "observe", "concede", "complain", "urge", "caution", "repeat",
    "recall", "describe", "hail", "accuse", "demand", "propose", "testify", "report",
    "conclude", "agree", "disagree", "threaten", "boast", "joke", "quip", "counter", "retort",
    "highlight", "underline", "affirm", "allege",
    # Findings and beliefs attributed to a source ("a poll showed that ...", "officials
    # believe ..."): PolNeAR (dev split) annotates them as attributions like speech.
    "show", "find", "indicate", "estimate", "believe"
})
# Verbs whose direct object is itself the statement ("confirmed his intention to ...").
OBJECT_VERBS = frozenset({
    "announce", "confirm", "deny", "claim", "reiterate", "promise", "pledge", "vow", "demand",
    "propose", "reject", "acknowledge", "admit", "predict"
})
_NON_SPEAKERS = frozenset({"it", "this", "that", "there", "what", "which", "i", "we", "you"})
_RELATIVE = frozenset({"who", "which", "that"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
_CLIMB_LIMIT = 8
# Dependents of a speech verb that are not part of the attribution phrase itself.
_OUTSIDE = frozenset({"ccomp", "punct", "cc", "conj", "parataxis", "advcl", "mark"})
# A passage this short without a verb is a fragment, not a statement.
_FRAGMENT_WORDS = 3
# How far (characters) an unlinked speech verb may sit from the quote marks: covers
# `While X reiterated his outlook for Y, "..."` in the seeds; farther verbs in long
# sentences belonged to other clauses.
_CUE_REACH = 60


def _in_ranges(position: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)


def _source(token: Token, speakers: Speakers, *, resolvable: bool) -> Token | None:
    """The subject that makes the statement governed by ``token``, climbing clause heads.

    A subject whose own object is "him"/"her" cannot be the person described
    by that pronoun (`... the leader calling him "great"`), so it is skipped.
    With ``resolvable`` only subjects that name someone count.
    """
    current = token
    for _ in range(_CLIMB_LIMIT):
        if current.pos_ in ("VERB", "AUX"):
            found = _subject(current, speakers, resolvable=resolvable)
            if found is not None:
                return found
            # "The envoy, X, spent the week in Y and insists ...": the parse makes the
            # verbs modifiers of the noun, whose referent is their implicit subject
            # (not for passives: "the report published by X").
            head = current.head
            passive = any(c.dep_ == "agent" for c in current.children)
            if current.dep_ == "acl" and not passive and head.pos_ in (
                    "NOUN", "PROPN") and (not resolvable or speakers.name(head)):
                return head
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _subject(verb: Token, speakers: Speakers, *, resolvable: bool) -> Token | None:
    children = list(verb.children)
    agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subjects = agents or [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    binds = any(c.dep_ == "dobj" and c.lower_ in _OBJECT_PRONOUNS for c in children)
    for subject in subjects:
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            subject = verb.head
        low, high = sorted((subject.i, verb.i))
        if any("\n" in t.text_with_ws for t in verb.doc[low:high]):
            continue  # a heading glued to the paragraph by the parse
        # Coordinated subjects ("X and Y agreed") are several speakers, not one.
        joint = any(c.dep_ == "conj" for c in subject.children)
        if binds or joint or subject.lower_ in _NON_SPEAKERS:
            continue
        if not resolvable or speakers.name(subject):
            return subject
    # "from China comes a hope that ...": the source is the object of "from".
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in SPEAKER_LABELS:
                    return pobj
    return None


def _speaker_like(token: Token, speakers: Speakers) -> bool:
    """A subject that can be the source of a statement: someone named, or a noun phrase
    ("officials", "an Orvenian spokesperson", "the agency", "a poll"), not "it" or "that"."""
    return speakers.name(token) is not None or token.pos_ in ("NOUN", "PROPN")


class _Article:
    """The per-article state every rule reads (parse, marks, sentences, speakers)."""

    def __init__(self, article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> None:
        self.article = article
        self.doc = doc
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.quoted = find_quoted(article.text)
        self.marks = [(q.open, (q.close if q.close is not None else q.end) + 1)
                      for q in self.quoted]
        self.paragraph_starts = [start for start, _ in paragraphs(article.text)]
        self.speakers = Speakers.of(doc, sentences)

    def sentence_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the first and last sentence that overlap ``start:end``."""
        first = max(0, bisect_right(self.starts, start) - 1)
        last = max(first, bisect_right(self.starts, max(start, end - 1)) - 1)
        return first, last

    def frame(self, first: int, last: int) -> Iterator[Token]:
        """Tokens of sentences ``first..last`` outside every quoted passage."""
        if not self.sentences:
            return
        span = self.doc.char_span(self.sentences[first].start, self.sentences[last].end,
                                  alignment_mode="expand")
        for token in span if span is not None else ():
            if not _in_ranges(token.idx, self.marks):
                yield token

    def paragraph(self, position: int) -> int:
        return bisect_right(self.paragraph_starts, position) - 1

    def quote(self, start: int, end: int, kind: QuoteKind, speaker: Token | None,
              cue: tuple[int, int] | None) -> Quote:
        speaker_span = None
        name = None
        if speaker is not None:
            speaker_span = self.article.span(*self.speakers.mention(speaker))
            name = self.speakers.name(speaker)
        return Quote(self.article.span(start, end), kind, name, speaker_span,
                     self.article.span(*cue) if cue else None)


def _token_span(token: Token) -> tuple[int, int]:
    """The cue as written, with a particle ("pointed out")."""
    end = token.idx + len(token)
    for child in token.rights:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child)
    return token.idx, end


def _embedded(state: _Article, passage: Quoted, content: Span) -> bool:
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
        return before.lemma_.lower() not in SPEECH_VERBS and before.lower_ != "that"
    words = [t for t in content if not t.is_punct]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    return len(words) <= _FRAGMENT_WORDS and not has_verb


def _governs(state: _Article, cue: Token, root: Token) -> bool:
    """``cue`` governs the passage rooted at ``root`` and no nearer clause has its own source.

    In `admitting that "...", while from China comes a hope that "..."` the
    parse hangs both passages under "admitting", but the second one sits in a
    clause with its own source (China), which takes it.
    """
    if not cue.is_ancestor(root):
        return False
    current = root.head
    while current.i != cue.i:
        outside = not _in_ranges(current.idx, state.marks)
        if outside and current.pos_ in ("VERB", "AUX") and _subject(
                current, state.speakers, resolvable=True) is not None:
            return False
        current = current.head
    return True


def _cue(state: _Article, passage: Quoted, root: Token, *, embedded: bool) -> Token | None:
    """The speech verb that introduces a passage.

    A verb governing the passage in the parse wins; otherwise (parses of long
    quotes are often broken) the nearest one within ``_CUE_REACH`` characters,
    but only for a passage that stands as a statement of its own.
    """
    first, last = state.sentence_range(passage.open, passage.end)
    candidates = [t for t in state.frame(first, last)
                  if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS]
    if not candidates and first > 0 and state.sentences[first - 1].text.endswith(":"):
        candidates = [t for t in state.frame(first - 1, first - 1)
                      if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS]
    linked = [t for t in candidates if _governs(state, t, root)]
    if linked:
        # The nearest governing verb: "said X, also highlighting that "..."" -> highlighting.
        cue = max(linked, key=lambda t: sum(1 for _ in t.subtree) * -1)
        # "The Ministry said Kestria had proposed "..."": the Ministry makes the
        # statement; what Kestria proposed is only reported in it.
        while (cue.dep_ == "ccomp" and cue.head.lemma_.lower() in SPEECH_VERBS
               and _subject(cue.head, state.speakers, resolvable=True) is not None):
            cue = cue.head
        return cue
    if embedded:
        return None
    near = [t for t in candidates
            if min(abs(t.idx - passage.open), abs(t.idx - passage.end)) <= _CUE_REACH]
    return min(near, key=lambda t: min(abs(t.idx - passage.open), abs(t.idx - passage.end)),
               default=None)


def _standalone(state: _Article, passage: Quoted) -> bool:
    first, last = state.sentence_range(passage.open, passage.end)
    return all(t.is_punct or t.is_space for t in state.frame(first, last))


def _introduced(state: _Article, passage: Quoted, previous: Quote | None) -> Quote | None:
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
    if root is None or _in_ranges(root.idx, state.marks) or root.pos_ not in ("VERB", "AUX"):
        return None
    speaker = _subject(root, state.speakers, resolvable=True)
    if speaker is None:
        return None
    return state.quote(passage.start, passage.end, "direct", speaker, _token_span(root))


def _direct_quotes(state: _Article) -> list[Quote]:
    found: list[Quote] = []
    previous: Quote | None = None
    for passage in state.quoted:
        content = state.doc.char_span(passage.start, passage.end, alignment_mode="expand")
        if content is None or not len(content):
            continue
        embedded = _embedded(state, passage, content)
        kind: QuoteKind = "partial" if embedded else "direct"
        cue = _cue(state, passage, content.root, embedded=embedded)
        quote: Quote | None = None
        if cue is not None:
            speaker = _source(cue, state.speakers, resolvable=embedded)
            if speaker is not None or not embedded:
                quote = state.quote(passage.start, passage.end, kind, speaker,
                                    _token_span(cue))
        elif not embedded and not passage.continued and _standalone(state, passage) and (
                introduced := _introduced(state, passage, previous)) is not None:
            quote = introduced
        elif previous is not None and not embedded and (
                passage.continued or (_standalone(state, passage) and state.paragraph(
                    passage.open) - state.paragraph(previous.span.clean_end) <= 1)):
            quote = Quote(state.article.span(passage.start, passage.end), "direct",
                          previous.speaker, previous.speaker_span, previous.cue_span)
        else:
            speaker = _source(content.root, state.speakers, resolvable=True)
            if speaker is not None:
                verb = next((t for t in speaker.ancestors if t.pos_ in ("VERB", "AUX")),
                            speaker.head)
                quote = state.quote(passage.start, passage.end, kind, speaker,
                                    _token_span(verb))
            elif not embedded:
                quote = state.quote(passage.start, passage.end, "direct", None, None)
        if quote is not None:
            found.append(quote)
            if quote.kind == "direct":
                previous = quote
    return found


def _clause_range(state: _Article, clause: Token) -> tuple[int, int] | None:
    """Characters of a reported clause without its "that", edge punctuation and marks."""
    tokens = [t for t in clause.subtree]
    # A clause never runs over a line break (a heading glued to the next line).
    breaks = [i for i, t in enumerate(tokens) if "\n" in t.text_with_ws]
    if breaks:
        tokens = tokens[:breaks[0] + (not tokens[breaks[0]].is_space)]
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _according_to(state: _Article, token: Token) -> Quote | None:
    """ "according to X, ..." : the sentence around the phrase, attributed to X."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if to is None or source is None:
        return None
    phrase_start, phrase_end = token.idx, source.right_edge.idx + len(source.right_edge)
    sentence = state.sentences[state.sentence_range(token.idx, token.idx + 1)[0]]
    text = state.article.text
    start, end = sentence.start, sentence.end
    if text[start:phrase_start].strip(" ,") == "":
        start = phrase_end
    elif text[phrase_end:end].strip(" ,.") == "":
        end = phrase_start
    start += len(text[start:end]) - len(text[start:end].lstrip(" ,"))
    end -= len(text[start:end]) - len(text[start:end].rstrip(" ,.;"))
    if end - start < 2:
        return None
    return state.quote(start, end, "indirect", source, (token.idx, to.idx + len(to)))


def _set_off(state: _Article, verb: Token) -> tuple[int, int] | None:
    """The statement around an attribution set off by commas, with no clause of its own.

    `The plan is sound, officials said.` and `The plan, he said, is sound.`:
    the parse often hangs the statement elsewhere (the cue becomes a
    parenthetical). A trailing attribution leaves the sentence before its
    comma; a parenthetical one sits inside the statement, which is then the
    whole sentence (one span cannot skip the middle).
    """
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return None
    # The attribution: the verb with its subject and modifiers ("in a June report").
    phrase = [verb, *(t for c in verb.children if c.dep_ not in _OUTSIDE for t in c.subtree)]
    first = min(t.i for t in phrase)
    last = max(t.i for t in phrase)
    doc = state.doc
    if first == 0 or doc[first - 1].text != ",":
        return None
    sentence = state.sentences[state.sentence_range(verb.idx, verb.idx + 1)[0]]
    after = doc[last + 1] if last + 1 < len(doc) else None
    text = state.article.text
    if after is None or after.idx >= sentence.end or after.text in (".", "!", "?"):
        start, end = sentence.start, doc[first - 1].idx
    elif after.text == ",":
        start, end = sentence.start, sentence.end
    else:
        return None
    start += len(text[start:end]) - len(text[start:end].lstrip())
    end -= len(text[start:end]) - len(text[start:end].rstrip(" ,.;"))
    return (start, end) if len(text[start:end].split()) >= _FRAGMENT_WORDS else None


def _indirect_quotes(state: _Article, direct: Sequence[Quote]) -> list[Quote]:
    quoted = [(q.span.clean_start, q.span.clean_end) for q in direct if q.kind == "direct"]
    found: list[Quote] = []
    for token in state.doc:
        if _in_ranges(token.idx, state.marks) or not state.sentences:
            continue
        if token.lower_ == "according":
            quote = _according_to(state, token)
            if quote is not None:
                found.append(quote)
            continue
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in SPEECH_VERBS:
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if clause is None and lemma in OBJECT_VERBS:
            clause = next((c for c in token.children if c.dep_ == "dobj"
                           and len(list(c.subtree)) >= _FRAGMENT_WORDS), None)
        # "The test, North Korea said, was its biggest": the parse may give the cue a
        # clause that misses the words before it; a set-off attribution wins.
        reported = _set_off(state, token) or (
            _clause_range(state, clause) if clause is not None else None)
        if reported is None or any(s < reported[1] and reported[0] < e for s, e in quoted):
            continue
        speaker = _source(token, state.speakers, resolvable=False)
        if speaker is not None and _speaker_like(speaker, state.speakers):
            found.append(state.quote(*reported, "indirect", speaker, _token_span(token)))
    return found


def extract_quotes(article: Article, doc: Doc, sentences: tuple[Sentence, ...]
                   ) -> tuple[Quote, ...]:
    """Quotes of one article in text order; ``doc`` must be ``nlp(article.text)``."""
    state = _Article(article, doc, sentences)
    direct = _direct_quotes(state)
    indirect = _indirect_quotes(state, direct)
    reported = [(q.span.clean_start, q.span.clean_end) for q in indirect]
    # "X said Y had demanded Z" is X's statement; what Y demanded is only reported by X.
    indirect = [q for q in indirect if not any(
        s <= q.span.clean_start and q.span.clean_end <= e and (s, e) != (
            q.span.clean_start, q.span.clean_end) for s, e in reported)]
    kept = [q for q in direct if q.kind != "partial" or not any(
        s < q.span.clean_end and q.span.clean_start < e for s, e in reported)]
    return tuple(sorted([*kept, *indirect], key=lambda q: (q.span.clean_start, q.span.clean_end)))
