"""``silkwire rates fetch``: fetch sources (or parse a saved payload), store, report.

Exit status: 0 when every source answered as expected (stored, unchanged, no publication,
or a payload for another date: the source's carry-forward); 1 when any source failed
unexpectedly (network error, timeout, redirect, HTTP status, wrong shape, implausible
move); 2 for bad arguments.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from silkwire.rates.commands.output import (
    FETCH_COLUMNS,
    add_source_option,
    fetch_rows,
    log_json,
    parse_date,
    print_table,
    write_json,
)
from silkwire.rates.fetching import fetch_all, ingest_payload
from silkwire.rates.providers import PROVIDERS
from silkwire.rates.providers.base import Request


def add_arguments(parser) -> None:
    add_source_option(parser)
    parser.add_argument("--date", help="The date to fetch (YYYY-MM-DD); default: the latest.")
    parser.add_argument(
        "--file", help="Parse this saved payload instead of fetching (needs exactly one --source)."
    )
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")


def variant_for(code: str, payload: bytes) -> str:
    if code == "nbkr" and b"<!--date-->" in payload:
        return "history:USD"
    return ""


def handle(command, options) -> int:
    day = parse_date(options.get("date"), "--date")
    sources = options.get("sources") or []
    if options.get("file"):
        if len(sources) != 1:
            raise CommandError(
                "--file needs exactly one --source, e.g. --file nbk.xml --source nbk", returncode=2
            )
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"--file {path}: no such file", returncode=2)
        payload = path.read_bytes()
        code = sources[0]
        request = Request(f"file:{path.resolve()}", day, variant_for(code, payload))
        entries = [ingest_payload(PROVIDERS[code], payload, request, trigger="file").log]
    else:
        report = fetch_all(sources or None, day, trigger="fetch")
        entries = [outcome.log for outcomes in report.values() for outcome in outcomes]
    if options.get("json"):
        write_json(command, [log_json(e) for e in entries])
    else:
        print_table(command, "Rates fetch", FETCH_COLUMNS, fetch_rows(entries))
    return 1 if any(e.failed for e in entries) else 0
