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


def sanitize_inline(html: str) -> str:
    """Return ``html`` with only bold, italic, links and line breaks kept."""
    return nh3.clean(
        html,
        tags=INLINE_TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def sanitize_rich(html: str) -> str:
    """Return ``html`` with structural tags kept and every script, style, iframe and handler gone."""
    return nh3.clean(
        html,
        tags=RICH_TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
