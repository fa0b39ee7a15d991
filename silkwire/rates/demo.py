"""Demo rates for ``silkwire demo``: real recorded payloads through the real parsers, plus a
synthetic history series, stored under the source ``demo`` and labelled "Demo data"
wherever it shows, so the charts and the ticker have something to show offline.

Idempotent: a bundled payload already ingested (same SHA-256) is skipped, and demo points
are only added for dates that have none.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from silkwire.rates.currencies import CURRENCIES
from silkwire.rates.fetching import ingest_payload
from silkwire.rates.models import FetchLog, Kind, RateObservation
from silkwire.rates.providers import PROVIDERS
from silkwire.rates.providers.base import Quote, Request
from silkwire.rates.readings import DEMO_SOURCE
from silkwire.rates.storage import announce, quantize_units

DATA = Path(__file__).resolve().parent / "data"
# (source, file, requested date or None, variant): CBR first, so it can confirm the others.
BUNDLED = [
    ("cbr", "cbr_XML_daily_Date_25.04.2026.cp1251.xml", None, ""),
    ("nbk", "nbk_get_rates_fdate_01.04.2026.xml", date(2026, 4, 1), ""),
    ("nbk", "nbk_get_rates_fdate_02.04.2026.xml", date(2026, 4, 2), ""),
    ("nbkr", "nbkr_daily_Date_24.05.2026.xml", None, "daily"),
    ("nbkr", "nbkr_weekly_Date_23.05.2026.xml", None, "weekly"),
    ("nbt", "nbt_en_export_xml_2026-05-18.xml", date(2026, 5, 18), ""),
    ("nbt", "nbt_en_export_xml_2026-05-19.xml", date(2026, 5, 19), ""),
    ("cbu", "cbu_en_json_all_2026-04-01.json", date(2026, 4, 1), ""),
    ("cbu", "cbu_en_json_all_2026-04-02.json", date(2026, 4, 2), ""),
    ("cbt", "cbt_kurs_2026_20052026.xml", date(2026, 5, 20), ""),
]
HISTORY_DAYS = 400
SEED = 20260524
# Daily demo moves in hundred-thousandths (up to ±0.3 %), pulled back towards the anchor.
STEP = 300
PULL = Decimal("0.02")


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def load_bundled(stdout=None) -> int:
    """Ingest the recorded bank payloads through the same parsers and trust rules."""
    stored = 0
    earlier: list[Quote] = []
    for code, name, day, variant in BUNDLED:
        payload = (DATA / name).read_bytes()
        digest = hashlib.sha256(payload).hexdigest()
        if FetchLog.objects.filter(trigger="demo", payload_sha256=digest).exists():
            continue
        request = Request(f"demo:{name}", day, variant)
        outcome = ingest_payload(PROVIDERS[code], payload, request, trigger="demo", earlier=earlier)
        earlier.extend(outcome.quotes)
        stored += outcome.log.stored_count
        note = f" ({outcome.log.notes})" if outcome.log.notes else ""
        _say(
            stdout,
            f"  {code} {name}: {outcome.log.outcome}, {outcome.log.stored_count} stored{note}",
        )
    return stored


def _anchor(code: str) -> Decimal:
    primary = CURRENCIES[code].primary_source
    found = (
        RateObservation.objects.filter(currency=code, source=primary)
        .exclude(kind=Kind.CROSS)
        .order_by("-rate_date")
        .first()
    )
    if found is None:
        found = RateObservation.objects.filter(currency=code).order_by("-rate_date").first()
    return found.units_per_usd if found else Decimal(1)


def demo_series(anchor: Decimal, days: list[date], rng: random.Random, pegged: bool) -> list:
    """A deterministic walk around ``anchor`` (integers from the generator; no float)."""
    if pegged:
        return [(day, anchor) for day in days]
    level = anchor
    points = []
    for day in days:
        step = Decimal(rng.randint(-STEP, STEP)) / Decimal(100000)
        level = level * (1 + step) + (anchor - level) * PULL
        points.append((day, quantize_units(level)))
    return points


@transaction.atomic
def load_history(stdout=None, today: date | None = None) -> int:
    """Add a labelled demo series (source ``demo``) for every currency, up to today."""
    today = today or timezone.localdate()
    days = [today - timedelta(days=back) for back in range(HISTORY_DAYS - 1, -1, -1)]
    # A seeded generator for a repeatable demo series, not for anything secret.
    rng = random.Random(SEED)  # noqa: S311
    created = []
    for code in CURRENCIES:
        points = demo_series(_anchor(code), days, rng, pegged=code == "TMT")
        have = set(
            RateObservation.objects.filter(source=DEMO_SOURCE, currency=code).values_list(
                "rate_date", flat=True
            )
        )
        created += [
            RateObservation(
                source=DEMO_SOURCE,
                currency=code,
                rate_date=day,
                units_per_usd=units,
                kind=Kind.DEMO,
                raw="demo data (synthetic, not an official rate)",
                significant_digits=0,
            )
            for day, units in points
            if day not in have
        ]
    RateObservation.objects.bulk_create(created, batch_size=500)
    if created:
        announce({o.currency for o in created}, {o.rate_date for o in created})
    _say(stdout, f"  {len(created)} demo history points added (source 'demo', labelled Demo data).")
    return len(created)


def load_demo_rates(stdout=None) -> dict[str, int]:
    """Load the bundled payloads and the demo history; safe to run again."""
    _say(stdout, "Demo rates (recorded bank payloads, then a labelled demo history):")
    return {"stored": load_bundled(stdout), "history": load_history(stdout)}


load_demo = load_demo_rates  # ``silkwire demo``'s part for rates
