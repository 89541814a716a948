"""The part of a sentence a summary line shows: its statement and its speaker,
without where and when the words were said, and without a section label.

A summary is read against a budget of words, and a news sentence that reports
a statement often ends on its circumstances: ", Kerr said in a letter to the
council on Friday.", ", the ministry said Tuesday.", "," the mayor told
reporters at the quay." A line shows the sentence up to and including the
speech verb (", Kerr said."), so the reader still learns who says it and the
words spent go to the next line's news. Some outlets open paragraphs on a
section label ("Why it matters:", "The big picture:"): layout, not news, so
the line starts after it. The line's citation covers exactly the characters
kept (``Trim.start``, ``Trim.end``); only the closing full stop is added to
the shown text.

What is never trimmed, because the line would then say something else:

- the speaker: ", the ministry said Friday." keeps ", the ministry said". A
  reported claim shown without its source reads as fact, and in a dispute as
  one camp's version stated as the event (dropping the speaker also costs
  ROUGE-2: roundups repeat who said it, BENCHMARKS.md);
- a dropped part that holds a clause or another source ("said in a statement
  that ...", "said on Friday as the storm ...", "said, according to ..."), a
  date beyond this week ("announced in March", "said last year": without it
  an old statement reads as this week's news), a quotation, a comma, or more
  than ``_CUT_WORDS`` words: only a short phrase of place, time or medium
  after the verb goes;
- the rest of the start: connectors and datelines stay as ``standalone``
  shows them, leading time phrases ("On Thursday,") stay (cutting them cost
  ROUGE-2 on both fold splits, BENCHMARKS.md), and a label whose sentence
  would then lean back ("Why it matters: It ...") stays.

English word lists: other languages keep the whole sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parallax.compare.standalone import leans_back, standalone
from parallax.lang import primary_code
from parallax.lang.en import ENGLISH
from parallax.model import AnalyzedArticle

__all__ = ["Trim", "trim"]

_DAY = "(?:" + "|".join(day.capitalize() for day in ENGLISH.weekdays) + ")"
# The speech verbs whose report can end a sentence ("told" only with its object).
_SPOKEN = r"(?:said|says|added|wrote|noted|announced|stated|told\s+reporters)"
# What may open the dropped part: a preposition of place, time or medium, or a day.
_AFTER = (rf"(?:(?:on|in|at|during|to|via|late|early|last|this|earlier|later)\b|{_DAY}\b"
          r"|(?:Today|Yesterday)\b)")
# The section labels some outlets open a paragraph on ("Why it matters: ..."):
# layout, not news, and nothing of the sentence leans on them.
_LABEL = re.compile(r"(?:Why\s+it\s+matters|The\s+big\s+picture|Driving\s+the\s+news"
                    r"|By\s+the\s+numbers|State\s+of\s+play|Between\s+the\s+lines"
                    r"|The\s+bottom\s+line|The\s+latest|Where\s+it\s+stands|Catch\s+up\s+quick"
                    r"|Zoom\s+(?:in|out)|Flashback|Context|Background|Details):\s+(?=[\"\u201c\w])")
# The statement's end (a comma, or the close of a quotation), the speaker (at
# most eight words: "Deputy Harbour Commissioner Ilse Varga Brandt"), the verb, then the
# circumstance up to the final full stop, with no quotation mark or clause
# punctuation in it.
_TAIL = re.compile(
    r"(?P<keep>(?:,|[,?!][\"\u201d\u2019])\s+(?:[\w.\-\u2019']+\s+){0,7}?" + _SPOKEN + r")"
    r"(?P<cut>\s+" + _AFTER + r"[^\"\u201c\u201d\u2026,;:()]*?)\.$")
# Words that make the dropped part content, not circumstance: a clause ("said
# in a statement that the deal ...", "said on Friday as the storm killed
# twelve"), another source ("according to"), or a date beyond this week
# ("announced in March", "said last year", "in 2019").
_CONTENT = re.compile(r"\b(?:that|according|whether|if|because|but|and|or|as|while|after"
                      r"|before|since|when|where|who|which|what|amid|despite|not"
                      r"|year|years|month|months|ago|decade|" + ENGLISH.month_pattern() + r")\b|\d",
                      re.IGNORECASE)
# The most words a dropped circumstance may have ("in a blog post on Wednesday",
# "at a press conference in the town hall"): a reading of the NeuS leads, not a
# tuned figure (bench/summary.py: the longer ones it stops say what was said in,
# "in a long advisory the surgeon general's office released").
_CUT_WORDS = 8


@dataclass(frozen=True, slots=True)
class Trim:
    """The shown part of a sentence: ``text`` for the reader, ``start`` and ``end``
    its characters in the sentence (the citation)."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        """The words the line spends of a budget: those shown."""
        return len(self.text.split())


def _end(text: str) -> int | None:
    """Where the shown part ends: after the speech verb when all that follows it
    is where, when or how the statement was made; None to show it all (an
    ellipsis in the dropped part: a lead cut off there states half a fact)."""
    found = _TAIL.search(text.rstrip())
    if found is None:
        return None
    cut = found.group("cut")
    if _CONTENT.search(cut) or len(cut.split()) > _CUT_WORDS or ".." in cut:
        return None
    return found.end("keep")


def trim(item: AnalyzedArticle, sentence: int, text: str) -> Trim:
    """The part of sentence ``sentence`` of ``item`` (``text``: as cleaned) a
    summary line shows, worded to stand alone (``standalone``)."""
    english = primary_code(item.article.document.language or "en") == "en"
    label = _LABEL.match(text) if english else None
    start = label.end() if label else 0
    if start and leans_back(text[start:]):
        start = 0  # "Why it matters: It ...": without the label, the line leans back
    end = _end(text) if english else None
    if not start and end is None:
        return Trim(0, len(text), standalone(item, sentence, text))
    part = text[start:end]
    shown = standalone(item, sentence, part[:1].upper() + part[1:])
    return Trim(start, len(text) if end is None else end, shown if end is None else shown + ".")
