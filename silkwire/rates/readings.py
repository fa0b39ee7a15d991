"""What readers see: the value of each currency as of a date, its change and its checks.

Semantics (docs/rates.md, "Semantics"): ``XXX/USD`` = 1 / (units per USD). Change % = (previous units per
USD / current units per USD − 1) × 100 against the previous distinct publication of the
same source. A value older than 3 days is stale; a fallback is shown only with its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Context, Decimal

from silkwire.rates.currencies import (
    CROSS_CHECK_SOURCE,
    CURRENCIES,
    FALLBACK_SOURCES,
    STALE_AFTER_DAYS,
    TICKER_ORDER,
)
from silkwire.rates.models import Kind, RateObservation, RateOverride

_CTX = Context(prec=40)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
FLAG_ABOVE_PCT = Decimal("1.5")
MIN_CHECK_DIGITS = 4  # crosses from figures with fewer significant digits are too coarse
DEMO_SOURCE = "demo"
PAGE_SOURCE = "page"  # rates copied from another site's ticker: never a cross-check
OVERRIDE_SOURCE = "override"
OFFICIAL_KINDS = (Kind.OFFICIAL, Kind.PEG)


def usd_value(units_per_usd: Decimal) -> Decimal:
    return _CTX.divide(Decimal(1), units_per_usd)


def change_pct(previous_units: Decimal, current_units: Decimal) -> Decimal:
    """Return the change of the USD value in %, to 2 places: (prev / current − 1) × 100."""
    ratio = _CTX.divide(previous_units, current_units)
    return _CTX.multiply(_CTX.subtract(ratio, Decimal(1)), HUNDRED).quantize(CENT, context=_CTX)


def deviation_pct(units: Decimal, reference_units: Decimal) -> Decimal:
    """How far our USD value sits from the reference's, in % (positive: we value it higher)."""
    return change_pct(reference_units, units)


@dataclass(frozen=True)
class CrossCheck:
    source: str
    rate_date: date
    units_per_usd: Decimal
    deviation_pct: Decimal

    @property
    def flagged(self) -> bool:
        return abs(self.deviation_pct) > FLAG_ABOVE_PCT

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "deviation_pct": str(self.deviation_pct),
            "rate_date": self.rate_date.isoformat(),
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class RateRow:
    currency: str
    units_per_usd: Decimal
    rate_date: date
    source: str
    kind: str
    change_pct: Decimal | None
    stale: bool
    fallback: bool = False
    override_reason: str = ""
    cross_check: CrossCheck | None = None
    other_checks: tuple[CrossCheck, ...] = field(default_factory=tuple)

    @property
    def pair(self) -> str:
        return f"{self.currency}/USD"

    @property
    def value(self) -> Decimal:
        return usd_value(self.units_per_usd)

    @property
    def is_demo(self) -> bool:
        return self.source == DEMO_SOURCE

    @property
    def flagged(self) -> bool:
        checks = ((self.cross_check,) if self.cross_check else ()) + self.other_checks
        return any(check.flagged for check in checks)

    def as_json(self) -> dict:
        return {
            "pair": self.pair,
            "currency": self.currency,
            "value": f"{self.value.quantize(Decimal('1e-12'), context=_CTX).normalize():f}",
            "units_per_usd": f"{self.units_per_usd.normalize():f}",
            "change_pct": None if self.change_pct is None else str(self.change_pct),
            "rate_date": self.rate_date.isoformat(),
            "source": self.source,
            "kind": self.kind,
            "stale": self.stale,
            "fallback": self.fallback,
            "override_reason": self.override_reason or None,
            "cross_check": self.cross_check.as_json() if self.cross_check else None,
            "flagged": self.flagged,
        }


def _latest(currency: str, source: str, as_of: date, kinds=None) -> RateObservation | None:
    rows = RateObservation.objects.filter(currency=currency, source=source, rate_date__lte=as_of)
    if kinds:
        rows = rows.filter(kind__in=kinds)
    return rows.order_by("-rate_date").first()


def _previous(currency: str, source: str, before: date) -> RateObservation | None:
    return (
        RateObservation.objects.filter(currency=currency, source=source, rate_date__lt=before)
        .order_by("-rate_date")
        .first()
    )


def is_stale(rate_date: date, as_of: date) -> bool:
    return rate_date < as_of - timedelta(days=STALE_AFTER_DAYS)


def cross_checks(currency: str, source: str, units: Decimal, on: date) -> list[CrossCheck]:
    """Compare a value with every other source's figure for the currency dated within 3 days.

    The CBR check comes first; other banks' crosses count only when their raw figures
    have at least 4 significant digits (NBKR's ``0,0073`` UZS would flag noise).
    """
    window = timedelta(days=STALE_AFTER_DAYS)
    candidates = (
        RateObservation.objects.filter(
            currency=currency, rate_date__gte=on - window, rate_date__lte=on + window
        )
        .exclude(source__in=(source, DEMO_SOURCE, PAGE_SOURCE))
        .order_by("rate_date")
    )
    nearest: dict[str, RateObservation] = {}
    for observation in candidates:
        if observation.source != CROSS_CHECK_SOURCE and (
            observation.significant_digits < MIN_CHECK_DIGITS
        ):
            continue
        best = nearest.get(observation.source)
        distance = abs(observation.rate_date - on)
        if best is None or distance < abs(best.rate_date - on):
            nearest[observation.source] = observation
    checks = [
        CrossCheck(o.source, o.rate_date, o.units_per_usd, deviation_pct(units, o.units_per_usd))
        for o in nearest.values()
    ]
    return sorted(checks, key=lambda c: (c.source != CROSS_CHECK_SOURCE, c.source))


def cross_check_summary(observation: RateObservation) -> str:
    """Say how an observation compares with the other sources (the admin column)."""
    checks = cross_checks(
        observation.currency, observation.source, observation.units_per_usd, observation.rate_date
    )
    if not checks:
        return "–"
    return "; ".join(f"{'⚠ ' if c.flagged else ''}{c.source} {c.deviation_pct}%" for c in checks)


def rate_row(currency: str, as_of: date) -> RateRow | None:
    """Return what the site shows for ``currency`` as of ``as_of`` (None: nothing to show)."""
    primary = CURRENCIES[currency].primary_source
    chosen = _latest(currency, primary, as_of, OFFICIAL_KINDS)
    override = (
        RateOverride.objects.filter(currency=currency, active=True, rate_date__lte=as_of)
        .order_by("-rate_date", "-created_at")
        .first()
    )
    if override is not None and (chosen is None or override.rate_date >= chosen.rate_date):
        previous = _previous(currency, primary, override.rate_date)
        checks = cross_checks(currency, primary, override.units_per_usd, override.rate_date)
        return RateRow(
            currency,
            override.units_per_usd,
            override.rate_date,
            OVERRIDE_SOURCE,
            "override",
            change_pct(previous.units_per_usd, override.units_per_usd) if previous else None,
            is_stale(override.rate_date, as_of),
            override_reason=override.reason,
            cross_check=next((c for c in checks if c.source == CROSS_CHECK_SOURCE), None),
            other_checks=tuple(c for c in checks if c.source != CROSS_CHECK_SOURCE),
        )
    fallback = False
    if chosen is None or is_stale(chosen.rate_date, as_of):
        for source in (*FALLBACK_SOURCES, DEMO_SOURCE):
            if source == primary:
                continue
            candidate = _latest(currency, source, as_of)
            if candidate is None or is_stale(candidate.rate_date, as_of):
                continue
            if chosen is None or candidate.rate_date > chosen.rate_date:
                chosen, fallback = candidate, True
                break
    if chosen is None:
        return None
    previous = _previous(currency, chosen.source, chosen.rate_date)
    checks = (
        []
        if chosen.source == DEMO_SOURCE
        else cross_checks(currency, chosen.source, chosen.units_per_usd, chosen.rate_date)
    )
    return RateRow(
        currency,
        chosen.units_per_usd,
        chosen.rate_date,
        chosen.source,
        chosen.kind,
        change_pct(previous.units_per_usd, chosen.units_per_usd) if previous else None,
        is_stale(chosen.rate_date, as_of),
        fallback=fallback,
        cross_check=next((c for c in checks if c.source == CROSS_CHECK_SOURCE), None),
        other_checks=tuple(c for c in checks if c.source != CROSS_CHECK_SOURCE),
    )


def ticker_rows(as_of: date) -> list[RateRow]:
    """Return the ticker rows in the fixed order KGS, KZT, TJS, UZS, TMT, skipping missing ones."""
    rows = (rate_row(code, as_of) for code in TICKER_ORDER)
    return [row for row in rows if row is not None]


def history(
    currency: str, since: date | None = None, until: date | None = None
) -> list[RateObservation]:
    """Return the official series of a currency: its primary source, gaps filled by demo data.

    Each observation keeps its ``source``, so demo points are labelled wherever they show.
    """
    primary = CURRENCIES[currency].primary_source
    rows = RateObservation.objects.filter(
        currency=currency, source__in=(primary, DEMO_SOURCE)
    ).exclude(source=primary, kind=Kind.CROSS)
    if since:
        rows = rows.filter(rate_date__gte=since)
    if until:
        rows = rows.filter(rate_date__lte=until)
    by_date: dict[date, RateObservation] = {}
    for observation in rows.order_by("rate_date"):
        if observation.rate_date not in by_date or observation.source == primary:
            by_date[observation.rate_date] = observation
    return [by_date[day] for day in sorted(by_date)]
