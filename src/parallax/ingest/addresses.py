"""Which hosts a URL list may reach: public addresses only, unless the user allows more.

A URL list comes from elsewhere (a crawl export, a colleague), and a fetch
to ``127.0.0.1``, ``10.x``, ``169.254.169.254`` or a name resolving there
reads the user's own machine, network or cloud metadata. So the host is
resolved and *every* address checked (a name with one public and one
private address is refused), before the first request and again for each
redirect target. What is left: a name that resolves to a public address
here and to a private one a moment later (DNS rebinding) is not caught.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

__all__ = ["Refused", "address_refusal", "check_host"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], Sequence[str]]

# Checked in this order, so the most specific word names the address.
_KINDS: tuple[tuple[str, str], ...] = (
    ("is_loopback", "loopback"), ("is_link_local", "link-local"),
    ("is_multicast", "multicast"), ("is_unspecified", "unspecified"),
    ("is_private", "private"), ("is_reserved", "reserved"),
)


class Refused(ValueError):
    """A host that may not be fetched; the message names the address and why."""


def address_refusal(address: IPAddress) -> str | None:
    """Why ``address`` may not be fetched (``loopback``, ``private``...), or None when public.

    An IPv4 address written as IPv6 (``::ffff:127.0.0.1``, ``64:ff9b::7f00:1``)
    is judged as the IPv4 address it carries.
    """
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is None and address in ipaddress.IPv6Network("64:ff9b::/96"):
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None:
            return address_refusal(inner)
    for test, word in _KINDS:
        if getattr(address, test):
            return word
    return None if address.is_global else "not globally reachable"


def _resolve(host: str) -> Sequence[str]:
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def check_host(host: str, *, resolve: Resolver = _resolve) -> None:
    """Raise ``Refused`` unless every address of ``host`` (a name or a literal IP) is public.

    A name that does not resolve is refused too, with the resolver's reason.
    """
    bare = host.strip("[]")
    try:
        literal: IPAddress | None = ipaddress.ip_address(bare.split("%")[0])
    except ValueError:
        literal = None
    if literal is not None:
        addresses: Sequence[str] = [str(literal)]
    else:
        try:
            addresses = resolve(bare)
        except OSError as exc:
            raise Refused(f"cannot resolve host {bare!r} ({exc.strerror or exc})") from None
        if not addresses:
            raise Refused(f"host {bare!r} has no address")
    for text in addresses:
        reason = address_refusal(ipaddress.ip_address(text.split("%")[0]))
        if reason is not None:
            where = text if text == bare else f"{bare} ({text})"
            raise Refused(f"refused: {where} is a {reason} address "
                          "(--allow-private to fetch it)")
