"""``silkwire rates backfill``: history where a source offers it, paced and resumable.

Resuming: a request whose requested date already has a fetch log that ended as stored,
unchanged, no publication or a dated carry-forward is skipped, so re-running after an
interruption continues where it stopped.
"""

from __future__ import annotations

import time

from django.core.management.base import CommandError
from django.utils import timezone

from silkwire.rates.commands.output import (
    FETCH_COLUMNS,
    add_source_option,
    fetch_rows,
    is_tty,
    log_json,
    parse_date,
    print_table,
    write_json,
)
from silkwire.rates.fetching import fetch_request, local_today, store_peg
from silkwire.rates.models import FetchLog, Outcome
from silkwire.rates.providers import PROVIDERS
from silkwire.rates.providers.base import days

DONE = (Outcome.STORED, Outcome.UNCHANGED, Outcome.NO_PUBLICATION)


def add_arguments(parser) -> None:
    parser.add_argument("--since", required=True, help="First date (YYYY-MM-DD).")
    parser.add_argument("--until", help="Last date (YYYY-MM-DD); default: today.")
    add_source_option(parser)
    parser.add_argument(
        "--delay-ms",
        type=int,
        default=1000,
        help="Pause between requests to one source, in milliseconds (default 1000).",
    )
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")


def already_done(code: str, request) -> bool:
    logs = FetchLog.objects.filter(source=code, url=request.url)
    if request.requested_date is not None:
        logs = FetchLog.objects.filter(source=code, requested_date=request.requested_date)
    return logs.filter(outcome__in=DONE).exists() or logs.filter(reason="wrong_date").exists()


def plan(codes: list[str], since, until) -> list[tuple[str, object]]:
    work = []
    for code in codes:
        provider = PROVIDERS[code]
        for request in provider.history_requests(since, until):
            if not already_done(code, request):
                work.append((code, request))
    return work


def handle(command, options) -> int:
    since = parse_date(options["since"], "--since")
    until = parse_date(options.get("until"), "--until") or timezone.localdate()
    if since > until:
        raise CommandError(f"--since {since} is after --until {until}", returncode=2)
    # CBR first: its stored history is the second source that confirms a big national move
    # (the 2015 KZT and TMT devaluations would otherwise be rejected as implausible).
    codes = sorted(options.get("sources") or list(PROVIDERS), key=lambda c: c != "cbr")
    pause = max(0, options.get("delay_ms") or 0) / 1000
    entries: list[FetchLog] = []
    if "cbt" in codes and not _cbt_feed():
        codes = [c for c in codes if c != "cbt"]
        for day in days(since, min(until, local_today(PROVIDERS["cbt"]))):
            if not FetchLog.objects.filter(
                source="cbt", requested_date=day, outcome__in=DONE
            ).exists():
                entries.append(store_peg(day, trigger="backfill", why="CBT feed disabled").log)
    work = plan(codes, since, until)
    progress = _progress(command, len(work))
    last_source = None
    for code, request in work:
        if last_source == code and pause:
            # Politeness: NBKR drops bursts of connections (docs/rate-sources.md §2).
            time.sleep(pause)
        last_source = code
        outcome = fetch_request(PROVIDERS[code], request, trigger="backfill")
        entries.append(outcome.log)
        if code == "cbt" and not outcome.quotes and request.requested_date:
            entries.append(
                store_peg(
                    request.requested_date, trigger="backfill", why="CBT feed gave nothing"
                ).log
            )
        progress.advance(f"{code} {request.requested_date or ''}")
    progress.close()
    if options.get("json"):
        write_json(command, [log_json(e) for e in entries])
    else:
        print_table(command, "Rates backfill", FETCH_COLUMNS, fetch_rows(entries))
    return 1 if any(e.failed for e in entries) else 0


def _cbt_feed() -> bool:
    from django.conf import settings

    return bool(getattr(settings, "SILKWIRE_RATES_CBT_FEED", True))


class _Progress:
    """A rich progress bar on a TTY; silence otherwise."""

    def __init__(self, command, total: int) -> None:
        self.bar = None
        if is_tty(command) and total:
            from rich.progress import Progress

            self.bar = Progress()
            self.bar.start()
            self.task = self.bar.add_task("backfill", total=total)

    def advance(self, description: str) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=description)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _progress(command, total: int) -> _Progress:
    return _Progress(command, total)
