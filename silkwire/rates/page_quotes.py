"""Ticker rates seen on another site's page (``silkwire ingest text --keep-rates``).

They are stored as observations of the source ``page`` for the record; the ticker and the
cross-check never use them, since a page's 4–5 rounded digits are no official publication.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation, localcontext

from silkwire.rates.currencies import CURRENCIES
from silkwire.rates.providers.base import KIND_CROSS, PRECISION, Quote
from silkwire.rates.readings import PAGE_SOURCE
from silkwire.rates.storage import StoreResult, store_quotes


def significant_digits(text: str) -> int:
    digits = text.replace(".", "").replace("-", "").lstrip("0")
    return len(digits)


def page_quotes(rates: list[dict], day: date) -> list[Quote]:
    """Return quotes for the structurer's ``rates`` rows (``{"pair", "value", "change_pct"}``)."""
    quotes = []
    for row in rates:
        currency, _, base = row["pair"].partition("/")
        try:
            value = Decimal(row["value"])
        except (InvalidOperation, TypeError):
            continue
        if base != "USD" or currency not in CURRENCIES or value <= 0:
            continue
        with localcontext() as ctx:
            ctx.prec = PRECISION
            units = Decimal(1) / value
        quotes.append(
            Quote(
                source=PAGE_SOURCE,
                currency=currency,
                rate_date=day,
                units_per_usd=units,
                kind=KIND_CROSS,
                raw=f"{row['pair']} = {row['value']} {row.get('change_pct', '')}".strip(),
                significant_digits=significant_digits(row["value"]),
            )
        )
    return quotes


def store_page_quotes(rates: list[dict], *, day: date | str | None) -> StoreResult | None:
    """Store a page's ticker rates for ``day``; None when the page carries no date."""
    if day is None:
        return None
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return store_quotes(page_quotes(rates, day))
