"""Editor actions on wire items: turn one into a credited draft, or dismiss it for good."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape

from silkwire.core.http import FetchError, fetch
from silkwire.ingest.countries import primary_country
from silkwire.ingest.html import HTML_MEDIA_TYPES, ExtractionError, extract_page
from silkwire.news.models import ArticlePage
from silkwire.news.services import create_article
from silkwire.wire.models import WireItem, WireTombstone

log = logging.getLogger(__name__)

NEEDS_REWRITE_TAG = "needs-rewrite"
STANDFIRST_CHARS = 300


@dataclass
class DraftOutcome:
    page: ArticlePage
    created: bool
    full_text: bool = False
    warnings: list[str] = field(default_factory=list)


def attribution_block(item: WireItem) -> dict:
    name = escape(item.feed.name)
    if item.link:
        html = f'Source: <a href="{escape(item.link)}">{name}</a>'
    else:
        html = f"Source: {name}"
    return {"type": "paragraph", "html": html}


def _standfirst(summary: str) -> str:
    if len(summary) <= STANDFIRST_CHARS:
        return summary
    return summary[:STANDFIRST_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def full_text_blocks(item: WireItem, **fetch_options) -> list[dict]:
    """Fetch the item's page and extract its body. Raises FetchError/ExtractionError."""
    response = fetch(item.link, kind="page", **fetch_options)
    if response.status != 200:
        raise ExtractionError(f"{item.link} answered HTTP {response.status}.")
    if response.content_type and response.content_type not in HTML_MEDIA_TYPES:
        raise ExtractionError(f"{item.link} is {response.content_type}, not an HTML page.")
    page = extract_page(response.content, url=response.url, charset=response.charset)
    return page.blocks


def create_draft(
    item: WireItem, *, user=None, full_text: bool = False, **fetch_options
) -> DraftOutcome:
    """Make an ``ArticlePage`` draft from ``item``, credited to its feed; idempotent.

    The draft lives under the feed's country, else the first country detected in the item,
    else Central Asia. With ``full_text`` the page is fetched and extracted (safe client,
    HTML extractor) and the draft is tagged ``needs-rewrite``: it is someone else's copy.
    """
    if item.draft_id and ArticlePage.objects.filter(pk=item.draft_id).exists():
        return DraftOutcome(ArticlePage.objects.get(pk=item.draft_id), created=False)
    warnings: list[str] = []
    summary_blocks = [{"type": "paragraph", "text": item.summary}] if item.summary else []
    blocks = summary_blocks
    tags: list[str] = []
    used_full_text = False
    if full_text and item.link:
        try:
            blocks = full_text_blocks(item, **fetch_options)
            used_full_text = True
            tags.append(NEEDS_REWRITE_TAG)
        except (FetchError, ExtractionError) as exc:
            warnings.append(f"Full text not imported ({exc}); the draft has the summary only.")
    elif full_text:
        warnings.append("The item has no link: the draft has the summary only.")
    blocks = [*blocks, attribution_block(item)]
    detected = item.detected_countries()
    country = primary_country(item.feed.country, detected)
    with transaction.atomic():
        locked = WireItem.objects.select_for_update().get(pk=item.pk)
        if locked.draft_id and ArticlePage.objects.filter(pk=locked.draft_id).exists():
            return DraftOutcome(ArticlePage.objects.get(pk=locked.draft_id), created=False)
        page = create_article(
            country=country,
            title=item.title[:255],
            blocks=blocks,
            standfirst=_standfirst(item.summary),
            other_countries=[c for c in detected if c.pk != country.pk],
            tags=tags,
            source_name=item.feed.name[:255],
            source_url=item.link[:1000],
            user=user,
        )
        WireItem.objects.filter(pk=item.pk).update(draft=page)
    item.draft = page
    return DraftOutcome(page, created=True, full_text=used_full_text, warnings=warnings)


def dismiss(item: WireItem, *, user=None) -> None:
    """Hide ``item`` for good: a tombstone keeps it from coming back, even after pruning."""
    with transaction.atomic():
        WireItem.objects.filter(pk=item.pk).update(dismissed_at=timezone.now(), dismissed_by=user)
        try:
            with transaction.atomic():
                WireTombstone.objects.create(feed_id=item.feed_id, external_id=item.external_id)
        except IntegrityError:
            pass  # dismissed before


def restore(item: WireItem) -> None:
    """Undo a dismissal."""
    with transaction.atomic():
        WireItem.objects.filter(pk=item.pk).update(dismissed_at=None, dismissed_by=None)
        WireTombstone.objects.filter(feed_id=item.feed_id, external_id=item.external_id).delete()
