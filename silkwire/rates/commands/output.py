"""Shared output for the rates subcommands: rich tables on a TTY, JSON with --json."""

from __future__ import annotations

import json
from datetime import date, datetime

from django.core.management.base import CommandError

from silkwire.core.terminal import is_tty, print_table  # noqa: F401 (re-exported for the rates commands)
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
