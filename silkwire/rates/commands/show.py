"""``silkwire rates show``: the ticker rows as of a date (default today)."""

from __future__ import annotations

from django.utils import timezone

from silkwire.rates import formatting
from silkwire.rates.commands.output import parse_date, print_table, write_json
from silkwire.rates.readings import ticker_rows


def add_arguments(parser) -> None:
    parser.add_argument("--date", help="Show the rates as of this date (YYYY-MM-DD).")
    parser.add_argument("--json", action="store_true", help="Print the rows as JSON.")


def handle(command, options) -> int:
    day = parse_date(options.get("date"), "--date") or timezone.localdate()
    rows = ticker_rows(day)
    if options.get("json"):
        write_json(command, [row.as_json() for row in rows])
        return 0
    table = []
    for row in rows:
        check = row.cross_check
        check_text = f"{check.source} {check.deviation_pct}%" if check else "–"
        if row.flagged:
            check_text += " FLAGGED (> 1.5%)"
        source = formatting.row_source(row)
        table.append(
            [
                row.pair,
                formatting.significant(row.value, 4),
                formatting.units(row.units_per_usd),
                formatting.change(row.change_pct)[0],
                row.rate_date.isoformat(),
                source,
                ", ".join(
                    word
                    for word, on in (
                        ("stale", row.stale),
                        ("override", bool(row.override_reason)),
                        ("demo", row.is_demo),
                    )
                    if on
                ),
                check_text,
            ]
        )
    if not table:
        command.stdout.write(f"No rates stored on or before {day.isoformat()}.")
        return 0
    columns = ["pair", "value", "per USD", "change", "date", "source", "status", "cross-check"]
    print_table(command, f"Rates as of {day.isoformat()}", columns, table)
    return 0
