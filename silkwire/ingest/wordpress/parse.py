"""Stream a WordPress WXR export one ``<item>`` at a time, refusing hostile XML.

The reader never builds the whole document: lxml's ``iterparse`` hands over one
element at a time and every finished ``<item>`` is cleared together with its
preceding siblings, so memory stays flat however large the export is.

Security (docs/import-notes.md D.1): the parser runs with ``resolve_entities=False,
no_network=True, load_dtd=False, huge_tree=False``, and any ``<!DOCTYPE`` (the
only place an ``<!ENTITY`` can be declared) is refused before lxml sees a byte,
as WordPress's own importer does. That stops billion-laughs, quadratic blowup,
XXE and DTD retrieval.

Control characters (docs/import-notes.md A.3.2): WordPress does not strip the
XML-illegal C0 controls, and real exports contain them. They are removed from
the byte stream before parsing (raw and as ``&#N;`` references) and every
removal is reported with its byte offset. If the document still does not
parse, a second pass with ``recover=True`` reads the items after the break and
flags ``needs_review`` exactly the items whose lines hold a parse error (from the
first line of the ``<item>`` to the line of its closing tag). That does not depend
on how far ahead lxml parses before it hands over events (lxml 6.2 reads bigger
chunks, so the strict pass may fail before yielding the items in front of the break).

The byte guard lives in ``wxr_source``, the field extraction in ``wxr_fields`` and the
records in ``wxr_model``; every name is still importable from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, BinaryIO

from lxml import etree

from silkwire.ingest.wordpress.wxr_fields import (
    CONTENT_NS,
    DC_NS,
    EXCERPT_NS_RE,
    WP_NS_RE,
    WXRFields,
    _local,
    _text,
)
from silkwire.ingest.wordpress.wxr_model import (
    WXRAuthor,
    WXRChannel,
    WXRError,
    WXRItem,
    WXRSecurityError,
    WXRTerm,
)
from silkwire.ingest.wordpress.wxr_source import (
    MAX_PROLOG_BYTES,
    ScrubLog,
    _ScrubbingReader,
    open_export,
)

MAX_WXR_VERSION = (1, 2)  # WordPress importer: max_wxr_version = 1.2
ZERO_DATE = "0000-00-00 00:00:00"


def _has_error_within(elem: etree._Element, error_log) -> bool:
    """Return whether the parser reported an error between an element's first and last line.

    The element's closing tag is taken to be on the line after its last descendant
    starts (WordPress writes ``</item>`` on a line of its own).
    """
    first = elem.sourceline or 0
    last = max((d.sourceline or 0 for d in elem.iterdescendants()), default=first) + 1
    return any(first <= (e.line or 0) <= last for e in error_log)


class WXRReader(WXRFields):
    """Read one WXR document: the channel (authors, terms) and then items, streaming.

    ``items()`` yields :class:`WXRItem` as they are parsed; ``channel`` fills up as
    the channel header goes by (WordPress writes it before the first item).
    """

    def __init__(self, stream: BinaryIO, name: str = "export", max_bytes: int | None = None):
        self.stream = stream
        self.name = name
        self.max_bytes = max_bytes
        self.channel = WXRChannel()
        self.scrubbed = ScrubLog()
        self.warnings: list[str] = []
        self.recovered_after: int | None = None
        self._wp_ns: str | None = None

    def _parser(self, source: IO[bytes], recover: bool) -> etree.iterparse:
        return etree.iterparse(
            source,
            events=("end",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            recover=recover,
            tag=(
                "{*}item",
                "{*}channel",
                "{*}author",
                "{*}category",
                "{*}tag",
                "{*}term",
                "{*}wxr_version",
                "{*}base_site_url",
                "{*}base_blog_url",
                "{*}title",
                "{*}link",
                "{*}language",
            ),
        )

    def items(self) -> Iterator[WXRItem]:
        """Yield every ``<item>``; on a syntax error, re-read the rest in recover mode."""
        source = _ScrubbingReader(self.stream, self.name, self.scrubbed, self.max_bytes)
        seen = 0
        try:
            for item in self._iter(self._parser(source, recover=False)):
                seen += 1
                yield item
        except etree.XMLSyntaxError as exc:
            self._refuse_if_entity(exc)
            if not self.stream.seekable():
                raise WXRError(f"{self.name}: not well-formed XML: {self._describe(exc)}") from exc
            self.recovered_after = seen
            self.stream.seek(0)
            log = ScrubLog()
            retry = _ScrubbingReader(self.stream, self.name, log, self.max_bytes)
            index = 0
            flagged: list[int] = []
            events = self._parser(retry, recover=True)
            try:
                for item in self._iter(events, recovering=True):
                    index += 1
                    if index <= seen:
                        continue  # read normally by the strict pass already
                    if item.needs_review:
                        flagged.append(item.post_id)
                    yield item
            except etree.XMLSyntaxError as exc2:  # recovery gave up too
                self._refuse_if_entity(exc2)
                raise WXRError(
                    f"{self.name}: unreadable even in recovery mode: {self._describe(exc2)}"
                ) from exc2
            lines = sorted({e.line for e in events.error_log if e.line})
            shown = ", ".join(str(n) for n in lines[:10]) + (" …" if len(lines) > 10 else "")
            self.warnings.append(
                f"{self.name}: not well-formed XML ({self._describe(exc)}); read again in recovery "
                f"mode. Parse errors on line(s) {shown}; the item(s) holding them were flagged for "
                f"review: {', '.join(map(str, flagged)) or 'none'}."
            )
        if self.scrubbed.count:
            offsets = ", ".join(str(o) for o in self.scrubbed.offsets)
            more = " …" if self.scrubbed.count > len(self.scrubbed.offsets) else ""
            self.warnings.append(
                f"{self.name}: removed {self.scrubbed.count} XML-illegal character(s) (control characters, U+FFFE/U+FFFF, surrogates) "
                f"at byte offset(s) {offsets}{more}"
            )

    @staticmethod
    def _describe(exc: etree.XMLSyntaxError) -> str:
        last = exc.error_log.last_error if exc.error_log else None
        if last is not None and (not str(exc) or "no element found" in str(exc)):
            return f"line {last.line}, column {last.column}: {last.message}"
        return str(exc)

    def _refuse_if_entity(self, exc: etree.XMLSyntaxError) -> None:
        message = self._describe(exc)
        last = exc.error_log.last_error if exc.error_log else None
        if (last is not None and "ENTITY" in (last.type_name or "")) or (
            "Entity" in message and ("not defined" in message or "declared" in message)
        ):
            raise WXRSecurityError(
                f"{self.name}: refused — undeclared entity reference ({message}). WXR uses only "
                "the five XML entities and numeric references; fix or remove the entity."
            ) from exc

    def _iter(self, events: etree.iterparse, recovering: bool = False) -> Iterator[WXRItem]:
        channel = self.channel
        for _, elem in events:
            ns, local = _local(elem.tag)
            parent = elem.getparent()
            parent_local = _local(parent.tag)[1] if parent is not None else ""
            if local == "item" and not ns:
                item = self._item(elem)
                if item is not None and recovering:
                    item.needs_review = _has_error_within(elem, events.error_log)
                elem.clear(keep_tail=False)
                # Drop what came before, so the tree never grows (lxml FAQ, iterparse) — but
                # not inside another item, where recovery nested it: those are its fields.
                while parent_local == "channel" and elem.getprevious() is not None:
                    del parent[0]
                if item is not None:
                    yield item
                continue
            if parent_local != "channel":
                continue
            if local == "author" and self._is_wp(ns):
                author = self._author(elem)
                if author.login:
                    channel.authors[author.login] = author
            elif local == "category" and self._is_wp(ns):
                term = self._term(
                    elem,
                    "category",
                    "category_nicename",
                    "cat_name",
                    "category_parent",
                    "category_description",
                )
                channel.categories[term.slug] = term
            elif local == "tag" and self._is_wp(ns):
                term = self._term(elem, "post_tag", "tag_slug", "tag_name", "", "tag_description")
                channel.tags[term.slug] = term
            elif local == "term" and self._is_wp(ns):
                term = self._term(
                    elem, "", "term_slug", "term_name", "term_parent", "term_description"
                )
                channel.terms.append(term)
            elif local == "wxr_version" and self._is_wp(ns):
                channel.wxr_version = _text(elem).strip()
                self._check_version()
            elif local == "base_site_url" and self._is_wp(ns):
                channel.base_site_url = _text(elem).strip()
            elif local == "base_blog_url" and self._is_wp(ns):
                channel.base_blog_url = _text(elem).strip()
            elif local == "title" and not ns:
                channel.title = _text(elem).strip()
            elif local == "link" and not ns:
                channel.link = _text(elem).strip()
            elif local == "language" and not ns:
                channel.language = _text(elem).strip()
            else:
                continue
            elem.clear(keep_tail=False)
        if not channel.wxr_version:
            raise WXRError(
                f"{self.name}: no <wp:wxr_version> in the channel — this is not a WordPress "
                "export (WXR). Export again from Tools → Export."
            )

    def _check_version(self) -> None:
        version = self.channel.wxr_version
        if not re.fullmatch(r"\d+\.\d+", version):
            raise WXRError(
                f"{self.name}: <wp:wxr_version> is {version!r}, not a version number; "
                "this file was not written by WordPress."
            )
        major, minor = (int(p) for p in version.split("."))
        if (major, minor) > MAX_WXR_VERSION:
            self.warnings.append(
                f"{self.name}: WXR version {version} is newer than 1.2; reading it as 1.2."
            )


def iter_export(
    path: str | Path, max_bytes: int | None = None, warnings: list[str] | None = None
) -> Iterator[tuple[WXRChannel, WXRItem]]:
    """Yield ``(channel, item)`` for every item of every document in the export file."""
    for name, stream in open_export(path, max_bytes):
        reader = WXRReader(stream, name, max_bytes)
        for item in reader.items():
            yield reader.channel, item
        if warnings is not None:
            warnings.extend(reader.warnings)


# --- Dates -------------------------------------------------------------------------------------


def parse_wp_datetime(value: str) -> datetime | None:
    """Return the naive datetime of a ``YYYY-MM-DD HH:MM:SS`` WXR date, None for the zero date."""
    value = (value or "").strip()
    if not value or value.startswith("0000-00-00"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def site_offset(item: WXRItem) -> timedelta | None:
    """Return ``post_date - post_date_gmt`` for an item that has both, rounded to 15 minutes."""
    local = parse_wp_datetime(item.post_date)
    gmt = parse_wp_datetime(item.post_date_gmt)
    if local is None or gmt is None:
        return None
    minutes = round((local - gmt).total_seconds() / 900) * 15
    if abs(minutes) > 14 * 60:
        return None
    return timedelta(minutes=minutes)


def item_datetime(gmt_value: str, local_value: str, offset: timedelta | None) -> datetime | None:
    """Return an aware UTC datetime: the GMT field, else local time minus the site offset."""
    gmt = parse_wp_datetime(gmt_value)
    if gmt is not None:
        return gmt.replace(tzinfo=UTC)
    local = parse_wp_datetime(local_value)
    if local is None:
        return None
    return (local - (offset or timedelta(0))).replace(tzinfo=UTC)


__all__ = [
    "CONTENT_NS",
    "DC_NS",
    "EXCERPT_NS_RE",
    "MAX_PROLOG_BYTES",
    "MAX_WXR_VERSION",
    "WP_NS_RE",
    "ZERO_DATE",
    "ScrubLog",
    "WXRAuthor",
    "WXRChannel",
    "WXRError",
    "WXRItem",
    "WXRReader",
    "WXRSecurityError",
    "WXRTerm",
    "item_datetime",
    "iter_export",
    "open_export",
    "parse_wp_datetime",
    "site_offset",
]
