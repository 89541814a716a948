"""The words that introduce a statement, and where the statement sits in the parse.

A statement is attributed through a cue, and the cue's syntax says which
words are the statement:

* a communication verb's complement clause: `X said (that) ...`, also for
  beliefs and findings (`officials believe ...`, `a poll showed ...`);
* a verb whose object is the statement: `X denied the report`, `X called
  the plan a trap`, `X urged voters to stay home` (object and its predicate);
* a verb of intent whose infinitive is the statement: `X vowed to appeal`;
* a verb with a preposition naming the topic: `X called for a recount`,
  `X spoke about the budget`, `X accused Y of lying`;
* a noun with a "that" clause: `his claim that ...`, `the warning that ...`.

The lists of cue lemmas are the language pack's (``QuoteCues``, English news
vocabulary in ``parallax.lang.en``); PolNeAR (development split, first half
of the files) annotates all of these shapes as attributions.
"""

from __future__ import annotations

from spacy.tokens import Token

from parallax.analyze._actor_names import is_title_word
from parallax.analyze._quote_intents import infinitive_end
from parallax.lang import QuoteCues
from parallax.model import AttributionKind

__all__ = ["object_tokens", "reported_clause"]

# spaCy's entity labels of whom or when: a topic made of them names no content (a parse
# may tag a whole phrase a work of art: "of being a Democrat").
_WHO_OR_WHEN = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "DATE", "TIME"})



def _words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if not t.is_punct and not t.is_space)


def _says(tokens: list[Token]) -> bool:
    """Whether a topic carries a claim: a verb of its own ("spoke of needing
    more time"). A bare noun phrase ("spoke of his service", "hinted at
    impeachment") says what the words were about, not what they said: shown
    as the statement, it would put words in the speaker's mouth
    (bench/realnews.py statement precision +0.011, PolNeAR overlap F1 -0.002)."""
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _unmodified(obj: Token, tokens: list[Token]) -> list[Token]:
    """``tokens`` without what describes ``obj``'s words: passive participles ("officials
    involved in the inquiry") and relative clauses set off by a comma ("Ada Quill, who
    has not") or on a word inside the object ("the figures of a report that had ...").
    A relative clause defining the object itself ("cited comments he had made") and an
    infinitive ("his intention to run") are its content."""
    left_out: set[int] = set()
    for token in obj.subtree:
        participle = token.dep_ == "acl" and token.tag_ == "VBN" and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in token.children)
        first = token.left_edge.i
        describing = token.dep_ == "relcl" and (
            token.head.i != obj.i or (first > 0 and token.doc[first - 1].text == ","))
        if describing or participle:
            left_out.update(t.i for t in token.subtree)
    return [t for t in tokens if t.i not in left_out]


def object_tokens(verb: Token, lemma: str, cues: QuoteCues, min_words: int, *,
                  bare: bool = True, writings: frozenset[str] = frozenset()
                  ) -> tuple[list[Token], AttributionKind | None]:
    """The content held by ``verb``'s object, infinitive or topic, and why it is no
    statement (None when it is one; no tokens when there is no content).

    Tried in this order: direct object (with its predicate: `called it a
    trap`, `urged voters to leave`), infinitive complement, prepositional
    topic. A shape counts only for the verbs whose lists name it; an object or
    topic shorter than ``min_words`` is a pronoun, not content. Without
    ``bare`` an object needs a verb or a predicate of its own: a bare one
    ("denied the allegations") is the ``target`` of the words (a name alone is
    whom they are about, neither),
    a topic without a verb ("spoke of his service") their ``topic``; either is
    kept only when no later shape holds a statement. ``writings``: nouns of
    writings ("article") whose words a clause on them reports, as a claim noun's.
    """
    children = list(verb.children)
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    # "revealed no evidence": nothing was revealed.
    if obj is not None and any(c.dep_ == "det" and c.lower_ in cues.unsaid
                               for c in obj.children):
        return (list(obj.subtree) if lemma in cues.objects else []), "negated"
    unstated: tuple[list[Token], AttributionKind | None] = ([], None)
    if obj is not None and lemma in cues.objects:
        # "called the plan a trap", "described the talks as useful": what it was called.
        # Not past a line break: the parse may hang the next paragraph's clause on the cue
        # ("praised the president, ...\n\nAides said ..."), which says nothing of the object.
        predicate = [c for c in children if c.i > obj.i and (
            c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"))
            and not any("\n" in t.text_with_ws for t in verb.doc[obj.i:c.left_edge.i])]
        last = max((c.right_edge.i for c in predicate), default=obj.right_edge.i)
        # Only after a verb of claiming, whose bare object would be shown as the claim:
        # "taxpayers reporting gains would pay ..." has the same parse, and no claim.
        inverted = _inverted(verb, obj) if lemma in cues.asking else None
        if inverted is not None and not predicate:
            return list(verb.doc[obj.left_edge.i:inverted.right_edge.i + 1]), None
        tokens = list(verb.doc[obj.left_edge.i:last + 1])
        # "disputed the Ledger's report that said Moss lied": what the report says is
        # its own statement; the verb's is the dispute of the report.
        # So is what a writing the object names says ("disputed the details of a Ledger
        # report claiming that ..."; the parse may hang the participle on "details").
        carriers = {t.i for t in obj.subtree if t.lemma_.lower() in writings}
        if carriers or obj.lemma_.lower() in cues.nouns:
            carriers.add(obj.i)
        said = [c for noun in obj.subtree if noun.i in carriers for c in noun.rights
                if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"
                and c.lemma_.lower() in cues.speech]
        if said and not predicate:
            tokens = tokens[:tokens.index(said[0].left_edge)]
        # A name alone ("criticized President Ada Moss for ...") is whom it is about.
        # Other bare noun phrases ("criticized the ruling") only with ``bare`` or after a
        # verb of claiming or asking ("claims a share"): PolNeAR annotates them, but on
        # real news they name what was disputed, not what was said.
        # What a modifier of the object says ("Ada Quill, who has not", "the crowd
        # gathered at the pier") describes it and makes it no statement.
        core = _unmodified(obj, tokens)
        named = _named(core)
        said_something = bare or lemma in cues.asking or bool(predicate) or any(
            t.pos_ in ("VERB", "AUX") for t in core)
        if _words(tokens) >= min_words and not named:
            if said_something:
                return tokens, None
            unstated = tokens, "target"
    if lemma in cues.intent:
        infinitive = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i
                           and any(t.lower_ == "to" for t in c.lefts)), None)
        if infinitive is not None:
            start = obj.left_edge.i if obj is not None and obj.i < infinitive.i else (
                infinitive.left_edge.i)
            return list(verb.doc[start:infinitive_end(verb, infinitive.right_edge.i) + 1]), None
    preps = cues.preps.get(lemma)
    if preps:
        for child in children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > verb.i:
                topic = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if topic is not None:
                    tokens = _completed(verb, list(topic.subtree))
                    # "reported on a clerk's claims that ...": the claim is hers, found
                    # from its noun; the report is only about it.
                    claim = child.lower_ in cues.topics and reported_clause(topic, cues)
                    # "called for Rep. Ada Moss (D-Ore.) to ...", "asked for last year": a
                    # name or a time alone is whom or when, not what was asked.
                    if _words(tokens) < min_words or claim or _named(tokens, _WHO_OR_WHEN):
                        continue
                    aimed = lemma in cues.aimed
                    if (child.lower_ not in cues.topics and not aimed) or _says(tokens):
                        return tokens, None
                    if not unstated[0]:
                        unstated = tokens, "target" if aimed else "topic"
    return unstated


def _inverted(verb: Token, obj: Token) -> Token | None:
    """The verb of the clause whose subject the parse took for the cue's object, when it
    made that verb the cue's head: in "a report claiming the shift would not harm the
    army" "claiming" is the subject of "harm"; the object and what follows up to that
    verb ("would not") are the clause, and what was claimed."""
    head = verb.head
    if verb.dep_ != "csubj" or head.pos_ not in ("VERB", "AUX") or head.i <= obj.right_edge.i:
        return None
    between = verb.doc[obj.right_edge.i + 1:head.i]
    return head if all(t.head.i == head.i and t.dep_ in ("aux", "neg") for t in between) else None


def _named(tokens: list[Token], kinds: frozenset[str] | None = None) -> bool:
    """Whether ``tokens`` only name someone, something or a time ("President Ada Moss",
    "last year"): entities (of ``kinds``, None: any), determiners and titles; a
    parenthesis ("(D-Ore.)") adds to the name."""
    depth, core = 0, []
    for token in tokens:
        depth += token.text in "([" and token.is_punct
        if not depth:
            core.append(token)
        depth -= token.text in ")]" and token.is_punct and depth > 0
    return bool(core) and all(
        (t.ent_type_ and (kinds is None or t.ent_type_ in kinds)) or t.is_punct
        or t.pos_ == "DET" or is_title_word(t.text) for t in core)


def _completed(verb: Token, tokens: list[Token]) -> list[Token]:
    """A topic with the predicate the parse hung on the cue right after it: in "accused
    the board of holding workers hostage for a week" "hostage" (and what follows it)
    completes "holding workers"; cut before it, the topic says less than the words."""
    after = verb.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(verb.doc) else None
    if after is None or after.head.i != verb.i or after.pos_ not in ("NOUN", "ADJ") or (
            after.dep_ not in ("advcl", "oprd", "xcomp", "acomp")) or after.ent_type_:
        return tokens
    return [*tokens, *after.subtree]


def reported_clause(noun: Token, cues: QuoteCues) -> Token | None:
    """The "that" clause of a statement noun ("the claim that taxes will rise"), or None.

    Only a clause opened by the conjunction "that": `the claim (that) he made`
    is a relative clause about the claim, not its content.
    """
    if noun.lemma_.lower() not in cues.nouns or noun.pos_ != "NOUN":
        return None
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and any(
                t.dep_ == "mark" and t.lower_ == "that" for t in child.lefts):
            return child
    return None
