"""An article page (HTML) → metadata and body blocks. Pure: no network, no database.

Pipeline (docs/ingest.md, "HTML pages"): decode the bytes (HTTP charset, then
``<meta charset>``, then detection) → structured metadata first (JSON-LD
``NewsArticle``/``Article``, OpenGraph and ``article:*`` meta, ``<link rel=canonical>``,
``<html lang>``) with trafilatura's metadata as the fallback → the main text with
``trafilatura.bare_extraction`` (precision first, recall when the text is short) → its XML tree
mapped to the block contract of ``silkwire.news.blocks`` → every bit of markup sanitised with
nh3 (``silkwire.core.sanitize``).

The package: :mod:`.document` (decoding, text and URL helpers), :mod:`.metadata` (what the page
states), :mod:`.blocks` (body → blocks); this module runs them and returns an
:class:`ExtractedPage`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime

import lxml.html
import trafilatura
from lxml import etree

from silkwire.ingest.html.blocks import _block_text, _text, body_to_blocks
from silkwire.ingest.html.document import (
    _CONTROL,
    HTML_MEDIA_TYPES,
    _drop_illegal_refs,
    _join,
    decode_html,
    http_url,
    looks_like_html,
    plain_text,
)
from silkwire.ingest.html.metadata import parse_datetime, structured_metadata

__all__ = [
    "HTML_MEDIA_TYPES",
    "MAX_TITLE_CHARS",
    "MIN_ARTICLE_CHARS",
    "MIN_TEXT_CHARS",
    "ExtractedPage",
    "ExtractionError",
    "body_to_blocks",
    "decode_html",
    "extract_page",
    "http_url",
    "looks_like_html",
    "parse_datetime",
    "plain_text",
    "structured_metadata",
]

MIN_TEXT_CHARS = 250  # trafilatura's MIN_EXTRACTED_SIZE; shorter → retry favouring recall
MIN_ARTICLE_CHARS = 100  # less than this is a menu or an index page, not an article
MAX_TITLE_CHARS = 1000  # docs/import-notes.md D.4


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
