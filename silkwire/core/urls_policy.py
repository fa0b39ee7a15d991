"""The one URL validator for addresses we will fetch: ``wire add``, the feed form, ``ingest html``
and every hop of :func:`silkwire.core.http.fetch` (docs/security.md, "Validating input at the door").

A URL is read the way a browser (WHATWG URL standard) and libc's ``inet_aton`` read it, so
that no spelling of an address slips past: the host is percent-decoded and UTS #46-mapped
(full-width digits, ideographic dots), and a host whose last label is a number is an IPv4
address in any of its forms — ``2130706433``, ``0177.0.0.1``, ``0x7f.1``, ``127.1`` — which is
rewritten to dotted-decimal in the URL we return. IPv6 literals are read by :mod:`ipaddress`.

Rules, each named in :attr:`URLRefused.rule`:

- ``syntax``: not an absolute URL, whitespace or control characters, a backslash in the
  authority, a host that is not a valid name or address.
- ``scheme``: only http and https.
- ``credentials``: no ``user:password@``.
- ``port``: the scheme's default port or one of ``SILKWIRE_FETCH_ALLOWED_PORTS``.
- ``address``: no private, loopback, link-local, reserved... address literal and no
  ``localhost`` name.

``SILKWIRE_FETCH_ALLOW_PRIVATE`` lifts the ``port`` and ``address`` rules (tests, intranets).
Names are not resolved here: :func:`silkwire.core.http.fetch` resolves them and checks every
answer at connect time.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
DEFAULT_ALLOWED_PORTS = frozenset({80, 443, 8080, 8443})

_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
# WHATWG "forbidden domain code points" (after percent-decoding), minus the dot.
_FORBIDDEN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
_DIGITS = re.compile(r"[0-9]+")
_HEX = re.compile(r"0[xX][0-9a-fA-F]*")


class URLRefused(ValueError):
    """A URL we will not fetch; ``rule`` names the rule it broke."""

    def __init__(self, url: str, rule: str, reason: str) -> None:
        super().__init__(f"Refusing {url}: {reason} (rule: {rule}).")
        self.url = url
        self.rule = rule
        self.reason = reason


@dataclass(frozen=True)
class CheckedURL:
    url: str  # the URL with its host normalised (IP literals in canonical form)
    scheme: str
    host: str  # lower-case name, dotted IPv4 or bare IPv6
    port: int  # explicit or the scheme's default
    address: ipaddress.IPv4Address | ipaddress.IPv6Address | None  # when the host is an IP


def address_refusal(address: str) -> str | None:
    """Return why connecting to ``address`` is not allowed, or None when it is public.

    Pure: does not look at settings; callers decide whether to apply it.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return "an IPv4-mapped IPv6 address"
        if any(ip in net for net in _NAT64):
            return "a NAT64 address"
        if ip.sixtofour is not None and address_refusal(str(ip.sixtofour)):
            return "a 6to4 address wrapping a non-public IPv4 address"
        if ip.teredo is not None:
            return "a Teredo address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "the unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (this includes cloud metadata at 169.254.169.254)"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "a carrier-grade NAT address (100.64.0.0/10)"
    if ip.is_private:
        return "a private-network address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "not a public address"
    return None


def parse_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Return the address when ``host`` ends in a number (WHATWG), else None.

    Raises ValueError when it ends in a number but is not a valid IPv4 address (browsers
    refuse such a URL). Each part is decimal, octal (leading 0) or hex (0x); the last part
    fills the bytes left, as ``inet_aton`` does.
    """
    labels = host.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels = labels[:-1]
    last = labels[-1]
    if not (_DIGITS.fullmatch(last) or _HEX.fullmatch(last)):
        return None
    if len(labels) > 4:
        raise ValueError("more than four parts")
    numbers = []
    for label in labels:
        if label == "":
            raise ValueError("an empty part")
        if _HEX.fullmatch(label):
            numbers.append(int(label[2:] or "0", 16))
        elif len(label) > 1 and label[0] == "0" and _DIGITS.fullmatch(label):
            if not re.fullmatch(r"[0-7]+", label):
                raise ValueError(f"{label!r} is not an octal number")
            numbers.append(int(label, 8))
        elif _DIGITS.fullmatch(label):
            numbers.append(int(label))
        else:
            raise ValueError(f"{label!r} is not a number")
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise ValueError("a part is out of range")
    value = numbers[-1]
    for i, n in enumerate(numbers[:-1]):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _normalise_host(
    raw: str, url: str
) -> tuple[str, ipaddress.IPv4Address | ipaddress.IPv6Address | None]:
    """Return (host, address or None) as a browser would read ``raw``, or refuse it."""
    if raw.startswith("["):
        if not raw.endswith("]"):
            raise URLRefused(url, "syntax", "an unclosed IPv6 bracket")
        try:
            ip6 = ipaddress.IPv6Address(raw[1:-1])
        except ValueError:
            raise URLRefused(url, "syntax", f"{raw} is not a valid IPv6 address") from None
        # An IPv4-mapped address is shown in its IPv4 form: that is where it goes.
        return str(ip6), ip6
    host = unquote(raw)
    if not host.isascii():
        try:
            import idna

            host = idna.uts46_remap(host, std3_rules=False, transitional=False)
        except (ImportError, idna.IDNAError, UnicodeError) as exc:
            raise URLRefused(url, "syntax", f"the host {raw!r} is not a valid name") from exc
    host = host.lower()
    if not host or _FORBIDDEN_HOST.search(host):
        raise URLRefused(url, "syntax", f"the host {raw!r} is not a valid name or address")
    try:
        ip4 = parse_ipv4(host)
    except ValueError as exc:
        raise URLRefused(
            url, "syntax", f"the host {raw!r} is not a valid IPv4 address ({exc})"
        ) from None
    if ip4 is not None:
        return str(ip4), ip4
    if not host.isascii():
        try:
            import idna

            host = idna.encode(host, uts46=False).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise URLRefused(url, "syntax", f"the host {raw!r} is not a valid name") from exc
    return host, None


def allowed_ports() -> frozenset[int]:
    return frozenset(getattr(settings, "SILKWIRE_FETCH_ALLOWED_PORTS", DEFAULT_ALLOWED_PORTS))


def check_url(url: str, *, allow_private: bool | None = None) -> CheckedURL:
    """Return the URL normalised when we may fetch it; raise :class:`URLRefused` otherwise.

    ``allow_private`` defaults to ``settings.SILKWIRE_FETCH_ALLOW_PRIVATE``.
    """
    if allow_private is None:
        allow_private = bool(getattr(settings, "SILKWIRE_FETCH_ALLOW_PRIVATE", False))
    shown = repr(url) if _CONTROL.search(url) else url
    if _CONTROL.search(url.strip()) or not url.strip():
        raise URLRefused(shown, "syntax", "whitespace or control characters in the URL")
    url = url.strip()
    scheme, sep, rest = url.partition(":")
    if not sep or not rest.startswith("//"):
        raise URLRefused(url, "syntax", "not an absolute http(s) URL")
    scheme = scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise URLRefused(url, "scheme", f"only http and https URLs are fetched, not {scheme}:")
    authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
    if "\\" in authority:
        # Browsers read a backslash as "/", urllib does not: the two would see other hosts.
        raise URLRefused(url, "syntax", "a backslash in the host part")
    if "@" in authority:
        raise URLRefused(url, "credentials", "credentials in the URL (user:password@) are not sent")
    try:
        parts = urlsplit(url)
        explicit_port = parts.port
    except ValueError as exc:
        raise URLRefused(
            url, "port" if "port" in str(exc).lower() else "syntax", str(exc)
        ) from None
    raw_host = authority
    if raw_host.startswith("["):
        raw_host = raw_host[: raw_host.find("]") + 1] if "]" in raw_host else raw_host
    elif ":" in raw_host:
        raw_host = raw_host.rsplit(":", 1)[0]
    if not raw_host:
        raise URLRefused(url, "syntax", "the URL has no host")
    host, address = _normalise_host(raw_host, url)
    port = explicit_port if explicit_port is not None else DEFAULT_PORTS[scheme]
    if not allow_private:
        reason = address_refusal(str(address)) if address is not None else None
        if address is None and (
            host.rstrip(".") == "localhost" or host.rstrip(".").endswith(".localhost")
        ):
            reason = "a loopback name (localhost)"
        if reason:
            raise URLRefused(
                url,
                "address",
                f"{host} is {reason}; set SILKWIRE_FETCH_ALLOW_PRIVATE=1 only for tests and "
                "intranet sources",
            )
        if port != DEFAULT_PORTS[scheme] and port not in allowed_ports():
            raise URLRefused(
                url,
                "port",
                f"port {port} is not allowed (allowed: the scheme's default and "
                f"{', '.join(str(p) for p in sorted(allowed_ports()))}; see "
                "SILKWIRE_FETCH_ALLOWED_PORTS)",
            )
    netloc_host = f"[{host}]" if isinstance(address, ipaddress.IPv6Address) else host
    netloc = netloc_host if explicit_port is None else f"{netloc_host}:{explicit_port}"
    normalised = urlunsplit((scheme, netloc, parts.path or "/", parts.query, parts.fragment))
    return CheckedURL(normalised, scheme, host, port, address)
