"""JSON API for rates (documented in docs/api.md, "## Rates")."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from silkwire.rates.currencies import CURRENCIES, TICKER_ORDER
from silkwire.rates.readings import history, rate_row, usd_value
from silkwire.rates.views import parse_day

API_CURRENCIES = (*TICKER_ORDER, "RUB")
MAX_DAYS = 3660
_PLACES = Decimal("1e-12")


def error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_GET
def latest(request):
    asked = request.GET.get("date")
    on = parse_day(asked) if asked else timezone.localdate()
    if on is None:
        return error("date: use YYYY-MM-DD, e.g. ?date=2026-05-24")
    rows = [rate_row(code, on) for code in API_CURRENCIES]
    return JsonResponse(
        {"as_of": on.isoformat(), "rates": [row.as_json() for row in rows if row is not None]}
    )


@require_GET
def currency_history(request, code: str):
    upper = code.upper()
    if upper not in CURRENCIES:
        return error(f"unknown currency {code!r}: use one of {', '.join(CURRENCIES)}", 404)
    until = parse_day(request.GET.get("to")) if request.GET.get("to") else timezone.localdate()
    since = parse_day(request.GET.get("from")) if request.GET.get("from") else None
    if until is None or (request.GET.get("from") and since is None):
        return error("from/to: use YYYY-MM-DD, e.g. ?from=2026-04-01&to=2026-04-30")
    # The default window starts 30 days before `to`, but never before the first representable date.
    since = since or max(until, date.min + timedelta(days=30)) - timedelta(days=30)
    if since > until:
        return error("from is after to")
    if (until - since).days > MAX_DAYS:
        return error(f"ask for at most {MAX_DAYS} days at a time")
    observations = [
        {
            "rate_date": o.rate_date.isoformat(),
            "units_per_usd": f"{o.units_per_usd.normalize():f}",
            "value": f"{usd_value(o.units_per_usd).quantize(_PLACES).normalize():f}",
            "source": o.source,
            "kind": o.kind,
        }
        for o in history(upper, since, until)
    ]
    row = rate_row(upper, until)
    return JsonResponse(
        {
            "currency": upper,
            "pair": f"{upper}/USD",
            "primary_source": CURRENCIES[upper].primary_source,
            "from": since.isoformat(),
            "to": until.isoformat(),
            "observations": observations,
            "latest": row.as_json() if row else None,
        }
    )
