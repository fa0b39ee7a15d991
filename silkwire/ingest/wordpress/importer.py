"""WordPress WXR → Silkwire articles: read, map, then write in batches, never half an item.

Pipeline (STYLE.md: importers are pipelines): parse (``parse.py``, streaming) →
convert content to blocks (``content.py``) → map to Silkwire (categories, authors,
status, dates, images: ``planning.py`` with ``mapping.py`` and ``media.py``) → write
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

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from taggit.models import Tag

from silkwire.ingest.models import WordPressImportRecord
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
    iter_export,
    site_offset,
)
from silkwire.ingest.wordpress.planning import ItemPlanning
from silkwire.ingest.wordpress.prefetch import (
    Prepared,
    prepared_items,
    should_run_in_parallel,
)
from silkwire.ingest.wordpress.report import ImportReport
from silkwire.ingest.wordpress.safety import disk_full_error, is_disk_full, site_lock
from silkwire.ingest.wordpress.writer import BatchWriter, PagePlan
from silkwire.news.models import CountryPage, Topic

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


class _QuietPageCreated(logging.Filter):
    """Drop Wagtail's one-INFO-line-per-page logging for the importing thread only."""

    def __init__(self, thread_id: int) -> None:
        super().__init__()
        self.thread_id = thread_id

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.thread == self.thread_id and str(record.msg).startswith("Page created"))


class WordPressImporter(ItemPlanning):
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
