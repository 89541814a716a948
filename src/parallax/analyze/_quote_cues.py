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

The lists are English news vocabulary; PolNeAR (development split, first
half of the files) annotates all of these shapes as attributions.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "BELIEF_VERBS",
    "CUE_LEMMAS",
    "INTENT_VERBS",
    "NOUN_CUES",
    "OBJECT_VERBS",
    "PREP_CUES",
    "REPORTING",
    "SPEECH_VERBS",
    "object_tokens",
    "reported_clause",
]

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "claim", "insist", "warn", "argue", "deny", "stress", "note",
    "remark", "reply", "announce", "explain", "respond", "answer", "ask", "declare", "write",
    "tweet", "post", "emphasize", "emphasise", "reiterate", "confirm", "acknowledge", "admit",
    "suggest", "predict", "promise", "vow", "pledge", "assert", "contend", "maintain",
    "mention", "comment", "observe", "concede", "complain", "urge", "caution", "repeat",
    "recall", "describe", "hail", "accuse", "demand", "propose", "testify", "report",
    "conclude", "agree", "disagree", "threaten", "boast", "joke", "quip", "counter", "retort",
    "highlight", "underline", "affirm", "allege", "speak", "talk", "point", "cite",
    "question", "rule", "reveal", "signal", "charge",
        # Not "call": `called "X"` names something ("the so-called "X"") rather than quoting.
    # Findings attributed to a source ("a poll showed that ..."): annotated like speech.
    "show", "find", "indicate", "estimate", "believe",
})
# Beliefs and expectations with a clause (`officials fear the dam will fail`): reported
# like speech, but no cue for a quotation in marks.
BELIEF_VERBS = frozenset({
    "think", "hope", "expect", "fear", "worry", "doubt", "feel", "know", "understand",
    "recognize", "recognise", "realize", "realise", "learn", "discover", "suspect", "assume",
})
# Verbs whose direct object is itself the statement ("confirmed his intention to ...",
# "criticized the ruling"), with the object's predicate when there is one ("called the
# plan a trap", "urged voters to stay home").
OBJECT_VERBS = frozenset({
    "announce", "confirm", "deny", "claim", "reiterate", "promise", "pledge", "vow", "demand",
    "propose", "reject", "acknowledge", "admit", "predict", "call", "cite", "mention",
    "describe", "question", "urge", "criticize", "criticise", "praise", "defend", "dispute",
    "dismiss", "discuss", "outline", "detail", "reference", "reveal", "highlight", "stress",
    "echo", "condemn", "denounce", "blast", "slam", "attack", "welcome", "endorse", "mock",
    "encourage", "invoke", "declare", "label", "recommend", "report", "blame", "hail",
    "offer", "support", "back", "oppose", "favor", "favour", "accept", "unveil", "tout",
    "promote", "pitch", "applaud", "decry", "lament", "deride", "ridicule", "fault", "chide",
    "rebuke", "challenge", "address", "express", "voice", "forecast", "concede",
    "characterize", "characterise", "brand", "dub", "term",
})
# Verbs of intent whose infinitive is the statement ("vowed to appeal the ruling").
INTENT_VERBS = frozenset({
    "vow", "promise", "pledge", "threaten", "agree", "refuse", "decline", "offer", "plan",
    "want", "seek", "intend", "urge", "encourage", "ask", "demand", "call", "propose",
    "aim", "like", "prefer", "hope", "expect", "decide",
})
# Verbs whose prepositional object names what was said ("called for a recount").
PREP_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for"}),
    # Not "on": "speaking on regional radio", "spoke to reporters on the quay".
    "speak": frozenset({"of", "about"}),
    "talk": frozenset({"of", "about"}),
    "complain": frozenset({"of", "about"}),
    "warn": frozenset({"of", "about", "against"}),
    "comment": frozenset({"on"}),
    "ask": frozenset({"for", "about"}),
    "argue": frozenset({"for", "against"}),
    "push": frozenset({"for"}),
    "press": frozenset({"for"}),
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for"}),
    "criticize": frozenset({"for"}),
    "criticise": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "attack": frozenset({"for"}),
    "insist": frozenset({"on"}),
    "write": frozenset({"about", "of"}),
    "worry": frozenset({"about"}),
    "boast": frozenset({"about", "of"}),
    "testify": frozenset({"about", "on"}),
    "report": frozenset({"on"}),
    "point": frozenset({"to"}),
    "respond": frozenset({"to"}),
    "react": frozenset({"to"}),
    "refer": frozenset({"to"}),
    "allude": frozenset({"to"}),
    "hint": frozenset({"at"}),
    "apologize": frozenset({"for"}),
    "apologise": frozenset({"for"}),
    "thank": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "campaign": frozenset({"for", "against"}),
    "rail": frozenset({"against"}),
    "lash": frozenset({"at"}),
    "focus": frozenset({"on"}),
    "joke": frozenset({"about"}),
    "tweet": frozenset({"about"}),
}
# Nouns whose "that" clause is a statement ("his claim that ...").
NOUN_CUES = frozenset({
    "claim", "assertion", "statement", "warning", "announcement", "charge", "allegation",
    "accusation", "promise", "pledge", "suggestion", "argument", "belief", "insistence",
    "view", "contention", "complaint", "threat", "vow", "admission", "acknowledgment",
    "acknowledgement", "prediction", "assurance", "denial", "remark", "comment", "message",
    "report", "conclusion", "finding", "assessment", "hope", "fear", "concern", "notion",
    "idea", "theory", "position", "insinuation", "implication", "declaration", "word",
})
# Every lemma that can cue a statement, and those that report one in a clause.
CUE_LEMMAS = SPEECH_VERBS | BELIEF_VERBS | OBJECT_VERBS | INTENT_VERBS | PREP_CUES.keys()
REPORTING = SPEECH_VERBS | BELIEF_VERBS


def _words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if not t.is_punct and not t.is_space)


def object_tokens(verb: Token, lemma: str, min_words: int) -> list[Token]:
    """The statement held by ``verb``'s object, infinitive or topic, or none.

    Tried in this order: direct object (with its predicate: `called it a
    trap`, `urged voters to leave`), infinitive complement, prepositional
    topic. A shape counts only for the verbs whose lists name it; an object or
    topic shorter than ``min_words`` is a pronoun or a name, not content.
    """
    children = list(verb.children)
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is not None and lemma in OBJECT_VERBS:
        predicate = [c for c in children if c.i > obj.i and c.dep_ in ("oprd", "xcomp", "ccomp")]
        last = max((c.right_edge.i for c in predicate), default=obj.right_edge.i)
        tokens = list(verb.doc[obj.left_edge.i:last + 1])
        if _words(tokens) >= min_words:
            return tokens
    if lemma in INTENT_VERBS:
        infinitive = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i
                           and any(t.lower_ == "to" for t in c.lefts)), None)
        if infinitive is not None:
            start = obj.left_edge.i if obj is not None and obj.i < infinitive.i else (
                infinitive.left_edge.i)
            return list(verb.doc[start:infinitive.right_edge.i + 1])
    preps = PREP_CUES.get(lemma)
    if preps:
        for child in children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > verb.i:
                topic = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if topic is not None:
                    tokens = list(topic.subtree)
                    if _words(tokens) >= min_words:
                        return tokens
    return []


def reported_clause(noun: Token) -> Token | None:
    """The "that" clause of a statement noun ("the claim that taxes will rise"), or None.

    Only a clause opened by the conjunction "that": `the claim (that) he made`
    is a relative clause about the claim, not its content.
    """
    if noun.lemma_.lower() not in NOUN_CUES or noun.pos_ != "NOUN":
        return None
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and any(
                t.dep_ == "mark" and t.lower_ == "that" for t in child.lefts):
            return child
    return None
