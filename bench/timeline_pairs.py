"""Which same-date sentences the timeline puts in one entry, against hand labels.

    python bench/timeline_pairs.py [--show]

``bench/labels/timeline_pairs.json`` holds 80 pairs of sentences that carry the
same event date in one BASIL development event (``../shared/eval/basil``), drawn
at random from the pairs the earlier rule could merge (cosine >= 0.4), and
labelled by reading both sentences in their articles: ``same`` when they report
one event (one announcement, one vote, one letter), not when they report two
things that happened that day. A pair is referred to by the article id and the
character offset in its JSONL ``text`` where each sentence starts, so the file
holds no publisher text. Pairs are counted as merged when one timeline entry
cites both sentences (``build_timeline`` on the event's three articles, the
whole rule: average link, folding of coarser dates).

Scores: of the merged pairs, how many are one event (precision), and how many
of the one-event pairs are merged (recall), with the labels split by their
order in the file into two halves (the constants were chosen on all 80; the
halves show whether both agree). Baseline in the same run: the earlier rule,
the cosine alone at 0.4 (``same_event=0.4, event_word_weight=0``).
Analyses are cached as bench/realnews.py caches them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from realnews import DATA, analyze, read_documents

LABELS = Path(__file__).resolve().parent / "labels" / "timeline_pairs.json"


def merged(analyzed: Any, options: Any) -> set[frozenset[tuple[str, int]]]:
    """Pairs of (article, sentence start) that one entry of the timeline cites together."""
    from parallax.compare.claims import sentence_index
    from parallax.compare.timeline import build_timeline

    index = sentence_index(analyzed)
    together: set[frozenset[tuple[str, int]]] = set()
    for entry in build_timeline(analyzed, index.vectors, options=options, index=index):
        cited = [(span.article, span.start) for span in entry.support]
        together.update(frozenset((a, b)) for a in cited for b in cited if a != b)
    return together


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="list the pairs each rule gets wrong")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (the BASIL events are read at run time)")
        return 0
    from parallax.options import DEFAULT_OPTIONS

    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    rules = {"parallax": DEFAULT_OPTIONS.timeline,
             "cosine >= 0.4 (earlier rule)": replace(DEFAULT_OPTIONS.timeline, same_event=0.4,
                                                     event_word_weight=0.0)}
    by_event: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for number, label in enumerate(labels):
        by_event[label["event"]].append((number, label))
    # Per half: pairs merged and labelled one event, pairs merged, pairs labelled one event.
    counts = {name: [[0, 0, 0], [0, 0, 0]] for name in rules}
    for event, pairs in sorted(by_event.items()):
        analyzed = analyze(read_documents(event), True)
        for name, options in rules.items():
            together = merged(analyzed, options)
            for number, label in pairs:
                key = frozenset((tuple(label["a"]), tuple(label["b"])))
                half = counts[name][0 if number < len(labels) / 2 else 1]
                joined = key in together
                half[0] += joined and label["same"]
                half[1] += joined
                half[2] += label["same"]
                if args.show and joined != label["same"]:
                    print(f"{name}: {event} {label['a']} {label['b']} "
                          f"{'merged' if joined else 'apart'}, labelled "
                          f"{'one event' if label['same'] else 'two'}")
    print("| rule | pairs | one-event pairs | merged | precision | recall | halves (P, R) |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, halves in counts.items():
        right, joined, same = (sum(h[k] for h in halves) for k in range(3))
        parts = ", ".join(f"{h[0] / max(1, h[1]):.2f} {h[0] / max(1, h[2]):.2f}" for h in halves)
        print(f"| {name} | {len(labels)} | {same} | {joined} | {right / max(1, joined):.2f} | "
              f"{right / max(1, same):.2f} | {parts} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
