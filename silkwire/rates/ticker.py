"""The site-wide ticker: rendered once, cached, and rebuilt when rates are published.

A page view costs one cache read: the fragment is stored under a key that includes the
local date (so staleness is re-evaluated every day) and is rebuilt on ``rates_published``.
An empty string is cached too, so "no data → no ticker" costs no query either.
"""

from __future__ import annotations

from datetime import date

from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from silkwire.rates import formatting
from silkwire.rates.readings import RateRow, ticker_rows

CACHE_PREFIX = "rates:ticker:v1:"
CACHE_SECONDS = 24 * 3600


def cache_key(day: date) -> str:
    return f"{CACHE_PREFIX}{day.isoformat()}"


def currency_url(code: str) -> str:
    try:
        return reverse("rates:currency", args=[code.lower()])
    except NoReverseMatch:  # the rates URLs are not mounted (e.g. a bare test urlconf)
        return f"/rates/{code.lower()}/"


def index_url() -> str:
    try:
        return reverse("rates:index")
    except NoReverseMatch:
        return "/rates/"


def ticker_item(row: RateRow) -> dict:
    text, direction, words = formatting.change(row.change_pct)
    label_source = formatting.row_source(row)
    tooltip = (
        f"1 USD = {formatting.units(row.units_per_usd)} {row.currency} · {label_source} · "
        f"{formatting.long_date(row.rate_date)}"
    )
    notes = []
    if row.stale:
        notes.append("stale")
    if row.override_reason:
        notes.append("editor override")
    if row.flagged:
        notes.append("differs from the cross-check by more than 1.5%")
    if notes:
        tooltip += " · " + ", ".join(notes)
    value = formatting.significant(row.value, 4)
    return {
        "row": row,
        "url": currency_url(row.currency),
        "value": value,
        "change": text,
        "direction": direction,
        "tooltip": tooltip,
        "label": f"{row.pair} {value}, {words}. {tooltip}",
        "source": label_source,
    }


def render_ticker(day: date | None = None) -> str:
    """Render the ticker HTML for ``day`` (default: today); "" when there is nothing to show."""
    day = day or timezone.localdate()
    rows = ticker_rows(day)
    if not rows:
        return ""
    items = [ticker_item(row) for row in rows]
    context = {"items": items, "day": day, "index_url": index_url()}
    return render_to_string("rates/ticker.html", context).strip()


def cached_ticker(day: date | None = None) -> str:
    """Return the ticker HTML: one cache read, rendering only on a miss."""
    day = day or timezone.localdate()
    key = cache_key(day)
    html = cache.get(key)
    if html is None:
        html = render_ticker(day)
        cache.set(key, html, CACHE_SECONDS)
    return html


def invalidate_ticker() -> None:
    """Drop today's fragment; the next page view renders it once and caches it again.

    Rendering is left to the web process (not the fetch job), which has the static files
    manifest and the URL configuration the fragment needs.
    """
    cache.delete(cache_key(timezone.localdate()))
