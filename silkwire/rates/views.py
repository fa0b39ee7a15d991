"""Public rates pages: the overview, one page per currency (chart, table, CSV), the converter."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from silkwire.core.ratelimit import rate_limited
from silkwire.rates import formatting
from silkwire.rates.charts import line_chart
from silkwire.rates.converter import ConversionError, convert, parse_amount
from silkwire.rates.currencies import CONVERTER_CURRENCIES, CURRENCIES, TICKER_ORDER
from silkwire.rates.readings import DEMO_SOURCE, change_pct, history, rate_row, usd_value

PAGE_CURRENCIES = (*TICKER_ORDER, "RUB")
PLACES = Decimal("1e-12")
RANGES = {"30d": ("30 days", 30), "1y": ("1 year", 365), "all": ("All", None)}


def parse_day(text: str | None) -> date | None:
    try:
        return datetime.strptime((text or "").strip(), "%Y-%m-%d").date() if text else None
    except ValueError:
        return None


def describe(row) -> dict:
    """Everything a template needs to show one rate row."""
    change_text, direction, words = formatting.change(row.change_pct)
    source = formatting.row_source(row)
    check = row.cross_check
    return {
        "row": row,
        "currency": CURRENCIES[row.currency],
        "value": formatting.significant(row.value, 4),
        "units": formatting.units(row.units_per_usd),
        "change": change_text,
        "direction": direction,
        "change_words": words,
        "source": source,
        "date": formatting.long_date(row.rate_date),
        "check": check,
        "check_source": formatting.source_name(check.source) if check else "",
        "other_checks": [(formatting.source_name(c.source), c) for c in row.other_checks],
    }


@require_GET
def index(request):
    asked = parse_day(request.GET.get("date"))
    on = asked or timezone.localdate()
    rows = []
    for code in PAGE_CURRENCIES:
        row = rate_row(code, on)
        rows.append(
            {"code": code, "currency": CURRENCIES[code], "info": describe(row) if row else None}
        )
    return render(
        request,
        "rates/index.html",
        {
            "rows": rows,
            "on": on,
            "date_error": bool(request.GET.get("date")) and asked is None,
            "converter_currencies": CONVERTER_CURRENCIES,
        },
    )


def _currency_or_404(code: str) -> str:
    upper = code.upper()
    if upper not in CURRENCIES:
        raise Http404(f"No rates for {code!r}.")
    return upper


def _series(upper: str, range_key: str):
    full = history(upper)
    if not full:
        return [], None
    end = full[-1].rate_date
    days = RANGES[range_key][1]
    if days is None:
        return full, end
    start = end - timedelta(days=days)
    return [o for o in full if o.rate_date >= start], end


@require_GET
def currency(request, code: str):
    upper = _currency_or_404(code)
    if code != upper.lower():
        return redirect("rates:currency", code=upper.lower(), permanent=True)
    range_key = request.GET.get("range", "30d")
    if range_key not in RANGES:
        range_key = "30d"
    series, _ = _series(upper, range_key)
    table = []
    previous = None
    for observation in series:
        table.append(
            {
                "obs": observation,
                "value": formatting.significant(usd_value(observation.units_per_usd), 4),
                "units": formatting.units(observation.units_per_usd),
                "change": formatting.change(
                    change_pct(previous.units_per_usd, observation.units_per_usd)
                    if previous
                    else None
                )[0],
                "source": formatting.source_name(observation.source),
                "is_demo": observation.source == DEMO_SOURCE,
            }
        )
        previous = observation
    label = f"{upper} per 1 US dollar"
    chart = line_chart(
        [(o.rate_date, o.units_per_usd) for o in series],
        title=f"{label}, {RANGES[range_key][0].lower()}",
        description=(
            f"{len(series)} official values from {series[0].rate_date} to {series[-1].rate_date}"
            if series
            else ""
        ),
        demo_from=0 if any(o.source == DEMO_SOURCE for o in series) else None,
    )
    row = rate_row(upper, timezone.localdate())
    return render(
        request,
        "rates/currency.html",
        {
            "code": upper,
            "currency": CURRENCIES[upper],
            "info": describe(row) if row else None,
            "chart": chart,
            "table": list(reversed(table)),
            "has_demo": any(item["is_demo"] for item in table),
            "ranges": [(key, name) for key, (name, _) in RANGES.items()],
            "range_key": range_key,
            "label": label,
        },
    )


@require_GET
def currency_csv(request, code: str):
    upper = _currency_or_404(code)
    range_key = request.GET.get("range", "all")
    if range_key not in RANGES:
        range_key = "all"
    series, _ = _series(upper, range_key)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="rates-{upper.lower()}-{range_key}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["rate_date", "currency", "units_per_usd", "usd_value", "source", "kind"])
    for o in series:
        value = usd_value(o.units_per_usd)
        writer.writerow(
            [
                o.rate_date.isoformat(),
                upper,
                f"{o.units_per_usd.normalize():f}",
                f"{value.quantize(PLACES).normalize():f}",
                o.source,
                o.kind,
            ]
        )
    return response


@require_GET
@rate_limited("converter", "SILKWIRE_RATELIMIT_CONVERTER", "conversion")
def converter(request):
    on = parse_day(request.GET.get("date")) or timezone.localdate()
    source = (request.GET.get("from") or "USD").upper()
    target = (request.GET.get("to") or "KZT").upper()
    context = {
        "currencies": CONVERTER_CURRENCIES,
        "source": source,
        "target": target,
        "on": on,
        "amount_text": request.GET.get("amount", "100"),
        "result": None,
        "error": "",
    }
    if request.GET.get("date") and parse_day(request.GET.get("date")) is None:
        context["error"] = "Give the date as YYYY-MM-DD."
    elif "amount" in request.GET:
        try:
            conversion = convert(parse_amount(request.GET["amount"]), source, target, on)
        except ConversionError as exc:
            context["error"] = str(exc)
        else:
            context["result"] = {
                "conversion": conversion,
                "amount": formatting.units(conversion.amount) if conversion.amount else "0",
                "value": formatting.units(conversion.result) if conversion.result else "0",
                "rate": formatting.significant(conversion.rate, 6),
                "rows": [describe(row) for row in conversion.rows],
            }
    status = 400 if context["error"] else 200
    return render(request, "rates/converter.html", context, status=status)
