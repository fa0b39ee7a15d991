"""Fetch rate payloads through ``silkwire.core.http``, keep every payload, parse, store, log.

Every request produces one :class:`~silkwire.rates.models.FetchLog` row (source, requested
date, HTTP status, outcome, error, payload SHA-256) and every body received is kept under
``SILKWIRE_HOME/rates/raw/`` so it can be re-parsed later with ``rates fetch --file``.
Redirects fail loudly (``max_redirects=0``): a moved page must never parse as an empty day.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from silkwire.rates.models import FetchLog, Outcome
from silkwire.rates.providers import PROVIDERS, get_provider
from silkwire.rates.providers.base import PayloadError, Provider, Quote, Request, WrongDate
from silkwire.rates.providers.cbt import PEG_SINCE, peg_quote
from silkwire.rates.storage import Rejected, pegs, store_quotes

log = logging.getLogger("silkwire.rates")


@dataclass
class FetchOutcome:
    log: FetchLog
    quotes: list[Quote] = field(default_factory=list)


def raw_dir() -> Path:
    return Path(settings.SILKWIRE_HOME) / "rates" / "raw"


def keep_payload(source: str, payload: bytes) -> tuple[str, str]:
    """Write ``payload`` once under ``raw/<source>/<YYYY-MM>/<sha256>.<ext>``; return (sha, path)."""
    digest = hashlib.sha256(payload).hexdigest()
    head = payload.lstrip()[:1]
    ext = "json" if head in (b"[", b"{") else "xml" if head == b"<" else "bin"
    if b"<html" in payload[:400].lower() or b"<!doctype html" in payload[:400].lower():
        ext = "html"
    folder = raw_dir() / source / timezone.now().strftime("%Y-%m")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}.{ext}"
    if not path.exists():
        path.write_bytes(payload)
    return digest, str(path)


def local_today(provider: Provider) -> date:
    return datetime.now(ZoneInfo(provider.timezone)).date()


def tmt_peg() -> Decimal:
    return pegs()["TMT"]


def _conditional_headers(source: str, url: str) -> dict[str, str]:
    last = (
        FetchLog.objects.filter(
            source=source,
            url=url,
            http_status=200,
            outcome__in=(Outcome.STORED, Outcome.UNCHANGED, Outcome.NO_PUBLICATION),
        )
        .exclude(etag="", last_modified="")
        .order_by("-started_at", "-id")
        .first()
    )
    headers = {}
    if last is not None and last.etag:
        headers["If-None-Match"] = last.etag
    if last is not None and last.last_modified:
        headers["If-Modified-Since"] = last.last_modified
    return headers


def ingest_payload(
    provider: Provider,
    payload: bytes,
    request: Request,
    *,
    trigger: str = "file",
    earlier: list[Quote] | None = None,
    others: list[Quote] | None = None,
    fetch_log: FetchLog | None = None,
) -> FetchOutcome:
    """Keep, parse, screen and store one payload; return its (saved) fetch log and quotes."""
    entry = fetch_log or FetchLog(
        source=provider.code, url=request.url, requested_date=request.requested_date
    )
    entry.trigger = entry.trigger if fetch_log else trigger
    entry.payload_sha256, entry.payload_path = keep_payload(provider.code, payload)
    entry.payload_bytes = len(payload)
    quotes: list[Quote] = []
    try:
        quotes = provider.parse_request(payload, request, earlier or [])
    except WrongDate as exc:
        entry.outcome, entry.reason, entry.error = Outcome.REJECTED, "wrong_date", str(exc)
    except PayloadError as exc:
        entry.outcome, entry.reason, entry.error = Outcome.REJECTED, "shape", str(exc)
    else:
        if not quotes:
            entry.outcome, entry.reason = Outcome.NO_PUBLICATION, "empty"
    if entry.outcome:
        entry.save()
        return FetchOutcome(entry, [])
    entry.outcome = Outcome.UNCHANGED
    entry.save()
    try:
        result = store_quotes(quotes, fetch=entry, others=others or [])
    except Rejected as exc:
        entry.outcome, entry.reason, entry.error = Outcome.REJECTED, exc.reason, str(exc)
        entry.save()
        return FetchOutcome(entry, [])
    entry.stored_count = len(result.stored)
    entry.outcome = Outcome.STORED if result.stored else Outcome.UNCHANGED
    entry.notes = "\n".join(result.notes)
    entry.save()
    return FetchOutcome(entry, quotes)


def fetch_request(
    provider: Provider,
    request: Request,
    *,
    trigger: str = "fetch",
    earlier: list[Quote] | None = None,
    others: list[Quote] | None = None,
    transport=None,
    timeout: float | None = None,
) -> FetchOutcome:
    """Fetch one request of a provider's plan and ingest the answer."""
    from silkwire.core import http

    entry = FetchLog(
        source=provider.code,
        url=request.url,
        requested_date=request.requested_date,
        trigger=trigger,
    )
    headers = {**dict(request.headers), **_conditional_headers(provider.code, request.url)}
    started = time.monotonic()
    try:
        answer = http.fetch(
            request.url,
            kind="rates",
            headers=headers,
            max_redirects=0,
            transport=transport,
            timeout=timeout,
        )
    except http.TooManyRedirects as exc:
        return _failed(entry, started, "redirect", f"redirect refused: {exc}")
    except http.FetchTimeout as exc:
        return _failed(entry, started, "timeout", str(exc))
    except http.ResponseTooLarge as exc:
        return _failed(entry, started, "too_large", str(exc))
    except http.FetchError as exc:
        return _failed(entry, started, "network", f"{exc.__class__.__name__}: {exc}")
    entry.duration_ms = int((time.monotonic() - started) * 1000)
    entry.http_status = answer.status
    entry.etag = answer.headers.get("etag", "")[:255]
    entry.last_modified = answer.headers.get("last-modified", "")[:64]
    if answer.status == 304:
        entry.outcome, entry.reason = Outcome.UNCHANGED, "not_modified"
        entry.save()
        return FetchOutcome(entry)
    if answer.status != 200:
        if answer.content:
            entry.payload_sha256, entry.payload_path = keep_payload(provider.code, answer.content)
            entry.payload_bytes = len(answer.content)
        entry.outcome, entry.reason = Outcome.REJECTED, "http_status"
        entry.error = f"HTTP {answer.status} from {request.url}"
        entry.save()
        return FetchOutcome(entry)
    return ingest_payload(
        provider, answer.content, request, earlier=earlier, others=others, fetch_log=entry
    )


def _failed(entry: FetchLog, started: float, reason: str, message: str) -> FetchOutcome:
    entry.duration_ms = int((time.monotonic() - started) * 1000)
    entry.outcome, entry.reason, entry.error = Outcome.ERROR, reason, message
    entry.save()
    log.warning("rates %s: %s", entry.source, message)
    return FetchOutcome(entry)


def store_peg(day: date, *, trigger: str, why: str) -> FetchOutcome:
    """Store the configured official TMT rate for ``day``, labelled as a peg."""
    before = day < PEG_SINCE
    entry = FetchLog.objects.create(
        source="cbt",
        url="",
        requested_date=day,
        trigger=trigger,
        outcome=Outcome.NO_PUBLICATION if before else Outcome.UNCHANGED,
        reason="before_peg" if before else "peg",
        notes=f"{why}; the peg applies since {PEG_SINCE.isoformat()}"
        if before
        else f"{why}; configured official peg {tmt_peg()} TMT per USD used",
    )
    if before:
        return FetchOutcome(entry)
    quote = peg_quote(day, tmt_peg())
    result = store_quotes([quote], fetch=entry)
    entry.stored_count = len(result.stored)
    entry.outcome = Outcome.STORED if result.stored else Outcome.UNCHANGED
    entry.save()
    return FetchOutcome(entry, [quote])


def fetch_source(
    code: str,
    day: date | None = None,
    *,
    trigger: str = "fetch",
    others: list[Quote] | None = None,
    transport=None,
    timeout: float | None = None,
) -> list[FetchOutcome]:
    """Fetch one source's publication for ``day`` (default: the latest) and store it."""
    provider = get_provider(code)
    requests = (
        provider.requests_for(day) if day else provider.latest_requests(local_today(provider))
    )
    if code == "cbt" and not getattr(settings, "SILKWIRE_RATES_CBT_FEED", True):
        return [store_peg(day or local_today(provider), trigger=trigger, why="CBT feed disabled")]
    outcomes: list[FetchOutcome] = []
    earlier: list[Quote] = []
    for request in requests:
        outcome = fetch_request(
            provider,
            request,
            trigger=trigger,
            earlier=earlier,
            others=others,
            transport=transport,
            timeout=timeout,
        )
        earlier.extend(outcome.quotes)
        outcomes.append(outcome)
    if code == "cbt" and not any(o.quotes for o in outcomes):
        failure = outcomes[-1].log if outcomes else None
        why = f"CBT feed gave nothing ({failure.outcome}: {failure.error or failure.reason})"
        outcomes.append(store_peg(day or local_today(provider), trigger=trigger, why=why))
    return outcomes


def fetch_all(
    codes: list[str] | None = None,
    day: date | None = None,
    *,
    trigger: str = "fetch",
    transport=None,
    timeout: float | None = None,
) -> dict[str, list[FetchOutcome]]:
    """Fetch several sources; CBR first so its values can confirm the national banks' moves."""
    chosen = list(codes or PROVIDERS)
    chosen.sort(key=lambda c: c != "cbr")
    seen: list[Quote] = []
    report: dict[str, list[FetchOutcome]] = {}
    for code in chosen:
        outcomes = fetch_source(
            code, day, trigger=trigger, others=seen, transport=transport, timeout=timeout
        )
        for outcome in outcomes:
            seen.extend(outcome.quotes)
        report[code] = outcomes
    return report
