"""HTML sanitising with nh3: the only way outside HTML enters a page."""

from __future__ import annotations

import nh3

INLINE_TAGS = {"a", "b", "strong", "i", "em", "br"}
RICH_TAGS = INLINE_TAGS | {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "pre",
    "sub",
    "sup",
    "cite",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def _clean(html: str, tags: set[str]) -> str:
    return nh3.clean(
        html,
        tags=tags,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def _clean_to_fixed_point(html: str, tags: set[str]) -> str:
    """Clean until a pass changes nothing, so sanitising stored HTML again never alters it.

    One nh3 pass is not idempotent: a removed element can leave a leading U+FEFF that the
    next parse drops, and a heading nested in a heading is re-parsed as two siblings.
    """
    cleaned = _clean(html, tags)
    for _ in range(3):  # two passes settle every case found; the bound is a safety net
        again = _clean(cleaned, tags)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def sanitize_inline(html: str) -> str:
    """Return ``html`` with only bold, italic, links and line breaks kept."""
    return _clean_to_fixed_point(html, INLINE_TAGS)


def sanitize_rich(html: str) -> str:
    """Return ``html`` with structural tags kept and every script, style, iframe and handler gone."""
    return _clean_to_fixed_point(html, RICH_TAGS)
