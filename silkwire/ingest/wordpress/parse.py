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
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, BinaryIO

from lxml import etree

from silkwire.ingest.wordpress.chars import ILLEGAL_UTF8_RE, illegal_xml_refs

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Match namespaces by URI pattern, never by prefix (docs/import-notes.md A.3.2).
WP_NS_RE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/$")
EXCERPT_NS_RE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/excerpt/$")
MAX_WXR_VERSION = (1, 2)  # WordPress importer: max_wxr_version = 1.2
ZERO_DATE = "0000-00-00 00:00:00"

# XML 1.0 forbids every C0 control except tab, newline and carriage return.
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_CONTROL_RE = re.compile(b"[" + re.escape(_CONTROL_BYTES) + b"]")
_READ_SIZE = 1 << 16
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
MAX_PROLOG_BYTES = 1 << 20


class WXRError(Exception):
    """The export cannot be read; the message names the file, the place and the fix."""


class WXRSecurityError(WXRError):
    """The export contains a construct we refuse (DOCTYPE, ENTITY): a bomb or XXE attempt."""


@dataclass
class WXRAuthor:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    author_id: int | None = None


@dataclass
class WXRTerm:
    taxonomy: str  # category | post_tag | custom taxonomy
    slug: str
    name: str
    parent: str = ""  # the parent's slug
    description: str = ""


@dataclass
class WXRChannel:
    title: str = ""
    link: str = ""
    language: str = ""
    wxr_version: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    authors: dict[str, WXRAuthor] = field(default_factory=dict)
    categories: dict[str, WXRTerm] = field(default_factory=dict)
    tags: dict[str, WXRTerm] = field(default_factory=dict)
    terms: list[WXRTerm] = field(default_factory=list)

    @property
    def site_key(self) -> str:
        """Return the key that identifies the source site for idempotency."""
        return (self.base_blog_url or self.base_site_url or self.link).rstrip("/")


@dataclass
class WXRItem:
    post_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified: str = ""
    post_modified_gmt: str = ""
    post_parent: int = 0
    menu_order: int = 0
    password: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, slug, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    line: int | None = None
    needs_review: bool = False

    def categories(self) -> list[tuple[str, str]]:
        return [(slug, name) for domain, slug, name in self.terms if domain == "category"]

    def tags(self) -> list[tuple[str, str]]:
        # WXR 1.0 writes tags with domain="tag" (docs/import-notes.md A.1).
        return [(slug, name) for domain, slug, name in self.terms if domain in {"post_tag", "tag"}]


@dataclass
class ScrubLog:
    """Where control characters were removed: the count and the first offsets."""

    count: int = 0
    offsets: list[int] = field(default_factory=list)

    def add(self, offset: int) -> None:
        self.count += 1
        if len(self.offsets) < 20:
            self.offsets.append(offset)


class _ScrubbingReader(io.RawIOBase):
    """Read bytes, refuse a DOCTYPE in the prolog and drop XML-illegal control characters."""

    def __init__(self, raw: BinaryIO, name: str, log: ScrubLog, max_bytes: int | None) -> None:
        self._raw = raw
        self._name = name
        self._log = log
        self._max_bytes = max_bytes
        self._offset = 0  # bytes consumed from raw
        self._carry = b""
        self._prolog_done = False
        self._prolog = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # pragma: no cover - lxml uses read()
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        while True:
            chunk = self._raw.read(_READ_SIZE if size is None or size < 0 else max(size, 4096))
            start = self._offset - len(self._carry)
            self._offset += len(chunk)
            if self._max_bytes is not None and self._offset > self._max_bytes:
                raise WXRError(
                    f"{self._name}: more than {self._max_bytes} bytes once uncompressed; "
                    "raise SILKWIRE_WXR_MAX_BYTES or split the export (wp export --max_file_size)."
                )
            data = self._carry + chunk
            self._carry = b""
            if chunk:
                # Keep a possible character reference split across reads for the next round.
                amp = data.rfind(b"&", max(0, len(data) - 16))
                if amp != -1 and b";" not in data[amp:]:
                    self._carry = data[amp:]
                    data = data[:amp]
                # Likewise the start of a three-byte sequence (U+FFFE, a surrogate) cut in two.
                elif data[-1:] in (b"\xef", b"\xed") or data[-2:-1] in (b"\xef", b"\xed"):
                    cut = -1 if data[-1:] in (b"\xef", b"\xed") else -2
                    self._carry = data[cut:]
                    data = data[:cut]
            if not self._prolog_done:
                self._check_prolog(data, at_eof=not chunk)
            data = self._scrub(data, start)
            if data or not chunk:
                return data

    def _check_prolog(self, data: bytes, at_eof: bool = False) -> None:
        self._prolog += data
        text = self._prolog
        pos = 0
        if text.startswith(b"\xef\xbb\xbf"):
            pos = 3
        elif text[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise WXRError(f"{self._name}: UTF-16 export; convert it to UTF-8 first (iconv).")
        while True:
            while pos < len(text) and text[pos : pos + 1] in b" \t\r\n":
                pos += 1
            if pos >= len(text):
                break
            if len(text) - pos < 9 and not at_eof:
                break  # "<!--" or "<!DOCTYPE" may be cut by the read: wait for more bytes
            if text.startswith(b"<?", pos):
                end, closer = text.find(b"?>", pos + 2), 2
            elif text.startswith(b"<!--", pos):
                end, closer = text.find(b"-->", pos + 4), 3
            elif text[pos : pos + 9].upper() == b"<!DOCTYPE" or text.startswith(b"<!", pos):
                raise WXRSecurityError(
                    f"{self._name}: refused — the export declares a DOCTYPE at byte {pos}. "
                    "WordPress never writes one; a DOCTYPE is how entity-expansion bombs and "
                    "external-entity (XXE) attacks start. Remove it if the file is genuine."
                )
            else:
                self._prolog_done = True
                self._prolog = b""
                return
            if end == -1:
                break
            pos = end + closer
        if len(self._prolog) > MAX_PROLOG_BYTES:
            raise WXRError(f"{self._name}: no root element in the first {MAX_PROLOG_BYTES} bytes.")

    def _scrub(self, data: bytes, start: int) -> bytes:
        cleaned = data.translate(None, _CONTROL_BYTES)
        if len(cleaned) != len(data):
            for match in _CONTROL_RE.finditer(data):
                self._log.add(start + match.start())
            data = cleaned
        # U+FFFE, U+FFFF and surrogates, raw (bytes) or as references: XML forbids them too.
        if b"\xef\xbf" in data or b"\xed" in data:
            spans = [m.span() for m in ILLEGAL_UTF8_RE.finditer(data)]
            data = self._cut(data, spans, start)
        if b"&#" in data:
            data = self._cut(data, illegal_xml_refs(data), start)
        return data

    def _cut(self, data: bytes, spans: list[tuple[int, int]], start: int) -> bytes:
        if not spans:
            return data
        parts, last = [], 0
        for begin, end in spans:
            self._log.add(start + begin)
            parts.append(data[last:begin])
            last = end
        parts.append(data[last:])
        return b"".join(parts)


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


def _has_error_within(elem: etree._Element, error_log) -> bool:
    """Return whether the parser reported an error between an element's first and last line.

    The element's closing tag is taken to be on the line after its last descendant
    starts (WordPress writes ``</item>`` on a line of its own).
    """
    first = elem.sourceline or 0
    last = max((d.sourceline or 0 for d in elem.iterdescendants()), default=first) + 1
    return any(first <= (e.line or 0) <= last for e in error_log)


def open_export(path: str | Path, max_bytes: int | None = None) -> Iterator[tuple[str, BinaryIO]]:
    """Yield ``(name, binary stream)`` for each WXR document in ``.xml``, ``.xml.gz`` or ``.zip``."""
    path = Path(path)
    if not path.exists():
        raise WXRError(
            f"{path}: no such file; give the path of a WordPress export (Tools → Export)."
        )
    lower = path.name.lower()
    if lower.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            yield str(path), fh  # type: ignore[misc]
    elif lower.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            members = sorted(n for n in archive.namelist() if n.lower().endswith(".xml"))
            if not members:
                raise WXRError(f"{path}: the zip holds no .xml export.")
            for member in members:
                info = archive.getinfo(member)
                # Compression bomb guard (docs/import-notes.md D.4): at most 100x.
                if info.compress_size and info.file_size > 100 * info.compress_size + (1 << 20):
                    raise WXRSecurityError(
                        f"{path}!{member}: refused — expands {info.file_size // max(1, info.compress_size)}x; "
                        "unzip it yourself if it is genuine."
                    )
                with archive.open(member) as fh:
                    yield f"{path}!{member}", fh  # type: ignore[misc]
    else:
        with path.open("rb") as fh:
            yield str(path), fh


class WXRReader:
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

    def _is_wp(self, ns: str) -> bool:
        if ns == self._wp_ns:
            return True
        if WP_NS_RE.match(ns):
            self._wp_ns = ns
            return True
        return False

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
