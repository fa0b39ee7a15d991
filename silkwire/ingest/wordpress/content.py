"""WordPress post content → body block dicts (the contract in docs/content-model.md).

Pipeline (docs/import-notes.md A.3.5): split Gutenberg block comments from freeform
(classic) runs → expand ``[caption]``/``[gallery]``/``[embed]`` shortcodes →
``wpautop`` the classic runs → walk the HTML and emit paragraph, heading, list,
quote, image, embed blocks; everything else becomes nh3-sanitised rich text.
Scripts, styles and iframes never survive: an iframe of a known video/social
provider becomes an embed block, any other iframe is dropped and reported.

Pure: no database. Images come out as ``{"type": "_image", "attachment_id",
"src", "caption", "alt"}`` and galleries as ``{"type": "_gallery", "ids"}``;
the importer resolves them to Wagtail images (``WordPressImporter._resolve_media``).

The HTML walk lives in ``html_walker`` and provider URLs in ``embeds``; this module turns
Gutenberg blocks into walker input. Every name is still importable from here.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from dataclasses import dataclass

import lxml.html
import nh3

from silkwire.ingest.wordpress.chars import xml_safe_html
from silkwire.ingest.wordpress.classic import expand_shortcodes, wpautop
from silkwire.ingest.wordpress.embeds import EMBED_HOSTS, embed_url
from silkwire.ingest.wordpress.gutenberg import GBlock, parse_blocks
from silkwire.ingest.wordpress.html_walker import _int_or_none, _Walker, clean_text

# --- Gutenberg blocks → contract blocks -----------------------------------------------------------
_SKIP_BLOCKS = {"more", "nextpage", "separator", "spacer", "freeform-placeholder"}
_CONTAINER_BLOCKS = {
    "group",
    "columns",
    "column",
    "cover",
    "media-text",
    "row",
    "stack",
    "details",
    "buttons",
    "button",
    "query",
    "post-template",
    "comments",
}


@dataclass
class Conversion:
    blocks: list[dict]
    warnings: Counter

    def warning_lines(self) -> list[str]:
        return [f"{msg} ×{n}" if n > 1 else msg for msg, n in sorted(self.warnings.items())]


def _convert_gblock(block: GBlock, walker: _Walker) -> None:
    name = block.name
    if name in _SKIP_BLOCKS:
        return
    if name == "image":
        html = block.html()
        before = len(walker.blocks)
        walker.feed_html(html)
        att = _int_or_none(block.attrs.get("id"))
        for b in walker.blocks[before:]:
            if b["type"] == "_image" and att is not None:
                b["attachment_id"] = att
        return
    if name == "gallery":
        inner = [p for p in block.parts if isinstance(p, GBlock)]
        if inner:
            for child in inner:
                _convert_gblock(child, walker)
            return
        ids = [i for i in (_int_or_none(x) for x in block.attrs.get("ids", [])) if i is not None]
        if ids:
            walker.blocks.append({"type": "_gallery", "ids": ids})
        else:
            walker.feed_html(block.html())
        return
    if name == "embed" or name.startswith("core-embed/"):
        url = str(block.attrs.get("url", "")).strip()
        if re.match(r"https?://", url):
            m = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", block.html(), re.S)
            caption = (
                clean_text(lxml.html.fromstring(f"<p>{m.group(1)}</p>").text_content()) if m else ""
            )
            walker.blocks.append({"type": "embed", "url": url, "caption": caption[:500]})
        else:
            walker.feed_html(block.html())
        return
    if name == "shortcode":
        walker.feed_html(wpautop(expand_shortcodes(block.html(), walker.warnings)))
        return
    if name in {"freeform", "classic"}:
        walker.feed_html(wpautop(expand_shortcodes(block.html(), walker.warnings)))
        return
    inner_blocks = [p for p in block.parts if isinstance(p, GBlock)]
    if name in _CONTAINER_BLOCKS or (inner_blocks and name not in {"list", "quote", "pullquote"}):
        # Containers: their own markup (a cover's image, a media-text's media) and then
        # their inner blocks, in document order.
        for part in block.parts:
            if isinstance(part, GBlock):
                _convert_gblock(part, walker)
            else:
                walker.feed_html(part)
        return
    html = block.html()
    if not html.strip():
        walker.warnings[f"dynamic block wp:{name} has no stored content"] += 1
        return
    walker.feed_html(html)


def convert_content(content: str) -> Conversion:
    """Return the body blocks and warnings for a post's ``content:encoded``."""
    warnings: Counter = Counter()
    walker = _Walker(warnings)
    content, removed = xml_safe_html(content)
    if removed:
        warnings["XML-illegal character(s) removed (control characters, U+FFFE/U+FFFF)"] += 1
    if "<!-- wp:" not in content:
        walker.feed_html(wpautop(expand_shortcodes(content, warnings)))
        return Conversion(walker.blocks, warnings)
    for part in parse_blocks(content):
        if isinstance(part, GBlock):
            _convert_gblock(part, walker)
        elif part.strip():
            walker.feed_html(wpautop(expand_shortcodes(part, warnings)))
    return Conversion(walker.blocks, warnings)


def plain_text(html: str, limit: int | None = None) -> str:
    """Return the text of an HTML fragment (an excerpt) with tags and scripts removed."""
    if not html or not html.strip():
        return ""
    html = xml_safe_html(html)[0]
    cleaned = nh3.clean(html, tags=set(), clean_content_tags={"script", "style"})
    text = clean_text(html_lib.unescape(cleaned))
    return text[:limit] if limit else text


__all__ = [
    "EMBED_HOSTS",
    "Conversion",
    "GBlock",
    "clean_text",
    "convert_content",
    "embed_url",
    "expand_shortcodes",
    "parse_blocks",
    "plain_text",
    "wpautop",
]
