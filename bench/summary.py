"""Multi-source summaries on the NeuS (AllSides) development stories, next to LexRank.

    python bench/summary.py [--limit N] [--no-cache]

Each story gives three Documents (the left, centre and right outlet's title and
lead; outlet = ``newsSource``, published = the story date), which go through
the public pipeline (``analyze_documents``, then ``find_claims`` and
``summarize`` as ``brief_analyzed`` calls them). The reference is the editors'
neutral roundup (its first item). Every system is asked for a summary of the
reference's length in words and cut to exactly that many words (same rule for
all: ``_metrics.truncate_words``), then scored with ROUGE-1/2/L F1
(rouge-score, Porter stemmer).

Baselines in the same run, on the same sentences (parallax's splitter over the
same cleaned texts): LexRank (Erkan & Radev 2004: TF-IDF cosine graph with a
0.1 threshold, PageRank by power iteration, damping 0.85; top sentences shown in
story order) and lead (first sentence of each outlet, then the second, ...).
"supported" is the share of parallax summary lines with support spans (each
non-empty and inside its source). The summary's word-pair weights were
trained on the first half of the stories by id (tools/train_summary.py, which
also reports cross-fitted figures); the second half is held out.

Analyses (cleaned article, sentences, all sentence vectors) are cached under
/tmp/parallax-cache/summary/. Reads ../shared/eval/neus at run time.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from _metrics import mean, rouge_f1, truncate_words

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "neus" / "stories.jsonl"
CACHE = Path("/tmp/parallax-cache/summary")
SIDES = ("left", "center", "right")
WORD = re.compile(r"\w+")
# Bump when the cached analysis would change (cleaner, splitter, embedder).
CACHE_VERSION = 1


def load_stories(limit: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows.sort(key=lambda row: int(row["id"]))
    return rows[:limit] if limit else rows


def documents(story: dict[str, Any]) -> list[Any]:
    from parallax.model import Document

    docs = []
    for side in SIDES:
        lead = story["news"].get(side)
        if not lead:
            continue
        body = "\n\n".join(p.strip() for p in lead["newBody"] if p.strip())
        title = (lead.get("newsTitle") or "").strip()
        docs.append(Document(f"{story['id']}-{side}", f"{story['id']}-{side}.txt",
                             f"{title}\n\n{body}" if title else body,
                             outlet=lead.get("newsSource"), title=title or None,
                             published=str(story["date"])[:10]))
    return docs


def analyze(story: dict[str, Any], use_cache: bool) -> list[Any]:
    """AnalyzedArticles with every sentence vector computed (cached as plain data)."""
    from parallax.model import AnalyzedArticle, Article, Sentence
    from parallax.pipeline import analyze_documents

    path = CACHE / f"{story['id']}-v{CACHE_VERSION}.pkl"
    if use_cache and path.exists():
        rows = pickle.loads(path.read_bytes())
    else:
        rows = [(item.article.to_dict(), [(s.start, s.end, s.text) for s in item.sentences],
                 np.asarray(item.embeddings, dtype=np.float32))
                for item in analyze_documents(documents(story))]
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(rows))
    return [AnalyzedArticle(Article.from_dict(article), tuple(Sentence(*s) for s in sentences),
                            (), (), (), embeddings=vectors)
            for article, sentences, vectors in rows]


def lexrank(sentences: Sequence[str], threshold: float = 0.1, damping: float = 0.85
            ) -> np.ndarray[Any, Any]:
    """LexRank scores: TF-IDF cosine graph (IDF over these sentences, plus one so a
    word in every sentence still counts), thresholded, row-normalised, PageRank
    by power iteration."""
    bags = [Counter(w.lower() for w in WORD.findall(s)) for s in sentences]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    idf = {w: math.log(n / c) + 1.0 for w, c in df.items()}
    vocab = {w: k for k, w in enumerate(df)}
    matrix = np.zeros((n, len(vocab)))
    for row, bag in enumerate(bags):
        for w, tf in bag.items():
            matrix[row, vocab[w]] = tf * idf[w]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = matrix / np.maximum(norms, 1e-12)
    adjacency = ((matrix @ matrix.T) > threshold).astype(float)
    transition = adjacency / np.maximum(adjacency.sum(axis=1, keepdims=True), 1.0)
    scores = np.full(n, 1.0 / max(n, 1))
    for _ in range(100):
        updated = (1 - damping) / n + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-8:
            return np.asarray(updated)
        scores = updated
    return scores


def take(order: Sequence[int], sentences: Sequence[str], words: int) -> list[int]:
    """Sentence indices in ``order`` until the word budget is reached."""
    picked: list[int] = []
    total = 0
    for k in order:
        if total >= words:
            break
        picked.append(k)
        total += len(sentences[k].split())
    return picked


def baselines(analyzed: Sequence[Any], words: int) -> dict[str, str]:
    refs = [(a, s) for a, item in enumerate(analyzed) for s in range(len(item.sentences))]
    texts = [analyzed[a].sentences[s].text for a, s in refs]
    scores = lexrank(texts)
    ranked = sorted(range(len(texts)), key=lambda k: -scores[k])
    lex = sorted(take(ranked, texts, words))
    lead_order = sorted(range(len(refs)), key=lambda k: (refs[k][1], refs[k][0]))
    lead = take(lead_order, texts, words)
    return {"LexRank": " ".join(texts[k] for k in lex),
            "lead (round robin)": " ".join(texts[k] for k in lead)}


def parallax_summary(analyzed: Sequence[Any], words: int, model: Any = None
                     ) -> tuple[str, int, int]:
    """Summary text, number of lines, lines with support spans inside their sources.

    ``model`` replaces the shipped word-pair weights (tools/train_summary.py
    cross-fits with it).

    A span's ``text`` is the cleaned text, which may differ from the source
    slice where the cleaner repaired it (spaces, glued words), so only the
    bounds are checked here; tests check the mapping itself.
    """
    from parallax.compare.claims import find_claims, sentence_index
    from parallax.compare.summary import summarize

    index = sentence_index(analyzed)
    lines = summarize(analyzed, find_claims(analyzed, index), index=index, words=words,
                      model=model)
    sources = {item.id: item.article.document.source for item in analyzed}
    supported = sum(1 for line in lines if line.support and all(
        0 <= s.start < s.end <= len(sources[s.article]) for s in line.support))
    return " ".join(line.text for line in lines), len(lines), supported


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N stories by id")
    parser.add_argument("--no-cache", action="store_true", help="re-run the analysis")
    parser.add_argument("--show", type=int, default=0, help="print N example summaries")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"NeuS data not found at {DATA}; nothing to measure.", file=sys.stderr)
        return 0
    stories = load_stories(args.limit)
    half = (len(stories) + 1) // 2
    scores: dict[tuple[str, str], list[dict[str, float]]] = {}
    lines_total = supported_total = 0
    started = time.perf_counter()
    for position, story in enumerate(stories):
        analyzed = analyze(story, not args.no_cache)
        reference = story["roundup"][0]
        words = len(reference.split())
        text, lines, supported = parallax_summary(analyzed, words)
        lines_total += lines
        supported_total += supported
        outputs = {"parallax": text, **baselines(analyzed, words)}
        split = "tune (1st half)" if position < half else "held out (2nd half)"
        for system, output in outputs.items():
            score = rouge_f1(truncate_words(output, words), reference)
            scores.setdefault((system, split), []).append(score)
            scores.setdefault((system, "all"), []).append(score)
        if position < args.show:
            print(f"## {story['id']} ({words} words)\nREF: {reference}\nPX:  {text}\n",
                  file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"NeuS dev: {len(stories)} stories ({half} tune / {len(stories) - half} held out), "
          f"{elapsed:.0f} s\n")
    print("| system | split | stories | ROUGE-1 | ROUGE-2 | ROUGE-L |")
    print("|---|---|---:|---:|---:|---:|")
    for (system, split), rows in sorted(scores.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        r1, r2, rl = (mean(r[k] for r in rows) for k in ("rouge1", "rouge2", "rougeL"))
        print(f"| {system} | {split} | {len(rows)} | {r1:.4f} | {r2:.4f} | {rl:.4f} |")
    for split in ("tune (1st half)", "held out (2nd half)", "all"):
        mine, theirs = scores.get(("parallax", split), []), scores.get(("LexRank", split), [])
        diffs = [a["rouge2"] - b["rouge2"] for a, b in zip(mine, theirs, strict=True)]
        if len(diffs) > 1:
            spread = statistics.stdev(diffs) / math.sqrt(len(diffs))
            print(f"\nparallax - LexRank ROUGE-2, {split}: {mean(diffs):+.4f} "
                  f"(paired s.e. {spread:.4f})", end="")
    print()
    share = supported_total / lines_total if lines_total else 0.0
    print(f"\nparallax summary lines with support spans: {supported_total}/{lines_total}"
          f" ({share:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
