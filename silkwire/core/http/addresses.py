"""Address checks for every hop: the shared URL validator (:mod:`silkwire.core.urls_policy`),
then DNS resolution with *every* answer checked, so a fetch connects only to public addresses
(unless ``SILKWIRE_FETCH_ALLOW_PRIVATE``)."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import httpx

from silkwire.core.http.errors import AddressNotAllowed, FetchFailed, FetchTimeout
from silkwire.core.urls_policy import URLRefused, address_refusal, check_url

Resolver = Callable[[str, int], Iterable[str]]

_dns_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="silkwire-dns")


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve ``host`` with the system resolver; return every address, in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        if sockaddr[0] not in seen:
            seen.append(sockaddr[0])
    return seen


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _checked(url: str) -> httpx.URL:
    """Return ``url`` normalised by the shared validator, or raise :class:`AddressNotAllowed`.

    Every spelling of an IP literal (``0177.0.0.1``, ``2130706433``, ``[::ffff:127.0.0.1]``)
    is read as a browser reads it and checked, and rewritten so httpx can parse it.
    """
    try:
        checked = check_url(url)
    except URLRefused as exc:
        raise AddressNotAllowed(str(exc), url=url) from None
    try:
        return httpx.URL(checked.url)
    except httpx.InvalidURL as exc:
        raise AddressNotAllowed(f"Refusing {url}: {exc} (rule: syntax).", url=url) from None


def _resolve_checked(
    url: httpx.URL, resolver: Resolver, allow_private: bool, deadline: float
) -> list[str]:
    """Return the addresses for ``url``'s host, all of them checked, or raise."""
    text = str(url)
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    if _is_ip_literal(host):
        addresses = [host]
    else:
        future = _dns_pool.submit(resolver, host, port)
        try:
            addresses = list(future.result(timeout=max(0.1, deadline - time.monotonic())))
        except FutureTimeout:
            raise FetchTimeout(f"Resolving {host} timed out.", url=text) from None
        except (OSError, UnicodeError) as exc:
            raise FetchFailed(f"Could not resolve {host}: {exc}", url=text) from exc
        if not addresses:
            raise FetchFailed(f"Could not resolve {host}: no addresses.", url=text)
    if not allow_private:
        for address in addresses:
            reason = address_refusal(address)
            if reason:
                where = f"{host} is" if address == host else f"{host} resolves to {address},"
                raise AddressNotAllowed(
                    f"Refusing {text}: {where} {reason}. "
                    "Set SILKWIRE_FETCH_ALLOW_PRIVATE=1 only for tests and intranet sources.",
                    url=text,
                )
    return addresses
