"""Pull an item's, author's and term's fields out of WXR elements, matching namespaces by URI."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from silkwire.ingest.wordpress.wxr_model import WXRAuthor, WXRItem, WXRTerm

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Match namespaces by URI pattern, never by prefix (docs/import-notes.md A.3.2).
WP_NS_RE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/$")
EXCERPT_NS_RE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/excerpt/$")
_RSS_ITEM_FIELDS = {
    "title",
    "link",
    "pubDate",
    "guid",
    "description",
    "category",
    "comments",
    "author",
    "enclosure",
    "source",
}


def _local(tag: object) -> tuple[str, str]:
    if not isinstance(tag, str):
        return "", ""
    if tag[0] == "{":
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _text(elem: etree._Element) -> str:
    return elem.text or ""


def _int(value: str, default: int = 0) -> int:
    try:
        return int(value.strip())
    except (ValueError, AttributeError):
        return default


class WXRFields:
    """Field extraction for :class:`~silkwire.ingest.wordpress.parse.WXRReader` (a mixin)."""

    name: str
    warnings: list[str]
    _wp_ns: str | None

    def _is_wp(self, ns: str) -> bool:
        if ns == self._wp_ns:
            return True
        if WP_NS_RE.match(ns):
            self._wp_ns = ns
            return True
        return False

    def _children(self, elem: etree._Element) -> dict[str, str]:
        values: dict[str, str] = {}
        for child in elem:
            ns, local = _local(child.tag)
            if local and (not ns or self._is_wp(ns)):
                values[local] = child.text or ""
        return values

    def _author(self, elem: etree._Element) -> WXRAuthor:
        v = self._children(elem)
        return WXRAuthor(
            login=v.get("author_login", "").strip(),
            display_name=v.get("author_display_name", "").strip(),
            email=v.get("author_email", "").strip(),
            first_name=v.get("author_first_name", "").strip(),
            last_name=v.get("author_last_name", "").strip(),
            author_id=_int(v["author_id"]) if "author_id" in v else None,
        )

    def _term(self, elem, taxonomy, slug_key, name_key, parent_key, desc_key) -> WXRTerm:
        v = self._children(elem)
        return WXRTerm(
            taxonomy=taxonomy or v.get("term_taxonomy", "").strip(),
            slug=v.get(slug_key, "").strip(),
            name=v.get(name_key, "").strip(),
            parent=v.get(parent_key, "").strip() if parent_key else "",
            description=v.get(desc_key, "").strip(),
        )

    def _item_children(self, elem: etree._Element) -> Iterator[etree._Element]:
        """Yield an item's fields; a stray element (left by recovery mode) is looked into."""
        for child in elem:
            ns, local = _local(child.tag)
            if not ns and len(child):
                # A field holding elements (``<title>a <b></title>`` read in recovery mode)
                # swallowed the fields after it: keep its text and look into it.
                if local in _RSS_ITEM_FIELDS:
                    yield child
                yield from self._item_children(child)
            else:
                yield child

    def _item(self, elem: etree._Element) -> WXRItem | None:
        values: dict[str, str] = {}
        terms: list[tuple[str, str, str]] = []
        meta: dict[str, str] = {}
        comments = 0
        for child in self._item_children(elem):
            ns, local = _local(child.tag)
            if not local:
                continue
            if not ns:
                if local == "category":
                    domain = child.get("domain")
                    if domain is None:
                        continue  # WXR 1.0 repeats each term once without a domain
                    terms.append((domain, child.get("nicename", ""), (child.text or "").strip()))
                else:
                    values[local] = child.text or ""
            elif ns == CONTENT_NS and local == "encoded":
                values["content"] = child.text or ""
            elif EXCERPT_NS_RE.match(ns) and local == "encoded":
                values["excerpt"] = child.text or ""
            elif ns == DC_NS and local == "creator":
                values["creator"] = (child.text or "").strip()
            elif self._is_wp(ns):
                if local == "postmeta":
                    kv = self._children(child)
                    key = kv.get("meta_key", "")
                    if key:
                        meta[key] = kv.get("meta_value", "")
                elif local == "comment":
                    comments += 1
                else:
                    values[local] = child.text or ""
        if "post_id" not in values:
            self.warnings.append(
                f"{self.name}: line {elem.sourceline}: an <item> without "
                "<wp:post_id> was skipped (not a WordPress item)."
            )
            return None
        return WXRItem(
            post_id=_int(values["post_id"], -1),
            post_type=values.get("post_type", "post").strip(),
            status=values.get("status", "").strip(),
            title=values.get("title", "").strip(),
            link=values.get("link", "").strip(),
            guid=values.get("guid", "").strip(),
            creator=values.get("creator", ""),
            content=values.get("content", ""),
            excerpt=values.get("excerpt", ""),
            post_name=values.get("post_name", "").strip(),
            post_date=values.get("post_date", "").strip(),
            post_date_gmt=values.get("post_date_gmt", "").strip(),
            post_modified=values.get("post_modified", "").strip(),
            post_modified_gmt=values.get("post_modified_gmt", "").strip(),
            post_parent=_int(values.get("post_parent", "0")),
            menu_order=_int(values.get("menu_order", "0")),
            password=values.get("post_password", ""),
            is_sticky=values.get("is_sticky", "0").strip() == "1",
            attachment_url=values.get("attachment_url", "").strip(),
            terms=terms,
            meta=meta,
            comments=comments,
            line=elem.sourceline,
        )
