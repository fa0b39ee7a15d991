"""The one safe HTTP client: everything in Silkwire that reaches out goes through :func:`fetch`.

Rules (issue #5 §1, IMPORT_NOTES.md D.3/D.4):

- Every URL, the first and each redirect hop, passes the shared validator
  (:mod:`silkwire.core.urls_policy`): http/https only, no user:password, the default ports
  or ``SILKWIRE_FETCH_ALLOWED_PORTS``, and every spelling of an IP literal normalised the
  way browsers and libc read it and refused when it is not public.
- Every hop's host is resolved here, *every* answer is checked, and the connection is
  pinned to a checked address (the request goes to the IP; ``Host`` and TLS SNI/cert
  verification keep the original name), so DNS rebinding between check and connect
  cannot steer us somewhere else. Refused: private, loopback, link-local (including
  169.254.169.254), CGNAT 100.64/10, multicast, reserved, unspecified, IPv4-mapped IPv6,
  NAT64 and 6to4/Teredo addresses that wrap a non-public IPv4.
  ``settings.SILKWIRE_FETCH_ALLOW_PRIVATE`` (off by default) lifts the address and port
  rules for tests and intranet deployments.
- Redirects are followed by hand (at most 3 by default) so each hop is checked.
- The body is streamed and the fetch stops at the size cap of its kind (after
  decompression, so a gzip bomb stops at the cap too).
- Timeouts come from settings: connect, read, and a total deadline for the whole fetch
  (a server dripping one byte per second is cut off too).
- No cookies are kept, no environment proxies are used, and ``Authorization``/``Cookie``
  headers are dropped when a redirect leaves the original host.

HTTP error statuses are *not* exceptions: the caller looks at ``FetchResult.status``.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin

import httpx
from django.conf import settings

from silkwire import __version__
from silkwire.core.urls_policy import (  # noqa: F401 - re-exported: callers import them from here
    ALLOWED_SCHEMES,
    DEFAULT_ALLOWED_PORTS,
    URLRefused,
    address_refusal,
    check_url,
)

# Body size caps per kind of resource (issue #5 §1; COMMON.md).
SIZE_LIMITS: dict[str, int] = {
    "feed": 15 * 1024 * 1024,  # Miniflux HTTP_CLIENT_MAX_BODY_SIZE
    "page": 5_000_000,
    "image": 25_000_000,
    "rates": 2 * 1024 * 1024,
}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Headers that must not follow a redirect to another host.
CREDENTIAL_HEADERS = ("authorization", "cookie", "proxy-authorization")

Resolver = Callable[[str, int], Iterable[str]]


class FetchError(Exception):
    """A fetch that produced no usable HTTP response."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class AddressNotAllowed(FetchError):
    """The URL's scheme, port or resolved address is not one we may connect to."""


class ResponseTooLarge(FetchError):
    """The body is larger than the cap for its kind."""


class TooManyRedirects(FetchError):
    """The redirect chain is longer than allowed."""


class FetchTimeout(FetchError):
    """Connecting, reading or the whole fetch took too long."""


class FetchFailed(FetchError):
    """DNS, connection, TLS or protocol failure."""


@dataclass
class FetchResult:
    url: str  # the final URL, after redirects
    status: int
    headers: httpx.Headers
    content: bytes
    history: list[str] = field(default_factory=list)  # the URLs that redirected, in order
    redirect_statuses: list[int] = field(default_factory=list)  # their statuses, same order

    @property
    def moved_permanently(self) -> bool:
        """True when every redirect on the way was permanent (301/308)."""
        return bool(self.redirect_statuses) and all(s in (301, 308) for s in self.redirect_statuses)

    @property
    def content_type(self) -> str:
        """Return the media type without parameters, lower-cased ("" when absent)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """Return the charset named in Content-Type, if any."""
        raw = self.headers.get("content-type")
        if not raw:
            return None
        msg = Message()
        msg["content-type"] = raw
        return msg.get_param("charset")  # type: ignore[return-value]

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def user_agent() -> str:
    """Return the descriptive User-Agent: name/version and where to find the operator."""
    return f"Silkwire/{__version__} (+{settings.SILKWIRE_BASE_URL})"


_dns_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="silkwire-dns")


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve ``host`` with the system resolver; return every address, in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        if sockaddr[0] not in seen:
            seen.append(sockaddr[0])
    return seen


def _timeouts(timeout: float | None) -> tuple[float, float]:
    """Return (connect, total) seconds from the arguments and settings."""
    total = float(
        timeout if timeout is not None else getattr(settings, "SILKWIRE_FETCH_TIMEOUT", 20)
    )
    connect = float(getattr(settings, "SILKWIRE_FETCH_CONNECT_TIMEOUT", 10))
    return min(connect, total), total


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


def _host_header(url: httpx.URL) -> str:
    host = url.raw_host.decode("ascii")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    default = 443 if url.scheme == "https" else 80
    return host if url.port in (None, default) else f"{host}:{url.port}"


def fetch(
    url: str,
    *,
    kind: str = "page",
    headers: Mapping[str, str] | None = None,
    max_redirects: int = 3,
    transport: httpx.BaseTransport | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    resolver: Resolver | None = None,
    method: str = "GET",
    data: Mapping[str, str] | None = None,
    verify: ssl.SSLContext | bool = True,
) -> FetchResult:
    """Fetch ``url`` safely and return the final response with its (capped) body.

    ``kind`` picks the size cap (see :data:`SIZE_LIMITS`; ``max_bytes`` overrides it).
    ``timeout`` overrides ``SILKWIRE_FETCH_TIMEOUT`` (the total deadline, seconds).
    ``resolver(host, port) -> addresses`` replaces DNS (tests simulate names with it).
    With an injected ``transport`` (tests: ``httpx.MockTransport``) the transport decides
    where bytes go, so the connection is not pinned and host *names* are checked only when
    a ``resolver`` is also given; IP literals are always checked.
    ``verify`` may be an ``ssl.SSLContext`` trusting a private CA (intranet sources, tests);
    certificates are always checked against the URL's host name, also when pinned.
    Raises a :class:`FetchError` subclass; never raises because of an HTTP status.
    """
    if kind not in SIZE_LIMITS and max_bytes is None:
        raise ValueError(f"Unknown fetch kind {kind!r}: use one of {sorted(SIZE_LIMITS)}.")
    cap = max_bytes if max_bytes is not None else SIZE_LIMITS[kind]
    allow_private = bool(settings.SILKWIRE_FETCH_ALLOW_PRIVATE)
    connect_timeout, total = _timeouts(timeout)
    deadline = time.monotonic() + total
    pin = transport is None
    check_names = transport is None or resolver is not None
    resolver = resolver or system_resolver

    base_headers = {"User-Agent": user_agent(), "Accept-Encoding": "gzip, deflate, br"}
    base_headers.update(headers or {})
    history: list[str] = []
    statuses: list[int] = []
    current = _checked(url)
    first_host = current.host
    method = method.upper()

    client = httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(total, connect=connect_timeout),
        follow_redirects=False,
        trust_env=False,
        verify=verify,
    )
    try:
        while True:
            if check_names or _is_ip_literal(current.host):
                addresses = _resolve_checked(current, resolver, allow_private, deadline)
            else:
                addresses = [current.host]
            hop_headers = dict(base_headers)
            if current.host != first_host:
                hop_headers = {
                    k: v for k, v in hop_headers.items() if k.lower() not in CREDENTIAL_HEADERS
                }
            response = _send_pinned(
                client,
                method,
                current,
                addresses,
                hop_headers,
                data,
                pin,
                deadline,
                connect_timeout,
            )
            try:
                location = response.headers.get("location")
                if response.status_code in REDIRECT_STATUSES and location:
                    if len(history) >= max_redirects:
                        raise TooManyRedirects(
                            f"{url} redirected more than {max_redirects} times "
                            f"(last hop {current} → {location}).",
                            url=str(current),
                        )
                    history.append(str(current))
                    statuses.append(response.status_code)
                    try:
                        target = urljoin(str(current), location.strip())
                    except ValueError as exc:
                        raise FetchFailed(
                            f"{current} redirected to an invalid URL {location!r}.",
                            url=str(current),
                        ) from exc
                    current = _checked(target)  # each hop is checked like the first
                    if response.status_code == 303 or (
                        response.status_code in (301, 302) and method == "POST"
                    ):
                        method, data = "GET", None
                    continue
                content = _read_capped(response, cap, kind, str(current), deadline)
                return FetchResult(
                    url=str(current),
                    status=response.status_code,
                    headers=response.headers,
                    content=content,
                    history=history,
                    redirect_statuses=statuses,
                )
            finally:
                response.close()
    finally:
        client.close()


def _send_pinned(
    client: httpx.Client,
    method: str,
    url: httpx.URL,
    addresses: list[str],
    headers: dict[str, str],
    data: Mapping[str, str] | None,
    pin: bool,
    deadline: float,
    connect_timeout: float,
) -> httpx.Response:
    """Send one request, connecting to the first checked address that answers."""
    targets = addresses if pin else [None]
    last_exc: Exception | None = None
    for address in targets:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        # Each read may wait at most what is left of the whole fetch's deadline.
        timeout = httpx.Timeout(remaining, connect=min(connect_timeout, remaining))
        hop_headers = dict(headers)
        extensions: dict[str, object] = {}
        target = url
        if address is not None and address != url.host:
            # Pin: connect to the checked IP, keep the name for Host and TLS (SNI + cert check).
            target = url.copy_with(host=address)
            hop_headers["Host"] = _host_header(url)
            if url.scheme == "https":
                extensions["sni_hostname"] = url.host
        request = client.build_request(
            method, target, headers=hop_headers, data=data, extensions=extensions, timeout=timeout
        )
        try:
            return client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise FetchTimeout(f"Timed out fetching {url}: {exc!r}", url=str(url)) from exc
        except httpx.ConnectError as exc:
            last_exc = exc
            continue
        except httpx.HTTPError as exc:
            raise FetchFailed(f"Fetching {url} failed: {exc!r}", url=str(url)) from exc
    if last_exc is None:
        raise FetchTimeout(f"Timed out fetching {url}.", url=str(url))
    raise FetchFailed(f"Could not connect to {url}: {last_exc}", url=str(url)) from last_exc


def _read_capped(response: httpx.Response, cap: int, kind: str, url: str, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise ResponseTooLarge(
            f"{url} declares {int(declared):,} bytes; the {kind} limit is {cap:,} bytes.", url=url
        )
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise ResponseTooLarge(
                    f"{url} sent more than {cap:,} bytes, the {kind} limit; stopped reading.",
                    url=url,
                )
            if time.monotonic() > deadline:
                raise FetchTimeout(f"Fetching {url} took longer than allowed.", url=url)
            chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise FetchTimeout(f"Timed out reading {url}: {exc!r}", url=url) from exc
    except httpx.HTTPError as exc:
        raise FetchFailed(f"Reading {url} failed: {exc!r}", url=url) from exc
    return b"".join(chunks)
