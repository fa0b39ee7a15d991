from django import template

from silkwire.stats.counter import PAGE_CACHE_GROUP, most_read_lists

register = template.Library()


@register.inclusion_tag("stats/most_read.html")
def most_read_block(country=None, limit: int = 5):
    """Render the most-read lists (24 hours and 7 days), for the whole site or one country."""
    from silkwire.core.pagecache import declare

    declare(PAGE_CACHE_GROUP)  # refresh_rankings() invalidates this page when the ranking moves
    lists = most_read_lists(country, limit)
    return {
        "country": country,
        "windows": [
            ("24h", "Last 24 hours", lists["24h"]),
            ("7d", "Last 7 days", lists["7d"]),
        ],
    }
