"""The one safe HTTP client: everything in Silkwire that reaches out goes through :func:`fetch`.

Rules (docs/ingest.md, "Safe fetching", and docs/security.md; design: docs/import-notes.md
D.3/D.4):

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

The package: :mod:`.client` (:func:`fetch`, :class:`FetchResult`), :mod:`.addresses` (URL and
address checks, DNS), :mod:`.limits` (size caps, timeouts), :mod:`.errors`. Import the names
from here.
"""

from __future__ import annotations

from silkwire.core.http.addresses import Resolver, system_resolver
from silkwire.core.http.client import (
    CREDENTIAL_HEADERS,
    REDIRECT_STATUSES,
    FetchResult,
    fetch,
    user_agent,
)
from silkwire.core.http.errors import (
    AddressNotAllowed,
    FetchError,
    FetchFailed,
    FetchTimeout,
    ResponseTooLarge,
    TooManyRedirects,
)
from silkwire.core.http.limits import SIZE_LIMITS
from silkwire.core.urls_policy import (  # noqa: F401 - re-exported: callers import them from here
    ALLOWED_SCHEMES,
    DEFAULT_ALLOWED_PORTS,
    URLRefused,
    address_refusal,
    check_url,
)

__all__ = [
    "CREDENTIAL_HEADERS",
    "REDIRECT_STATUSES",
    "SIZE_LIMITS",
    "AddressNotAllowed",
    "FetchError",
    "FetchFailed",
    "FetchResult",
    "FetchTimeout",
    "Resolver",
    "ResponseTooLarge",
    "TooManyRedirects",
    "fetch",
    "system_resolver",
    "user_agent",
]
