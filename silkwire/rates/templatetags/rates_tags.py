from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from silkwire.rates.ticker import cached_ticker

register = template.Library()


@register.simple_tag
def rates_ticker() -> str:
    """Insert the cached ticker fragment (one cache read per page view)."""
    return mark_safe(cached_ticker())  # noqa: S308 - rendered by our own template, auto-escaped
