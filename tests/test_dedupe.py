"""Near-duplicates: reprints are flagged against their original, other articles are not."""

from __future__ import annotations

from dataclasses import replace

from parallax.group.dedupe import jaccard_estimate, mark_duplicates, signature
from parallax.model import Article

from builders import make_article

STORY = (
    "Engineers at the river lock finished replacing the upstream gates on Friday after "
    "eleven weeks of work. Barges had queued for days while divers cut away the rusted "
    "hinges, and the shipping office said the delays cost carriers several thousand euros "
    "each. The new gates are wider, so two vessels can pass at once. The regional minister "
    "visited the site and promised that the downstream gates would follow next spring, "
    "once the budget for the second phase is approved by parliament in the autumn session."
)
OTHER = (
    "A bakery in the old quarter won the national bread prize for a rye loaf that uses a "
    "starter kept alive since 1952. The owner said the secret is patience and a cold cellar, "
    "and that customers queue before dawn on weekends. The jury praised its crust and aroma."
)


def test_reprint_is_flagged_against_the_original() -> None:
    original = make_article("orig", STORY, "River News")
    reprint = make_article("copy", "Lock reopens\n\n" + STORY[:-60] + " More soon.", "Wire")
    other = make_article("other", OTHER, "Food Weekly")
    marked = mark_duplicates([reprint, original, other])
    assert [a.id for a in marked] == ["copy", "orig", "other"]
    # The longer text is the original when neither is dated.
    assert marked[0].duplicate_of == "orig" and marked[0].flags == ()
    assert marked[1].duplicate_of is None and marked[2].duplicate_of is None
    assert marked[0].to_dict()["flags"] == ["duplicate-of:orig"]


def test_earliest_published_copy_is_the_original() -> None:
    late = make_article("late", STORY + " Updated later.", "A")
    early = make_article("early", STORY, "B")
    early = replace(early, document=replace(early.document, published="2024-03-01"))
    late = replace(late, document=replace(late.document, published="2024-03-02"))
    marked = mark_duplicates([late, early])
    assert marked[0].duplicate_of == "early" and marked[1].duplicate_of is None


def test_different_articles_stay_apart() -> None:
    assert jaccard_estimate(signature(STORY), signature(OTHER)) < 0.1
    assert jaccard_estimate(signature(STORY), signature(STORY)) == 1.0
    articles: list[Article] = [make_article("s", STORY), make_article("o", OTHER)]
    assert all(a.flags == () for a in mark_duplicates(articles))
    assert mark_duplicates([]) == ()
