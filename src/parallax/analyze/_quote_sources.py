"""A second reading of who makes each statement, once all quotes of an article are found.

The rules that find statements (``quotes``, ``_quote_reported``) take the
speaker from the parse around the cue. Some speakers only show in the
neighbourhood of the statement, and some cues speak for someone else:

* a report inside another statement speaks for its author, not for whoever
  mentions it (`Roe said she welcomed a statement disputing a Ledger report
  claiming ...` is the Ledger's claim; `belied the ministry's insistence
  that ...` the ministry's): the writing's author, or no one when it has none;
* a quote without a cue is signed by the subject right after its closing mark
  (`"...," Ada Roe, who has sued the agency twice, said`), by the subject of
  the next sentence when that owns it (`"..." / That's how Roe put it.`), or
  by the speaker of the quote it runs on into with nothing but marks between,
  or by the speaker of the attribution it follows (`"A," said Roe. "B" ...`);
* a cue whose subject the parse lost has it before a single aside
  (`Ms. Roe, back from the hearing, wrote to the board, "..."`);
* a transcript's turn opens on its speaker's name (`"ROE: ...`);
* "it" as the subject of a cue is the writing or body that spoke just before;
* "they" that the text leaves open stands for the several speakers of the
  quote before it in the same or the previous paragraph (`Roe and Moss said
  ... . They vowed ...`), when no other plural subject comes between.

Each rule changes a quote only when it finds its evidence; otherwise the quote
is kept as the first reading made it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

from spacy.tokens import Token

from parallax.analyze._actor_groups import described_source
from parallax.analyze._quote_state import ArticleState, find_subject, token_span
from parallax.model import Quote

__all__ = ["reread"]

# Marks, blanks and the comma between a closing mark and the name signing it.
_AFTER_CLOSE = re.compile(r"[\s,.!?;:\"'\u201c\u201d\u2018\u2019]{1,6}")
# One aside between a subject and its verb: `Roe, back from the port, (firmly) said`.
_ASIDE = re.compile(r"\s*,[^,;:\"\u201c\u201d]+,\s*(?:\w+ly\s+)?")
# Dependents that keep a token inside the noun phrase of its head.
_IN_PHRASE = frozenset({"compound", "flat", "amod", "det", "nmod", "poss", "case"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The words that open a sentence owning the quote before it ("That's how X put it").
_OWNING = re.compile(r"(?:That|This)(?:['\u2019]s| is| was) how\s")
# A transcript's speaker label: a name in capitals and a colon ("ROE: ", "VAN DYKE: ").
_LABEL = re.compile(r"([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?):\s")
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def reread(state: ArticleState, quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """The quotes of one article (in text order) with the rules above applied."""
    found = list(quotes)
    for index, quote in enumerate(found):
        found[index] = (_labelled(state, quote) or _nested(state, quote)
                        or _signed_after(state, quote) or _before_aside(state, quote)
                        or _owned_after(state, quote) or quote)
        found[index] = _relayed_by_writing(state, found[index]) or found[index]
    # Backwards, so a run of passages takes the speaker named after its last one.
    for index in range(len(found) - 2, -1, -1):
        found[index] = _runs_on(state, found[index], found[index + 1]) or found[index]
    for index in range(len(found)):
        previous = found[index - 1] if index else None
        found[index] = (_it(state, found[index], previous)
                        or (_they(state, found[index], previous) if previous else None)
                        or (_goes_on(state, found[index], previous) if previous else None)
                        or found[index])
    return tuple(found)


def _it(state: ArticleState, quote: Quote, previous: Quote | None) -> Quote | None:
    """ "It said" after a writing or a body that spoke: the pronoun is the mention, and
    the name is the body a clause before the cue has as subject (`when the Ledger
    profiled him, it said`), else the speaker of the quote before it in the same or
    the previous paragraph when that one's mention is a writing or a body (`"...,"
    the filing read. "...," it added.`), else the author of a writing the sentence
    before names (``_writing_before``); otherwise the mention alone, unnamed."""
    if quote.speaker is not None or quote.cue_span is None:
        return None
    cue = _tokens(state, quote.cue_span.clean_start, quote.cue_span.clean_end)
    subject = next((c for t in cue[:1] for c in t.children
                    if c.dep_ == "nsubj" and c.lower_ == "it"), None)
    if subject is None or cue[0].lemma_.lower() not in state.cues.speech:
        return None
    name = _body_of_clause(state, cue[0])
    near = previous is not None and state.paragraph(subject.idx) - state.paragraph(
        previous.span.clean_end) <= 1
    if name is None and previous is not None and previous.speaker_span is not None and near:
        before = state.doc.char_span(previous.speaker_span.clean_start,
                                     previous.speaker_span.clean_end, alignment_mode="expand")
        head = before.root if before is not None else None
        if head is not None and (head.ent_type_ == "ORG" or (
                head.lemma_.lower() in state.speakers.sources.documents)):
            name = previous.speaker
    if name is None:
        name = _writing_before(state, quote)
    return replace(quote, speaker=name,
                   speaker_span=state.article.span(subject.idx, subject.idx + len(subject)))


def _body_of_clause(state: ArticleState, cue: Token) -> str | None:
    """The body a clause before the cue has as its subject, which "it" stands for
    (`when a weekly, the Ledger, profiled him, it said ...`)."""
    for clause in cue.lefts:
        if clause.dep_ != "advcl":
            continue
        for subject in (c for c in clause.children if c.dep_ == "nsubj"):
            # The subject or its apposition ("a weekly, the Ledger,"), with their compounds.
            heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
            named = [t for head in heads for t in (head, *head.lefts) if t.ent_type_ == "ORG"]
            if named:
                return state.speakers.name(named[0])
    return None


def _writing_before(state: ArticleState, quote: Quote) -> str | None:
    """The author of the writing (or part of one) that is the subject of the sentence
    before a quote `it said` signs, in the same or the previous paragraph (`A section of the cable
    foreshadowed the attack. "...," it said.`)."""
    start = quote.span.clean_start
    before = state.doc.char_span(max(0, start - 1), start, alignment_mode="expand")
    if quote.kind != "direct" or not before or before[0].i == 0:
        return None
    sentence = state.doc[before[0].i - 1].sent
    root = sentence.root
    if state.paragraph(start) - state.paragraph(root.idx) > 1:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    # A parse that hung the subject on something else ("the groups ..., a key section
    # of the cable, which ..., seemed ..."): the last writing named before the verb.
    before_root = reversed(sentence[:root.i - sentence.start])
    found = (_writing(state, t) for t in chain((subject,) if subject else (), before_root))
    document = next((d for d in found if d is not None), None)
    return state.speakers.author_name(document) if document is not None else None


def _labelled(state: ArticleState, quote: Quote) -> Quote | None:
    """A transcript's turn: a quoted paragraph that opens on its speaker's name in
    capitals and a colon (`"ROE: Well, look, ...`) is that speaker's, whoever spoke
    the quote before it."""
    label = _LABEL.match(quote.span.text)
    if quote.kind != "direct" or label is None:
        return None
    name = state.speakers.full_name(label.group(1).title())
    if name is None and quote.speaker_span is not None:
        return None  # `"WARNING: ...," Roe said`: a heading in the words, not a turn
    start = quote.span.clean_start
    mention = state.article.span(start, start + len(label.group(1)))
    return replace(quote, speaker=name, speaker_span=mention, cue_span=None)


def _tokens(state: ArticleState, start: int, end: int) -> list[Token]:
    span = state.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _nested(state: ArticleState, quote: Quote) -> Quote | None:
    """A reported clause whose own governor is a report or a claim with its source."""
    if quote.kind != "indirect" or quote.cue_span is None:
        return None
    content = state.doc.char_span(quote.span.clean_start, quote.span.clean_end,
                                  alignment_mode="expand")
    cue = _tokens(state, quote.cue_span.clean_start, quote.cue_span.clean_end)
    if content is None or not cue or content.root.head.i == content.root.i:
        return None
    below, governor = content.root, content.root.head
    if state.marked(governor.idx):
        return None
    speakers = state.speakers
    if (governor.pos_ == "VERB" and governor.lemma_.lower() in state.cues.speech
            and governor.dep_ in ("acl", "relcl")):
        document = _writing(state, governor.head)
        if document is None or _someone_between(state, document, governor):
            return None
        author = speakers.author_token(document)
        name = speakers.author_name(document)
        if name is None:
            return None
        return _attributed(state, quote, author if author is not None else document, name,
                           token_span(governor))
    # A noun cue names its own source already ("rejected the minister's claim that").
    if (governor.pos_ == "NOUN" and governor.lemma_.lower() in state.cues.nouns
            and below.dep_ in ("acl", "ccomp", "relcl") and governor.i not in {t.i for t in cue}):
        owner = next((c for c in governor.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        return _attributed(state, quote, owner, speakers.owner_name(owner),
                           token_span(governor))
    return None


def _relayed_by_writing(state: ArticleState, quote: Quote) -> Quote | None:
    """A writing's statement that is someone named saying something: in `The cable
    warned that the agency advised "..."` the words are the agency's, relayed by the
    cable, so they go to the one the clause names (as a trailing `X said Y,
    prosecutors said` stays X's), not to the writing's author. The verb of saying
    is the statement's root or a verb between it and the writing's cue."""
    if quote.speaker is None or quote.speaker_span is None or quote.cue_span is None:
        return None
    documents = state.speakers.sources.documents
    mention = _tokens(state, quote.speaker_span.clean_start, quote.speaker_span.clean_end)
    content = state.doc.char_span(quote.span.clean_start, quote.span.clean_end,
                                  alignment_mode="expand")
    cue = {t.i for t in _tokens(state, quote.cue_span.clean_start, quote.cue_span.clean_end)}
    if content is None or not cue or not any(
            t.pos_ == "NOUN" and t.lemma_.lower() in documents for t in mention):
        return None
    verb = content.root
    while verb.i not in cue and verb.head.i != verb.i:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in state.cues.speech and (
                subject := find_subject(verb, state.speakers, resolvable=True)) is not None:
            name = state.speakers.name(subject)
            if name == quote.speaker or subject.i in cue:
                return None
            start, end = state.speakers.mention(subject)
            return replace(quote, speaker=name, speaker_span=state.article.span(start, end),
                           cue_span=state.article.span(*token_span(verb)))
        verb = verb.head
    return None


def _writing(state: ArticleState, noun: Token) -> Token | None:
    """The report a participle hangs from: the noun itself, or the report it is of
    ("the facts of an article ... saying that": the parse hangs "saying" on "facts")."""
    documents = state.speakers.sources.documents
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in documents:
        return noun
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in documents),
                None)


def _someone_between(state: ArticleState, document: Token, verb: Token) -> bool:
    """Whether someone else stands between a report and the participle: in "a report
    which includes video of him saying ..." the words are his, not the report's."""
    low, high = sorted((document.i, verb.i))
    return any(t.pos_ == "PRON" or t.ent_type_ == "PERSON" or t.dep_ == "relcl"
               for t in state.doc[low + 1:high])


def _attributed(state: ArticleState, quote: Quote, source: Token, name: str | None,
                cue: tuple[int, int]) -> Quote:
    start, end = state.speakers.mention(source)
    return replace(quote, speaker=name, speaker_span=state.article.span(start, end),
                   cue_span=state.article.span(*cue))


def _signed_after(state: ArticleState, quote: Quote) -> Quote | None:
    """A bare quoted passage whose closing mark is followed by the subject of a verb
    of saying: `"...," Ada Roe, who has sued the agency twice, said in a statement.`"""
    if quote.kind != "direct" or quote.speaker_span is not None or quote.cue_span is not None:
        return None
    text = state.article.text
    gap = _AFTER_CLOSE.match(text, quote.span.clean_end)
    if gap is None or not any(c in "\"'\u201d\u2019" for c in gap.group()) or "\n" in gap.group():
        return None
    first = _tokens(state, gap.end(), gap.end() + 1)
    if not first:
        return None
    subject = first[0]
    for _ in range(4):
        if subject.dep_ not in _IN_PHRASE or subject.head.i == subject.i:
            break
        subject = subject.head
    verb = subject.head
    if (subject.dep_ not in _SUBJECTS or verb.i < subject.i or state.marked(verb.idx)
            or verb.pos_ != "VERB" or verb.lemma_.lower() not in state.cues.speech):
        return None
    name = state.speakers.name(subject)
    if name is None:
        return None
    return state.quote(quote.span.clean_start, quote.span.clean_end, "direct", subject,
                       token_span(verb))


def _owned_after(state: ArticleState, quote: Quote) -> Quote | None:
    """A quote standing alone, owned by the next sentence: `"Pure harbour fiction"` and
    then `That's how Ada Roe, 66, described the claims.` (a cue of the language's
    and its subject; the opening words are ``_OWNING``)."""
    if quote.kind != "direct" or quote.speaker_span is not None or quote.cue_span is not None:
        return None
    _, last = state.sentence_range(quote.span.clean_start, quote.span.clean_end)
    if last + 1 >= len(state.sentences):
        return None
    after = state.sentences[last + 1]
    gap = state.article.text[quote.span.clean_end:after.start]
    if any(c.isalnum() for c in gap) or not _OWNING.match(after.text):
        return None
    verb = next((t for t in _tokens(state, after.start, after.end)
                 if t.pos_ == "VERB" and t.lemma_.lower() in state.cues.lemmas), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    if verb is None or subject is None or state.speakers.name(subject) is None:
        return None
    return state.quote(quote.span.clean_start, quote.span.clean_end, "direct", subject,
                       token_span(verb))


def _before_aside(state: ArticleState, quote: Quote) -> Quote | None:
    """A cue without a subject, whose sentence names a person right before one aside
    and the cue: `On Monday, Ms. Roe, back from the hearing, wrote to the board, "..."`."""
    if quote.speaker_span is not None or quote.cue_span is None:
        return None
    cue = quote.cue_span.clean_start
    text = state.article.text
    first, _ = state.sentence_range(cue, cue + 1)
    low = state.sentences[first].start if state.sentences else 0
    persons = [p for p in state.speakers.persons if low <= p.start and p.end <= cue
               and not state.marked(p.start)]
    if not persons:
        return None
    person = persons[-1]
    if _ASIDE.fullmatch(text, person.end, cue) is None:
        return None
    span = state.doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None or state.speakers.name(span.root) is None:
        return None
    return replace(state.quote(quote.span.clean_start, quote.span.clean_end, quote.kind,
                               span.root, None), cue_span=quote.cue_span)


def _runs_on(state: ArticleState, quote: Quote, after: Quote) -> Quote | None:
    """A bare passage that runs on into the next quote with only marks and breaks
    between them (a quotation over a paragraph break) is that quote's speaker's."""
    if (quote.kind != "direct" or quote.speaker_span is not None
            or quote.cue_span is not None or after.speaker_span is None):
        return None
    between = state.article.text[quote.span.clean_end:after.span.clean_start]
    if any(c.isalnum() for c in between) or between.count("\n") > 2:
        return None
    return replace(quote, speaker=after.speaker, speaker_span=after.speaker_span,
                   cue_span=after.cue_span)


def _they(state: ArticleState, quote: Quote, previous: Quote) -> Quote | None:
    """An open "they" after a quote of several speakers or of a described group."""
    mention, before = quote.speaker_span, previous.speaker_span
    if (quote.speaker is not None or mention is None or before is None
            or mention.text.lower() != "they"):
        return None
    if state.paragraph(mention.clean_start) - state.paragraph(previous.span.clean_end) > 1:
        return None
    # A described group ("prosecutors") has no name in this stage: its description is it.
    name = previous.speaker or described_source(
        state.article.text, before.clean_start, before.clean_end,
        [(e.start_char, e.end_char) for e in state.speakers.ents], state.speakers.sources)
    if name is None or not (_joint(state, previous) or _plural_group(state, name)):
        return None
    start = max(previous.span.clean_end, before.clean_end)
    # Another group or several people named as a subject in between are what it means.
    if any(t.dep_ in _SUBJECTS and not state.marked(t.idx) and (
            t.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in t.children))
           for t in _tokens(state, start, mention.clean_start)):
        return None
    return replace(quote, speaker=name)


def _goes_on(state: ArticleState, quote: Quote, previous: Quote) -> Quote | None:
    """A bare passage right after the attribution that follows the quote before it:
    `"A," said Ada Roe, an economist at the port. "B" for the top bracket.` is hers."""
    said, cue = previous.speaker_span, previous.cue_span
    if (quote.kind != "direct" or quote.speaker_span is not None or quote.cue_span is not None
            or previous.kind != "direct" or said is None or cue is None
            or min(said.clean_start, cue.clean_start) < previous.span.clean_end):
        return None
    # The rest of the attribution ("at the port.") and no clause of its own.
    low = max(said.clean_end, cue.clean_end)
    if "\n" in state.article.text[low:quote.span.clean_start] or any(
            t.pos_ in ("VERB", "AUX") for t in _tokens(state, low, quote.span.clean_start)):
        return None
    return replace(quote, speaker=previous.speaker, speaker_span=said, cue_span=cue)


def _joint(state: ArticleState, quote: Quote) -> bool:
    """Whether the quote's speaker mention is several people (`Roe and Moss said`)."""
    mention = quote.speaker_span
    if mention is None:
        return False
    persons = [p for p in state.speakers.persons
               if mention.clean_start <= p.start and p.end <= mention.clean_end]
    tokens = _tokens(state, mention.clean_start, mention.clean_end)
    return len(persons) > 1 and any(t.dep_ == "cc" for t in tokens)


def _plural_group(state: ArticleState, name: str) -> bool:
    """Whether ``name`` is a described group of several ("federal prosecutors")."""
    nouns = state.speakers.sources
    if described_source(name, 0, len(name), [(0, len(name))], nouns) != name:
        return False
    return any(nouns.nouns.get(word.lower(), word.lower()) != word.lower()
               for word in name.split())
