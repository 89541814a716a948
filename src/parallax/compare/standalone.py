"""Sentences shown out of their article, worded to read right on their own.

A timeline entry or a summary line is read without the sentence before it. One
that opens on a connector ("But", "And", "However,") answers a sentence the
reader does not see, and one that opens on a personal pronoun ("He signed
...") leaves the reader to guess who. The text shown drops the connector and
puts the pronoun's antecedent in brackets, as editors do ("[Moore] is set to
face ..."), but only when the sentence before names exactly one person: a
guess between two people would be worse than the bare pronoun. Only the
displayed text changes; the line's support keeps the sentence's own
characters, so the citation still finds them.

The same holds for who speaks. A sentence that is all quotation, its speaker
named in the sentence before, is shown with the speaker the quote stage gave
it ("[Ilse Varga:] “We will not sign.”"), and a pronoun that attributes a
quote ("“...,” he said.") with that speaker's name, when the quote stage
resolved it; a pronoun after a short opening phrase ("On Monday, she ...")
is resolved as a leading one.

The shown text is also rid of link debris (``parallax.debris``); citations
are untouched by that too.
"""

from __future__ import annotations

import re

from parallax.datelines import without_dateline
from parallax.debris import tidy
from parallax.model import AnalyzedArticle, Quote

__all__ = ["leans_back", "standalone"]

# "But" and "And" join on their own; the adverbs only with their comma ("Still,
# ..."), since "Still unresolved is ..." and "Also on Friday ..." read fine.
_CONNECTOR = re.compile(r"^(?:(?:But|And)\s+|(?:However|Still|Yet|Meanwhile|Instead|Nevertheless"
                        r"|Nonetheless),\s+)(?=\w)")
# Pronouns that stand for a person (a PERSON entity can be their antecedent);
# "It", "They" and "This" may stand for anything, so they are left as written.
_PERSONAL = re.compile(r"^()(He|She|His|Her)\b(?!['\u2019])")
_POSSESSIVE = frozenset({"His", "Her"})
# A pronoun after a short opening phrase and its comma ("On Saturday, she
# said ..."): at most four words, so a clause of its own ("When the mayor
# left the hall, she ...") is not taken for one.
_OPENING_PHRASE = re.compile(r"^((?:[\w.\u2019'-]+\s+){0,3}[\w.\u2019'-]+,\s+)(he|she|his|her)\b"
                             r"(?!['\u2019])")
# The pronoun that attributes a quote just closed: "“...,” he said".
_QUOTE_PRONOUN = re.compile(r"([\u201d\"]\s+)(he|she)\b(?=\s+\w)")
_HE_OR_SHE = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_OPENING_MARKS = "\u201c\"\u2018'"
_LEANING = re.compile(r"^[\"\u201c'\u2018(]?(?:He|She|It|They|This|That|These|Those|His|Her|Its"
                      r"|Their|But|And|So|Yet|However|Also|Still|Then)\b(?![-'\u2019])")
# Sentences back the antecedent of a leading pronoun is looked for: the one
# before almost always names whom "He" means; further back, other people have
# usually come and gone.
_REACH = 2
_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III"})


def leans_back(text: str) -> bool:
    """Whether ``text`` opens on a pronoun or connector that points at an earlier sentence."""
    return bool(_LEANING.match(text.lstrip()))


def _word(word: str) -> str:
    """A name's word without its possessive ending, straight or curly (Varga's is Varga)."""
    return word.removesuffix("'s").removesuffix("\u2019s")


def _surname(name: str) -> str:
    words = [w for w in name.split() if w not in _SUFFIXES]
    return _word(words[-1]) if words else ""


def _people(item: AnalyzedArticle, sentence: int) -> list[str]:
    """The people sentence ``sentence`` of ``item`` names: its PERSON entities, and
    the surname of a person the parser tagged elsewhere in the article.

    The parser misses many a short mention of someone it tagged in another
    sentence ("... allow Trump to continue"), and the sentence before a "He"
    is often one of them."""
    bounds = item.sentences[sentence]
    people = [e.text for e in item.entities if e.label == "PERSON"]
    found = [e.text for e in item.entities
             if e.label == "PERSON" and bounds.start <= e.start < bounds.end]
    text = item.article.text[bounds.start:bounds.end]
    seen = {word for name in found for word in name.split()}
    for name in dict.fromkeys(people):
        surname = _surname(name)
        if (surname not in seen and surname[:1].isupper()
                and re.search(rf"\b{re.escape(surname)}\b", text)):
            found.append(name)
            seen.add(surname)
    return found


def _antecedent(item: AnalyzedArticle, sentence: int) -> str | None:
    """The one person the nearest earlier sentence naming people names (by surname),
    looked for at most ``_REACH`` sentences back; None when it names several.

    A person the pronoun's own sentence names is someone else ("Her son Tom
    Reyes" after a sentence naming Tom and Ana Lind: "Her" is Ana's, not
    Tom's; a pronoun does not stand for a name in its own clause)."""
    own = {_word(word) for name in _people(item, sentence) for word in name.split()}
    for back in range(sentence - 1, max(-1, sentence - 1 - _REACH), -1):
        names = {_surname(name) for name in _people(item, back)
                 if own.isdisjoint(_word(word) for word in name.split())}
        names.discard("")
        if names:
            return names.pop() if len(names) == 1 else None
    return None


def _quotes(item: AnalyzedArticle, sentence: int) -> list[Quote]:
    """The direct quotes one piece of which starts in sentence ``sentence``
    (a quote its attribution interrupts has several: ``Quote.parts``)."""
    bounds = item.sentences[sentence]
    return [q for q in item.quotes if q.kind == "direct" and any(
        bounds.start <= piece.clean_start < bounds.end for piece in q.parts or (q.span,))]


def _all_quotation(item: AnalyzedArticle, sentence: int) -> str | None:
    """The speaker of the one direct quote a piece of which is all of sentence
    ``sentence`` but its marks and punctuation, when the quote stage named one
    (also the words quoted on after the attribution: "“A,” she said. “B.”")."""
    bounds = item.sentences[sentence]
    text = item.article.text
    quotes = _quotes(item, sentence)
    if len(quotes) != 1 or quotes[0].speaker is None:
        return None
    whole = any(bounds.start <= piece.clean_start and piece.clean_end <= bounds.end
                and not re.search(r"\w", text[bounds.start:piece.clean_start]
                                  + text[piece.clean_end:bounds.end])
                for piece in quotes[0].parts or (quotes[0].span,))
    return quotes[0].speaker if whole else None


def _quote_speaker(item: AnalyzedArticle, sentence: int) -> str | None:
    """The speaker the quote stage gave the one pronoun ("he", "she") that
    attributes a quote of sentence ``sentence``."""
    bounds = item.sentences[sentence]
    found = {q.speaker for q in _quotes(item, sentence)
             if q.speaker and q.speaker_span and q.speaker_span.text.lower() in ("he", "she")
             and bounds.start <= q.speaker_span.clean_start < bounds.end}
    return found.pop() if len(found) == 1 else None


def _named(name: str, word: str) -> str:
    return f"[{name}'s]" if word.capitalize() in _POSSESSIVE else f"[{name}]"


def standalone(item: AnalyzedArticle, sentence: int, text: str) -> str:
    """``text`` (sentence ``sentence`` of ``item``, whitespace as shown) without
    a story's opening dateline, link debris (``tidy``) or a leading connector,
    and with a leading personal pronoun (or one after a short opening phrase)
    replaced by its bracketed antecedent when the sentence before makes it
    certain; a closing colon marked as announcing what is not shown; the
    speaker of a sentence that is all quotation, and of a pronoun that
    attributes a quote, named as the quote stage resolved them."""
    undated = tidy(without_dateline(text))
    shown = _CONNECTOR.sub("", undated, count=1)
    if shown != undated:
        shown = shown[:1].upper() + shown[1:]
    if shown.endswith(":"):
        shown += " [\u2026]"  # "..., tweeting:" announces what the next sentence says
    if shown[:1] in _OPENING_MARKS:
        speaker = _all_quotation(item, sentence)
        if speaker is not None:
            return f"[{speaker}:] {shown}"
        closing = _QUOTE_PRONOUN.search(shown)
        speaker = _quote_speaker(item, sentence) if closing else None
        if closing is not None and speaker is not None:
            return (shown[:closing.start(2)] + f"[{speaker}]"
                    + shown[closing.end(2):])
        return shown
    # The words before the pronoun (none, or a short opening phrase), and the pronoun.
    lead = _PERSONAL.match(shown) or _OPENING_PHRASE.match(shown)
    if lead is None:
        return shown
    # The one "he" or "she" of a sentence, attributing its quote, is whom the quote
    # stage resolved it to ("Of Roe, he said, “...”" is not Roe).
    attributes = lead.group(2).lower() in ("he", "she") and len(_HE_OR_SHE.findall(shown)) == 1
    name = (attributes and _quote_speaker(item, sentence)) or _antecedent(item, sentence)
    if name is None:
        return shown
    return lead.group(1) + _named(name, lead.group(2)) + shown[lead.end():]
