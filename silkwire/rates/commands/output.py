"""Shared output for the rates subcommands: rich tables on a TTY, JSON with --json."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

from django.core.management.base import CommandError

from silkwire.rates.models import FetchLog


def add_source_option(parser) -> None:
    from silkwire.rates.providers import PROVIDERS

    parser.add_argument(
        "--source",
        action="extend",
        nargs="+",
        choices=sorted(PROVIDERS),
        dest="sources",
        metavar="CODE",
        help=f"One or more of {', '.join(PROVIDERS)} (repeatable); default: all.",
    )


def parse_date(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(
            f"{option} {text!r}: give the date as YYYY-MM-DD, e.g. {option} 2026-05-24",
            returncode=2,
        ) from None


def is_tty(command) -> bool:
    stream = getattr(command.stdout, "_out", sys.stdout)
    return bool(getattr(stream, "isatty", lambda: False)())


def write_json(command, data) -> None:
    command.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))


def log_json(entry: FetchLog) -> dict:
    return {
        "source": entry.source,
        "url": entry.url,
        "requested_date": entry.requested_date.isoformat() if entry.requested_date else None,
        "http_status": entry.http_status,
        "outcome": entry.outcome,
        "reason": entry.reason or None,
        "error": entry.error or None,
        "notes": entry.notes.splitlines(),
        "stored": entry.stored_count,
        "payload_sha256": entry.payload_sha256 or None,
        "payload_path": entry.payload_path or None,
        "failed": entry.failed,
    }


def print_table(command, title: str, columns: list[str], rows: list[list[str]]) -> None:
    """Print a rich table on a TTY, tab-separated lines otherwise."""
    if is_tty(command):
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*row)
        Console(file=getattr(command.stdout, "_out", sys.stdout)).print(table)
        return
    command.stdout.write("\t".join(columns))
    for row in rows:
        command.stdout.write("\t".join(row))


def fetch_rows(entries: list[FetchLog]) -> list[list[str]]:
    return [
        [
            e.source,
            e.requested_date.isoformat() if e.requested_date else "latest",
            str(e.http_status or "–"),
            e.outcome + (f" ({e.reason})" if e.reason else ""),
            str(e.stored_count),
            (e.error or e.notes.replace("\n", "; "))[:120],
        ]
        for e in entries
    ]


FETCH_COLUMNS = ["source", "requested", "HTTP", "outcome", "stored", "error / notes"]
