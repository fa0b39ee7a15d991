"""The client: :func:`fetch` follows redirects by hand, checks each hop, pins the connection to a
checked address and reads the body under the caps (rules in :mod:`silkwire.core.http`)."""

from __future__ import annotations

import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin

import httpx
from django.conf import settings

from silkwire import __version__
from silkwire.core.http.addresses import (
    Resolver,
    _checked,
    _is_ip_literal,
    _resolve_checked,
    system_resolver,
)
from silkwire.core.http.errors import FetchFailed, FetchTimeout, TooManyRedirects
from silkwire.core.http.limits import SIZE_LIMITS, _read_capped, _timeouts

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Headers that must not follow a redirect to another host.
CREDENTIAL_HEADERS = ("authorization", "cookie", "proxy-authorization")


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
