"""The metadata a page states explicitly: JSON-LD ``NewsArticle``/``Article``, OpenGraph and
``article:*`` meta, ``<link rel=canonical>``, ``<html lang>``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from silkwire.ingest.html.document import http_url, plain_text

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
