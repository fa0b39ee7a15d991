"""Store parsed quotes under the trust rules of docs/rates.md ("Trust rules").

- A quote that would move a rate more than 10 % from the source's previous publication,
  or a pegged currency more than 0.5 % off its peg, is stored only when a second source
  confirms it (within 1.5 %, dated within 3 days). Otherwise it is dropped and the reason
  goes into the fetch log's notes.
- When the dropped quote is the source's *official* one, the whole payload is rejected:
  every cross in it was computed through that number.
- ``rates_published`` is sent once the transaction commits, when anything new was stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Context, Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from silkwire.rates.currencies import STALE_AFTER_DAYS
from silkwire.rates.models import UNITS_QUANTUM, FetchLog, Kind, RateObservation
from silkwire.rates.providers.base import KIND_OFFICIAL, Quote
from silkwire.rates.providers.cbt import PEG_UNITS_PER_USD
from silkwire.rates.signals import rates_published

MAX_DAILY_MOVE = Decimal("0.10")
CONFIRM_WITHIN = Decimal("0.015")
PEG_TOLERANCE = Decimal("0.005")
SAME = Decimal("1e-12")
_WIDE = Context(prec=60)


def pegs() -> dict[str, Decimal]:
    """Return the pegged currencies and their configured units per USD."""
    text = str(getattr(settings, "SILKWIRE_RATES_TMT_PEG", PEG_UNITS_PER_USD))
    try:
        peg = Decimal(text)
    except InvalidOperation:
        peg = Decimal(0)
    if not peg.is_finite() or peg <= 0:
        raise ImproperlyConfigured(
            f"SILKWIRE_RATES_TMT_PEG={text!r}: give TMT per USD as a decimal, e.g. 3.50."
        )
    return {"TMT": peg}


def short(value: Decimal) -> str:
    """Write a rate for a log line: six decimals at most, no trailing zeros."""
    return f"{value.quantize(Decimal('0.000001'), context=_WIDE).normalize():f}"


def quantize_units(value: Decimal) -> Decimal:
    return value.quantize(UNITS_QUANTUM, context=_WIDE)


def relative_change(new: Decimal, old: Decimal) -> Decimal:
    """Return ``new / old - 1`` (as a fraction, not a percentage)."""
    return _WIDE.subtract(_WIDE.divide(new, old), Decimal(1))


class Rejected(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass
class StoreResult:
    stored: list[RateObservation] = field(default_factory=list)
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)


def _confirmed(quote: Quote, others: Sequence[Quote]) -> str | None:
    """Return the name of a second source that agrees with ``quote`` within 1.5 %, if any."""
    window = timedelta(days=STALE_AFTER_DAYS)
    for other in others:
        if other.source == quote.source or other.currency != quote.currency:
            continue
        if abs(other.rate_date - quote.rate_date) <= window:
            if abs(relative_change(quote.units_per_usd, other.units_per_usd)) <= CONFIRM_WITHIN:
                return other.source
    stored = (
        RateObservation.objects.filter(
            currency=quote.currency,
            rate_date__gte=quote.rate_date - window,
            rate_date__lte=quote.rate_date + window,
        )
        .exclude(source=quote.source)
        .exclude(kind=Kind.DEMO)
    )
    for observation in stored:
        if abs(relative_change(quote.units_per_usd, observation.units_per_usd)) <= CONFIRM_WITHIN:
            return observation.source
    return None


def implausibility(quote: Quote) -> str | None:
    """Say why ``quote`` needs a second source before it may be stored, or None."""
    peg = pegs().get(quote.currency)
    if peg is not None and quote.kind != "peg":
        off = relative_change(quote.units_per_usd, peg)
        if abs(off) > PEG_TOLERANCE:
            return (
                f"{quote.currency} {short(quote.units_per_usd)} per USD is "
                f"{(off * 100).quantize(Decimal('0.01'))} % off the {peg} peg"
            )
    previous = (
        RateObservation.objects.filter(
            source=quote.source, currency=quote.currency, rate_date__lt=quote.rate_date
        )
        .order_by("-rate_date")
        .first()
    )
    if previous is not None:
        move = relative_change(quote.units_per_usd, previous.units_per_usd)
        if abs(move) > MAX_DAILY_MOVE:
            return (
                f"{quote.currency} would move {(move * 100).quantize(Decimal('0.01'))} % from "
                f"{short(previous.units_per_usd)} ({previous.rate_date}) to "
                f"{short(quote.units_per_usd)} ({quote.rate_date})"
            )
    return None


def screen(quotes: Sequence[Quote], others: Sequence[Quote] = ()) -> tuple[list[Quote], list[str]]:
    """Apply the trust rules; return the quotes that may be stored and notes on the others.

    Raises :class:`Rejected` when the source's official quote itself is implausible.
    """
    kept, notes = [], []
    for quote in quotes:
        problem = implausibility(quote)
        if problem is None:
            kept.append(quote)
            continue
        confirmer = _confirmed(quote, others)
        if confirmer is not None:
            notes.append(f"{problem}; confirmed by {confirmer}, stored")
            kept.append(quote)
        elif quote.kind == KIND_OFFICIAL:
            raise Rejected("implausible_move", f"{problem}; no second source confirms it")
        else:
            notes.append(f"{problem}; no second source confirms it, dropped")
    return kept, notes


def _kind(quote: Quote) -> str:
    return quote.kind if quote.kind in Kind.values else Kind.CROSS


@transaction.atomic
def store_quotes(
    quotes: Iterable[Quote], *, fetch: FetchLog | None = None, others: Sequence[Quote] = ()
) -> StoreResult:
    """Screen and store ``quotes``; return what was stored, what was already there and notes.

    Quotes are screened and stored oldest first, one at a time, so a payload holding a
    series (NBKR's history page) checks each day against the day stored before it.
    """
    result = StoreResult()
    for quote in sorted(quotes, key=lambda q: q.rate_date):
        kept, notes = screen([quote], others)
        result.notes.extend(notes)
        if not kept:
            continue
        units = quantize_units(quote.units_per_usd)
        # Insert or read back what is stored: two runs of one payload at once both find no
        # row, and the second insert hits rates_one_value_per_source_day (two runs at once).
        # get_or_create inserts in a savepoint and, on that conflict, reads the winner's row
        # (PostgreSQL waits for its commit), so the loser compares instead of dying.
        existing, created = RateObservation.objects.get_or_create(
            source=quote.source,
            currency=quote.currency,
            rate_date=quote.rate_date,
            defaults={
                "units_per_usd": units,
                "kind": _kind(quote),
                "raw": quote.raw[:255],
                "significant_digits": quote.significant_digits,
                "fetch": fetch,
            },
        )
        if created:
            result.stored.append(existing)
            continue
        # SQLite keeps about 15 significant digits; a difference below 1e-12 is the same value.
        if abs(relative_change(units, existing.units_per_usd)) < SAME:
            result.unchanged += 1
            continue
        result.notes.append(
            f"{quote.currency} {quote.rate_date}: revised from "
            f"{existing.units_per_usd.normalize():f} to {units.normalize():f}"
        )
        existing.units_per_usd, existing.raw, existing.fetch = units, quote.raw[:255], fetch
        existing.kind, existing.significant_digits = _kind(quote), quote.significant_digits
        existing.save()
        result.stored.append(existing)
    if result.stored:
        announce({o.currency for o in result.stored}, {o.rate_date for o in result.stored})
    return result


def announce(currencies: set[str], dates: set[date]) -> None:
    """Send ``rates_published`` once the surrounding transaction has committed."""
    transaction.on_commit(
        lambda: rates_published.send(sender=store_quotes, currencies=currencies, dates=dates)
    )
