"""Grouping wire items from different feeds into one story.

The same story from two outlets stays two items (each is credited to its own source) but
shares one :class:`StoryGroup`: first by the normalised canonical URL (aggregators and
syndicated copies link to the same article), then by the normalised headline within
``SILKWIRE_WIRE_GROUP_WINDOW_HOURS`` (agency copy run verbatim by several outlets).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

from silkwire.wire.models import StoryGroup, WireItem

# Headlines shorter than this ("Новости", "Weather") are too generic to group by.
MIN_TITLE_KEY_CHARS = 16


def find_story(item: WireItem) -> StoryGroup | None:
    """Return the story ``item`` belongs to, if another item already started it."""
    others = WireItem.objects.exclude(pk=item.pk).filter(story__isnull=False)
    if item.url_key:
        match = others.filter(url_key=item.url_key).order_by("sort_at", "id").first()
        if match is not None:
            return match.story
    if item.title_hash and len(item.title_key) >= MIN_TITLE_KEY_CHARS:
        window = timedelta(hours=settings.SILKWIRE_WIRE_GROUP_WINDOW_HOURS)
        match = (
            others.exclude(feed_id=item.feed_id)  # a feed repeating a headline is not news
            .filter(
                title_hash=item.title_hash,
                sort_at__gte=item.sort_at - window,
                sort_at__lte=item.sort_at + window,
            )
            .order_by("sort_at", "id")
            .first()
        )
        if match is not None:
            return match.story
    return None


def assign_story(item: WireItem) -> StoryGroup:
    """Put ``item`` into its story, starting a new one when it is the first."""
    story = find_story(item)
    if story is None:
        story = StoryGroup.objects.create(
            title=item.title, first_seen_at=item.first_seen_at, latest_at=item.sort_at
        )
    elif item.sort_at > story.latest_at:
        story.latest_at = item.sort_at
        story.save(update_fields=["latest_at"])
    item.story = story
    item.save(update_fields=["story"])
    return story
