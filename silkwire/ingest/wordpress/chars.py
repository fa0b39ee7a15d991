"""Characters WordPress exports but XML forbids, and so lxml refuses.

XML 1.0 allows tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
U+10000–U+10FFFF. WordPress stores whatever the editor pasted, and its exporter
writes it back out: C0 controls, U+FFFE/U+FFFF and lone surrogates turn up raw and as
numeric character references (``&#65534;``, ``&#xFFFE;``, and in post HTML even
``&#1`` without the semicolon, which HTML parsers still decode). lxml raises
``ValueError`` the moment such a character reaches a tree, so they are removed first.
"""

from __future__ import annotations

import re

# Every character outside XML 1.0's Char production.
_ILLEGAL_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A numeric reference as HTML parsers read it: the semicolon is optional.
_HTML_REF_RE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
# Candidate references in XML (semicolon required) that may name a forbidden code point:
# decimal below 100 or of 5+ digits, hex of 1–2 digits, D###/F### or 5+ digits. The exact
# check is done on each candidate, so ordinary references (&#8217;) cost one regex scan.
_XML_REF_CANDIDATE_RE = re.compile(
    rb"&#(?:0*[0-9]{1,2}|0*[0-9]{5,}|[xX]0*[0-9a-fA-F]{1,2}|[xX]0*[dDfF][0-9a-fA-F]{3}"
    rb"|[xX]0*[0-9a-fA-F]{5,});"
)
# Raw UTF-8 for U+FFFE, U+FFFF and the surrogates U+D800–U+DFFF (invalid UTF-8 itself).
ILLEGAL_UTF8_RE = re.compile(rb"\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf][\x80-\xbf]")


def is_xml_char(code_point: int) -> bool:
    """Return whether XML 1.0 allows this code point in a document."""
    return (
        code_point in (0x9, 0xA, 0xD)
        or 0x20 <= code_point <= 0xD7FF
        or 0xE000 <= code_point <= 0xFFFD
        or 0x10000 <= code_point <= 0x10FFFF
    )


def _ref_code_point(hex_digits: str | bytes | None, dec_digits: str | bytes | None) -> int:
    digits = hex_digits or dec_digits or b"0"
    if len(digits.lstrip(b"0" if isinstance(digits, bytes) else "0")) > 8:
        return 0x110000  # beyond Unicode (and int() of a huge run of digits is refused)
    return int(hex_digits, 16) if hex_digits else int(dec_digits or b"0")


def illegal_xml_refs(data: bytes) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each ``&#…;`` reference in XML bytes to a forbidden character."""
    spans = []
    for match in _XML_REF_CANDIDATE_RE.finditer(data):
        body = match.group()[2:-1]
        is_hex = body[:1] in (b"x", b"X")
        code = _ref_code_point(body[1:] if is_hex else None, None if is_hex else body)
        if not is_xml_char(code):
            spans.append(match.span())
    return spans


def xml_safe_html(html: str) -> tuple[str, int]:
    """Return the HTML without XML-forbidden characters (raw or referenced), and how many went."""
    removed = 0

    def drop(match: re.Match) -> str:
        nonlocal removed
        if is_xml_char(_ref_code_point(match.group(1), match.group(2))):
            return match.group()
        removed += 1
        return ""

    if "&#" in html:
        html = _HTML_REF_RE.sub(drop, html)
    html, raw = _ILLEGAL_RE.subn("", html)
    return html, removed + raw
