"""WordPress WXR → Silkwire articles: read, map, then write in batches, never half an item.

Pipeline (STYLE.md: importers are pipelines): parse (``parse.py``, streaming) →
convert content to blocks (``content.py``) → map to Silkwire (categories, authors,
status, dates, images: this module with ``mapping.py`` and ``media.py``) → write
(``writer.py``).

Two passes over the export (docs/import-notes.md A.3.3): the first collects the channel
(authors, terms), the attachments and the site's UTC offset, so that featured and
inline images resolve whatever the item order; the second maps and writes posts.

Integrity: see ``writer.py`` — a batch of items is one transaction, and a batch
that fails is rewritten one item per transaction, so a broken item is reported
with its post id and the rest still import. A crash loses at most the batch in
flight; a re-run continues, because records are keyed by site + post id.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect

from silkwire.ingest.models import WordPressImportRecord
from silkwire.ingest.wordpress.content import clean_text, convert_content, plain_text
from silkwire.ingest.wordpress.creating import author_for, tag_for
from silkwire.ingest.wordpress.mapping import (
    CategoryMapError,
    CategoryMapper,
    detect_countries_function,
    make_slug,
)
from silkwire.ingest.wordpress.media import MediaLibrary
from silkwire.ingest.wordpress.parse import (
    WXRChannel,
    WXRError,
    WXRItem,
    item_datetime,
    iter_export,
    site_offset,
)
from silkwire.ingest.wordpress.prefetch import (
    Prepared,
    detection_text,
    prepared_items,
    should_run_in_parallel,
)
from silkwire.ingest.wordpress.report import ImportReport
from silkwire.ingest.wordpress.safety import disk_full_error, is_disk_full, site_lock
from silkwire.ingest.wordpress.writer import BatchWriter, PagePlan
from silkwire.news.models import Author, CountryPage, Topic

logger = logging.getLogger(__name__)

# Post types that carry article content; the rest (nav_menu_item, wp_block, revision…)
# are skipped and counted (docs/import-notes.md A.3.4).
CONTENT_TYPES = {"post", "page", "attachment"}


@dataclass
class ImportOptions:
    dry_run: bool = False
    only: set[int] | None = None
    media_dir: Path | None = None
    category_map: Path | None = None
    pages: bool = False
    batch_size: int = 250
    max_bytes: int | None = None
    user: object = None
    # Convert content in a second process: None = when the export is big enough (prefetch.py).
    parallel: bool | None = None


def _digest(plan: PagePlan) -> str:
    """Hash what the import would write, so an unchanged item is left alone on a re-run."""
    data = [
        plan.title,
        plan.slug,
        plan.standfirst,
        plan.blocks,
        plan.state,
        str(plan.first_published_at),
        str(plan.last_published_at),
        str(plan.go_live_at),
        plan.country.pk,
        plan.other_countries,
        plan.topics,
        plan.tag_ids,
        plan.authors,
        plan.lead_image_id,
        plan.lead_image_caption,
        plan.kind,
        plan.redirects,
        plan.password,
    ]
    raw = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


class _QuietPageCreated(logging.Filter):
    """Drop Wagtail's one-INFO-line-per-page logging for the importing thread only."""

    def __init__(self, thread_id: int) -> None:
        super().__init__()
        self.thread_id = thread_id

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.thread == self.thread_id and str(record.msg).startswith("Page created"))


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
        self._attachment_items: list[WXRItem] = []
        for path in paths:
            for channel_seen, item in iter_export(path, self.options.max_bytes):
                channel = self._merge_channel(channel, channel_seen)
                if item.post_type == "attachment":
                    self._attachment_items.append(item)
                elif item.post_type in {"post", "page"}:
                    offset = site_offset(item)
                    if offset is not None:
                        offsets[offset] += 1
                    if self._selected(item) and self._classify(item) is None:
                        total += 1
        # The site's UTC offset, for drafts whose GMT date is the zero date (A.1 "Dates").
        self.offset = offsets.most_common(1)[0][0] if offsets else None
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

    # -- setup ----------------------------------------------------------------------------------
    def _setup(self, channel: WXRChannel) -> None:
        opts = self.options
        self.site = channel.site_key or "unknown-site"
        self.report.site = self.site
        self.mapper = (
            CategoryMapper.from_file(opts.category_map) if opts.category_map else CategoryMapper()
        )
        self.detect = detect_countries_function()
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
        self.media.preload()
        self.created_now: set[int] = set()
        self.records: dict[int, tuple[int, int | None, str]] = {
            post_id: (pk, page_id, digest)
            for pk, post_id, page_id, digest in WordPressImportRecord.objects.filter(site=self.site)
            .exclude(kind=WordPressImportRecord.Kind.ATTACHMENT)
            .values_list("pk", "post_id", "page_id", "content_hash")
        }
        self.writer = BatchWriter(self.site, opts.user)
        self.writer.reserved_slugs = set(Topic.objects.values_list("slug", flat=True))
        # Every existing tag once, by case-folded name (TAGGIT_CASE_INSENSITIVE), and its slug.
        self.tags: dict[str, int] = {}
        self.tag_slugs: set[str] = set()
        for pk, name, slug in Tag.objects.values_list("pk", "name", "slug"):
            self.tags.setdefault(name.casefold(), pk)
            self.tag_slugs.add(slug)
        self._authors_by_login: dict[str, int] = {}
        self.content_warnings: Counter = Counter()
        for author in channel.authors.values():
            self._author_id(author.login, author.display_name)

    def _author_id(self, login: str, display_name: str = "") -> int | None:
        """Return the Silkwire author for a WordPress login, creating it (by slug) if needed."""
        login = (login or "").strip()
        if not login:
            return None
        if login in self._authors_by_login:
            return self._authors_by_login[login]
        name = (display_name or login).strip()[:120]
        slug = make_slug(login, 120) or make_slug(name, 120) or "author"
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            if self.options.dry_run:
                self.report.authors_created += 1
            else:
                author, created = author_for(name, slug)
                self.report.authors_created += int(created)
        found = author.pk if author is not None else -len(self._authors_by_login) - 1
        if author is not None:
            self.writer.authors[author.pk] = author
        self._authors_by_login[login] = found
        self.report.authors = len(self._authors_by_login)
        return found

    def _tag_ids(self, names: list[str]) -> list[int]:
        ids = []
        for name in names:
            key = name.casefold()
            if key not in self.tags:
                if self.options.dry_run:
                    self.tags[key] = -len(self.tags) - 1
                else:
                    slug = make_slug(name, 100) or slugify(name, allow_unicode=True)[:100] or "tag"
                    self.tags[key] = tag_for(name, slug, self.tag_slugs)
            if self.tags[key] not in ids:
                ids.append(self.tags[key])
        return ids

    # -- mapping --------------------------------------------------------------------------------
    def _plan(self, item: WXRItem, prepared: Prepared) -> tuple[PagePlan, list[str], list[str]]:
        notes: list[str] = []  # status decisions, reported per item
        title = (
            clean_text(html.unescape(item.title))[:255] or f"Untitled (WordPress #{item.post_id})"
        )
        conversion = prepared.conversion or convert_content(item.content)
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
        if not countries:
            detected = prepared.detected
            if detected is None and self.detect is not None:
                # CountryMatch(slug, score, terms), strongest first.
                matches = self.detect(detection_text(item, title)) or []
                detected = [str(getattr(m, "slug", m)) for m in matches]
            for slug in detected or []:
                country = self.mapper.countries.get(slug)
                if country is not None and country not in countries:
                    countries.append(country)
        country = countries[0] if countries else self.region

        # Status (docs/import-notes.md A.3.4).
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
            notes.append("private in WordPress: imported as a draft")
        else:
            state = "draft"
        if item.password:
            # Kept behind the same password (a Wagtail view restriction), never made public.
            notes.append("password-protected in WordPress: kept behind the same password")
        if item.needs_review and state != "draft":
            state, go_live_at = "draft", None
            notes.append("read in XML recovery mode: imported as a draft for review")
        if published is None and state == "live":
            published = modified or now
            notes.append("no publication date: using the modification date")

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
        slug_base = make_slug(item.post_name) or make_slug(title) or f"post-{item.post_id}"
        plan = PagePlan(
            post_id=item.post_id,
            post_type=item.post_type,
            link=item.link,
            title=title,
            slug=slug_base,
            standfirst=prepared.standfirst
            if prepared.standfirst is not None
            else plain_text(item.excerpt, 2000),
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
            tag_ids=self._tag_ids(tags),
            authors=authors,
            lead_image_id=lead_id if lead_id and lead_id > 0 else None,
            lead_image_caption=lead_caption[:500],
            kind="feature" if item.post_type == "page" else "news",
            redirects=self._redirect_paths(item),
            password=item.password,
            warnings=notes + conversion.warning_lines(),
        )
        plan.digest = _digest(plan)
        return plan, notes, list(conversion.warnings)

    def _resolve_media(self, blocks: list[dict], item: WXRItem) -> list[dict]:
        out: list[dict] = []
        for block in blocks:
            if block["type"] == "_gallery":
                ids = block["ids"] if block["ids"] else self.media.children.get(item.post_id, [])
                for att_id in ids:
                    image_id = self.media.image_id(att_id, "", item.post_id)
                    if image_id:
                        caption = self.media.caption_for(att_id)
                        out.append(
                            {"type": "image", "image": image_id, "caption": caption, "credit": ""}
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
        """Return the old permalink path and ``/?p=ID`` (WordPress answers both)."""
        paths = []
        if item.link:
            path = Redirect.normalise_path(item.link)
            if path and path != "/":
                paths.append(path)
        paths.append(Redirect.normalise_path(f"/?p={item.post_id}"))
        return list(dict.fromkeys(paths))

    # -- one item -------------------------------------------------------------------------------
    def _prepare(self, item: WXRItem, prepared: Prepared) -> PagePlan | None:
        """Plan one item; return the plan to write, or None (unchanged, skipped, failed)."""
        if item.post_id in self.created_now:
            self.report.skip("post id repeated in the export")
            return None
        record = self.records.get(item.post_id)
        if record is not None and record[1] is None:
            self.report.skip("page deleted in Silkwire")
            return None
        if prepared.error is not None:  # the helper process could not convert it
            self.report.fail(item.post_id, prepared.error)
            return None
        try:
            plan, notes, content_warnings = self._plan(item, prepared)
        except Exception as exc:
            if is_disk_full(exc):
                raise  # stops the run: every item after this one would fail the same way
            logger.info("WordPress post %s failed", item.post_id, exc_info=True)
            self.report.fail(item.post_id, f"{type(exc).__name__}: {exc}"[:500])
            return None
        plan.record = record
        plan.notes, plan.content_warnings = notes, content_warnings
        plan.needs_review = item.needs_review
        if record is not None and record[2] == plan.digest:
            self.report.unchanged += 1
            return None
        if self.options.dry_run:
            self._account(plan, self.writer.new_redirects(plan))
            return None
        return plan

    def _account(self, plan: PagePlan, new_redirects: list[str]) -> None:
        if plan.record is None:
            self.report.created += 1
        else:
            self.report.updated += 1
        self.report.articles[plan.state] += 1
        self.report.redirects += len(new_redirects)
        for note in plan.notes:
            self.report.warn(f"post {plan.post_id}: {note}")
        for message in plan.content_warnings:
            self.content_warnings[message] += 1
        if plan.needs_review:
            self.report.needs_review.append(plan.post_id)

    def _flush(self, plans: list[PagePlan]) -> None:
        written, failed = self.writer.write(plans)
        for plan, result in written:
            if plan.record is None:
                # Only the id: a digest per created post would grow with the export.
                self.created_now.add(plan.post_id)
            else:
                self.records[plan.post_id] = result.records[plan.post_id]
            self._account(plan, result.redirects.get(plan.post_id, []))
        for plan, exc in failed:
            logger.info("WordPress post %s failed", plan.post_id, exc_info=exc)
            self.report.fail(plan.post_id, f"{type(exc).__name__}: {exc}"[:500])

    def _flush_before_stopping(self, plans: list[PagePlan]) -> None:
        """Write the items planned before the media disk filled up, if the database still can."""
        try:
            self._flush(plans)
        except Exception as exc:
            if not is_disk_full(exc):
                raise
        plans.clear()

    # -- the run --------------------------------------------------------------------------------
    def run(self, paths: Iterable[str | Path]) -> ImportReport:
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
        if self.options.dry_run:  # writes nothing: no need to wait for another import
            return self._import(paths, channel, total, started)
        with site_lock(channel.site_key or "unknown-site"):
            try:
                return self._import(paths, channel, total, started)
            except Exception as exc:
                if is_disk_full(exc):
                    written = self.report.created + self.report.updated
                    raise disk_full_error(exc, written) from exc
                raise

    def _import(
        self, paths: list[Path], channel: WXRChannel, total: int, started: float
    ) -> ImportReport:
        self._setup(channel)
        done = 0
        plans: list[PagePlan] = []
        xml_warnings: list[str] = []
        if self.progress:
            self.progress(0, total)
        parallel = should_run_in_parallel(paths, self.options.parallel)
        for prepared in prepared_items(paths, self.options.max_bytes, xml_warnings, parallel):
            item = prepared.item
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
            try:
                plan = self._prepare(item, prepared)
            except Exception as exc:
                if is_disk_full(exc):
                    self._flush_before_stopping(plans)
                raise
            done += 1
            if plan is not None:
                plans.append(plan)
            if len(plans) >= self.options.batch_size:
                self._flush(plans)
                plans = []
                if self.progress:
                    self.progress(done, total)
        self._flush(plans)
        for warning in xml_warnings:
            self.report.warn(warning)
        for message, posts in self.content_warnings.most_common():
            self.report.warn(f"content: {message} (in {posts} post{'s' if posts > 1 else ''})")
        if self.options.only:
            seen = set(self.records) | self.created_now | {f["post_id"] for f in self.report.failed}
            for post_id in sorted(self.options.only - seen):
                if not self.options.dry_run:
                    self.report.warn(f"--only {post_id}: no such post or page in the export")
        if self.progress:
            self.progress(done, total)
        self.report.seconds = time.monotonic() - started
        return self.report


def import_wordpress(
    paths: Iterable[str | Path],
    options: ImportOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import WXR export files; return the report."""
    return WordPressImporter(options, progress).run(paths)


__all__ = [
    "CategoryMapError",
    "ImportOptions",
    "WordPressImporter",
    "import_wordpress",
    "make_slug",
]
