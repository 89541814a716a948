"""The whole pipeline on real and example input: the contract holds and the content is right."""

from __future__ import annotations

import json
import re

from parallax.model import Briefing

from contract import check_briefing


def _article(briefing: Briefing, fragment: str) -> str:
    return next(a.id for a in briefing.articles if fragment in a.id)


def test_seeds_briefing_follows_the_contract(seeds_briefing: Briefing) -> None:
    data = json.loads(seeds_briefing.to_json())
    check_briefing(data)
    for key in ("actors", "quotes", "claims", "timeline", "summary"):
        assert data[key], f"{key} is empty on the seeds"


def test_seeds_boilerplate_is_gone_and_listed(seeds_briefing: Briefing) -> None:
    texts = " ".join(a.text for a in seeds_briefing.articles)
    for noise in ("mailchimp", "Email Address", "To continue reading", "Request your trial",
                  "cookie", "Facebook Comments", "CERTIFICATE COURSE"):
        assert noise.lower() not in texts.lower(), noise
    reasons = {r.reason for a in seeds_briefing.articles for r in a.removed}
    assert {"newsletter", "paywall", "cookie"} <= reasons
    truncated = seeds_briefing.article(_article(seeds_briefing, "001_"))
    assert {"truncated", "paywall"} <= set(truncated.flags)


def _speaker_quotes(briefing: Briefing, name: str) -> list[str]:
    actor_ids = {a.id for a in briefing.actors if name in a.name}
    return [q.text for q in briefing.quotes if q.speaker in actor_ids]


def test_seeds_statements_are_attributed(seeds_briefing: Briefing) -> None:
    trump = _speaker_quotes(seeds_briefing, "Trump")
    ri = _speaker_quotes(seeds_briefing, "Ri Yong Ho")
    assert any("sanctions" in q and "entirety" in q for q in trump)
    assert any("partial sanctions" in q for q in ri)
    trumps = [a for a in seeds_briefing.actors if "Trump" in a.name and a.kind == "person"]
    assert len(trumps) == 1 and {"Trump", "President Trump"} <= set(trumps[0].aliases)


def test_seeds_repairs_reach_the_briefing(seeds_briefing: Briefing) -> None:
    texts = " ".join(a.text for a in seeds_briefing.articles)
    assert "North Korea wanted" in texts and "Koreawanted" not in texts
    assert "](#)" not in texts


def test_examples_duplicate_is_one_source(examples_briefing: Briefing) -> None:
    copy = examples_briefing.article(_article(examples_briefing, "kestria-ledger"))
    assert copy.duplicate_of is not None and copy.duplicate_of.startswith("01_littoral")
    top = max(examples_briefing.claims, key=lambda c: c.sources)
    supporting = {s.article for s in top.support}
    outlets = {examples_briefing.article(a).document.outlet for a in supporting}
    # The Ledger's reprint and the agency original both carry the top claim;
    # the reprint's own outlet name does not make it another source.
    assert {copy.id, _article(examples_briefing, "01_littoral")} <= supporting
    assert copy.document.outlet in outlets
    assert top.sources == len(outlets) - 1
    assert top.sources >= 5


def test_examples_no_agreement_claim_is_corroborated(examples_briefing: Briefing) -> None:
    agreed = [c for c in examples_briefing.claims
              if any("without" in s.text and ("agreement" in s.text or "deal" in s.text)
                     for s in c.support)]
    assert agreed and max(c.sources for c in agreed) >= 5


def test_examples_summary_lines_are_all_supported(examples_briefing: Briefing) -> None:
    assert 1 <= len(examples_briefing.summary) <= 5
    for line in examples_briefing.summary:
        assert line.support
        # The line shows its own sentence, worded to stand alone: a leading
        # connector dropped, a leading pronoun shown as "[Antecedent]".
        shown = re.sub(r"^\[[^\]]+\]", "", line.text).lower()
        assert line.support[0].text.lower().endswith(shown)
