"""Gate: attribution on the held-out half of PolNeAR must keep its floors.

As ``bench/quotes.py`` measures it, on the second half of the development
texts by name (42 texts; the rules were developed by error analysis on the
first half only, and the half keeps the gate to half the bench's time): the
texts go through ``analyze_documents`` and ``resolve_actors``; a quote
matches a gold attribution when their content spans share at least half of
the longer span's tokens; speaker accuracy is over matched quotes with a
gold source. Floors sit just under today's figures (F1 0.638, speaker
accuracy 0.924 on this half, F1 0.670 with the attributions that are no
statements; textacy's ``direct_quotations``, the bench's baseline, 0.187 and
0.782), from ``.venv/bin/python bench/quotes.py``; never lower them silently.
"""

from __future__ import annotations

import sys

from builders import ROOT, shared_path

sys.path.insert(0, str(ROOT / "bench"))
from quotes import Score, load_dev, parallax_attributions

# Lowered from 0.65 on purpose (issue 13): PolNeAR annotates plans, wishes, refusals
# and topics ("plans to", "wants to", "refused to", "spoke of his service") as
# attributions, which "Who said what" no longer shows as statements; that moved
# real-news statement precision 0.76 -> 0.86 (bench/realnews.py) and this F1 0.667 -> 0.649.
# Lowered again from 0.645 (issue 13, options.quotes.bare_objects): a bare noun phrase
# after an object cue ("denied the allegations") is what was disputed, not a statement;
# real-news precision 0.86 -> 0.89 (300 shown), this F1 0.649 -> 0.637.
# Kept at 0.63 (issue 13, sixth session): indirect questions, beliefs told in the past
# and a comma-set relative clause after an object are no statements (real-news precision
# 0.89 -> 0.93), new shapes ("dismissed X as Y", "told X to") made up most of it here:
# this half 0.637 -> 0.632, the first half 0.641 -> 0.642.
# Raised to 0.635 (issue 13, PolNeAR line): passages inside their reported clause, signed
# comments set with closing marks, "as X noted": this half 0.631 -> 0.638.
MIN_F1 = 0.635  # today 0.638 (bench/quotes.py, held-out half)
MIN_SPEAKER_ACCURACY = 0.89  # today 0.924
# The whole attribution output: the statements and the attributions that are none
# (topics, plans, refusals, negated reports, ...), PolNeAR's notion (issue 13).
MIN_F1_ATTRIBUTED = 0.665  # today 0.670 (bench/quotes.py, held-out half; 0.655 until 0.664)


def test_quotes_keep_their_overlap_f1_and_speaker_floors() -> None:
    texts, gold = load_dev(shared_path("eval", "polnear"))
    names = list(texts)
    held_out = {name: texts[name] for name in names[len(names) // 2:]}
    found, attributed = parallax_attributions(held_out)
    score, whole = Score(), Score()
    for name, text in held_out.items():
        score.add(text, found[name], gold[name])
        whole.add(text, attributed[name], gold[name])
    _, _, f1, _, speaker = score.figures()
    assert f1 >= MIN_F1 and speaker >= MIN_SPEAKER_ACCURACY, (
        f"{len(held_out)} texts: overlap F1 {f1:.3f}, speaker accuracy {speaker:.3f}")
    assert whole.figures()[2] >= MIN_F1_ATTRIBUTED, (
        f"statements + other attributions: overlap F1 {whole.figures()[2]:.3f}")
