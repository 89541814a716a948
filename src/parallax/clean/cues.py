"""Lexicon cues: the words and patterns page furniture is made of.

Each reason has patterns with a weight: 2 for phrases that almost never occur
in reporting ("to continue reading", "made with mailchimp", an e-mail
address), 1 for words that are merely suggestive ("cookies", "subscribe").
A line's evidence for a reason is the sum of the weights of the distinct
patterns it matches; ``boilerplate`` decides how much evidence a line of a
given shape and position needs before it is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.lang.en import ENGLISH

__all__ = ["URLISH", "Cue", "strongest_cue"]

_I = 1  # match on the lowercased line

# URLs, e-mail addresses and bare domains: spans the repairs must leave alone
# (a dot inside them is no sentence end). The contact cue below only needs to
# see that one is present, which a cheaper pattern finds.
URLISH = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|int|io|co|in|uk|us|de|fr|it|es|ru|cn|jp"
    r"|au|ca|info|biz|news|tv|me)\b(?:/\S*)?"
)
_PHONE = r"\(?\+\d{1,3}\)?[\s.-]*\d[\d\s.-]{7,}\d|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b"
# A month written in full or cut after three letters ("Sept.", "March"): the
# English pack's months by their first three letters.
_MONTH = "(?:" + "|".join(dict.fromkeys(m[:3] for m in ENGLISH.months)) + r")[a-z]*\.?"
_SOCIAL = r"facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|tumblr|instagram"

_PATTERNS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "paywall": (
        (r"\bto continue reading\b", 2, _I),
        (r"\bcontinue reading\b", 1, _I),
        (r"\brequest (?:a |your )?(?:free )?trial\b", 2, _I),
        (r"\bsubscribe (?:now )?to (?:read|continue|unlock)\b", 2, _I),
        (r"\bfree trial\b", 2, _I),
        (r"\balready (?:a subscriber|a member|have an account)\b", 2, _I),
        (r"\bsubscribers? only\b|\bfor subscribers\b", 2, _I),
        (r"\b(?:log|sign) in to (?:read|continue|view)\b", 2, _I),
        (r"\bunlock (?:this|the full) (?:article|story)\b", 2, _I),
        (r"\bpremium (?:content|article|story)\b", 1, _I),
        (r"\bunlimited (?:digital )?access\b", 2, _I),
        (r"\b(?:your|the) first (?:month|year|weeks?)\b", 1, _I),
    ),
    "cookie": (
        (r"\bcookies?\b", 1, _I),
        (r"\bcookie (?:policy|settings|preferences|notice)\b", 2, _I),
        (r"\bprivacy policy\b", 2, _I),
        (r"\baccept\b", 1, _I),
        (r"\bbrowsing experience\b", 2, _I),
        (r"\b(?:this|our) (?:web)?site\b", 1, _I),
        (r"\bconsent\b", 1, _I),
    ),
    "newsletter": (
        (r"\bsubscribe\b", 1, _I),
        (r"^\W*subscribe\W*$", 2, _I),
        (r"\bsign(?:ing)? ?up\b", 1, _I),
        (r"\bnewsletters?\b", 1, _I),
        (r"\be-?mail address\b", 2, _I),
        (r"\bindicates required\b|\brequired fields?\b", 2, _I),
        (r"\bmailchimp\b", 2, _I),
        (r"\benter your e-?mail\b", 2, _I),
        (r"\binbox\b", 1, _I),
        (r"\b(?:in|to) your inbox\b", 2, _I),
        (r"^\W*(?:full |first |last |your )?name\W*$", 1, _I),
    ),
    "advert": (
        (r"^\W*(?:advertisement|advert|ad|sponsored(?: content)?)\W*$", 2, _I),
        (r"\bsponsored\b", 1, _I),
        (r"\bonline course\b", 2, _I),
        (r"\bcourses?\b", 1, _I),
        (r"\bcertificate\b", 1, _I),
        (r"\bjoin (?:us )?(?:today|now)\b", 2, _I),
        (r"\b(?:enrol|enroll|register|apply|buy|shop|order) (?:now|today)\b", 2, _I),
        (r"\bpromo(?:tion(?:al)?)? code\b|\b\d+% off\b|\blimited[- ]time offer\b", 2, _I),
    ),
    "contact": (
        (r"https?://|www\.|[\w.+-]@[\w-]+\.\w|[\w-]\.(?:com|org|net|in|uk|info)\b", 2, 0),
        (_PHONE, 2, 0),
        (r"\b(?:contact|call|email|e-mail|write to) us\b", 2, _I),
        (r"\b(?:tel|phone|fax)\s*[:.]", 2, _I),
    ),
    "share": (
        (r"\bshare (?:this|on|via)\b|^\W*share\W*$", 2, _I),
        (rf"(?:\b(?:{_SOCIAL})\b\W*){{2,}}", 2, _I),
        (r"\bfollow us\b", 2, _I),
    ),
    "comments": (
        (r"\bfacebook comments\b", 2, _I),
        (r"\bcomments?\b", 1, _I),
        (r"\bleave a (?:comment|reply)\b|\bpost a comment\b|^\W*\d+\s+comments?\W*$", 2, _I),
        (r"\bjoin the (?:conversation|discussion)\b|\bcomments (?:are|will be) moderated\b",
         2, _I),
    ),
    "disclaimer": (
        (r"\bviews (?:and opinions )?expressed\b", 2, _I),
        (r"\bdo(?:es)? not necessarily reflect\b", 2, _I),
        (r"\ball rights reserved\b|©", 2, _I),
        (r"\bcopyright\b", 1, _I),
        (r"\bfor informational purposes only\b", 2, _I),
        (r"\b(?:re)?published (?:under|with) (?:a |an )?(?:syndication|licen[cs]e|permission)\b"
         r"|\bsyndication (?:agreement|partner)", 2, _I),
        (r"\b(?:this|the) (?:story|article|report) (?:was|is) (?:provided|supplied|distributed)"
         r" by\b", 2, _I),
    ),
    "related": (
        (r"^\W*related(?: (?:articles?|stories|coverage|news|posts?))?\b", 2, _I),
        (r"\bread more\b|\bsee also\b|\balso read\b", 2, _I),
        (r"^\W*(?:recommended|more from|more on this|you may also like|most read|trending)\b",
         2, _I),
    ),
    "caption": (
        (r"^\W*(?:photo|image|picture|file photo|video|pic)(?: credit)?\s*[:|]", 2, _I),
        (r"^\W*(?:photo|image)s? (?:by|courtesy|credit)\b", 2, _I),
        (r"\b(?:getty images|afp photo|ap photo|shutterstock)\b|\breuters/|/reuters\b", 1, _I),
    ),
    # Before "navigation", which wins ties otherwise: a byline's "|" fields look
    # like a breadcrumb trail.
    "byline": (
        (r"^\W*[Bb]y\s+[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}"
         r"\s*(?:$|[,|]|and\b)", 2, 0),
        (r"^\W*(?:additional )?(?:reporting|writing|editing) by\b|^\W*reporting\s*:", 2, _I),
        (r"^\W*(?:published|updated|posted|last updated)\b.{0,40}\d{4}", 2, _I),
        # A "|"-separated field holding a date: "KBN News | Saturday 15 March 2025".
        (rf"\|\s*[^|]{{0,16}}\b(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})",
         2, _I),
    ),
    "navigation": (
        (r"^\W*(?:home|menu|search|skip to (?:main )?content|back to top|main menu"
         r"|(?:next|previous)(?: article| story| post)?)\W*$", 2, _I),
        # A breadcrumb trail; a row of a table ("| 1 | Name | 40 |") is no menu.
        (r"^(?!\s*\|)[^.!?]*(?:\s[>»|\u203a]\s[^.!?]*){2,}$", 2, 0),
    ),
}

# Every match of a reason's patterns contains one of its trigger words (or,
# for a non-word trigger, that string), so a line without any skips the
# reason's regexes: cue search was most of the cleaner's time. None: always run.
# Keep these in step when adding a pattern.
_TRIGGERS: dict[str, frozenset[str] | None] = {
    "paywall": frozenset({"reading", "trial", "subscribe", "subscriber", "subscribers", "member",
                          "account", "log", "sign", "unlock", "premium", "read", "continue",
                          "unlimited", "first"}),
    "cookie": frozenset({"cookie", "cookies", "privacy", "accept", "browsing", "site",
                         "website", "consent"}),
    "newsletter": frozenset({"subscribe", "sign", "signing", "signup", "newsletter",
                             "newsletters", "mail", "email", "required", "mailchimp", "inbox",
                             "name"}),
    "advert": frozenset({"advertisement", "advert", "ad", "sponsored", "course", "courses",
                         "certificate", "join", "now", "today", "promo", "promotion",
                         "promotional", "off", "limited"}),
    "contact": None,
    "share": frozenset({"share", "follow", *_SOCIAL.split("|")}),
    "comments": frozenset({"comment", "comments", "reply", "join"}),
    "disclaimer": frozenset({"views", "reflect", "reflects", "reserved", "copyright",
                             "informational", "©", "syndication", "published", "republished",
                             "provided", "supplied", "distributed"}),
    "related": frozenset({"related", "read", "see", "also", "recommended", "more", "like",
                          "trending"}),
    "caption": frozenset({"photo", "photos", "image", "images", "picture", "file", "video",
                          "pic", "getty", "afp", "ap", "shutterstock", "reuters"}),
    "byline": frozenset({"by", "published", "updated", "posted", "reporting", "|"}),
    "navigation": None,
}
_LOWER_WORD = re.compile(r"[a-z]+")

# Case-insensitive patterns run, without the (slow) IGNORECASE flag, on the
# lowercased line.
_COMPILED = {
    reason: tuple((re.compile(pattern), weight, bool(flags)) for pattern, weight, flags in patterns)
    for reason, patterns in _PATTERNS.items()
}


@dataclass(frozen=True, slots=True)
class Cue:
    """The reason with the most evidence in a line, and how much evidence."""

    reason: str
    score: int


@lru_cache(maxsize=8192)
def strongest_cue(text: str) -> Cue | None:
    """The best-supported boilerplate reason for ``text``, or None without any cue.

    Ties go to the reason listed first (the more specific kinds come first).
    Cached: the rules, the line model's features and the reasons of its
    removals all ask about the same lines.
    """
    best: Cue | None = None
    lowered = text.lower()
    present = set(_LOWER_WORD.findall(lowered))
    for reason, patterns in _COMPILED.items():
        triggers = _TRIGGERS[reason]
        if triggers is not None and not any(
                t in present if t.isalpha() else t in lowered for t in triggers):
            continue
        score = sum(weight for pattern, weight, folded in patterns
                    if pattern.search(lowered if folded else text))
        if score and (best is None or score > best.score):
            best = Cue(reason, score)
    return best
