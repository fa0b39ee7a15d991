"""Classic-editor content: shortcodes and WordPress's ``wpautop`` line-break rules."""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter

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
