"""Bulk rows for a WordPress batch: raw inserts, revisions, import records, ref/search indexes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from silkwire.core.pagecache.invalidation import article_groups, invalidate
from silkwire.core.wagtail_compat import content_path_hash, extract_references
from silkwire.ingest.models import WordPressImportRecord
from silkwire.news.models import ArticlePage

if TYPE_CHECKING:
    from silkwire.ingest.wordpress.writer import PagePlan, Written


def raw_insert(model, objs: list, fields: list | None = None) -> None:
    """INSERT ``objs`` with one executemany: no per-value SQL compiling as in bulk_create.

    For rows whose primary key nobody needs back (through tables, redirects, references).
    """
    if not objs:
        return
    if fields is None:
        fields = [f for f in model._meta.local_concrete_fields if not f.primary_key]
    qn = connection.ops.quote_name
    # Identifiers from the model, quoted by the backend; values are bound parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        qn(model._meta.db_table),
        ", ".join(qn(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [[f.get_db_prep_save(f.pre_save(o, True), connection) for f in fields] for o in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def insert_revisions(
    plans: list[PagePlan],
    by_post: dict[int, ArticlePage],
    now: datetime,
    article_ct: ContentType,
    page_ct: ContentType,
    user,
) -> None:
    """Insert one revision per page and point the pages at it (live ones as live)."""
    revisions = []
    for plan in plans:
        page = by_post[plan.post_id]
        revisions.append(
            Revision(
                content_type=article_ct,
                base_content_type=page_ct,
                object_id=str(page.pk),
                created_at=now,
                user=user,
                object_str=page.title,
                content=page.serializable_data(),
                approved_go_live_at=plan.go_live_at if plan.state == "scheduled" else None,
            )
        )
    Revision.objects.bulk_create(revisions)
    bases = []
    for plan, revision in zip(plans, revisions, strict=True):
        base = by_post[plan.post_id]._base_row  # type: ignore[attr-defined]
        base.latest_revision_id = revision.pk
        base.live_revision_id = revision.pk if plan.state == "live" else None
        bases.append(base)
    Page.objects.bulk_update(bases, ["latest_revision", "live_revision"])


def write_records(
    site: str,
    creates: list[PagePlan],
    updates: list[PagePlan],
    by_post: dict[int, ArticlePage],
    written: Written,
) -> None:
    """Insert the import records of new pages, update those of updated ones."""
    records = [
        WordPressImportRecord(
            site=site,
            post_id=plan.post_id,
            kind=plan.post_type,
            page_id=by_post[plan.post_id].pk,
            content_hash=plan.digest,
            source_url=plan.link[:1000],
            warnings=plan.warnings,
        )
        for plan in creates
    ]
    WordPressImportRecord.objects.bulk_create(records)
    for plan, record in zip(creates, records, strict=True):
        written.records[plan.post_id] = (record.pk, record.page_id, plan.digest)
    for plan in updates:
        pk, page_id, _ = plan.record  # type: ignore[misc]
        WordPressImportRecord.objects.filter(pk=pk).update(
            content_hash=plan.digest, warnings=plan.warnings, updated_at=timezone.now()
        )
        written.records[plan.post_id] = (pk, page_id, plan.digest)


def index_references(
    pages: list[ArticlePage], fresh: bool, article_ct: ContentType, page_ct: ContentType
) -> None:
    """Record what the pages use (images, authors…) in Wagtail's reference index."""
    if not pages or not ReferenceIndex.is_indexed(ArticlePage):
        return
    if not fresh:
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
        return
    rows = []
    for page in pages:
        for to_ct, to_id, model_path, content_path in set(extract_references(page)):
            rows.append(
                ReferenceIndex(
                    content_type=article_ct,
                    base_content_type=page_ct,
                    object_id=page.pk,
                    to_content_type_id=to_ct,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=content_path_hash(content_path),
                )
            )
    raw_insert(ReferenceIndex, rows)  # new pages: no existing rows to conflict with


def invalidate_on_commit(pages: list[ArticlePage], before: set[str]) -> None:
    """Bump the page cache for what the batch changed once it commits (no save signals
    run for these bulk writes): the groups the articles had before and have after."""
    page_ids = [page.pk for page in pages]

    def run() -> None:
        names = set(before)
        for page_id in page_ids:
            names |= article_groups(page_id) | {f"article:{page_id}"}
        invalidate(names)

    transaction.on_commit(run)


def index_search(pages: list[ArticlePage]) -> None:
    """Add the pages to every auto-updated search backend."""
    if not pages:
        return
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, pages)
