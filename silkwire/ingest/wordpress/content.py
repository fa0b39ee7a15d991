"""WordPress post content → body block dicts (the contract in docs/content-model.md).

Pipeline (IMPORT_NOTES.md A.3.5): split Gutenberg block comments from freeform
(classic) runs → expand ``[caption]``/``[gallery]``/``[embed]`` shortcodes →
``wpautop`` the classic runs → walk the HTML and emit paragraph, heading, list,
quote, image, embed blocks; everything else becomes nh3-sanitised rich text.
Scripts, styles and iframes never survive: an iframe of a known video/social
provider becomes an embed block, any other iframe is dropped and reported.

Pure: no database. Images come out as ``{"type": "_image", "attachment_id",
"src", "caption", "alt"}`` and galleries as ``{"type": "_gallery", "ids"}``;
the importer resolves them to Wagtail images (see ``importer.resolve_media``).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import lxml.html
import nh3
from lxml import etree

from silkwire.core.sanitize import sanitize_inline, sanitize_rich

# --- Gutenberg block grammar -------------------------------------------------------------------
# '<!-- wp:%s %s/-->' and '<!-- wp:%s %s-->%s<!-- /wp:%s -->' (get_comment_delimited_block_content)
_BLOCK_RE = re.compile(
    r"<!--\s+(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)


@dataclass
class GBlock:
    name: str
    attrs: dict
    parts: list[str | GBlock] = field(default_factory=list)

    def html(self) -> str:
        """Return the block's serialised inner HTML, inner blocks included."""
        return "".join(p if isinstance(p, str) else p.html() for p in self.parts)

    def own_html(self) -> list[str]:
        return [p for p in self.parts if isinstance(p, str)]


def parse_blocks(content: str) -> list[str | GBlock]:
    """Split ``content`` into freeform strings and (nested) Gutenberg blocks."""
    root = GBlock("__root__", {})
    stack = [root]
    pos = 0
    for match in _BLOCK_RE.finditer(content):
        if match.start() > pos:
            stack[-1].parts.append(content[pos : match.start()])
        pos = match.end()
        name = match.group("name")
        if name.startswith("core/"):
            name = name[5:]
        if match.group("close"):
            # Close the innermost open block of that name; stray closers are ignored.
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].name == name:
                    del stack[depth:]
                    break
            continue
        attrs: dict = {}
        if match.group("attrs"):
            try:
                loaded = json.loads(match.group("attrs"))
                attrs = loaded if isinstance(loaded, dict) else {}
            except ValueError:
                attrs = {}
        block = GBlock(name, attrs)
        stack[-1].parts.append(block)
        if not match.group("void"):
            stack.append(block)
    if pos < len(content):
        stack[-1].parts.append(content[pos:])
    return root.parts


# --- Shortcodes ----------------------------------------------------------------------------------
_SHORTCODE_RE = re.compile(
    r"\[(?P<name>[a-zA-Z][\w-]*)(?P<attrs>(?:[^\]\"']|\"[^\"]*\"|'[^']*')*?)(?P<self>/)?\]"
)
_ATTR_RE = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))|(\S+)")
_HANDLED_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "video", "audio"}


def _shortcode_attrs(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for m in _ATTR_RE.finditer(text or ""):
        if m.group(1):
            attrs[m.group(1).lower()] = m.group(2) or m.group(3) or m.group(4) or ""
        elif m.group(5):
            attrs.setdefault("_positional", m.group(5))
    return attrs


def expand_shortcodes(text: str, warnings: Counter) -> str:
    """Replace known shortcodes by block-level HTML the walker understands; count the rest."""
    out: list[str] = []
    pos = 0
    while True:
        match = _SHORTCODE_RE.search(text, pos)
        if not match:
            out.append(text[pos:])
            break
        name = match.group("name").lower()
        attrs = _shortcode_attrs(match.group("attrs"))
        inner = ""
        end = match.end()
        closer = text.find(f"[/{match.group('name')}]", end) if not match.group("self") else -1
        if name in _HANDLED_SHORTCODES and closer != -1:
            inner = text[end:closer]
            end = closer + len(match.group("name")) + 3
        out.append(text[pos : match.start()])
        pos = end
        if name in {"caption", "wp_caption"}:
            att = re.sub(r"\D", "", attrs.get("id", ""))
            # The caption is whatever follows the <img> (or its link) inside the shortcode.
            img = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.I)
            caption = inner[img.end() :] if img else attrs.get("caption", "")
            caption = attrs.get("caption") or caption
            img_html = img.group(0) if img else ""
            out.append(
                f'\n\n<figure data-wp-attachment="{att}">{img_html}'
                f"<figcaption>{caption.strip()}</figcaption></figure>\n\n"
            )
        elif name == "gallery":
            ids = attrs.get("ids") or attrs.get("include") or ""
            out.append(f'\n\n<div data-wp-gallery="{html_lib.escape(ids)}"></div>\n\n')
        elif name == "embed":
            url = (inner or attrs.get("src", "")).strip()
            out.append(f'\n\n<figure data-wp-embed="{html_lib.escape(url)}"></figure>\n\n')
        elif name in {"video", "audio"}:
            src = attrs.get("src") or attrs.get("mp4") or attrs.get("mp3") or inner.strip()
            if src:
                out.append(
                    f'\n\n<p><a href="{html_lib.escape(src)}">{html_lib.escape(src)}</a></p>\n\n'
                )
        else:
            # Unknown shortcode: keep its text so nothing is lost, and report its name.
            warnings[f"unknown shortcode [{name}] kept as text"] += 1
            out.append(match.group(0))
    return "".join(out)


# --- wpautop ---------------------------------------------------------------------------------------
# A port of WordPress's wpautop() (wp-includes/formatting.php): classic-editor
# content is stored without <p>; a blank line means a new paragraph and a single
# newline a <br />.
_ALLBLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|"
    r"map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|"
    r"hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio)"
)
_RE_OPEN_BLOCK = re.compile(r"(<" + _ALLBLOCKS + r"[\s/>])")
_RE_CLOSE_BLOCK = re.compile(r"(</" + _ALLBLOCKS + r">)")
_RE_P_BLOCK = re.compile(r"<p>\s*(</?" + _ALLBLOCKS + r"[^>]*>)\s*</p>")
_RE_P_OPEN = re.compile(r"<p>\s*(</?" + _ALLBLOCKS + r"[^>]*>)")
_RE_P_CLOSE = re.compile(r"(</?" + _ALLBLOCKS + r"[^>]*>)\s*</p>")
_RE_BLOCK_BR = re.compile(r"(</?" + _ALLBLOCKS + r"[^>]*>)\s*<br />")
_RE_BR_BLOCK = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)")
_RE_TAG = re.compile(r"<[^>]*>")


def wpautop(text: str, br: bool = True) -> str:
    """Return ``text`` with double line breaks turned into paragraphs, as WordPress renders it."""
    if not text.strip():
        return ""
    text += "\n"
    pres: list[str] = []
    if "<pre" in text:

        def keep_pre(m: re.Match) -> str:
            pres.append(m.group(0))
            return f"<pre wp-pre-tag-{len(pres) - 1}></pre>"

        text = re.sub(r"<pre[\s>].*?</pre>", keep_pre, text, flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = _RE_OPEN_BLOCK.sub(r"\n\n\1", text)
    text = _RE_CLOSE_BLOCK.sub(r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Newlines inside tags are not line breaks.
    text = _RE_TAG.sub(lambda m: m.group(0).replace("\n", " "), text)
    text = re.sub(r"\n\n+", "\n\n", text)
    pees = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    text = "".join(f"<p>{p.strip(chr(10))}</p>\n" for p in pees)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = _RE_P_BLOCK.sub(r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = _RE_P_OPEN.sub(r"\1", text)
    text = _RE_P_CLOSE.sub(r"\1", text)
    if br:
        text = re.sub(r"<br\s*/?>", "<br />", text)
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = _RE_BLOCK_BR.sub(r"\1", text)
    text = _RE_BR_BLOCK.sub(r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for i, pre in enumerate(pres):
        text = text.replace(f"<pre wp-pre-tag-{i}></pre>", pre)
    return text


# --- Embeds ----------------------------------------------------------------------------------------
EMBED_HOSTS = (
    "youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "vimeo.com",
    "facebook.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "t.me",
    "soundcloud.com",
    "spotify.com",
    "tiktok.com",
    "flickr.com",
    "dailymotion.com",
)


def embed_url(src: str) -> str | None:
    """Return the canonical public URL for a known provider's URL or iframe src, else None."""
    src = (src or "").strip()
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.").removeprefix("m.")
    if not any(host == h or host.endswith("." + h) for h in EMBED_HOSTS):
        return None
    if "youtube" in host and parts.path.startswith("/embed/"):
        video = parts.path.split("/")[2]
        return f"https://www.youtube.com/watch?v={video}" if video else None
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.split('/')[2]}"
    if "youtube" in host and parts.path == "/watch":
        video = parse_qs(parts.query).get("v", [""])[0]
        return f"https://www.youtube.com/watch?v={video}" if video else None
    return src


# --- HTML → blocks -----------------------------------------------------------------------------------
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
    cleaned = nh3.clean(html, tags=set(), clean_content_tags={"script", "style"})
    text = clean_text(html_lib.unescape(cleaned))
    return text[:limit] if limit else text
