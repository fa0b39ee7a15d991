"""The address of the client behind a request, trusting ``X-Forwarded-For`` only from our proxies.

``SILKWIRE_TRUSTED_PROXIES`` lists the addresses or networks (``10.0.0.0/8``) of the reverse
proxies in front of the application, as a list or a comma-separated string; empty by
default, so ``REMOTE_ADDR`` is the client. A forwarded address is used only when the peer
is one of them, and then the right-most address in ``X-Forwarded-For`` that is not itself a
trusted proxy (the left-most entries are whatever the client chose to send).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(value) -> tuple[Network, ...]:
    items = value.split(",") if isinstance(value, str) else value
    networks = []
    for item in items:
        item = str(item).strip()
        if item:
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                raise ImproperlyConfigured(
                    f"SILKWIRE_TRUSTED_PROXIES: {item!r} is not an address or network"
                    " (e.g. 10.0.0.1 or 10.0.0.0/8)."
                ) from None
    return tuple(networks)


def _parse(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.7:51234"
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(request) -> str:
    """Return the client's address as text ("" when the request carries none)."""
    meta = request.META
    peer = _parse(meta.get("REMOTE_ADDR", ""))
    if peer is None:
        return ""
    value = getattr(settings, "SILKWIRE_TRUSTED_PROXIES", ()) or ()
    networks = _networks(value if isinstance(value, str) else tuple(value))
    if not networks or not _trusted(peer, networks):
        return str(peer)
    for hop in reversed(meta.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _parse(hop)
        if address is None:
            break  # garbage in the chain: stop at the last hop we could trust
        if not _trusted(address, networks):
            return str(address)
        peer = address
    return str(peer)


def address_key(address: str) -> str:
    """The part of an address that names one client: IPv6 by its /64, IPv4 whole.

    An IPv6 subscriber usually holds a whole /64, so limits per single IPv6 address
    would be escaped by changing the last 64 bits.
    """
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address) + "/64"
    return str(parsed)
