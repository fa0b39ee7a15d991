"""Walk post HTML and emit contract blocks (paragraph, heading, list, quote, image, embed, rich text)."""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from silkwire.core.sanitize import sanitize_inline, sanitize_rich
from silkwire.ingest.wordpress.embeds import embed_url

_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "footer",
    "span",
    "center",
    "body",
    "html",
    "font",
    "details",
    "nav",
    "summary",
}
_DROP_SILENT = {
    "style",
    "noscript",
    "template",
    "hr",
    "br",
    "input",
    "button",
    "select",
    "textarea",
    "label",
    "link",
    "meta",
    "source",
    "track",
    "colgroup",
    "col",
}
_DROP_REPORTED = {"script", "form", "object", "embed", "applet", "svg", "math", "canvas"}
_INLINE = {
    "a",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "strike",
    "del",
    "ins",
    "sub",
    "sup",
    "small",
    "big",
    "span",
    "code",
    "mark",
    "abbr",
    "cite",
    "q",
    "kbd",
    "var",
    "time",
    "font",
    "br",
    "tt",
    "acronym",
    "dfn",
    "bdi",
    "bdo",
    "wbr",
}


_TAG_RE = re.compile(r"<[^>]*>")
_EDGE_JUNK = ("<br>", "&nbsp;")


def _trim_breaks(html: str) -> str:
    """Strip whitespace, ``<br>`` and ``&nbsp;`` from both ends (a regex here backtracks badly)."""
    while True:
        before = html
        html = html.strip()
        for junk in _EDGE_JUNK:
            while html.startswith(junk):
                html = html[len(junk) :].lstrip()
            while html.endswith(junk):
                html = html[: -len(junk)].rstrip()
        if html == before:
            return html


def clean_text(text: str | None) -> str:
    """Collapse runs of whitespace (str.split is several times faster than a regex here)."""
    return " ".join((text or "").split())


def _outer(el: etree._Element) -> str:
    return lxml.html.tostring(el, encoding="unicode", with_tail=False)


def _inner(el: etree._Element) -> str:
    parts = [html_lib.escape(el.text, quote=False)] if el.text else []
    parts.extend(lxml.html.tostring(child, encoding="unicode") for child in el)
    return "".join(parts)


def _int_or_none(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


class _Walker:
    """Walk parsed HTML and emit contract blocks, collecting warnings as it goes."""

    def __init__(self, warnings: Counter) -> None:
        self.blocks: list[dict] = []
        self.warnings = warnings
        self._inline: list[str] = []

    # -- inline runs (text and inline elements between block elements) become paragraphs
    def _flush(self) -> None:
        if self._inline:
            self._paragraph("".join(self._inline))
            self._inline = []

    def _paragraph(self, inner_html: str) -> None:
        html = _trim_breaks(sanitize_inline(inner_html))
        if not html:
            return
        # The HTML is sanitised (inline tags only), so dropping tags leaves its text.
        text_only = clean_text(html_lib.unescape(_TAG_RE.sub("", html)))
        if not text_only:
            return
        # WordPress auto-embeds a known provider URL alone on its line.
        url = embed_url(text_only) if re.fullmatch(r"https?://\S+", text_only) else None
        if url:
            self.blocks.append({"type": "embed", "url": url, "caption": ""})
        elif "<" in html or "&" in html:
            self.blocks.append({"type": "paragraph", "html": html})
        else:
            self.blocks.append({"type": "paragraph", "text": html})

    def feed_html(self, html: str) -> None:
        if not html.strip():
            return
        try:
            root = lxml.html.fragment_fromstring(html, create_parent="div")
        except (etree.ParserError, ValueError):
            return
        for bad in list(root.iter(*_DROP_REPORTED)):
            self.warnings[f"<{bad.tag}> removed"] += 1
            bad.drop_tree()
        self.walk_children(root)
        self._flush()

    def walk_children(self, el: etree._Element) -> None:
        if el.text:
            self._inline.append(html_lib.escape(el.text, quote=False))
        for child in el:
            self.walk(child)
            if child.tail:
                self._inline.append(html_lib.escape(child.tail, quote=False))

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if not tag:  # comment or processing instruction
            return
        if tag in _INLINE and not self._has_block_media(el):
            if tag == "br":
                self._inline.append("<br>")
            else:
                self._inline.append(lxml.html.tostring(el, encoding="unicode", with_tail=False))
            return
        self._flush()
        if tag == "p":
            self._p(el)
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            text = clean_text(el.text_content())
            if text:
                self.blocks.append(
                    {
                        "type": "heading",
                        "text": text[:255],
                        "level": 2 if tag in {"h1", "h2"} else 3,
                    }
                )
        elif tag in {"ul", "ol"}:
            items = self._list_items(el)
            if items:
                self.blocks.append({"type": "list", "items": items, "ordered": tag == "ol"})
        elif tag == "blockquote":
            self._quote(el)
        elif tag == "figure":
            self._figure(el)
        elif tag == "img":
            self._image(el, "")
        elif tag == "iframe":
            self._iframe(el)
        elif tag in {"video", "audio"}:
            self._media_link(el)
        elif tag in {"table", "pre", "dl", "address"}:
            self._rich(el)
        elif tag == "a" or tag in _INLINE:
            # An inline element wrapping an image: the image becomes its own block.
            self._media_in(el)
        elif tag in _DROP_REPORTED:
            self.warnings[f"<{tag}> removed"] += 1
        elif tag in _DROP_SILENT:
            return
        elif el.get("data-wp-gallery") is not None:
            ids = [int(i) for i in re.findall(r"\d+", el.get("data-wp-gallery", ""))]
            self.blocks.append({"type": "_gallery", "ids": ids or None})
        elif tag in _CONTAINERS or tag in {"li", "dd", "dt", "caption", "figcaption", "tr", "td"}:
            self.walk_children(el)
            self._flush()
        else:
            self.warnings[f"<{tag}> kept as rich text"] += 1
            self._rich(el)

    @staticmethod
    def _has_block_media(el: etree._Element) -> bool:
        return any(True for _ in el.iter("img", "iframe", "video", "audio", "figure"))

    def _media_in(self, el: etree._Element) -> None:
        for media in el.iter("img", "iframe", "video", "audio", "figure"):
            self.walk(media)
        text = clean_text(el.text_content())
        if text:
            self._paragraph(html_lib.escape(text, quote=False))

    def _p(self, el: etree._Element) -> None:
        media = list(el.iter("img", "iframe", "video", "audio", "figure"))
        if not media:
            self._paragraph(_inner(el))
            return
        # Images inside a paragraph become their own blocks after the paragraph text.
        for m in media:
            parent = m.getparent()
            holder = parent if parent is not None and parent.tag == "a" and len(parent) == 1 else m
            self.walk(m)
            hp = holder.getparent()
            if hp is not None:
                holder.drop_tree()
        self._paragraph(_inner(el))

    def _list_items(self, el: etree._Element) -> list[str]:
        items: list[str] = []
        for li in el:
            if not isinstance(li.tag, str) or li.tag.lower() != "li":
                continue
            nested = [c for c in li if isinstance(c.tag, str) and c.tag.lower() in {"ul", "ol"}]
            for sub in nested:
                li.remove(sub)
            text = clean_text(li.text_content())
            if text:
                items.append(text[:2000])
            for sub in nested:
                items.extend(f"– {t}" for t in self._list_items(sub))
        return items

    def _quote(self, el: etree._Element) -> None:
        attribution = ""
        for cite in el.iter("cite", "footer"):
            attribution = clean_text(cite.text_content())
            cite.drop_tree()
            break
        paras = [clean_text(p.text_content()) for p in el.iter("p")]
        paras = [p for p in paras if p]
        text = "\n\n".join(paras) if paras else clean_text(el.text_content())
        if not attribution:
            m = re.search(r"\n*\s*[—–-]\s*([^\n—–-][^\n]{0,80})$", text)
            if m and len(paras) > 1 and paras[-1].startswith(("—", "–", "-")):
                attribution = m.group(1).strip()
                text = "\n\n".join(paras[:-1])
        if text:
            self.blocks.append({"type": "quote", "text": text, "attribution": attribution[:255]})

    def _figure(self, el: etree._Element) -> None:
        caption_el = next(iter(el.iter("figcaption")), None)
        caption = clean_text(caption_el.text_content()) if caption_el is not None else ""
        embed = el.get("data-wp-embed")
        classes = el.get("class", "")
        if embed is not None or "wp-block-embed" in classes:
            src = embed or clean_text(
                (el.find(".//div").text_content() if el.find(".//div") is not None else "")
                or el.text_content().replace(caption, "")
            )
            iframe = next(iter(el.iter("iframe")), None)
            if not src and iframe is not None:
                src = iframe.get("src", "")
            url = src if re.match(r"https?://", src or "") else None
            if url:
                self.blocks.append({"type": "embed", "url": url, "caption": caption[:500]})
            else:
                self.warnings["embed without a URL dropped"] += 1
            return
        imgs = list(el.iter("img"))
        if imgs:
            att = _int_or_none(el.get("data-wp-attachment"))
            for i, img in enumerate(imgs):
                self._image(img, caption if i == len(imgs) - 1 else "", att if i == 0 else None)
            return
        if any(True for _ in el.iter("table")):
            self._rich(el)
            return
        for media in el.iter("iframe", "video", "audio"):
            self.walk(media)
            return
        self.walk_children(el)
        self._flush()

    def _image(self, img: etree._Element, caption: str, attachment_id: int | None = None) -> None:
        src = (img.get("src") or "").strip()
        if attachment_id is None:
            m = re.search(r"wp-image-(\d+)", img.get("class", ""))
            attachment_id = int(m.group(1)) if m else _int_or_none(img.get("data-id"))
        if not src and attachment_id is None:
            return
        self.blocks.append(
            {
                "type": "_image",
                "attachment_id": attachment_id,
                "src": src,
                "caption": caption[:500],
                "alt": clean_text(img.get("alt")),
            }
        )

    def _iframe(self, el: etree._Element) -> None:
        url = embed_url(el.get("src", ""))
        if url:
            self.blocks.append({"type": "embed", "url": url, "caption": ""})
        else:
            host = urlsplit(el.get("src", "")).hostname or "no source"
            self.warnings[f"<iframe> from {host} removed"] += 1

    def _media_link(self, el: etree._Element) -> None:
        src = el.get("src") or next((s.get("src") for s in el.iter("source") if s.get("src")), "")
        if src and re.match(r"https?://", src):
            url = embed_url(src)
            if url:
                self.blocks.append({"type": "embed", "url": url, "caption": ""})
            else:
                safe = html_lib.escape(src)
                self.blocks.append({"type": "paragraph", "html": f'<a href="{safe}">{safe}</a>'})

    def _rich(self, el: etree._Element) -> None:
        html = sanitize_rich(_outer(el)).strip()
        if clean_text(lxml.html.fromstring(f"<div>{html}</div>").text_content()) if html else "":
            self.blocks.append({"type": "rich_text", "html": html})
