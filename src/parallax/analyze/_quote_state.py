"""What every quote rule reads about one article: its parse, marks and speakers.

``ArticleState`` is built once per article; the helpers find who makes a
statement governed by a token of the parse (its subject, climbing clause
heads), shared by the rules for quoted passages (``quotes``) and for
reported statements (``_quote_reported``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from parallax.analyze._quote_marks import find_quoted
from parallax.analyze._quote_speakers import SPEAKER_LABELS, Speakers, relative_antecedent
from parallax.analyze.sentences import paragraphs
from parallax.lang import pack_for
from parallax.model import Article, Quote, QuoteKind, Sentence
from parallax.options import DEFAULT_OPTIONS, QuotesOptions

__all__ = [
    "OUTSIDE",
    "RELATIVE",
    "WHEN",
    "ArticleState",
    "find_source",
    "find_subject",
    "speaker_like",
    "token_span",
]

_NON_SPEAKERS = frozenset({"it", "this", "that", "there", "what", "which", "i", "we", "you"})
RELATIVE = frozenset({"who", "which", "that"})
# Tags of a finite verb, which carries a subject of its own.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_DASHES = frozenset({"\u2014", "\u2013", "\u2015", "--", "-"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
# Pronouns that stand for people even when their antecedent is not found.
_PEOPLE = frozenset({"he", "she", "they"})
# spaCy's entity labels of a time: it says when, never who or what was said.
WHEN = frozenset({"DATE", "TIME"})
# Dependents of a speech verb that are not part of the attribution phrase itself.
OUTSIDE = frozenset({"ccomp", "punct", "cc", "conj", "parataxis", "advcl", "mark"})


def find_source(token: Token, speakers: Speakers, *, resolvable: bool,
                climb: int = DEFAULT_OPTIONS.quotes.climb_limit) -> Token | None:
    """The subject that makes the statement governed by ``token``, climbing clause heads.

    A subject whose own object is "him"/"her" cannot be the person described
    by that pronoun (`... the leader calling him "great"`), so it is skipped.
    With ``resolvable`` only subjects that name someone count.
    """
    current = token
    for _ in range(climb):
        if current.pos_ in ("VERB", "AUX"):
            found = find_subject(current, speakers, resolvable=resolvable)
            if found is None and current.dep_ == "conj":
                found = _stranded_subject(current)
                if found is not None and resolvable and not speakers.name(found):
                    found = None
            if found is not None:
                return found
            # "After the chairman confirmed ..., Moss asked ...": a finite clause of its own
            # whose subject the parse lost; the main clause's subject is not its speaker.
            if current.dep_ == "advcl" and current.tag_ in _FINITE and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") for c in current.children):
                return None
            # "The envoy, X, spent the week in Y and insists ...": the parse makes the
            # verbs modifiers of the noun, whose referent is their implicit subject
            # (not for passives: "the report published by X").
            head = current.head
            passive = any(c.dep_ == "agent" for c in current.children)
            # A participle ("new rules urging staff to ...") describes a thing unless
            # the noun names someone.
            participle = current.tag_ == "VBG"
            if current.dep_ == "acl" and not passive and head.pos_ in ("NOUN", "PROPN") and (
                    participle or not resolvable or speakers.name(head)):
                # Its implicit subject is that noun; the clause above says nothing more.
                named = resolvable or participle
                return head if not named or speakers.name(head) else None
            # "Kestria, it says, arrived ...": the clause a parenthetical attribution
            # interrupts is the statement, so its subject is what is reported on,
            # never the speaker.
            if current.dep_ == "parataxis":
                return None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _stranded_subject(verb: Token) -> Token | None:
    """The subject the parse joined to the object before it: "Orvenia cut releases from
    the dam and Kestria accused it ...", where "Kestria" hangs off "dam" as its
    conjunct and "accused" seems to share Orvenia's subject."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    opener = before.left_edge.i - 1
    if (before.dep_ != "conj" or before.pos_ not in ("PROPN", "NOUN") or before.head.i == verb.i
            or opener < 0 or verb.doc[opener].lower_ not in ("and", "but")):
        return None
    return before


def find_subject(verb: Token, speakers: Speakers, *, resolvable: bool) -> Token | None:
    """The speaker among ``verb``'s own dependents: its agent, else its subject, else
    the place after "from"; not a pronoun that cannot speak, nor a joint subject."""
    children = list(verb.children)
    agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subjects = agents or [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    # "Mr. Roe, who she said "led me astray"": the parse gives "said" both "who" and
    # "she"; "who" belongs to the clause she reports.
    if len(subjects) > 1:
        subjects = [c for c in subjects if c.lower_ not in RELATIVE] or subjects
        # "said Kestrel co-founder Ada Roe": the parse splits the title into subjects of
        # their own ("co", "-") before the name; the name is who speaks.
        subjects = [c for c in subjects if c.ent_type_ == "PERSON"] or subjects
    binds = any(c.dep_ == "dobj" and c.lower_ in _OBJECT_PRONOUNS for c in children)
    for subject in subjects:
        if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
            subject = relative_antecedent(verb)
        low, high = sorted((subject.i, verb.i))
        if any("\n" in t.text_with_ws for t in verb.doc[low:high]):
            continue  # a heading glued to the paragraph by the parse
        # Coordinated subjects ("X and Y agreed") are several speakers, none of them
        # named alone: they count only where any source does.
        if binds or (resolvable and joint(subject)) or subject.lower_ in _NON_SPEAKERS or (
                _dateline(subject)):
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


def _dateline(token: Token) -> bool:
    """ "WASHINGTON — E-mails released ... revealed": the parse may make the dateline
    the subject; it names where the story was filed, not who speaks."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_upper and len(token) > 1 and after is not None and after.text in _DASHES


def speaker_like(token: Token, speakers: Speakers) -> bool:
    """A subject that can be the source of a statement: someone named, a noun phrase
    ("officials", "an Orvenian spokesperson", "the agency", "a poll") or a pronoun for
    people ("they say"), not "it" or "that", nor a time ("an attorney they met in June
    who had promised ...": the parse may hang the relative clause on the month)."""
    if token.ent_type_ in WHEN:
        return False
    return (speakers.name(token) is not None or token.pos_ in ("NOUN", "PROPN")
            or token.lower_ in _PEOPLE)


def joint(subject: Token) -> bool:
    return any(c.dep_ == "conj" for c in subject.children)


class ArticleState:
    """The per-article state every rule reads (parse, marks, sentences, speakers)."""

    def __init__(self, article: Article, doc: Doc, sentences: tuple[Sentence, ...],
                 options: QuotesOptions = DEFAULT_OPTIONS.quotes) -> None:
        self.article = article
        self.options = options
        self.doc = doc
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.quoted = find_quoted(article.text)
        self.marks = [(q.open, (q.close if q.close is not None else q.end) + 1)
                      for q in self.quoted]
        self.mark_starts = [start for start, _ in self.marks]
        self.paragraph_starts = [start for start, _ in paragraphs(article.text)]
        pack = pack_for(article.document.language)
        self.speakers = Speakers.of(doc, sentences, pronoun_reach=options.pronoun_reach,
                                    names=pack.person_names, marks=self.marks,
                                    paragraph_starts=self.paragraph_starts,
                                    sources=pack.source_nouns,
                                    speech=pack.quote_cues.speech)
        # The cue lemmas of the article's language, and its nouns for sources.
        self.cues = pack.quote_cues
        self.sources = pack.source_nouns

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
            if not self.marked(token.idx):
                yield token

    def marked(self, position: int) -> bool:
        """Whether ``position`` is inside a quoted passage or its marks (passages come in
        text order and never nest)."""
        index = bisect_right(self.mark_starts, position) - 1
        return index >= 0 and position < self.marks[index][1]

    def paragraph(self, position: int) -> int:
        return bisect_right(self.paragraph_starts, position) - 1

    def quote(self, start: int, end: int, kind: QuoteKind, speaker: Token | None,
              cue: tuple[int, int] | None, *, group: bool = False) -> Quote:
        """The quote, with ``speaker`` alone or (``group``) with its conjuncts, unnamed."""
        speaker_span = None
        name = None
        if speaker is not None:
            first, last = self.speakers.mention(speaker)
            if group and speaker.conjuncts:
                last = max(last, *(self.speakers.mention(c)[1] for c in speaker.conjuncts))
            speaker_span = self.article.span(first, last)
            name = None if group and speaker.conjuncts else self.speakers.name(speaker)
        return Quote(self.article.span(start, end), kind, name, speaker_span,
                     self.article.span(*cue) if cue else None)


def token_span(token: Token) -> tuple[int, int]:
    """The cue as written, with a particle ("pointed out")."""
    end = token.idx + len(token)
    for child in token.rights:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child)
    return token.idx, end
