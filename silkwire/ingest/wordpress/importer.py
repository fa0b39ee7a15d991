"""WordPress WXR → Silkwire articles: map each item, then save it in its own savepoint.

Two passes over the export (IMPORT_NOTES.md A.3.3): the first collects the
channel (authors, terms), the attachments and the site's UTC offset, so that
featured and inline images resolve whatever the item order; the second maps
and saves posts.

Integrity and speed: items are written in batches of ``batch_size`` inside one
database transaction, and each item inside its own savepoint
(``transaction.atomic()`` nested). A broken item rolls back to its savepoint
alone and is reported with its post id; the others commit with the batch. A
crash loses at most the uncommitted batch, never half an item, and a re-run
picks up where it stopped (records are keyed by site + post id).

Pages are inserted directly (path computed from a per-parent counter instead
of treebeard's ``add_child``, which re-reads the parent for every child), the
relations are bulk-inserted, and one revision is written per page.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from silkwire.ingest.models import WordPressImportRecord
from silkwire.ingest.wordpress.content import clean_text, convert_content, plain_text
from silkwire.ingest.wordpress.parse import (
    WXRChannel,
    WXRError,
    WXRItem,
    item_datetime,
    iter_export,
    site_offset,
)
from silkwire.ingest.wordpress.report import ImportReport
from silkwire.news.blocks import to_stream_data
from silkwire.news.models import ArticleAuthor, ArticlePage, ArticleTag, Author, CountryPage, Topic

logger = logging.getLogger(__name__)

# Post types that carry no article content (IMPORT_NOTES.md A.3.4): skipped and counted.
CONTENT_TYPES = {"post", "page", "attachment"}
MAX_IMAGE_BYTES = 25 * 1024 * 1024  # WAGTAILIMAGES_MAX_UPLOAD_SIZE
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}

# --- Slugs ---------------------------------------------------------------------------------------
_TRANSLIT = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "ә": "a",
        "ғ": "gh",
        "қ": "q",
        "ң": "ng",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        "і": "i",
        "ў": "o",
        "ҳ": "h",
        "ҷ": "j",
        "ӣ": "i",
        "ӯ": "u",
    }
)


def make_slug(text: str, limit: int = 80) -> str:
    """Return an ASCII slug, transliterating Cyrillic (ru, kk, ky, uz, tg) first."""
    text = unquote(text or "").lower().translate(_TRANSLIT)
    return slugify(text)[:limit].strip("-")


# --- Category mapping ------------------------------------------------------------------------------
COUNTRY_ALIASES = {
    "kazakhstan": {"kazakhstan", "казахстан", "қазақстан", "qazaqstan", "kz"},
    "kyrgyzstan": {
        "kyrgyzstan",
        "кыргызстан",
        "киргизия",
        "қырғызстан",
        "qirg'iziston",
        "kg",
        "kyrgyz republic",
    },
    "tajikistan": {"tajikistan", "таджикистан", "тоҷикистон", "tojikiston", "tj"},
    "turkmenistan": {"turkmenistan", "туркменистан", "туркмения", "türkmenistan", "tm"},
    "uzbekistan": {"uzbekistan", "узбекистан", "ўзбекистон", "o'zbekiston", "ozbekiston", "uz"},
    "central-asia": {
        "central asia",
        "центральная азия",
        "орталық азия",
        "central-asia",
        "middle asia",
        "средняя азия",
    },
}
TOPIC_ALIASES = {
    "politics": {"политика", "саясат", "siyosat"},
    "economy": {"экономика", "business", "бизнес", "экономика и бизнес", "iqtisodiyot"},
    "society": {"общество", "қоғам", "jamiyat"},
    "environment": {"экология", "environment", "climate", "климат"},
    "security": {"безопасность", "қауіпсіздік", "xavfsizlik"},
    "culture": {"культура", "мәдениет", "madaniyat"},
}


class CategoryMapError(WXRError):
    """The --category-map file is unreadable or names an unknown country/topic."""


def _norm(value: str) -> str:
    return " ".join(html.unescape(value or "").casefold().split())


@dataclass
class CategoryTarget:
    kind: str  # country | topic | tag | skip
    country: CountryPage | None = None
    topic: Topic | None = None
    tag: str = ""


class CategoryMapper:
    """Map WordPress categories to countries, topics or tags.

    Default: a category whose name or slug matches a country (title, slug, code or a
    Russian/local name) or a topic (name, slug or a Russian/local name) maps to it;
    anything else becomes a tag. A ``--category-map`` JSON file overrides per category:
    ``{"<slug or name>": "country:KZ" | "topic:economy" | "tag" | "tag:Name" | "skip"}``.
    """

    def __init__(self, explicit: dict[str, str] | None = None, source: str = "category map"):
        self.countries = {c.slug: c for c in CountryPage.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self._country_names: dict[str, CountryPage] = {}
        for country in self.countries.values():
            names = {country.slug, _norm(country.title), (country.code or "").casefold()}
            names |= COUNTRY_ALIASES.get(country.slug, set())
            for name in names - {""}:
                self._country_names[_norm(name)] = country
        self._topic_names: dict[str, Topic] = {}
        for topic in self.topics.values():
            for name in {topic.slug, _norm(topic.name)} | TOPIC_ALIASES.get(topic.slug, set()):
                self._topic_names[_norm(name)] = topic
        self.explicit: dict[str, CategoryTarget] = {}
        for key, value in (explicit or {}).items():
            self.explicit[_norm(key)] = self._parse_target(key, value, source)
        self._cache: dict[tuple[str, str], CategoryTarget] = {}

    def _parse_target(self, key: str, value: str, source: str) -> CategoryTarget:
        kind, _, arg = str(value).partition(":")
        kind = kind.strip().lower()
        arg = arg.strip()
        if kind == "country":
            country = self.countries.get(arg.lower()) or next(
                (c for c in self.countries.values() if c.code and c.code.upper() == arg.upper()),
                None,
            )
            if country is None:
                valid = ", ".join(sorted(self.countries))
                raise CategoryMapError(
                    f"{source}: category {key!r} → country {arg!r} is unknown; use one of {valid} "
                    "or an ISO code such as KZ."
                )
            return CategoryTarget("country", country=country)
        if kind == "topic":
            topic = self.topics.get(arg.lower()) or self._topic_names.get(_norm(arg))
            if topic is None:
                raise CategoryMapError(
                    f"{source}: category {key!r} → topic {arg!r} is unknown; use one of "
                    f"{', '.join(sorted(self.topics))} (or create the topic first)."
                )
            return CategoryTarget("topic", topic=topic)
        if kind == "tag":
            return CategoryTarget("tag", tag=arg)
        if kind == "skip":
            return CategoryTarget("skip")
        raise CategoryMapError(
            f"{source}: category {key!r} → {value!r}: write country:CODE, topic:SLUG, tag, "
            "tag:NAME or skip."
        )

    @classmethod
    def from_file(cls, path: str | Path) -> CategoryMapper:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CategoryMapError(f"{path}: no such category map file.") from None
        except json.JSONDecodeError as exc:
            raise CategoryMapError(
                f"{path}: line {exc.lineno}, column {exc.colno}: {exc.msg}. The file is a JSON "
                'object such as {"economy": "topic:economy", "almaty": "country:KZ"}.'
            ) from None
        if not isinstance(data, dict):
            raise CategoryMapError(f"{path}: expected a JSON object of category → target.")
        return cls(data, str(path))

    def resolve(self, slug: str, name: str) -> CategoryTarget:
        key = (slug, name)
        if key in self._cache:
            return self._cache[key]
        target = self.explicit.get(_norm(slug)) or self.explicit.get(_norm(name))
        if target is None:
            country = self._country_names.get(_norm(name)) or self._country_names.get(_norm(slug))
            topic = self._topic_names.get(_norm(name)) or self._topic_names.get(_norm(slug))
            if country is not None:
                target = CategoryTarget("country", country=country)
            elif topic is not None:
                target = CategoryTarget("topic", topic=topic)
            else:
                target = CategoryTarget("tag", tag=html.unescape(name or slug))
        elif target.kind == "tag" and not target.tag:
            target = CategoryTarget("tag", tag=html.unescape(name or slug))
        self._cache[key] = target
        return target


def _detect_countries() -> Callable[[str], list[str]] | None:
    try:
        from silkwire.core.gazetteer import detect_countries
    except ImportError:
        return None
    return detect_countries


# --- Media ---------------------------------------------------------------------------------------
_SIZE_SUFFIX_RE = re.compile(r"-\d+x\d+$")


@dataclass
class Attachment:
    post_id: int
    url: str
    attached_file: str = ""
    title: str = ""
    alt: str = ""
    caption: str = ""
    parent: int = 0


def _upload_path(url: str) -> str:
    """Return the path of an uploads URL relative to ``wp-content/uploads``."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if "/wp-content/uploads/" in path:
        return path.split("/wp-content/uploads/", 1)[1]
    if "/uploads/" in path:
        return path.rsplit("/uploads/", 1)[1]
    return path.lstrip("/")  # WordPress.com: https://site.files.wordpress.com/2008/06/x.jpg


def _stub(rel: str) -> str:
    """Return ``2024/06/name`` for ``2024/06/name-1024x683.jpg``: the key of all sizes of a file."""
    p = Path(rel)
    return str(p.parent / _SIZE_SUFFIX_RE.sub("", p.stem)).lower()


class MediaLibrary:
    """Resolve attachments and image URLs to Wagtail images, from a copy of wp-content/uploads.

    Never fetches over the network: without ``--media`` (or when a file is missing) the
    original URL is reported and the article is imported without that image.
    """

    def __init__(
        self, media_dir: Path | None, site: str, report: ImportReport, dry_run: bool, user=None
    ):
        self.media_dir = media_dir.resolve() if media_dir else None
        self.site = site
        self.report = report
        self.dry_run = dry_run
        self.user = user
        self.attachments: dict[int, Attachment] = {}
        self.children: dict[int, list[int]] = defaultdict(list)
        self.by_stub: dict[str, int] = {}
        self.images: dict[int, int] = {}  # attachment post_id → Image id
        self.by_path: dict[str, int] = {}  # relative path → Image id (URL-only images)
        self.missing: set[str] = set()
        self._journal: list[tuple[str, object]] = []
        self.Image = get_image_model()

    def add_attachment(self, item: WXRItem) -> None:
        url = item.attachment_url or item.guid
        att = Attachment(
            post_id=item.post_id,
            url=url,
            attached_file=item.meta.get("_wp_attached_file", ""),
            title=html.unescape(item.title),
            alt=item.meta.get("_wp_attachment_image_alt", ""),
            caption=plain_text(item.excerpt, 500),
            parent=item.post_parent,
        )
        self.attachments[item.post_id] = att
        if item.post_parent:
            self.children[item.post_parent].append(item.post_id)
        rel = att.attached_file or _upload_path(url)
        if rel:
            self.by_stub.setdefault(_stub(rel), item.post_id)

    def preload(self) -> None:
        for post_id, image_id in WordPressImportRecord.objects.filter(
            site=self.site, kind=WordPressImportRecord.Kind.ATTACHMENT, image__isnull=False
        ).values_list("post_id", "image_id"):
            self.images[post_id] = image_id

    # A journal so that an item rolled back to its savepoint forgets what it created.
    def begin_item(self) -> None:
        self._journal = []

    def rollback_item(self) -> None:
        for kind, key in self._journal:
            if kind == "att":
                self.images.pop(key, None)  # type: ignore[arg-type]
            else:
                self.by_path.pop(key, None)  # type: ignore[arg-type]
        self._journal = []

    def _file_for(self, rels: Iterable[str]) -> Path | None:
        if self.media_dir is None:
            return None
        for rel in rels:
            if not rel:
                continue
            candidate = (self.media_dir / rel).resolve()
            # Never read outside the media folder, whatever the export says.
            if not candidate.is_relative_to(self.media_dir):
                continue
            if candidate.is_file() and candidate.suffix.lower() in IMAGE_SUFFIXES:
                return candidate
        return None

    def _missing(self, url: str, post_id: int) -> None:
        if url not in self.missing:
            self.missing.add(url)
            self.report.images_missing += 1
            where = "no file under --media" if self.media_dir else "no --media folder given"
            self.report.warn(f"post {post_id}: image not imported ({where}): {url}")

    def image_id(self, attachment_id: int | None, src: str, post_id: int) -> int | None:
        """Return the Wagtail image id for an attachment or uploads URL, importing it if needed."""
        att = self.attachments.get(attachment_id) if attachment_id is not None else None
        if att is None and src:
            found = self.by_stub.get(_stub(_upload_path(src.split("?")[0])))
            att = self.attachments.get(found) if found is not None else None
        if att is not None and att.post_id in self.images:
            return self.images[att.post_id]
        rels: list[str] = []
        if att is not None:
            rels += [att.attached_file, _upload_path(att.url)]
        if src:
            rels.append(_upload_path(src.split("?")[0]))
        url = att.url if att is not None else src
        path = self._file_for(rels)
        if path is None:
            if url:
                self._missing(url, post_id)
            return None
        key = str(path.relative_to(self.media_dir))  # type: ignore[arg-type]
        if att is None and key in self.by_path:
            return self.by_path[key]
        if self.dry_run:
            self.report.images += 1
            return -1
        image_id = self._create_image(path, att, post_id)
        if image_id is None:
            return None
        if att is not None:
            self.images[att.post_id] = image_id
            self._journal.append(("att", att.post_id))
            WordPressImportRecord.objects.update_or_create(
                site=self.site,
                post_id=att.post_id,
                defaults={
                    "kind": WordPressImportRecord.Kind.ATTACHMENT,
                    "image_id": image_id,
                    "source_url": att.url[:1000],
                },
            )
        else:
            self.by_path[key] = image_id
            self._journal.append(("path", key))
        return image_id

    def _create_image(self, path: Path, att: Attachment | None, post_id: int) -> int | None:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            self.report.warn(f"post {post_id}: image over 25 MB not imported: {path.name}")
            return None
        sha1 = hashlib.sha1(path.read_bytes()).hexdigest()
        existing = self.Image.objects.filter(file_hash=sha1).values_list("pk", flat=True).first()
        if existing:
            return existing
        title = (att.title if att and att.title else path.stem)[:255]
        try:
            with path.open("rb") as fh:
                image = self.Image(
                    title=title,
                    uploaded_by_user=self.user,
                    description=(att.alt if att else "")[:255],
                )
                image.file = ImageFile(fh, name=path.name)
                image._set_image_file_metadata()
                image.save()
        except Exception as exc:  # a corrupt file must not abort the article
            logger.warning("image %s not imported: %s", path, exc)
            self.report.warn(f"post {post_id}: unreadable image {path.name}: {exc}")
            return None
        self.report.images += 1
        return image.pk

    def caption_for(self, attachment_id: int | None) -> str:
        att = self.attachments.get(attachment_id) if attachment_id is not None else None
        return att.caption if att else ""


# --- The importer --------------------------------------------------------------------------------


@dataclass
class ImportOptions:
    dry_run: bool = False
    only: set[int] | None = None
    media_dir: Path | None = None
    category_map: Path | None = None
    pages: bool = False
    batch_size: int = 100
    max_bytes: int | None = None
    user: object = None


@dataclass
class _Plan:
    item: WXRItem
    title: str
    slug: str
    standfirst: str
    blocks: list[dict]
    state: str  # live | draft | scheduled
    first_published_at: datetime | None
    last_published_at: datetime | None
    go_live_at: datetime | None
    country: CountryPage
    other_countries: list[int]
    topics: list[int]
    tags: list[str]
    authors: list[int]
    lead_image_id: int | None
    lead_image_caption: str
    kind: str
    redirects: list[str]
    notes: list[str] = field(default_factory=list)  # status decisions, reported per item
    content_warnings: list[str] = field(default_factory=list)  # reported per run, aggregated

    @property
    def warnings(self) -> list[str]:
        return self.notes + self.content_warnings

    def digest(self) -> str:
        data = [
            self.title,
            self.slug,
            self.standfirst,
            self.blocks,
            self.state,
            str(self.first_published_at),
            str(self.last_published_at),
            str(self.go_live_at),
            self.country.pk,
            self.other_countries,
            self.topics,
            self.tags,
            self.authors,
            self.lead_image_id,
            self.lead_image_caption,
            self.kind,
            self.redirects,
            self.item.password,
        ]
        raw = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(raw.encode()).hexdigest()


class _TreeWriter:
    """Allocate treebeard paths for new children without re-reading the parent each time."""

    def __init__(self) -> None:
        self._last: dict[int, str | None] = {}
        self._pending: Counter = Counter()

    def next_path(self, parent: Page) -> str:
        if parent.pk not in self._last:
            self._last[parent.pk] = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
        last = self._last[parent.pk]
        if last is None:
            return parent.path + Page._get_path("", 1, 1)
        return Page(path=last)._inc_path()

    def added(self, parent: Page, path: str) -> None:
        self._last[parent.pk] = path
        self._pending[parent.pk] += 1

    def forget(self, parent: Page) -> None:
        self._last.pop(parent.pk, None)

    def flush(self) -> None:
        """Apply the batch's numchild increments (inside the batch transaction)."""
        for parent_id, n in self._pending.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + n)
        self._pending.clear()


class _QuietPageCreated(logging.Filter):
    def __init__(self, thread_id: int) -> None:
        super().__init__()
        self.thread_id = thread_id

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.thread == self.thread_id and record.msg.startswith("Page created"))


class WordPressImporter:
    """Import one or more WXR files of one site; see the module docstring for the guarantees."""

    def __init__(
        self,
        options: ImportOptions | None = None,
        progress: Callable[[int, int], None] | None = None,
    ):
        self.options = options or ImportOptions()
        self.progress = progress
        self.report = ImportReport(dry_run=self.options.dry_run)

    # -- pass 1 ---------------------------------------------------------------------------------
    def _scan(self, paths: list[Path]) -> tuple[WXRChannel, int]:
        offsets: Counter = Counter()
        channel = WXRChannel()
        total = 0
        self.media = None
        attachments: list[WXRItem] = []
        for path in paths:
            for channel_seen, item in iter_export(path, self.options.max_bytes):
                channel = self._merge_channel(channel, channel_seen)
                if item.post_type == "attachment":
                    attachments.append(item)
                elif item.post_type in {"post", "page"}:
                    offset = site_offset(item)
                    if offset is not None:
                        offsets[offset] += 1
                    if self._selected(item):
                        total += 1
        self.offset = offsets.most_common(1)[0][0] if offsets else None
        self._attachment_items = attachments
        return channel, total

    @staticmethod
    def _merge_channel(into: WXRChannel, other: WXRChannel) -> WXRChannel:
        if into is other:
            return into
        if not into.wxr_version:
            return other
        into.authors.update(other.authors)
        into.categories.update(other.categories)
        into.tags.update(other.tags)
        return into

    def _selected(self, item: WXRItem) -> bool:
        return self.options.only is None or item.post_id in self.options.only

    # -- setup ----------------------------------------------------------------------------------
    def _setup(self, channel: WXRChannel) -> None:
        opts = self.options
        self.site = channel.site_key or "unknown-site"
        self.report.site = self.site
        self.mapper = (
            CategoryMapper.from_file(opts.category_map) if opts.category_map else CategoryMapper()
        )
        self.detect = _detect_countries()
        self.region = CountryPage.objects.filter(slug="central-asia").first() or (
            CountryPage.objects.filter(is_region=True).first()
        )
        if self.region is None:
            raise WXRError(
                "No Central Asia region page (CountryPage slug 'central-asia') to file articles "
                "under: run `silkwire migrate` so the seed pages exist."
            )
        self.media = MediaLibrary(opts.media_dir, self.site, self.report, opts.dry_run, opts.user)
        for item in self._attachment_items:
            self.media.add_attachment(item)
        self._attachment_items = []
        self.records: dict[int, tuple[int, int | None, str]] = {
            post_id: (pk, page_id, digest)
            for pk, post_id, page_id, digest in WordPressImportRecord.objects.filter(site=self.site)
            .exclude(kind=WordPressImportRecord.Kind.ATTACHMENT)
            .values_list("pk", "post_id", "page_id", "content_hash")
        }
        self.media.preload()
        self.redirect_paths = set(
            Redirect.objects.filter(site__isnull=True).values_list("old_path", flat=True)
        )
        self.reserved_slugs = set(Topic.objects.values_list("slug", flat=True))
        self.slugs: dict[int, set[str]] = {}
        self.tags: dict[str, int] = {}
        self.tree = _TreeWriter()
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        self.page_content_type = ContentType.objects.get_for_model(Page)
        self._authors_by_login: dict[str, int] = {}
        self._authors_seen: set[int] = set()
        self._created_tags: list[str] = []
        self._created_authors: list[str] = []
        self.content_warnings: Counter = Counter()
        for author in channel.authors.values():
            self._author_id(author.login, author.display_name)

    def _author_id(self, login: str, display_name: str = "") -> int | None:
        login = (login or "").strip()
        if not login:
            return None
        if login in self._authors_by_login:
            return self._authors_by_login[login]
        name = (display_name or login).strip()[:120]
        slug = make_slug(login, 120) or make_slug(name, 120) or "author"
        found = Author.objects.filter(slug=slug).values_list("pk", flat=True).first()
        if found is None:
            if self.options.dry_run:
                found = -len(self._authors_by_login) - 1
            else:
                found = Author.objects.create(name=name, slug=slug).pk
                self._created_authors.append(login)
            self.report.authors_created += 1
        self._authors_by_login[login] = found
        self.report.authors = len(self._authors_by_login)
        return found

    def _tag_ids(self, names: list[str]) -> list[int]:
        ids = []
        for name in names:
            key = name.casefold()
            if key not in self.tags:
                tag = Tag.objects.filter(name__iexact=name).first()
                if tag is None:
                    slug = make_slug(name, 100) or slugify(name, allow_unicode=True)[:100] or "tag"
                    base, n = slug, 2
                    while Tag.objects.filter(slug=slug).exists():
                        slug, n = f"{base}-{n}"[:100], n + 1
                    tag = Tag.objects.create(name=name, slug=slug)
                    self._created_tags.append(key)
                self.tags[key] = tag.pk
            ids.append(self.tags[key])
        return ids

    # -- mapping --------------------------------------------------------------------------------
    def _plan(self, item: WXRItem, channel: WXRChannel) -> _Plan:
        warnings: list[str] = []
        title = (
            clean_text(html.unescape(item.title))[:255] or f"Untitled (WordPress #{item.post_id})"
        )
        conversion = convert_content(item.content)
        blocks = self._resolve_media(conversion.blocks, item)

        countries: list[CountryPage] = []
        topics: list[int] = []
        tags: list[str] = []
        for slug, name in item.categories():
            target = self.mapper.resolve(slug, name)
            if target.kind == "country" and target.country not in countries:
                countries.append(target.country)  # type: ignore[arg-type]
            elif target.kind == "topic" and target.topic.pk not in topics:  # type: ignore[union-attr]
                topics.append(target.topic.pk)  # type: ignore[union-attr]
            elif target.kind == "tag" and target.tag:
                tags.append(target.tag)
        tags += [html.unescape(name or slug) for slug, name in item.tags()]
        tags = list(dict.fromkeys(t.strip()[:100] for t in tags if t.strip()))
        if not countries and self.detect is not None:
            text = " ".join([title, plain_text(item.excerpt), plain_text(item.content)[:5000]])
            for code in self.detect(text) or []:
                try:
                    country = CountryPage.objects.get_by_code_or_slug(str(code))
                except CountryPage.DoesNotExist:
                    continue
                if country not in countries:
                    countries.append(country)
        country = countries[0] if countries else self.region

        # Status (IMPORT_NOTES.md A.3.4).
        status = item.status
        published = item_datetime(item.post_date_gmt, item.post_date, self.offset)
        modified = item_datetime(item.post_modified_gmt, item.post_modified, self.offset)
        now = timezone.now()
        go_live_at = None
        if status == "publish":
            state = "live"
        elif status == "future":
            state = "scheduled" if published and published > now else "live"
            go_live_at = published if state == "scheduled" else None
        elif status == "private":
            state = "draft"
            warnings.append("private in WordPress: imported as a draft")
        else:
            state = "draft"
        if item.password:
            # Kept behind the same password (a Wagtail view restriction), never made public.
            warnings.append("password-protected in WordPress: kept behind the same password")
        if item.needs_review and state != "draft":
            state, go_live_at = "draft", None
            warnings.append("read in XML recovery mode: imported as a draft for review")
        if published is None and state == "live":
            published = modified or now
            warnings.append("no publication date: using the modification date")

        lead_id = None
        lead_caption = ""
        thumb = item.meta.get("_thumbnail_id", "").strip()
        if thumb.isdigit():
            lead_id = self.media.image_id(int(thumb), "", item.post_id)
            lead_caption = self.media.caption_for(int(thumb)) if lead_id else ""

        # Some real exports carry stray brackets around the login (theme unit test data).
        authors = [
            a for a in [self._author_id(item.creator.strip().strip("<>").strip())] if a is not None
        ]
        redirects = self._redirect_paths(item)
        slug_base = make_slug(item.post_name) or make_slug(title) or f"post-{item.post_id}"
        return _Plan(
            item=item,
            title=title,
            slug=slug_base,
            standfirst=plain_text(item.excerpt, 2000),
            blocks=blocks,
            state=state,
            first_published_at=published if state == "live" else None,
            last_published_at=(max(modified, published) if modified and published else published)
            if state == "live"
            else None,
            go_live_at=go_live_at,
            country=country,
            other_countries=[c.pk for c in countries[1:] if c.pk != country.pk],
            topics=topics,
            tags=tags,
            authors=authors,
            lead_image_id=lead_id if lead_id and lead_id > 0 else None,
            lead_image_caption=lead_caption[:500],
            kind="feature" if item.post_type == "page" else "news",
            redirects=redirects,
            notes=warnings,
            content_warnings=list(conversion.warnings),
        )

    def _resolve_media(self, blocks: list[dict], item: WXRItem) -> list[dict]:
        out: list[dict] = []
        for block in blocks:
            if block["type"] == "_gallery":
                ids = block["ids"] if block["ids"] else self.media.children.get(item.post_id, [])
                for att_id in ids:
                    image_id = self.media.image_id(att_id, "", item.post_id)
                    if image_id:
                        out.append(
                            {
                                "type": "image",
                                "image": image_id,
                                "caption": self.media.caption_for(att_id),
                                "credit": "",
                            }
                        )
            elif block["type"] == "_image":
                image_id = self.media.image_id(block["attachment_id"], block["src"], item.post_id)
                if image_id:
                    caption = block["caption"] or self.media.caption_for(block["attachment_id"])
                    out.append(
                        {"type": "image", "image": image_id, "caption": caption[:500], "credit": ""}
                    )
            else:
                out.append(block)
        return out

    @staticmethod
    def _redirect_paths(item: WXRItem) -> list[str]:
        paths = []
        if item.link:
            path = Redirect.normalise_path(item.link)
            if path and path != "/":
                paths.append(path)
        paths.append(Redirect.normalise_path(f"/?p={item.post_id}"))
        return list(dict.fromkeys(paths))

    # -- saving ---------------------------------------------------------------------------------
    def _unique_slug(self, parent: CountryPage, base: str, own_page_id: int | None = None) -> str:
        taken = self.slugs.get(parent.pk)
        if taken is None:
            taken = set(
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .exclude(pk=own_page_id)
                .values_list("slug", flat=True)
            )
            self.slugs[parent.pk] = taken
        slug, n = base, 2
        while slug in taken or slug in self.reserved_slugs:
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _create(self, plan: _Plan) -> ArticlePage:
        parent = plan.country
        slug = self._unique_slug(parent, plan.slug)
        path = self.tree.next_path(parent)
        live = plan.state == "live"
        now = timezone.now()
        page = ArticlePage(
            title=plan.title,
            draft_title=plan.title,
            slug=slug,
            standfirst=plan.standfirst,
            kind=plan.kind,
            body=to_stream_data(plan.blocks),
            lead_image_id=plan.lead_image_id,
            lead_image_caption=plan.lead_image_caption,
            live=live,
            has_unpublished_changes=not live,
            first_published_at=plan.first_published_at,
            last_published_at=plan.last_published_at,
            go_live_at=plan.go_live_at,
            owner=self.options.user,
            locale_id=parent.locale_id,
            path=path,
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            latest_revision_created_at=now,
        )
        page._cached_parent_obj = parent
        with disable_reference_index_auto_update():
            page.save(clean=False, log_action=None)
        self._write_relations(page, plan, fresh=True)
        self._write_restriction(page, plan, fresh=True)
        self._write_revision(page, plan, now)
        self._new_child = (parent, path)
        self.slugs[parent.pk].add(slug)
        return page

    def _update(self, plan: _Plan, page_id: int) -> ArticlePage:
        page = ArticlePage.objects.get(pk=page_id)
        live = plan.state == "live"
        now = timezone.now()
        page.title = page.draft_title = plan.title
        page.standfirst = plan.standfirst
        page.kind = plan.kind
        page.body = to_stream_data(plan.blocks)
        page.lead_image_id = plan.lead_image_id
        page.lead_image_caption = plan.lead_image_caption
        page.live = live
        page.has_unpublished_changes = not live
        page.first_published_at = plan.first_published_at
        page.last_published_at = plan.last_published_at
        page.go_live_at = plan.go_live_at
        page.latest_revision_created_at = now
        fields = [
            "title",
            "draft_title",
            "standfirst",
            "kind",
            "body",
            "lead_image",
            "lead_image_caption",
            "live",
            "has_unpublished_changes",
            "first_published_at",
            "last_published_at",
            "go_live_at",
            "latest_revision_created_at",
        ]
        with disable_reference_index_auto_update():
            page.save(clean=False, log_action=None, update_fields=fields)
        self._write_relations(page, plan, fresh=False)
        self._write_restriction(page, plan, fresh=False)
        self._write_revision(page, plan, now)
        return page

    def _write_relations(self, page: ArticlePage, plan: _Plan, fresh: bool) -> None:
        topics_through = ArticlePage.topics.through
        countries_through = ArticlePage.other_countries.through
        if not fresh:
            ArticleAuthor.objects.filter(page=page).delete()
            ArticleTag.objects.filter(content_object=page).delete()
            topics_through.objects.filter(articlepage_id=page.pk).delete()
            countries_through.objects.filter(articlepage_id=page.pk).delete()
        authors = [
            ArticleAuthor(page_id=page.pk, author_id=a, sort_order=i)
            for i, a in enumerate(plan.authors)
        ]
        tags = [
            ArticleTag(content_object_id=page.pk, tag_id=t)
            for t in dict.fromkeys(self._tag_ids(plan.tags))
        ]
        if authors:
            ArticleAuthor.objects.bulk_create(authors)
        if tags:
            ArticleTag.objects.bulk_create(tags)
        if plan.topics:
            topics_through.objects.bulk_create(
                [topics_through(articlepage_id=page.pk, topic_id=t) for t in plan.topics]
            )
        if plan.other_countries:
            countries_through.objects.bulk_create(
                [
                    countries_through(articlepage_id=page.pk, countrypage_id=c)
                    for c in plan.other_countries
                ]
            )
        # Put the same relations on the instance so the revision records them: an editor
        # opening the page edits the revision, not the rows.
        page.article_authors = authors
        page.tagged_items = tags
        page.topics = plan.topics
        page.other_countries = plan.other_countries

    @staticmethod
    def _write_restriction(page: ArticlePage, plan: _Plan, fresh: bool) -> None:
        if not fresh:
            PageViewRestriction.objects.filter(page=page).delete()
        if plan.item.password:
            PageViewRestriction.objects.create(
                page=page,
                restriction_type=PageViewRestriction.PASSWORD,
                password=plan.item.password[:255],
            )

    def _write_revision(self, page: ArticlePage, plan: _Plan, now: datetime) -> None:
        revision = Revision.objects.create(
            content_type=self.content_type,
            base_content_type=self.page_content_type,
            object_id=str(page.pk),
            created_at=now,
            user=self.options.user,
            object_str=page.title,
            content=page.serializable_data(),
            approved_go_live_at=plan.go_live_at if plan.state == "scheduled" else None,
        )
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision,
            live_revision=revision if plan.state == "live" else None,
        )

    def _write_redirects(self, page: ArticlePage, plan: _Plan) -> None:
        new = [p for p in plan.redirects if p not in self.redirect_paths]
        if new:
            Redirect.objects.bulk_create(
                [
                    Redirect(old_path=p, site=None, redirect_page=page, is_permanent=True)
                    for p in new
                ]
            )
            self.redirect_paths.update(new)
            self.report.redirects += len(new)

    # -- one item ---------------------------------------------------------------------------------
    def _import_item(self, item: WXRItem, channel: WXRChannel) -> str:
        record = self.records.get(item.post_id)
        if record is not None and record[1] is None:
            self.report.skip("page deleted in Silkwire")
            return "skipped"
        plan = self._plan(item, channel)
        digest = plan.digest()
        if record is not None and record[2] == digest:
            self.report.unchanged += 1
            return "unchanged"
        outcome = "updated" if record is not None else "created"
        if not self.options.dry_run:
            if record is not None:
                page = self._update(plan, record[1])  # type: ignore[arg-type]
            else:
                page = self._create(plan)
            self._write_redirects(page, plan)
            if record is not None:
                WordPressImportRecord.objects.filter(pk=record[0]).update(
                    content_hash=digest, warnings=plan.warnings, updated_at=timezone.now()
                )
            else:
                rec = WordPressImportRecord.objects.create(
                    site=self.site,
                    post_id=item.post_id,
                    kind=item.post_type,
                    page=page,
                    content_hash=digest,
                    source_url=item.link[:1000],
                    warnings=plan.warnings,
                )
                self.records[item.post_id] = (rec.pk, page.pk, digest)
        else:
            self.report.redirects += len(
                [p for p in plan.redirects if p not in self.redirect_paths]
            )
        self.report.articles[plan.state] += 1
        for note in plan.notes:
            self.report.warn(f"post {item.post_id}: {note}")
        for message in plan.content_warnings:
            self.content_warnings[message] += 1
        if item.needs_review:
            self.report.needs_review.append(item.post_id)
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        return outcome

    def _classify(self, item: WXRItem) -> str | None:
        """Return a skip reason, or None when the item is to be imported."""
        if item.post_type == "attachment":
            return "attachment (imported as an image when used)"
        if item.post_type not in CONTENT_TYPES:
            return f"type: {item.post_type}"
        if item.post_type == "page" and not self.options.pages:
            return "page (use --pages)"
        if item.status in {"trash", "auto-draft", "inherit"}:
            return f"status: {item.status}"
        if item.post_id < 0:
            return "no post id"
        return None

    # -- the run ----------------------------------------------------------------------------------
    def run(self, paths: Iterable[str | Path]) -> ImportReport:
        # Wagtail logs one INFO line per page created; for this thread, that is noise.
        quiet = _QuietPageCreated(threading.get_ident())
        wagtail_logger = logging.getLogger("wagtail")
        wagtail_logger.addFilter(quiet)
        try:
            return self._run(paths)
        finally:
            wagtail_logger.removeFilter(quiet)

    def _run(self, paths: Iterable[str | Path]) -> ImportReport:
        started = time.monotonic()
        paths = [Path(p) for p in paths]
        channel, total = self._scan(paths)
        self._setup(channel)
        done = 0
        batch = None
        in_batch = 0
        xml_warnings: list[str] = []
        if self.progress:
            self.progress(0, total)
        try:
            for path in paths:
                for channel_seen, item in iter_export(path, self.options.max_bytes, xml_warnings):
                    self.report.items += 1
                    if item.comments:
                        self.report.skip("comments", item.comments)
                    reason = self._classify(item)
                    if reason is not None:
                        self.report.skip(reason)
                        continue
                    if not self._selected(item):
                        self.report.skip("not in --only")
                        continue
                    if batch is None and not self.options.dry_run:
                        batch = transaction.atomic()
                        batch.__enter__()
                    self._one(item, channel_seen)
                    done += 1
                    in_batch += 1
                    if in_batch >= self.options.batch_size:
                        self._end_batch(batch)
                        batch, in_batch = None, 0
                        if self.progress:
                            self.progress(done, total)
            self._end_batch(batch)
            batch = None
        except BaseException as exc:
            if batch is not None:
                batch.__exit__(type(exc), exc, exc.__traceback__)
            raise
        for warning in xml_warnings:
            self.report.warn(warning)
        for message, posts in self.content_warnings.most_common():
            self.report.warn(f"content: {message} (in {posts} post{'s' if posts > 1 else ''})")
        if self.options.only:
            missing = self.options.only - set(self.records) if not self.options.dry_run else set()
            for post_id in sorted(missing):
                if not any(f["post_id"] == post_id for f in self.report.failed):
                    self.report.warn(f"--only {post_id}: no such post or page in the export")
        if self.progress:
            self.progress(done, total)
        self.report.seconds = time.monotonic() - started
        return self.report

    def _end_batch(self, batch) -> None:
        if batch is None:
            return
        self.tree.flush()
        batch.__exit__(None, None, None)

    def _one(self, item: WXRItem, channel: WXRChannel) -> None:
        self.media.begin_item()
        tags_before = len(self._created_tags)
        authors_before = len(self._created_authors)
        counters = (self.report.images, self.report.redirects, self.report.authors_created)
        record_before = self.records.get(item.post_id)
        self._new_child = None
        try:
            if self.options.dry_run:
                self._import_item(item, channel)
            else:
                with transaction.atomic():
                    self._import_item(item, channel)
                if self._new_child is not None:
                    self.tree.added(*self._new_child)
        except Exception as exc:
            logger.info("WordPress post %s failed", item.post_id, exc_info=True)
            # The savepoint is rolled back: forget what the item created.
            self.media.rollback_item()
            for key in self._created_tags[tags_before:]:
                self.tags.pop(key, None)
            del self._created_tags[tags_before:]
            for login in self._created_authors[authors_before:]:
                self._authors_by_login.pop(login, None)
            del self._created_authors[authors_before:]
            self.report.images, self.report.redirects, self.report.authors_created = counters
            if record_before is None:
                self.records.pop(item.post_id, None)
            else:
                self.records[item.post_id] = record_before
            for parent_id in list(self.tree._last):
                self.tree._last.pop(parent_id)
            self.slugs.clear()
            self.report.fail(item.post_id, f"{type(exc).__name__}: {exc}"[:500])


def import_wordpress(
    paths: Iterable[str | Path],
    options: ImportOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import WXR export files; return the report."""
    return WordPressImporter(options, progress).run(paths)


__all__ = ["ImportOptions", "WordPressImporter", "import_wordpress", "make_slug"]
