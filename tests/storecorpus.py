"""Invented articles for the store tests: two events, a few outlets each, written to files.

A ferry strike in the port of Calder Bay and a bridge collapse in the town of
Wrenfield: different days, names and words, so grouping keeps them apart
and adding a report of either grows only its story. Each article is one
JSONL file (id, outlet, date, URL), as a crawler would save them.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["BRIDGE", "FERRY", "write_articles"]

FERRY = [
    {"id": "ferry-herald", "outlet": "Calder Herald", "published": "2031-04-02",
     "url": "https://herald.example/2031/04/02/ferry-strike",
     "title": "Calder Bay ferry crews walk out over night rotas",
     "text": "Ferry crews in Calder Bay stopped work on Wednesday, leaving the island "
             "crossings to Tolmey and Ostra without a single sailing.\n\n"
             "The Seafarers Guild said its members would stay off the boats until the "
             "operator, Bayline, withdrew the new night rotas. \"Nobody can run a crossing "
             "safely after fourteen hours on the bridge,\" said guild secretary Maren "
             "Olufsen.\n\nBayline said the rotas met every safety rule and called the "
             "strike unlawful. Its chief executive, Tobias Wendt, said the company had "
             "offered talks on Monday and had heard nothing back."},
    {"id": "ferry-post", "outlet": "Island Post", "published": "2031-04-02",
     "url": "https://post.example/news/ferry-walkout",
     "title": "No sailings to Tolmey as Calder Bay ferry strike begins",
     "text": "Islanders on Tolmey and Ostra woke on Wednesday to find every ferry from "
             "Calder Bay tied up, as crews began a strike over night rotas.\n\n"
             "Guild secretary Maren Olufsen said crews had been asked to work fourteen-hour "
             "shifts. \"We will not sail tired,\" Olufsen said. The operator Bayline said "
             "it had offered talks on Monday.\n\nShops on Ostra said fresh food would run "
             "short by the weekend if the Calder Bay ferry strike went on."},
    {"id": "ferry-wire", "outlet": "Coastal Wire", "published": "2031-04-03",
     "url": "https://wire.example/a/88121",
     "title": "Calder Bay ferry strike enters second day as Bayline refuses to drop rotas",
     "text": "The ferry strike in Calder Bay entered its second day on Thursday, with no "
             "sailings to Tolmey or Ostra and no talks planned between Bayline and the "
             "Seafarers Guild.\n\nBayline chief executive Tobias Wendt said the night "
             "rotas would stay. \"The rotas are safe and they are staying,\" Wendt said. "
             "Maren Olufsen of the guild said the crews were ready to talk but not to sail "
             "fourteen-hour shifts."},
]

BRIDGE = [
    {"id": "bridge-gazette", "outlet": "Wrenfield Gazette", "published": "2031-06-20",
     "url": "https://gazette.example/wrenfield-bridge",
     "title": "Wrenfield footbridge collapses into the river Alder",
     "text": "The old iron footbridge over the river Alder in Wrenfield collapsed on "
             "Friday night. Nobody was on it, the town council said.\n\nCouncil leader "
             "Priya Castellane said engineers had closed the bridge in May after finding "
             "rust in two of its girders. \"We closed it because we feared exactly this,\" "
             "Castellane said.\n\nThe river authority said debris had blocked part of the "
             "channel and warned boats to keep away from the Alder near the town centre."},
    {"id": "bridge-times", "outlet": "Alder Valley Times", "published": "2031-06-21",
     "url": "https://avt.example/2031/06/21/footbridge",
     "title": "Closed Wrenfield footbridge falls into the Alder",
     "text": "Wrenfield's iron footbridge, shut since May because of rusted girders, fell "
             "into the river Alder late on Friday.\n\nCouncil leader Priya Castellane "
             "said an inspection in May had found rust in two girders and that the bridge "
             "had been fenced off. Residents said the fences had been pushed aside for "
             "weeks. \"People still walked across it every day,\" said shop owner Ivo "
             "Marchetti."},
]


def write_articles(folder: Path, articles: list[dict[str, str]]) -> list[Path]:
    """One ``ID.jsonl`` file per article in ``folder``; the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"{article['id']}.jsonl"
        path.write_text(json.dumps(article) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
