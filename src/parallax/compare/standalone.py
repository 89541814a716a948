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

The shown text is also rid of link debris (``parallax.debris``); citations
are untouched by that too.
"""

from __future__ import annotations

import re

from parallax.datelines import without_dateline
from parallax.debris import tidy
from parallax.model import AnalyzedArticle

__all__ = ["leans_back", "standalone"]

# "But" and "And" join on their own; the adverbs only with their comma ("Still,
# ..."), since "Still unresolved is ..." and "Also on Friday ..." read fine.
_CONNECTOR = re.compile(r"^(?:(?:But|And)\s+|(?:However|Still|Yet|Meanwhile),\s+)(?=\w)")
# Pronouns that stand for a person (a PERSON entity can be their antecedent);
# "It", "They" and "This" may stand for anything, so they are left as written.
_PERSONAL = re.compile(r"^(He|She|His|Her)\b(?!['\u2019])")
_POSSESSIVE = frozenset({"His", "Her"})
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


def _surname(name: str) -> str:
    words = [w for w in name.split() if w not in _SUFFIXES]
    return words[-1].removesuffix("'s").removesuffix("\u2019s") if words else ""


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
    own = {word for name in _people(item, sentence) for word in name.split()}
    for back in range(sentence - 1, max(-1, sentence - 1 - _REACH), -1):
        names = {_surname(name) for name in _people(item, back) if own.isdisjoint(name.split())}
        names.discard("")
        if names:
            return names.pop() if len(names) == 1 else None
    return None


def standalone(item: AnalyzedArticle, sentence: int, text: str) -> str:
    """``text`` (sentence ``sentence`` of ``item``, whitespace as shown) without
    a story's opening dateline, link debris (``tidy``) or a leading connector,
    and with a leading personal pronoun replaced by its bracketed antecedent
    when the sentence before makes it certain."""
    undated = tidy(without_dateline(text))
    shown = _CONNECTOR.sub("", undated, count=1)
    if shown != undated:
        shown = shown[:1].upper() + shown[1:]
    pronoun = _PERSONAL.match(shown)
    if pronoun is None:
        return shown
    name = _antecedent(item, sentence)
    if name is None:
        return shown
    word = pronoun.group(1)
    return f"[{name}'s]" + shown[len(word):] if word in _POSSESSIVE else (
        f"[{name}]" + shown[len(word):])
