"""trafilatura's XML body → blocks of the contract of ``silkwire.news.blocks``, every bit of
markup sanitised with nh3 (``silkwire.core.sanitize``)."""

from __future__ import annotations

import html as htmllib
import re

from lxml import etree

from silkwire.core.sanitize import sanitize_inline, sanitize_rich
from silkwire.ingest.html.document import plain_text

_HREFLESS_LINK = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.S)


def _inline_html(el) -> str:
    """Return the inline content of a trafilatura element as HTML (b/i/a only)."""
    parts = [htmllib.escape(el.text or "", quote=False)]
    for child in el:
        inner = _inline_html(child)
        if child.tag == "hi":
            tag = {"#b": "b", "#i": "i"}.get(child.get("rend", ""))
            parts.append(f"<{tag}>{inner}</{tag}>" if tag else inner)
        elif child.tag == "ref":
            target = child.get("target", "")
            parts.append(f'<a href="{htmllib.escape(target)}">{inner}</a>' if target else inner)
        elif child.tag == "lb":
            parts.append("<br>")
        else:
            parts.append(inner)
        parts.append(htmllib.escape(child.tail or "", quote=False))
    return "".join(parts)


def _text(el) -> str:
    return plain_text(etree.tostring(el, method="text", encoding="unicode", with_tail=False))


def _paragraph(el) -> dict | None:
    text = _text(el)
    if not text:
        return None
    if any(child.tag in ("hi", "ref") for child in el.iter()):
        html = sanitize_inline(_inline_html(el)).strip()
        html = re.sub(r"(<br>\s*)+$", "", html)
        html = _HREFLESS_LINK.sub(r"\1", html)  # a link whose javascript: URL was removed
        return {"type": "paragraph", "html": html}
    return {"type": "paragraph", "text": text}


def _table_html(el) -> str:
    rows = []
    for row in el.iter("row"):
        cells = []
        for cell in row.iter("cell"):
            tag = "th" if cell.get("role") == "head" else "td"
            cells.append(f"<{tag}>{htmllib.escape(_text(cell), quote=False)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return sanitize_rich("<table><tbody>" + "".join(rows) + "</tbody></table>")


def body_to_blocks(body, *, title: str = "") -> tuple[list[dict], list[str], dict[str, int]]:
    """Map trafilatura's XML body to contract blocks; return (blocks, image URLs, dropped)."""
    blocks: list[dict] = []
    images: list[str] = []
    dropped: dict[str, int] = {}
    title_key = plain_text(title).casefold()
    for el in body:
        tag = el.tag
        if tag == "head":
            text = _text(el)
            if not text or (not blocks and text.casefold() == title_key):
                continue  # the page's own headline repeats the title
            level = 3 if el.get("rend", "h2") in ("h3", "h4", "h5", "h6") else 2
            blocks.append({"type": "heading", "text": text[:255], "level": level})
        elif tag == "p":
            block = _paragraph(el)
            if block:
                blocks.append(block)
        elif tag == "list":
            items = [_text(item) for item in el.iter("item")]
            items = [i for i in items if i]
            if items:
                blocks.append(
                    {"type": "list", "items": items, "ordered": el.get("rend", "") == "ol"}
                )
        elif tag == "quote":
            paras = [_text(p) for p in el.iter("p")] or [_text(el)]
            text = "\n\n".join(p for p in paras if p)
            if text:
                blocks.append({"type": "quote", "text": text, "attribution": ""})
        elif tag == "table":
            blocks.append({"type": "rich_text", "html": _table_html(el)})
        elif tag == "graphic":
            if el.get("src"):
                images.append(el.get("src"))
        elif tag == "code":
            text = _text(el)
            if text:
                blocks.append({"type": "paragraph", "text": text})
        else:
            dropped[str(tag)] = dropped.get(str(tag), 0) + 1
        # Images nested in paragraphs or lists are listed too (not imported).
        if tag != "graphic":
            images.extend(g.get("src") for g in el.iter("graphic") if g.get("src"))
    return blocks, images, dropped


def _block_text(block: dict) -> str:
    if block["type"] == "list":
        return "\n".join(block["items"])
    if "text" in block:
        return block["text"]
    return plain_text(block.get("html", ""))
