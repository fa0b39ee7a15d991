"""Write planned WordPress items to the database, a batch at a time, never half an item.

A batch of planned items is written in ONE transaction with a handful of bulk
statements per table (pages, article rows, revisions, authors, tags, topics,
countries, redirects, import records, reference index, search index) instead of
~20 statements per item. If anything in the batch fails, the transaction rolls
back completely and the batch is written again one item per transaction, so a
broken item is isolated, reported with its post id, and the others still land.
Either way an item is all there or not there at all.

New pages get their treebeard ``path`` from the parent's last child (read once per
parent per batch) instead of ``add_child``; the parent's ``numchild`` is updated in
the same transaction. Signals are not sent for these bulk writes, so the search
index and Wagtail's reference index are written explicitly, also in bulk (``bulk.py``).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from silkwire.core.pagecache.invalidation import article_groups
from silkwire.core.wagtail_compat import (
    first_child_path,
    next_sibling_path,
)
from silkwire.ingest.wordpress.bulk import (
    index_references,
    index_search,
    insert_revisions,
    invalidate_on_commit,
    raw_insert,
    write_records,
)
from silkwire.ingest.wordpress.safety import is_disk_full
from silkwire.news.blocks import to_stream_data
from silkwire.news.models import ArticleAuthor, ArticlePage, ArticleTag, Author, CountryPage

logger = logging.getLogger(__name__)


@dataclass
class PagePlan:
    """Everything about one item's page, decided before any write."""

    post_id: int
    post_type: str
    link: str
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
    tag_ids: list[int]
    authors: list[int]
    lead_image_id: int | None
    lead_image_caption: str
    kind: str
    redirects: list[str]
    password: str
    digest: str = ""
    record: tuple[int, int | None, str] | None = None  # (record pk, page id, digest)
    warnings: list[str] = field(default_factory=list)  # stored on the import record
    notes: list[str] = field(default_factory=list)  # status decisions, reported per item
    content_warnings: list[str] = field(default_factory=list)  # aggregated per run
    needs_review: bool = False


@dataclass
class Written:
    """What a committed write changed, applied to the importer's caches after commit."""

    records: dict[int, tuple[int, int | None, str]] = field(default_factory=dict)
    redirects: dict[int, list[str]] = field(default_factory=dict)  # post id → new old_paths
    slugs: list[tuple[int, str]] = field(default_factory=list)


class BatchWriter:
    def __init__(self, site: str, user=None) -> None:
        self.site = site
        self.user = user
        self.article_ct = ContentType.objects.get_for_model(ArticlePage)
        self.page_ct = ContentType.objects.get_for_model(Page)
        self.slugs: dict[int, set[str]] = {}
        self.authors: dict[int, Author] = {}
        self.reserved_slugs: set[str] = set()
        self._child_fields = [
            f for f in ArticlePage._meta.local_concrete_fields
        ]  # page_ptr + the article's own columns
        self._base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]

    # -- public -------------------------------------------------------------------------------
    def write(
        self, plans: list[PagePlan]
    ) -> tuple[list[tuple[PagePlan, Written]], list[tuple[PagePlan, Exception]]]:
        """Write ``plans``; return (written, failed). Each plan is written whole or not at all."""
        if not plans:
            return [], []
        try:
            with transaction.atomic():
                written = self._write(plans)
        except Exception as exc:
            if is_disk_full(exc):
                raise  # one item at a time would fail the same way, for every item
            if len(plans) == 1:
                return [], [(plans[0], exc)]
            logger.info("batch of %d failed (%s); writing one item at a time", len(plans), exc)
        else:
            self._apply(written)
            return [(p, written) for p in plans], []
        ok: list[tuple[PagePlan, Written]] = []
        failed: list[tuple[PagePlan, Exception]] = []
        for plan in plans:
            try:
                with transaction.atomic():
                    written = self._write([plan])
            except Exception as exc:
                if is_disk_full(exc):
                    raise
                failed.append((plan, exc))
            else:
                self._apply(written)
                ok.append((plan, written))
        return ok, failed

    @staticmethod
    def existing_redirects(paths: list[str]) -> set[str]:
        """Return which of ``paths`` already redirect somewhere (asked per batch, not cached:
        a set of every old path would grow with the export)."""
        found: set[str] = set()
        for i in range(0, len(paths), 500):
            found.update(
                Redirect.objects.filter(
                    site__isnull=True, old_path__in=paths[i : i + 500]
                ).values_list("old_path", flat=True)
            )
        return found

    def new_redirects(self, plan: PagePlan) -> list[str]:
        existing = self.existing_redirects(plan.redirects)
        return [p for p in plan.redirects if p not in existing]

    def unique_slug(self, parent: CountryPage, base: str, taken_now: set[str]) -> str:
        taken = self._taken(parent)
        slug, n = base, 2
        while slug in taken or slug in taken_now or slug in self.reserved_slugs:
            slug, n = f"{base}-{n}", n + 1
        return slug

    # -- internals ----------------------------------------------------------------------------
    def _taken(self, parent: CountryPage) -> set[str]:
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(
                Page.objects.filter(
                    path__startswith=parent.path, depth=parent.depth + 1
                ).values_list("slug", flat=True)
            )
        return self.slugs[parent.pk]

    def _apply(self, written: Written) -> None:
        for parent_id, slug in written.slugs:
            self.slugs.setdefault(parent_id, set()).add(slug)

    def _write(self, plans: list[PagePlan]) -> Written:
        now = timezone.now()
        written = Written()
        creates = [p for p in plans if p.record is None]
        updates = [p for p in plans if p.record is not None]
        pages: list[ArticlePage] = []
        # What the updated articles show on now (their old title, country, tags…), read
        # before the write, as the editor's publish does (core/pagecache/invalidation.py).
        before: set[str] = set()
        for plan in updates:
            if plan.record is not None and plan.record[1] is not None:
                before |= article_groups(plan.record[1])
        if creates:
            pages += self._insert_pages(creates, now, written)
        for plan in updates:
            pages.append(self._update_page(plan, now))
        by_post = {plan.post_id: page for plan, page in zip(creates + updates, pages, strict=True)}
        invalidate_on_commit(list(by_post.values()), before)
        self._insert_relations(creates + updates, by_post)
        insert_revisions(creates + updates, by_post, now, self.article_ct, self.page_ct, self.user)
        self._insert_redirects(creates + updates, by_post, written)
        write_records(self.site, creates, updates, by_post, written)
        index_references([by_post[p.post_id] for p in creates], True, self.article_ct, self.page_ct)
        index_references(
            [by_post[p.post_id] for p in updates], False, self.article_ct, self.page_ct
        )
        index_search(list(by_post.values()))
        return written

    def _insert_pages(
        self, plans: list[PagePlan], now: datetime, written: Written
    ) -> list[ArticlePage]:
        # The last child path of each parent, read inside this transaction (SQLite's
        # IMMEDIATE transactions and PostgreSQL's unique index on path keep it honest).
        last_path: dict[int, str | None] = {}
        pages: list[ArticlePage] = []
        taken_now: dict[int, set[str]] = {}
        # Lock the parents (in id order: no deadlock between two imports) until this batch
        # commits, so a concurrent import waits instead of computing the same tree paths
        # (PostgreSQL; SQLite already writes one transaction at a time).
        parent_ids = sorted({plan.country.pk for plan in plans})
        list(Page.objects.select_for_update().filter(pk__in=parent_ids).order_by("pk").values("pk"))
        for plan in plans:
            parent = plan.country
            if parent.pk not in last_path:
                last_path[parent.pk] = (
                    Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                    .order_by("-path")
                    .values_list("path", flat=True)
                    .first()
                )
            last = last_path[parent.pk]
            path = next_sibling_path(last) if last else first_child_path(parent.path)
            last_path[parent.pk] = path
            batch_taken = taken_now.setdefault(parent.pk, set())
            slug = self.unique_slug(parent, plan.slug, batch_taken)
            batch_taken.add(slug)
            written.slugs.append((parent.pk, slug))
            live = plan.state == "live"
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
                owner=self.user,
                locale_id=parent.locale_id,
                path=path,
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                latest_revision_created_at=now,
                content_type=self.article_ct,
            )
            pages.append(page)
        base_rows = [
            Page(**{f.attname: getattr(p, f.attname) for f in self._base_fields}) for p in pages
        ]
        Page.objects.bulk_create(base_rows)
        for page, base in zip(pages, base_rows, strict=True):
            page.pk = page.id = page.page_ptr_id = base.pk
            page._state.adding = False
            page._base_row = base  # type: ignore[attr-defined]
        self._insert_article_rows(pages)
        for parent_id, n in Counter(plan.country.pk for plan in plans).items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + n)
        return pages

    def _insert_article_rows(self, pages: list[ArticlePage]) -> None:
        """Insert the ArticlePage table rows in one statement (Django cannot bulk_create MTI)."""
        raw_insert(ArticlePage, pages, self._child_fields)

    def _update_page(self, plan: PagePlan, now: datetime) -> ArticlePage:
        live = plan.state == "live"
        values = {
            "title": plan.title,
            "draft_title": plan.title,
            "standfirst": plan.standfirst,
            "kind": plan.kind,
            "body": to_stream_data(plan.blocks),
            "lead_image_id": plan.lead_image_id,
            "lead_image_caption": plan.lead_image_caption,
            "live": live,
            "has_unpublished_changes": not live,
            "first_published_at": plan.first_published_at,
            "last_published_at": plan.last_published_at,
            "go_live_at": plan.go_live_at,
            "latest_revision_created_at": now,
        }
        page_id = plan.record[1]  # type: ignore[index]
        # A queryset update sends no signals; the indexes are written below for the batch.
        ArticlePage.objects.filter(pk=page_id).update(**values)
        ArticleAuthor.objects.filter(page_id=page_id).delete()
        ArticleTag.objects.filter(content_object_id=page_id).delete()
        ArticlePage.topics.through.objects.filter(articlepage_id=page_id).delete()
        ArticlePage.other_countries.through.objects.filter(articlepage_id=page_id).delete()
        PageViewRestriction.objects.filter(page_id=page_id).delete()
        page = ArticlePage.objects.get(pk=page_id)
        parent = page.get_parent()
        if parent is not None and parent.pk != plan.country.pk:
            # The mapping now files the article under another country: move it there
            # (Wagtail's move keeps url paths consistent and refuses a slug clash).
            page.move(plan.country, pos="last-child")
            page = ArticlePage.objects.get(pk=page_id)
            self.slugs.pop(plan.country.pk, None)
            self.slugs.pop(parent.pk, None)
        page._base_row = page  # type: ignore[attr-defined]
        return page

    def _insert_relations(self, plans: list[PagePlan], by_post: dict[int, ArticlePage]) -> None:
        authors: list[ArticleAuthor] = []
        tags: list[ArticleTag] = []
        topics_through = ArticlePage.topics.through
        countries_through = ArticlePage.other_countries.through
        topics, countries = [], []
        per_page: dict[int, tuple[list, list]] = {}
        for plan in plans:
            page = by_post[plan.post_id]
            page_authors = [
                ArticleAuthor(page_id=page.pk, author_id=a, sort_order=i)
                for i, a in enumerate(plan.authors)
            ]
            for aa in page_authors:
                if aa.author_id in self.authors:
                    aa.author = self.authors[aa.author_id]
            page_tags = [ArticleTag(content_object_id=page.pk, tag_id=t) for t in plan.tag_ids]
            authors += page_authors
            tags += page_tags
            topics += [topics_through(articlepage_id=page.pk, topic_id=t) for t in plan.topics]
            countries += [
                countries_through(articlepage_id=page.pk, countrypage_id=c)
                for c in plan.other_countries
            ]
            per_page[plan.post_id] = (page_authors, page_tags)
            if plan.password:
                # Kept behind the same password as in WordPress, never made public.
                PageViewRestriction.objects.create(
                    page_id=page.pk,
                    restriction_type=PageViewRestriction.PASSWORD,
                    password=plan.password[:255],
                )
        ArticleAuthor.objects.bulk_create(authors)
        ArticleTag.objects.bulk_create(tags)
        raw_insert(topics_through, topics)
        raw_insert(countries_through, countries)
        # The same relations on the instances, so that the revision and the indexes see them.
        for plan in plans:
            page = by_post[plan.post_id]
            page_authors, page_tags = per_page[plan.post_id]
            page.article_authors = page_authors
            page.tagged_items = page_tags
            page.topics = plan.topics
            page.other_countries = plan.other_countries
            if plan.record is None:
                # A new page has none of these; saying so spares a query per relation per page
                # when the revision and the reference index read them.
                page.corrections = []
                page.related_links = []
                page.wagtail_admin_comments = []

    def _insert_redirects(
        self, plans: list[PagePlan], by_post: dict[int, ArticlePage], written: Written
    ) -> None:
        rows = []
        seen = self.existing_redirects([p for plan in plans for p in plan.redirects])
        for plan in plans:
            new = [p for p in plan.redirects if p not in seen]
            seen.update(new)
            written.redirects[plan.post_id] = new
            rows += [
                Redirect(
                    old_path=p,
                    site=None,
                    redirect_page_id=by_post[plan.post_id].pk,
                    is_permanent=True,
                )
                for p in new
            ]
        raw_insert(Redirect, rows)
