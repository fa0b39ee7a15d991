from django import template

from silkwire.stats.counter import PAGE_CACHE_GROUP, most_read

register = template.Library()


@register.inclusion_tag("stats/most_read.html")
def most_read_block(country=None, limit: int = 5):
    """Render the most-read lists (24 hours and 7 days), for the whole site or one country."""
    from silkwire.core.pagecache import declare

    declare(PAGE_CACHE_GROUP)  # refresh_rankings() invalidates this page when the ranking moves
    return {
        "country": country,
        "windows": [
            ("24h", "Last 24 hours", most_read("24h", country, limit)),
            ("7d", "Last 7 days", most_read("7d", country, limit)),
        ],
    }
