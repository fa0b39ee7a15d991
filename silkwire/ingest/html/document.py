"""Bytes → HTML text and the small text/URL helpers the extractor shares: decoding (HTTP
charset, ``<meta charset>``, detection), control characters, plain text, http(s) URLs."""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from urllib.parse import urljoin, urlsplit

import nh3

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\ufeff\ufffe\uffff\ud800-\udfff]"
)
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,20})|0*([0-9]{1,20}));?")


def plain_text(value: str | None) -> str:
    """Return ``value`` without markup, entities decoded, controls dropped, spaces collapsed."""
    if not value:
        return ""
    cleaned = htmllib.unescape(nh3.clean(value, tags=set()))
    cleaned = _CONTROL.sub("", unicodedata.normalize("NFC", cleaned))
    return " ".join(cleaned.split())


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Return (text, encoding): the HTTP charset, then ``<meta charset>``, then detection."""
    candidates = [charset] if charset else []
    found = _META_CHARSET.search(data[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii", "ignore"))
    if data.startswith(b"\xef\xbb\xbf"):
        candidates.insert(0, "utf-8-sig")
    for name in candidates:
        try:
            return data.decode(name), name.lower()
        except (LookupError, ValueError):  # UnicodeError from idna/punycode is no DecodeError
            continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        return data.decode(best.encoding, errors="replace"), best.encoding
    # Legacy Central Asian sites: cp1251 is the likeliest single-byte encoding.
    return data.decode("cp1251", errors="replace"), "cp1251"


def _drop_illegal_refs(html_text: str) -> str:
    """Drop ``&#N;`` references to characters XML forbids (``&#1;``, ``&#65534;``, ``&#99999999;``).

    lxml decodes them into the tree and trafilatura then fails to copy that text into its
    XML output (ValueError), losing the whole page for one bad character.
    """

    def keep(match: re.Match[str]) -> str:
        hex_digits, digits = match.groups()
        code = int(hex_digits, 16) if hex_digits else int(digits)
        illegal = (
            (code < 0x20 and code not in (0x9, 0xA, 0xD))
            or 0xD800 <= code <= 0xDFFF
            or code in (0xFFFE, 0xFFFF)
            or code > 0x10FFFF
        )
        return "" if illegal else match.group()

    return _CHAR_REF.sub(keep, html_text) if "&#" in html_text else html_text


def http_url(base: str, value: str) -> str:
    """Return ``value`` made absolute against ``base`` when it is an http(s) URL, else ""."""
    try:
        absolute = urljoin(base, value.strip())
        scheme = urlsplit(absolute).scheme
    except ValueError:  # "http://[" — an unclosed IPv6 bracket
        return ""
    return absolute if scheme in ("http", "https") else ""


def _join(base: str, value: str) -> str:
    try:
        return urljoin(base, value)
    except ValueError:
        return ""  # an unparseable URL is left out of the report


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` plausibly is an HTML document (for files without a type)."""
    head = text[:4096].lstrip().lower()
    if "\x00" in head:
        return False
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|article|p|div|h1)[\s>]", head)
    )
