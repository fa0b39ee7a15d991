"""The client's address: the TCP peer, or X-Forwarded-For only when the peer is a trusted proxy."""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]):
    return tuple(ipaddress.ip_network(e, strict=False) for e in entries)


def _parse(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return any(address in net for net in networks if address.version == net.version)


def client_ip(request) -> str | None:
    """Return the address to lock out and log for ``request``.

    A client can write any X-Forwarded-For it likes, so the header is read only when the peer
    (REMOTE_ADDR) is one of ``SILKWIRE_TRUSTED_PROXIES``; then the nearest address in it that
    is not itself a trusted proxy is the client (walking from the right, the hops our proxies
    appended; anything further left was written by the client).
    """
    peer = _parse(request.META.get("REMOTE_ADDR", "") or "")
    if peer is None:
        return None
    networks = _networks(tuple(getattr(settings, "SILKWIRE_TRUSTED_PROXIES", ()) or ()))
    if not networks or not _trusted(peer, networks):
        return str(peer)
    client = peer
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            break  # garbage from the client's side: keep the last hop our proxies vouched for
        client = address
        if not _trusted(address, networks):
            break
    return str(client)
