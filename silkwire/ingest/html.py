"""An article page (HTML) → metadata and body blocks. Pure: no network, no database.

Pipeline (IMPORT_NOTES.md C.1): decode the bytes (HTTP charset, then ``<meta charset>``, then
detection) → structured metadata first (JSON-LD ``NewsArticle``/``Article``, OpenGraph and
``article:*`` meta, ``<link rel=canonical>``, ``<html lang>``) with trafilatura's metadata as the
fallback → the main text with ``trafilatura.bare_extraction`` (precision first, recall when the
text is short) → its XML tree mapped to the block contract of ``silkwire.news.blocks`` →
every bit of markup sanitised with nh3 (``silkwire.core.sanitize``).
"""

from __future__ import annotations

import html as htmllib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
import nh3
import trafilatura
from lxml import etree

from silkwire.core.sanitize import sanitize_inline, sanitize_rich

MIN_TEXT_CHARS = 250  # trafilatura's MIN_EXTRACTED_SIZE; shorter → retry favouring recall
MIN_ARTICLE_CHARS = 100  # less than this is a menu or an index page, not an article
MAX_TITLE_CHARS = 1000  # IMPORT_NOTES D.4
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HREFLESS_LINK = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.S)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\ufeff\ufffe\uffff\ud800-\udfff]"
)
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,20})|0*([0-9]{1,20}));?")
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "report",
    "webpage",
}


class ExtractionError(ValueError):
    """The page has no extractable article text."""


@dataclass
class ExtractedPage:
    title: str
    blocks: list[dict]
    text: str
    url: str = ""
    canonical_url: str = ""
    author: str = ""
    published: datetime | None = None
    date: str = ""  # as found (ISO 8601 when known)
    language: str = ""
    site_name: str = ""
    description: str = ""
    images: list[str] = field(default_factory=list)  # found, not imported
    dropped: dict[str, int] = field(default_factory=dict)  # elements left out, by kind
    encoding: str = ""
    extractor: str = f"trafilatura {trafilatura.__version__}"

    @property
    def source_url(self) -> str:
        """Return the page's address for the credit line: an http(s) URL or ""."""
        from silkwire.core.urls_policy import URLRefused, check_url

        for candidate in (self.canonical_url, self.url):
            if not candidate:
                continue
            try:
                # Only the URL's form matters here (nothing is fetched): no javascript:,
                # no credentials.
                return check_url(candidate, allow_private=True).url
            except URLRefused:
                continue
        return ""

    def as_report(self) -> dict:
        """Return a JSON-serialisable summary of what was extracted."""
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["source_url"] = self.source_url
        data["characters"] = len(self.text)
        data["block_counts"] = _count_types(self.blocks)
        return data


def _count_types(blocks: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for block in blocks:
        counts[block["type"]] = counts.get(block["type"], 0) + 1
    return counts


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


# --- metadata ---------------------------------------------------------------------------------


def _json_ld_objects(tree) -> list[dict]:
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, TypeError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                    found.append(item)
    # Most specific first: a NewsArticle beats the WebPage that wraps it.
    found.sort(key=lambda o: str(o.get("@type")).lower() in {"webpage", "['webpage']"})
    return found


def _ld_author(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("name") or "")
    if isinstance(value, list):
        names = [_ld_author(v) for v in value]
        return ", ".join(n for n in names if n)
    return ""


def _meta(tree, *names: str) -> str:
    for name in names:
        values = tree.xpath(
            "//meta[@property=$n or @name=$n or @itemprop=$n]/@content", n=name
        )  # XPath variables: never built from page text
        for value in values:
            if value and value.strip():
                return value.strip()
    return ""


def parse_datetime(value: str) -> datetime | None:
    """Parse an ISO 8601 date or date-time; None when it is not one."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class _Meta:
    title: str = ""
    author: str = ""
    date: str = ""
    canonical: str = ""
    language: str = ""
    site_name: str = ""
    description: str = ""


def structured_metadata(tree, base_url: str) -> _Meta:
    """Return the metadata the page states explicitly (JSON-LD, OpenGraph, link/meta tags)."""
    meta = _Meta()
    for obj in _json_ld_objects(tree):
        meta.title = meta.title or plain_text(str(obj.get("headline") or obj.get("name") or ""))
        meta.author = meta.author or plain_text(_ld_author(obj.get("author")))
        meta.date = meta.date or str(obj.get("datePublished") or obj.get("dateCreated") or "")
        meta.description = meta.description or plain_text(str(obj.get("description") or ""))
        url = obj.get("url") or (obj.get("mainEntityOfPage") or {})
        if isinstance(url, dict):
            url = url.get("@id") or ""
        if isinstance(url, str) and url.startswith(("http://", "https://", "/")):
            meta.canonical = meta.canonical or http_url(base_url, url)
    meta.title = meta.title or plain_text(_meta(tree, "og:title", "twitter:title"))
    meta.author = meta.author or plain_text(_meta(tree, "article:author", "author"))
    meta.date = meta.date or _meta(
        tree, "article:published_time", "datePublished", "pubdate", "date", "dc.date"
    )
    meta.description = meta.description or plain_text(_meta(tree, "og:description", "description"))
    meta.site_name = plain_text(_meta(tree, "og:site_name", "application-name"))
    # The canonical URL becomes the article's source link: http(s) only, never javascript:.
    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        if http_url(base_url, href):
            meta.canonical = http_url(base_url, href)
            break
    if not meta.canonical:
        og_url = _meta(tree, "og:url")
        if og_url.startswith(("http://", "https://")):
            meta.canonical = http_url("", og_url)
    langs = (
        tree.xpath("/html/@lang")
        or tree.xpath(
            '//meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content'
        )
        or [_meta(tree, "og:locale", "language")]
    )
    lang = langs[0] or ""
    meta.language = lang.strip().replace("_", "-").split("-")[0].lower()[:8] if lang else ""
    if meta.author.startswith(("http://", "https://")):
        meta.author = ""  # article:author is often a profile URL, not a name
    return meta


# --- body ---------------------------------------------------------------------------------------


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


def _bare(html_text: str, url: str | None, **options):
    return trafilatura.bare_extraction(
        html_text,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=True,
        include_links=True,
        include_formatting=True,
        **options,
    )


def extract_page(data: bytes | str, *, url: str = "", charset: str | None = None) -> ExtractedPage:
    """Extract an article page: metadata and body blocks. Raises :class:`ExtractionError`."""
    if isinstance(data, bytes):
        html_text, encoding = decode_html(data, charset)
    else:
        html_text, encoding = data, ""
    html_text = _drop_illegal_refs(_CONTROL.sub("", html_text))
    if not html_text.strip():
        raise ExtractionError("The page is empty.")
    # lxml refuses str input that still carries an XML encoding declaration.
    html_text = re.sub(r"^\s*<\?xml[^>]*\?>", "", html_text)
    try:
        tree = lxml.html.document_fromstring(html_text)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"The page is not parseable HTML: {exc}") from exc
    meta = structured_metadata(tree, url)

    try:
        doc = _bare(html_text, url or None, favor_precision=True)
        if doc is None or len(doc.text or "") < MIN_TEXT_CHARS:
            retry = _bare(html_text, url or None, favor_recall=True)
            if retry is not None and len(retry.text or "") > len((doc and doc.text) or ""):
                doc = retry
    except ValueError as exc:  # lxml refusing a character trafilatura copied
        raise ExtractionError(f"The extractor could not read the page: {exc}") from exc
    if doc is None or doc.body is None or not (doc.text or "").strip():
        raise ExtractionError(
            "No article text found: the page may be an index, need JavaScript, or be empty."
        )

    title = meta.title or plain_text(doc.title)
    if not title:
        h1 = tree.xpath("//h1")
        title = _text(h1[0]) if h1 else plain_text(tree.findtext(".//title") or "")
    title = title[:MAX_TITLE_CHARS] or "Untitled"
    blocks, images, dropped = body_to_blocks(doc.body, title=title)
    text = "\n\n".join(_block_text(b) for b in blocks)
    if len(text) < MIN_ARTICLE_CHARS:
        raise ExtractionError(
            f"Only {len(text)} characters of text found: this looks like an index or menu "
            "page, not an article."
        )
    date_text = meta.date or (doc.date or "")
    published = parse_datetime(date_text)
    author = meta.author or plain_text(doc.author)
    return ExtractedPage(
        title=title,
        blocks=blocks,
        text=text,
        url=url,
        canonical_url=meta.canonical,
        author=author,
        published=published,
        date=published.isoformat() if published else date_text,
        language=meta.language or (doc.language or ""),
        site_name=meta.site_name or plain_text(doc.sitename),
        description=meta.description or plain_text(doc.description),
        images=[i for i in dict.fromkeys(_join(url, src) for src in images) if i],
        dropped=dropped,
        encoding=encoding,
    )


def _block_text(block: dict) -> str:
    if block["type"] == "list":
        return "\n".join(block["items"])
    if "text" in block:
        return block["text"]
    return plain_text(block.get("html", ""))
