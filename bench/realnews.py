"""Real news: who said what, conflicts, check, timeline and summary against hand-made gold.

    python bench/realnews.py [--show] [--event ID] [--no-cache]
    python bench/realnews.py --all [--show]

Each reviewed BASIL event (``../shared/eval/basil/<event>/`` holds one Fox
News, one New York Times and one HuffPost article as JSONL; the five events
with gold in ``review/`` and ``review-claims/`` are the development set, the
other half of BASIL's events is held out elsewhere) is read with
``pipeline.read``, its three articles analysed together once
(``pipeline.analyze_documents``), briefed with ``pipeline.brief_analyzed`` as
one story (the "stories" column says how many stories the grouping itself
forms of the three), and every gold claim checked against the same analysis
with ``compare.check.check_claim`` (what ``pipeline.check`` does, without
re-analysing per claim). JSONL ids come through as the articles' ids, and
spans' source offsets index the JSONL ``text``, where the gold's snippets are
found with ``text.find`` (``_realnews_scoring``).

Scores, per event and pooled over the events (counts summed, then divided):

- Who said what (issue 13): precision = shown statements (``Briefing.quotes``)
  whose span overlaps a gold statement of their article; recall = gold
  statements a shown one covers >= 60 % of (by words); of the found gold
  statements whose speaker the text names, the speaker is right (gold surname
  among the words of the resolved actor's name; either surname where the gold
  names two speakers), wrong-named (another actor) or left unnamed. Gold
  statements marked ``pronoun`` are counted apart. The attributions the
  briefing holds back as no statements (``Briefing.attributions``) are
  counted too: how many share a word with a gold statement, and how many of
  the gold statements not found one covers (what the filter may cost).
- Conflicts (issue 17): a shown conflict is real when two of its sides overlap
  two different sides of one gold disagreement; precision over shown
  conflicts, recall over gold disagreements, by kind; "traps" are shown
  conflicts matching a ``not_disagreements`` entry the same way.
- check (issue 17): each article's stance on each gold claim against the gold
  stance; accuracy, macro-F1 over the four stances and a confusion table.
  Baselines in the same run: the majority stance of this gold (fitted on the
  very pairs it is scored on), and bench/check.py's word overlap of claim and
  article with the two thresholds fitted on FNC-1's training bodies (not on
  this data).
- Timeline (issue 14): an entry cites a gold dated event when one of its
  support spans overlaps the gold snippet; date precision over citing entries
  (the date equal at the gold's precision), recall of gold events cited with
  the right date and with any date; entries opening on a pronoun or connector;
  sentences listed under two dates.
- Summary (issue 14): per gold key point, the share of its content words
  (English pack stop words removed) in the best single summary line and in all
  lines together; mean and share of key points >= 0.5 (best line). Baseline:
  LexRank (bench/summary.py) over the same sentences at the same number of
  lines.

``--show`` prints, per event, every statement with its speaker, every conflict
and every claim with two or more sources with its support lines, and then
every check pair parallax gets wrong with the evidence it cites, for reading
by hand (stdout only). ``--all`` briefs every BASIL event as ``parallax brief``
would (``pipeline.brief_stories``) and prints per-event counts; it scores
nothing. Analyses are cached under /tmp/parallax-cache/realnews/, keyed by
the articles and a hash of ``src/parallax`` (a changed package is analysed
afresh). Reads ../shared/eval/basil at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _metrics import class_f1, confusion, macro_f1
from _realnews_scoring import (
    Range,
    carried,
    content_words,
    coverage,
    date_matches,
    locate,
    opens_leaning,
    overlaps,
    speaker_right,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "basil"
CACHE = Path("/tmp/parallax-cache/realnews")
OUTLETS = ("fox", "nyt", "hpo")
# The gold README's suggested rule: a gold statement is found when one shown
# statement covers at least 60 % of its snippet.
FOUND = 0.6
# A key point counts as conveyed when a line carries half its content words.
CONVEYED = 0.5


@dataclass(frozen=True)
class Event:
    """One reviewed event: its documents, their texts by article id, and both gold files."""

    id: str
    documents: tuple[Any, ...]
    texts: dict[str, str]
    review: dict[str, Any]
    claims: dict[str, Any]


def event_ids(reviewed: bool) -> list[str]:
    """Events with gold in ``review/`` (``reviewed``), else every event folder."""
    if reviewed:
        return sorted(p.stem for p in (DATA / "review").glob("*.json"))
    return sorted(p.name for p in DATA.iterdir() if (p / "fox.jsonl").exists())


def read_documents(event: str) -> tuple[Any, ...]:
    from parallax.pipeline import read

    inputs = read([str(DATA / event / f"{outlet}.jsonl") for outlet in OUTLETS])
    for error in inputs.errors:
        print(f"{event}: {error.one_line()}", file=sys.stderr)
    return inputs.documents


def load_event(event: str) -> Event:
    documents = read_documents(event)
    return Event(event, documents, {d.id: d.source for d in documents},
                 json.loads((DATA / "review" / f"{event}.json").read_text(encoding="utf-8")),
                 json.loads((DATA / "review-claims" / f"{event}.json")
                            .read_text(encoding="utf-8")))


def package_hash() -> str:
    """A hash of every file of the package: a cached analysis is valid for this code only."""
    digest = hashlib.sha256()
    package = ROOT / "src" / "parallax"
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def analyze(documents: Sequence[Any], use_cache: bool) -> tuple[Any, ...]:
    """The analysed articles (every sentence vector computed), from the cache when it has them."""
    from parallax.pipeline import analyze_documents

    digest = hashlib.sha256(package_hash().encode())
    for d in documents:
        digest.update(repr((d.id, d.outlet, d.published, d.title, d.source)).encode())
    path = CACHE / f"{digest.hexdigest()[:32]}.pkl"
    if use_cache and path.exists():
        return tuple(pickle.loads(path.read_bytes()))
    analyzed = analyze_documents(documents)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(analyzed))
    return analyzed


def _located(texts: dict[str, str], article: str, snippet: str) -> Range | None:
    return locate(texts[article], snippet) if article in texts else None


def _range(span: Any) -> Range:
    return span.start, span.end


# --- who said what ------------------------------------------------------------

def score_statements(briefing: Any, event: Event) -> Counter[str]:
    """Counts of issue 13's rules for one event (see the module docstring)."""
    counts: Counter[str] = Counter()
    shown: dict[str, list[Any]] = {}
    for quote in briefing.quotes:
        shown.setdefault(quote.article, []).append(quote)
    gold: dict[str, list[tuple[Range, dict[str, Any]]]] = {}
    for article, entry in event.review["articles"].items():
        for statement in entry["statements"]:
            where = _located(event.texts, article, statement["text"])
            if where is None:
                counts["unlocated"] += 1
            else:
                gold.setdefault(article, []).append((where, statement))
    for article, quotes in shown.items():
        text = event.texts[article]
        for quote in quotes:
            counts["shown"] += 1
            counts["real"] += any(overlaps(text, _range(quote.span), where)
                                  for where, _ in gold.get(article, ()))
    for attribution in briefing.attributions:
        counts["attributions"] += 1
        counts["attributions on gold"] += any(
            overlaps(event.texts[attribution.article], _range(attribution.span), where)
            for where, _ in gold.get(attribution.article, ()))
    for article, statements in gold.items():
        text = event.texts[article]
        for where, statement in statements:
            counts["gold"] += 1
            counts["pronoun"] += bool(statement.get("pronoun"))
            best = max(shown.get(article, ()), default=None,
                       key=lambda q, w=where: coverage(text, w, _range(q.span)))
            if best is None or coverage(text, where, _range(best.span)) < FOUND:
                # A real statement the briefing holds back as no statement (``Attribution``).
                counts["held back"] += any(
                    coverage(text, where, _range(a.span)) >= FOUND
                    for a in briefing.attributions if a.article == article)
                continue
            counts["found"] += 1
            if statement.get("speaker") is None:
                continue
            actor = briefing.actor(best.speaker)
            verdict = ("unnamed" if actor is None
                       else "right" if speaker_right(statement["speaker"], actor.name)
                       else "wrong")
            counts["named"] += 1
            counts[verdict] += 1
            if statement.get("pronoun"):
                counts["pronoun named"] += 1
                counts[f"pronoun {verdict}"] += 1
    return counts


# --- conflicts ------------------------------------------------------------------

def _gold_sides(event: Event, sides: Sequence[dict[str, Any]]) -> list[tuple[str, Range] | None]:
    return [(s["article"], where) if (where := _located(event.texts, s["article"], s["text"]))
            else None for s in sides]


def conflict_matches(conflict: Any, gold: Sequence[tuple[str, Range] | None],
                     texts: dict[str, str]) -> bool:
    """Two of the conflict's sides overlap two different sides of ``gold``."""
    hits = [{n for n, g in enumerate(gold)
             if g is not None and g[0] == side.span.article
             and overlaps(texts[g[0]], _range(side.span), g[1])}
            for side in conflict.sides]
    return any(i != j for a, mine in enumerate(hits) for b, theirs in enumerate(hits)
               if a != b for i in mine for j in theirs)


def score_conflicts(briefing: Any, event: Event) -> Counter[str]:
    counts: Counter[str] = Counter()
    real = [(d["kind"], _gold_sides(event, d["sides"])) for d in event.review["disagreements"]]
    traps = [_gold_sides(event, d["sides"]) for d in event.review["not_disagreements"]]
    found = [False] * len(real)
    for conflict in briefing.conflicts:
        counts[f"shown {conflict.kind}"] += 1
        matched = [n for n, (_, sides) in enumerate(real)
                   if conflict_matches(conflict, sides, event.texts)]
        counts[f"real {conflict.kind}"] += bool(matched)
        counts["traps"] += any(conflict_matches(conflict, sides, event.texts)
                               for sides in traps)
        for n in matched:
            found[n] = True
    for (kind, _), hit in zip(real, found, strict=True):
        counts[f"gold {kind}"] += 1
        counts[f"found {kind}"] += hit
    return counts


# --- check ----------------------------------------------------------------------

@dataclass(frozen=True)
class Pair:
    """One gold claim-article pair with the stances to compare."""

    event: str
    claim: str
    article: str
    gold: str
    parallax: str
    evidence: tuple[str, ...] = ()


def check_pairs(analyzed: Sequence[Any], event: Event) -> list[Pair]:
    from parallax.compare.check import check_claim
    from parallax.options import Options

    embedder = Options().parts.embedder
    pairs: list[Pair] = []
    for item in event.claims["claims"]:
        verdicts = {v.article: v for v in
                    check_claim(item["claim"], analyzed, embedder=embedder).verdicts}
        pairs.extend(Pair(event.id, item["claim"], article, stance,
                          verdicts[article].stance if article in verdicts else "unrelated",
                          tuple(s.text for s in verdicts[article].evidence)
                          if article in verdicts else ())
                     for article, stance in item["stances"].items())
    return pairs


# --- timeline -------------------------------------------------------------------

def score_timeline(briefing: Any, event: Event) -> Counter[str]:
    counts: Counter[str] = Counter()
    gold = [(g["article"], where, g["date"]) for g in event.claims["timeline"]
            if (where := _located(event.texts, g["article"], g["text"]))]
    counts["unlocated"] += len(event.claims["timeline"]) - len(gold)
    cited_right = [False] * len(gold)
    cited_any = [False] * len(gold)
    dates: dict[tuple[str, int, int], set[str]] = {}
    for entry in briefing.timeline:
        counts["entries"] += 1
        counts["leaning"] += opens_leaning(entry.text)
        for span in entry.support:
            dates.setdefault((span.article, span.start, span.end), set()).add(entry.date)
        cited = [n for n, (article, where, _) in enumerate(gold)
                 if any(s.article == article and overlaps(event.texts[article], _range(s), where)
                        for s in entry.support)]
        if not cited:
            continue
        counts["citing"] += 1
        right = [n for n in cited if date_matches(entry.date, gold[n][2])]
        counts["dated right"] += bool(right)
        for n in cited:
            cited_any[n] = True
        for n in right:
            cited_right[n] = True
    counts["gold"] += len(gold)
    counts["found right"] += sum(cited_right)
    counts["found any"] += sum(cited_any)
    counts["two dates"] += sum(1 for seen in dates.values() if len(seen) > 1)
    return counts


# --- summary --------------------------------------------------------------------

def lexrank_lines(analyzed: Sequence[Any], lines: int) -> list[str]:
    """LexRank's top ``lines`` sentences of all articles, in article and sentence order."""
    from summary import lexrank

    texts = [s.text for item in analyzed for s in item.sentences]
    if not texts or not lines:
        return []
    scores = lexrank(texts)
    return [texts[k] for k in sorted(sorted(range(len(texts)), key=lambda k: -scores[k])[:lines])]


def score_summary(lines: Sequence[str], event: Event) -> Counter[str]:
    from parallax.lang.en import ENGLISH

    stopwords = ENGLISH.stopwords()
    bags = [content_words(line, stopwords) for line in lines]
    counts: Counter[str] = Counter(lines=len(lines))
    for point in event.claims["key_points"]:
        best, union = carried(content_words(point, stopwords), bags)
        counts["points"] += 1
        counts["conveyed"] += best >= CONVEYED
        # Counters hold integers: shares are kept in thousandths.
        counts["best"] += round(best * 1000)
        counts["union"] += round(union * 1000)
    return counts


# --- printing -------------------------------------------------------------------

def rate(top: int, bottom: int) -> str:
    return f"{top / bottom:.2f}" if bottom else "-"


def statements_row(name: str, c: Counter[str]) -> str:
    return (f"| {name} | {c['shown']} | {rate(c['real'], c['shown'])} | {c['gold']} | "
            f"{rate(c['found'], c['gold'])} | {c['named']} | {rate(c['right'], c['named'])} | "
            f"{rate(c['wrong'], c['named'])} | {rate(c['unnamed'], c['named'])} | "
            f"{c['pronoun']} | {c['pronoun named']} | "
            f"{rate(c['pronoun right'], c['pronoun named'])} |")


def conflicts_row(name: str, c: Counter[str]) -> str:
    cells = []
    for kinds in (("accounts", "facts"), ("accounts",), ("facts",)):
        shown = sum(c[f"shown {k}"] for k in kinds)
        real = sum(c[f"real {k}"] for k in kinds)
        gold = sum(c[f"gold {k}"] for k in kinds)
        found = sum(c[f"found {k}"] for k in kinds)
        cells.append(f"{real}/{shown} = {rate(real, shown)} | {found}/{gold} = {rate(found, gold)}")
    return f"| {name} | " + " | ".join(cells) + f" | {c['traps']} |"


def timeline_row(name: str, c: Counter[str]) -> str:
    return (f"| {name} | {c['entries']} | {c['citing']} | "
            f"{rate(c['dated right'], c['citing'])} | {c['gold']} | "
            f"{rate(c['found right'], c['gold'])} | {rate(c['found any'], c['gold'])} | "
            f"{c['leaning']} | {c['two dates']} |")


def summary_row(name: str, c: Counter[str]) -> str:
    points = c["points"]
    return (f"| {name} | {c['lines']} | {points} | {rate(c['best'], points * 1000)} | "
            f"{rate(c['conveyed'], points)} | {rate(c['union'], points * 1000)} |")


def check_row(name: str, gold: Sequence[str], predicted: Sequence[str]) -> str:
    from parallax.compare.stance import LABELS

    f1 = class_f1(gold, predicted, LABELS)
    right = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return (f"| {name} | {len(gold)} | {rate(right, len(gold))} | "
            f"{macro_f1(gold, predicted, LABELS):.2f} | "
            + " | ".join(f"{f1[label]:.2f}" for label in LABELS) + " |")


def table(header: Sequence[str], rows: Iterator[str] | Sequence[str]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    for row in rows:
        print(row)
    print()


def show(event: str, briefing: Any) -> None:
    """Statements with speakers, the attributions held back, conflicts, and claims with
    two or more sources, to read."""
    def name(actor_id: str | None) -> str:
        actor = briefing.actor(actor_id)
        return actor.name if actor else "(unnamed)"

    print(f"\n## {event}\n\n### Who said what ({len(briefing.quotes)})")
    for quote in briefing.quotes:
        print(f"- [{quote.article}] {name(quote.speaker)}: {quote.text!r}")
    print(f"\n### Attributions that are no statements ({len(briefing.attributions)})")
    for item in briefing.attributions:
        who = name(item.speaker) if item.speaker else (
            item.speaker_span.text if item.speaker_span else "(unnamed)")
        print(f"- [{item.article}] {item.kind}, {who}: {item.span.text!r}")
    print(f"\n### Conflicts ({len(briefing.conflicts)})")
    for conflict in briefing.conflicts:
        print(f"- {conflict.kind}: {conflict.topic}")
        for side in conflict.sides:
            print(f"    - [{side.span.article}] {name(side.actor)}: {side.span.text!r}")
    claims = [c for c in briefing.claims if c.sources >= 2]
    print(f"\n### Claims with two or more sources ({len(claims)})")
    for claim in claims:
        print(f"- ({claim.sources} sources) {claim.text}")
        for span in claim.support:
            print(f"    - [{span.article}] {span.text!r}")


def counts_of(briefings: Sequence[Any]) -> tuple[int, int, int, int]:
    return (sum(len(b.quotes) for b in briefings), sum(len(b.conflicts) for b in briefings),
            sum(1 for b in briefings for c in b.claims if c.sources >= 2),
            sum(len(b.timeline) for b in briefings))


def brief_all(show_them: bool) -> None:
    """Every BASIL event briefed as ``parallax brief`` would; counts per event."""
    from parallax.pipeline import brief_stories

    rows = []
    totals = Counter[str]()
    started = time.perf_counter()
    for event in event_ids(reviewed=False):
        documents = read_documents(event)
        briefings = brief_stories(documents)
        quotes, conflicts, claims, timeline = counts_of(briefings)
        rows.append(f"| {event[:8]} | {len(documents)} | {len(briefings)} | {quotes} | "
                    f"{conflicts} | {claims} | {timeline} |")
        totals.update(events=1, articles=len(documents), stories=len(briefings), quotes=quotes,
                      conflicts=conflicts, claims=claims, timeline=timeline)
        if show_them:
            for briefing in briefings:
                show(event, briefing)
        print(f"{event}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    rows.append(f"| all {totals['events']} | {totals['articles']} | {totals['stories']} | "
                f"{totals['quotes']} | {totals['conflicts']} | {totals['claims']} | "
                f"{totals['timeline']} |")
    print(f"\nAll BASIL events, briefed as `parallax brief` does, "
          f"{time.perf_counter() - started:.0f} s\n")
    table(["event", "articles", "stories", "statements", "conflicts", "claims 2+ sources",
           "timeline entries"], rows)


def word_overlap_baseline(pairs: Sequence[Pair], texts: dict[str, str]) -> tuple[list[str], str]:
    """bench/check.py's word overlap, thresholds fitted on FNC-1's training bodies
    (an empty list when FNC-1 is absent)."""
    from check import fit_baseline, overlap, run_baseline
    from train_stance import FNC, held_apart, load_fnc

    if not FNC.exists():
        return [], "FNC-1 absent"
    bodies, fnc = load_fnc()
    thresholds = fit_baseline([p for p in fnc if not held_apart(p.body)], bodies)
    scores = [overlap(p.claim, texts[p.article]) for p in pairs]
    return run_baseline(scores, thresholds), f"{thresholds[0]:.3f}/{thresholds[1]:.3f}"


def score_reviewed(events: Sequence[str], use_cache: bool, show_them: bool) -> None:
    from parallax.compare.stance import LABELS
    from parallax.pipeline import brief_analyzed

    scores: dict[str, dict[str, Counter[str]]] = {}
    pairs: list[Pair] = []
    texts: dict[str, str] = {}
    stories: dict[str, int] = {}
    started = time.perf_counter()
    for name in events:
        event = load_event(name)
        texts.update(event.texts)
        analyzed = analyze(event.documents, use_cache)
        briefing = brief_analyzed(analyzed)
        stories[name] = len(briefing.stories)
        pairs.extend(check_pairs(analyzed, event))
        scores[name] = {
            "statements": score_statements(briefing, event),
            "conflicts": score_conflicts(briefing, event),
            "timeline": score_timeline(briefing, event),
            "parallax": score_summary([line.text for line in briefing.summary], event),
            "LexRank": score_summary(lexrank_lines(analyzed, len(briefing.summary)), event),
        }
        if show_them:
            show(name, briefing)
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - started

    def pooled(part: str) -> Counter[str]:
        total: Counter[str] = Counter()
        for by_part in scores.values():
            total.update(by_part[part])
        return total

    def rows(part: str, row: Any) -> list[str]:
        return [*(row(f"{name[:8]} ({stories[name]} st.)", by_part[part])
                  for name, by_part in scores.items()),
                row(f"all {len(scores)}", pooled(part))]

    print(f"\nBASIL reviewed development events: {len(scores)} events, "
          f"{len(texts)} articles, {elapsed:.0f} s "
          f"(\"st.\": stories the grouping forms of the event's articles)\n")
    print("Who said what (issue 13)\n")
    table(["event", "shown", "precision", "gold", "recall", "named found", "speaker right",
           "wrong-named", "unnamed", "pronoun gold", "pronoun named found",
           "pronoun right"], rows("statements", statements_row))
    held = pooled("statements")
    print(f"Attributions that are no statements (JSON `attributions`, never shown): "
          f"{held['attributions']}, {held['attributions on gold']} of them sharing a word "
          f"with a gold statement; gold statements not found among the shown ones that "
          f"one covers: {held['held back']} of {held['gold'] - held['found']}\n")
    print("Conflicts (issue 17): real/shown = precision | found/gold = recall\n")
    table(["event", "precision", "recall", "precision accounts", "recall accounts",
           "precision facts", "recall facts", "traps shown"], rows("conflicts", conflicts_row))
    print("Timeline (issue 14)\n")
    table(["event", "entries", "citing gold", "date precision", "gold events",
           "recall right date", "recall any date", "opens on pronoun/connector",
           "sentences under 2 dates"], rows("timeline", timeline_row))
    print(f"Summary key points (issue 14): content-word coverage; conveyed = best line "
          f">= {CONVEYED}\n")
    table(["system", "lines", "key points", "mean coverage (best line)", "conveyed",
           "mean coverage (all lines)"],
          [summary_row("parallax", pooled("parallax")), summary_row("LexRank", pooled("LexRank"))])
    gold = [p.gold for p in pairs]
    majority = Counter(gold).most_common(1)[0][0] if gold else "unrelated"
    overlap, thresholds = word_overlap_baseline(pairs, texts)
    print("check on the review claims (issue 17)\n")
    table(["system", "pairs", "accuracy", "macro-F1", *(f"F1 {label}" for label in LABELS)],
          [check_row(f"majority of this gold ({majority})", gold, [majority] * len(gold)),
           *([check_row(f"word overlap (FNC-1 thresholds {thresholds})", gold, overlap)]
             if overlap else []),
           check_row("parallax check", gold, [p.parallax for p in pairs])])
    print("Confusion, parallax check (rows gold, columns predicted)\n")
    table(["gold \\ predicted", *LABELS],
          [f"| {label} | " + " | ".join(str(n) for n in row) + " |"
           for label, row in zip(LABELS, confusion(gold, [p.parallax for p in pairs], LABELS),
                                 strict=True)])
    mine = [[p.gold == p.parallax for p in pairs if p.event == name] for name in scores]
    by_event = ", ".join(f"{name[:8]} {rate(sum(right), len(right))}"
                         for name, right in zip(scores, mine, strict=True))
    print(f"parallax check accuracy per event: {by_event}")
    if show_them:
        print("\ncheck pairs parallax gets wrong, with the evidence it cites\n")
        for p in pairs:
            if p.gold != p.parallax:
                print(f"- [{p.article}] gold {p.gold}, parallax {p.parallax}: {p.claim}")
                for text in p.evidence:
                    print(f"    - {text!r}")
    missing = pooled("statements")["unlocated"] + pooled("timeline")["unlocated"]
    print(f"Gold statements and dated events not found in their article's text: {missing}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true",
                        help="print statements, conflicts, 2+-source claims per event and "
                             "the check pairs parallax gets wrong")
    parser.add_argument("--all", action="store_true",
                        help="brief every BASIL event and print counts (no gold)")
    parser.add_argument("--event", action="append", default=None,
                        help="score only this reviewed event (repeatable)")
    parser.add_argument("--no-cache", action="store_true", help="re-run the analysis")
    args = parser.parse_args(argv)
    if not (DATA / "review").is_dir():
        print(f"BASIL review gold not found at {DATA / 'review'}; nothing to measure.",
              file=sys.stderr)
        return 0
    if args.all:
        brief_all(args.show)
        return 0
    events = event_ids(reviewed=True)
    if args.event:
        unknown = sorted(set(args.event) - set(events))
        if unknown:
            print(f"not a reviewed event: {', '.join(unknown)}", file=sys.stderr)
            return 2
        events = [e for e in events if e in args.event]
    score_reviewed(events, not args.no_cache, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
