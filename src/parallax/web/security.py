"""The response headers every page and route carries, and the upload token check.

Pages are self-contained (one inline stylesheet, the briefing page's one
inline script), so the Content-Security-Policy starts from
``default-src 'none'`` and allows only that: inline styles (the timeline's
``style="left: n%"`` positions need them), scripts whose SHA-256 is listed
(computed from the pages this app renders, so an injected script never runs
even if escaping failed), forms posting back to this server, and no frames,
no base URL, no connections, no images or fonts from anywhere, not even
``data:`` ones.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

__all__ = ["content_security_policy", "require_same_origin", "require_token", "script_hashes",
           "security_headers"]

_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hashes(pages: Iterable[str]) -> tuple[str, ...]:
    """The CSP source of each inline script of ``pages`` (pages this app renders)."""
    found = {match for page in pages for match in _SCRIPT.findall(page)}
    return tuple(sorted(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in found))


def content_security_policy(scripts: Iterable[str]) -> str:
    """The policy: nothing from anywhere but the page itself and the listed scripts."""
    listed = " ".join(scripts) or "'none'"
    return ("default-src 'none'; style-src 'unsafe-inline'; "
            f"script-src {listed}; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")


def security_headers(policy: str) -> dict[str, str]:
    """Headers for every response: the policy, no sniffing, no referrer to other sites, no framing.

    ``same-origin``, not ``no-referrer``: under the latter browsers send
    ``Origin: null`` on the pages' own forms, which ``require_same_origin``
    could not tell from another site's.
    """
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def require_token(request: Request, token: str) -> None:
    """Raise 401 unless the request carries ``Authorization: Bearer <token>``.

    The comparison takes the same time whatever the guess, so the token cannot
    be found a character at a time.
    """
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                            token.encode()):
        raise HTTPException(401, "a bearer token is required to upload",
                            headers={"WWW-Authenticate": "Bearer"})


def require_same_origin(request: Request) -> None:
    """Raise 403 for a POST a page of another site made the reader's browser send.

    Browsers name the page's origin in ``Origin`` on every cross-site POST; a
    form on some other site must not make this server run claim checks (or
    anything else) in the reader's name. A request without the header (curl,
    scripts) is not a browser's cross-site one and passes.
    """
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "cross-site requests are refused")
