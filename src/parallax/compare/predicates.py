"""What a statement asserts and what it denies, predicate by predicate.

Two statements disagree on polarity only when one denies what the other
asserts: the same predicate, in the same frame. Real reporting is full of
negators that deny nothing another statement says: a contrast ("the
engineers, not the minister's aides, set the schedule"), alternatives ("what is
and is not in the e-mails"), an instruction ("urged him not to declare"), an
addition ("not only criticized"), a negated belief ("I don't think ..."), an
inability ("you cannot end it by order"), two negations of one outcome ("no
agreement was reached", "did not reach an agreement"). Conflicts of accounts
and of facts both read polarity here. It works on words alone (no parse): the
predicate a negator denies is the first content word after it, past
auxiliaries, articles and adverbs. A word can also deny by itself: an
adjective with a negating prefix denies its stem ("unlawful" / "lawful") and
the language pack's opposites deny theirs ("liar" / "credible"); and one
predicate may be told in several words ("made it clear" / "does not
volunteer"), read as one term.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from parallax.compare.claims import NEGATION, content_terms
from parallax.lang.en import ENGLISH

__all__ = ["Predication", "asserts_either_way", "meaning_terms", "opposed", "opposite_of",
           "predications"]

_WORD = ENGLISH.word
# Words between a subject and its predicate ("Kestria had never asked"), skipped
# when reading what a negator denies and what stands next to a predicate.
_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "are", "be", "been", "being",
                          "did", "does", "do", "will", "also", "ever", "yet", "even", "ve", "d",
                          "s", "a", "an", "the"})
# A predicate under one of these is a possibility, duty or wish, not a fact
# someone asserts ("should re-open", "could take place", "would support").
_MODALS = frozenset({"should", "must", "could", "might", "may", "can", "would", "ought"})
# Negated forms of ability: "cannot end it by order" says how, not whether.
_UNABLE = frozenset({"cannot", "can't", "couldn't", "can\u2019t", "couldn\u2019t"})
# A statement under one of these asserts nothing either way ("if the allegations
# are true, he must step aside"; "will not negotiate until ...").
_CONDITIONALS = frozenset({"if", "unless", "whether", "until"})
# "not only", "not just": the negator adds, it does not deny.
_ADDITIVE = frozenset({"only", "just", "merely", "simply"})
# A predicate after one of these, in the same statement, is what someone else
# said ("he said he had served"), not what the speaker asserts.
_REPORTING = frozenset({"said", "says", "say", "told", "tells", "claimed", "claims", "stated",
                        "insisted", "wrote", "alleged", "reported", "suggested"})
_BELIEFS = frozenset(content_terms(" ".join(ENGLISH.quote_cues.belief)))
_DENIALS = frozenset({"deny", "denies", "denied", "denying"})
# Words before a predicate a reporting verb may stand in ("said he had served").
_REPORT_REACH = 4
# Words after a predicate searched for its particle or object, past function
# words ("served in Vietnam" is framed by "Vietnam", not "in").
_FRAME_REACH = 3
# Function words that say nothing of which proposition a predicate is in: two
# statements sharing one of them beside a word ("path to", "for the") are not
# thereby in one frame. Before a negator, a preposition makes what follows an
# argument ("legalization with no path"), not a denial.
_LINKS = frozenset({"the", "a", "an", "to", "of", "in", "for", "on", "at", "by", "with", "from",
                    "about", "into", "through", "and", "or", "but", "that", "which", "who",
                    "there", "it"})
# "have" before a determiner is the verb itself ("doesn't have a birth
# certificate" denies the having), not an auxiliary.
_DETERMINERS = frozenset({"a", "an", "the", "any", "his", "her", "their", "its", "our", "my",
                          "your", "this", "that", "these", "those", "enough", "much", "many"})


@dataclass(frozen=True, slots=True)
class Predication:
    """One content word used as asserted or as denied, with the words around it.

    ``frame`` is the word before it (auxiliaries, negators, modals and
    adverbs skipped: its subject, as near as words tell) and the first word
    after it that is no function word (its particle or object: "walked out",
    "served in Vietnam"). ``negator`` is the word that denies it, when one does
    ("never"; "" for a statement denied by its cue).
    """

    term: str
    denied: bool
    frame: tuple[str, str]
    negator: str = ""


def asserts_either_way(text: str) -> bool:
    """Whether a statement can assert or deny a proposition: not a question, not conditional.

    "as if" compares, it sets no condition ("It is not as if the board had no
    say").
    """
    words = [w.casefold() for w in _WORD.findall(text)]
    return "?" not in text and not any(
        w in _CONDITIONALS and not (w == "if" and k and words[k - 1] == "as")
        for k, w in enumerate(words))


# A count of none before a noun denies it as "no" does ("sets zero precedent").
_NONE_COUNTS = frozenset({"zero"})


def _is_negator(word: str) -> bool:
    return word in _NONE_COUNTS or content_terms(word) == (NEGATION,)


def _term(word: str) -> str:
    """The content term of one word ("" for a function word or a negator)."""
    terms = content_terms(word)
    return terms[0] if terms and terms[0] != NEGATION else ""


def _frame_word(word: str) -> str:
    """A frame word by its stem, so one verb in two forms is one frame ("sets zero
    precedent" / "was setting a precedent"); function words as written."""
    return _term(word) or word


def _skippable(word: str) -> bool:
    return (word in _AUXILIARIES or word in _MODALS or word.endswith("ly")
            or _is_negator(word))


def _denying(text: str, words: Sequence[str]) -> Iterator[int]:
    """Positions of the negators that deny what follows them (see the module docstring)."""
    matches = list(_WORD.finditer(text))
    for i, match in enumerate(matches):
        if not _is_negator(words[i]) or words[i] in _UNABLE:
            continue
        before = text[:match.start()].rstrip()
        after = words[i + 1] if i + 1 < len(words) else ""
        previous = words[i - 1] if i else ""
        # After a break only "not" and "no" set up a contrast ("officials, not
        # advisers"); "never" there follows an apposition ("Mr. Hale, a former
        # officer, never served") and denies.
        if ((before.endswith((",", ";", "(", "\u2014", "\u2013")) and words[i] != "never")
                or after in _ADDITIVE
                or after == "to" or previous in {"can", "could"} or previous in _LINKS
                or (i >= 2 and words[i - 2] in {"and", "or"})):
            continue
        yield i


_MEANINGS = ENGLISH.meanings
# The shortest stem a negating prefix may stand before ("il" + "legal"): shorter
# rests ("in" + "to") are parts of words, not words denied.
_SHORTEST_DENIED = 4
# Only an adjective's opposite is a judgement another statement can contradict
# ("unlawful" / "lawful", "inaccurate" / "accurate"); a prefixed noun names a
# state of affairs ("the non-enforcement of federal laws" said nothing a
# speaker on enforcing them denied, in the BASIL development events).
_ADJECTIVE_ENDINGS = ("al", "ful", "ble", "ent", "ant", "ate", "ive", "ous", "ic", "ue")


def opposite_of(word: str) -> str | None:
    """The term a word denies by itself: "liar" denies "credible" (the language
    pack's opposites), "illegal" denies "legal" and "unlawful" "lawful" (a
    negating prefix before an adjective of at least four letters, the guard
    list of words such as "interest" left out)."""
    if word in _MEANINGS.opposites:
        return _term(_MEANINGS.opposites[word])
    if word in _MEANINGS.not_negated:
        return None
    for prefix in _MEANINGS.negating_prefixes:
        rest = word[len(prefix):]
        if (word.startswith(prefix) and len(rest) >= _SHORTEST_DENIED and rest.isalpha()
                and rest.endswith(_ADJECTIVE_ENDINGS) and not rest.endswith("ment")):
            return _term(rest)
    return None


# One predicate under several words, by the stem of its group's first word.
_SAME = {_term(word): _term(group[0]) for group in _MEANINGS.predicates for word in group}


# Conflicts ask for both sides' meaning terms per pair of statements they read.
@lru_cache(maxsize=1 << 14)
def meaning_terms(text: str) -> frozenset[str]:
    """The content terms of ``text`` with the terms its words deny by themselves
    (``opposite_of``): "an illegal transfer" is about "legal" too."""
    words = [w.casefold() for w in _WORD.findall(text) if w[:1].islower()]
    terms = [t for t in (*content_terms(text), *map(opposite_of, words)) if t and t != NEGATION]
    return frozenset((*terms, *(_SAME.get(t, t) for t in terms)))


# Conflicts read each statement's predications once per pair it is in (every
# pair of quotes of two camps, every fact against every other): on the BASIL
# development pile (bench/speed.py) half of the 6,000 readings repeat one made.
@lru_cache(maxsize=1 << 14)
def predications(text: str, reach: int, *, cue: str = "") -> tuple[Predication, ...]:
    """Every content word of ``text`` that it asserts or denies.

    A denying negator denies the first content word within ``reach`` words
    after it; every word within ``reach`` of any negator is neither asserted
    nor denied otherwise. A statement whose ``cue`` is a denial ("denied that
    her delegation had walked out") denies all of its words. Names, numbers,
    beliefs ("don't think"), words after a reporting verb and words under a
    modal are left out. A word that is the opposite of another ("illegal",
    "liar") also denies that other word (``opposite_of``).
    """
    raw = _WORD.findall(text)
    words = [w.casefold().replace("\u2019", "'") for w in raw]
    denied_at: dict[int, str] = {}
    covered: set[int] = set()
    for i in (k for k, w in enumerate(words) if _is_negator(w)):
        covered.update(range(i + 1, min(len(words), i + 1 + reach)))
    for i in _denying(text, words):
        j = i + 1
        while j < min(len(words), i + 1 + reach) and _skippable(words[j]):
            if words[j] in {"have", "has", "had"} and j + 1 < len(words) and (
                    words[j + 1] in _DETERMINERS):
                break
            j += 1
        if (j < min(len(words), i + 1 + reach) and not _is_negator(words[j])
                and words[j] not in {"have", "has", "had"}):
            denied_at[j] = words[i]
    whole_denial = cue.casefold() in _DENIALS
    found: list[Predication] = []
    for k, word in enumerate(words):
        terms = content_terms(word)
        if not terms or terms[0] == NEGATION or word.replace(".", "").isdigit():
            continue
        if (k > 0 and raw[k][:1].isupper()) or terms[0] in _BELIEFS:
            continue
        if _REPORTING & set(words[max(0, k - _REPORT_REACH):k]):
            continue
        chain = k - 1
        while chain >= 0 and _skippable(words[chain]):
            chain -= 1
        if _MODALS & set(words[chain + 1:k]):
            continue
        denied = whole_denial or k in denied_at
        if not denied and k in covered:
            continue
        after = next((w for w in words[k + 1:k + 1 + _FRAME_REACH] if w not in _LINKS), "")
        frame = (_frame_word(words[chain]) if chain >= 0 else "", _frame_word(after))
        found.append(Predication(_SAME.get(terms[0], terms[0]), denied, frame,
                                 denied_at.get(k, "")))
        # "was illegal" denies "legal" in the same frame; "not illegal" (a
        # double negation) is left unread.
        if not denied and (base := opposite_of(word)):
            found.append(Predication(base, True, frame, "opposite"))
    return tuple(found)


def opposed(left: Sequence[Predication], right: Sequence[Predication]) -> list[str]:
    """Terms one side denies and the other asserts in the same frame, in order of the first.

    The same frame is the same word before the predicate ("Kestria asked" /
    "Kestria never asked") or after it ("walked out" / "not walked out"):
    "the steps he took" and "his service never took him overseas" share the
    verb and nothing else.
    """
    def shared(x: str, y: str) -> bool:
        return bool(x) and x == y and x not in _LINKS

    def both_ways(side: Sequence[Predication]) -> set[str]:
        return ({p.term for p in side if p.denied} & {p.term for p in side if not p.denied})

    # A statement that both asserts and denies a word ("Kestria never asked to
    # run the dam. We asked to see the numbers") is set against another only on
    # the same subject.
    mixed = both_ways(left) | both_ways(right)
    found: dict[str, None] = {}
    for a in left:
        for b in right:
            if a.term != b.term or a.denied == b.denied:
                continue
            if shared(a.frame[0], b.frame[0]) or (
                    a.term not in mixed and shared(a.frame[1], b.frame[1])):
                found.setdefault(a.term)
    return list(found)
