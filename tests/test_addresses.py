"""The private-address rule of URL lists, on literal addresses and on names."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence

import pytest

from parallax.ingest.addresses import Refused, address_refusal, check_host


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.0.0.7", "private"), ("172.16.4.4", "private"), ("192.168.1.20", "private"),
    ("fd12:3456::1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("224.0.0.251", "multicast"),
    ("100.64.3.2", "not globally reachable"), ("192.0.2.10", "private"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.1.1.1", "private"),
    ("64:ff9b::a00:1", "private"), ("2002:7f00:1::", "loopback"),
    ("93.184.216.34", None), ("2606:4700:4700::1111", None), ("::ffff:93.184.216.34", None),
])
def test_literal_addresses(address: str, reason: str | None) -> None:
    assert address_refusal(ipaddress.ip_address(address)) == reason


def _resolver(table: dict[str, Sequence[str]]) -> Callable[[str], Sequence[str]]:
    def resolve(host: str) -> Sequence[str]:
        if host not in table:
            raise OSError(-2, "Name or service not known")
        return table[host]
    return resolve


NAMES = _resolver({"news.example": ["93.184.216.34", "2606:4700:4700::1111"],
                   "mixed.example": ["93.184.216.34", "10.0.0.5"],
                   "router.example": ["192.168.0.1"], "empty.example": []})


def test_a_name_is_allowed_when_every_address_is_public() -> None:
    check_host("news.example", resolve=NAMES)
    check_host("93.184.216.34", resolve=NAMES)
    check_host("[2606:4700:4700::1111]", resolve=NAMES)


@pytest.mark.parametrize(("host", "message"), [
    ("mixed.example", "refused: mixed.example (10.0.0.5) is a private address"),
    ("router.example", "refused: router.example (192.168.0.1) is a private address"),
    ("[::1]", "refused: ::1 is a loopback address"),
    ("169.254.169.254", "refused: 169.254.169.254 is a link-local address"),
    ("nowhere.example", "cannot resolve host 'nowhere.example' (Name or service not known)"),
    ("empty.example", "host 'empty.example' has no address"),
])
def test_refused_hosts_name_the_address_and_why(host: str, message: str) -> None:
    with pytest.raises(Refused) as caught:
        check_host(host, resolve=NAMES)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("host", ["localhost", "2130706433", "0177.0.0.1", "0x7f.1"])
def test_the_real_resolver_refuses_loopback_however_written(host: str) -> None:
    """Numeric shorthands are no literal to ``ipaddress`` but resolve to 127.0.0.1."""
    with pytest.raises(Refused, match="loopback"):
        check_host(host)
