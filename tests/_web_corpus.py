"""Invented articles for the web app's tests: two stories, and hostile variants.

The ferry story has three outlets, named speakers who disagree, dates and a
newsletter box the cleaner removes; the orchard story is unrelated. ``HOSTILE``
puts attack payloads in every field a page shows (title, outlet, URL, text);
``hostile_names`` gives a briefing's speakers payload names, as a store could
hold them.
"""

from __future__ import annotations

from dataclasses import replace

from parallax.model import Briefing, Document

NEWSLETTER = ("\n\nSign up for our weekly newsletter\n\nEmail Address *\n\nSubscribe")

FERRY = [
    ("Vellmark ferry line suspended after hull crack", "Harbour Gazette", "2031-03-04",
     "The Vellmark ferry line was suspended on Tuesday after inspectors found a crack in the "
     "hull of the ferry Aldine. Harbour master Ilse Brandvold said the crossing would stay "
     "closed until the repairs were finished. \"Nobody sails on a cracked hull,\" Brandvold "
     "said. Operator chief Rune Halvorsen said the crack was small and posed no danger to "
     "passengers. About 900 commuters use the crossing every day." + NEWSLETTER),
    ("Crack in Aldine hull halts Vellmark crossing", "Coastline Daily", "2031-03-04",
     "Inspectors discovered a crack in the hull of the Aldine on Tuesday, and the Vellmark "
     "ferry line was suspended. Ilse Brandvold, the harbour master, said the ferry would not "
     "sail until it was repaired. Rune Halvorsen, who runs the operator, said the damage was "
     "minor and that passengers had never been at risk. Some 900 commuters take the ferry "
     "daily."),
    ("Vellmark commuters stranded as ferry Aldine is pulled", "Northern Ledger", "2031-03-05",
     "About 900 daily commuters were stranded on Wednesday after the Vellmark ferry line was "
     "suspended because of a crack in the hull of the Aldine. Harbour master Ilse Brandvold "
     "said repairs would take at least two weeks. \"The crack is small and the ship is safe,\" "
     "operator chief Rune Halvorsen said."),
]
ORCHARD = [
    ("Pear harvest in Dunmere valley best in a decade", "Valley Courier", "2031-09-20",
     "Growers in the Dunmere valley picked their largest pear harvest in ten years this "
     "September. Cooperative head Marta Lindqvist said a mild spring had spared the blossom. "
     "\"We had no frost at all in April,\" Lindqvist said."),
    ("Dunmere pear growers celebrate record crop", "Farm Weekly", "2031-09-21",
     "Pear growers in Dunmere are celebrating a record crop after a mild spring. Marta "
     "Lindqvist, who heads the growers' cooperative, said there had been no frost in April "
     "and the blossom had survived."),
]


def documents(prefix: str = "") -> list[Document]:
    """The ferry and orchard articles, ids ``{prefix}ferry1`` ... ``{prefix}orchard2``."""
    return [Document(id=f"{prefix}{name}{n}", path=f"{name}{n}.txt",
                     source=f"{title}\n\n{text}", title=title, outlet=outlet, published=day,
                     url=f"https://news.invalid/{name}/{n}")
            for name, items in (("ferry", FERRY), ("orchard", ORCHARD))
            for n, (title, outlet, day, text) in enumerate(items, 1)]


SCRIPT = "<script>alert(1)</script>"
IMG = "\"><img src=x onerror=alert(1)>"
LINK = "javascript:alert(1)"
TEMPLATE = "{{ 7*7 }}"


URLS = (LINK, f"https://news.invalid/{IMG}", "JaVaScRiPt:alert(1)")
"""The articles' addresses: a script, a web address breaking out of its attribute, a
script in mixed case."""


def hostile_documents() -> list[Document]:
    """The ferry story again, every shown field carrying a payload (and each URL one of
    ``URLS``)."""
    hostile = []
    for n, ((title, _, day, text), url) in enumerate(zip(FERRY, URLS, strict=True), 1):
        source = f"{SCRIPT} {title} {TEMPLATE}\n\n{text} {IMG} {SCRIPT}"
        hostile.append(Document(id=f"evil{n}", path=f"evil{n}.txt", source=source,
                                title=f"{SCRIPT}{IMG}{TEMPLATE}", outlet=f"{IMG} {n}",
                                published=day, url=url))
    return hostile


def hostile_names(briefing: Briefing) -> Briefing:
    """``briefing`` with every actor named by a payload (and one alias each)."""
    actors = tuple(replace(a, name=f"{IMG}{SCRIPT}{TEMPLATE} {i}", aliases=(SCRIPT,))
                   for i, a in enumerate(briefing.actors))
    return replace(briefing, actors=actors)
