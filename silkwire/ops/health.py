"""``/healthz`` for load balancers: database, cache, disk and scheduler, as JSON.

HTTP 200 while the database and the cache answer (disk and scheduler problems are reported
as ``warn`` without failing the check: a load balancer should not take every node out for
them); 503 when either fails. The answer names no host, path or error message — only
exception class names — and is sent with ``Cache-Control: no-store``, which the page cache
honours (:func:`silkwire.core.pagecache.entry.storable`).
"""

from __future__ import annotations

import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

from silkwire.core.pagecache import do_not_store

PATH = "/healthz"


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def check_database() -> dict:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means this node cannot serve
        return {"status": "fail", "error": type(exc).__name__}
    return {"status": "ok", "ms": _ms(started)}


def check_cache() -> dict:
    started = time.perf_counter()
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    try:
        cache.set(key, value, 10)
        got = cache.get(key)
        cache.delete(key)
    except Exception as exc:
        return {"status": "fail", "error": type(exc).__name__}
    if got != value:
        return {"status": "fail", "error": "value not read back"}
    return {"status": "ok", "ms": _ms(started)}


def check_disk() -> dict:
    """Free bytes where the data lives; ``warn`` below ``SILKWIRE_HEALTHZ_DISK_WARN_MB``."""
    floor = int(getattr(settings, "SILKWIRE_HEALTHZ_DISK_WARN_MB", 1024)) * 1024 * 1024
    result: dict = {"status": "ok", "warn_below_bytes": floor}
    for name, path in (("home", settings.SILKWIRE_HOME), ("media", settings.MEDIA_ROOT)):
        path = Path(path)
        while not path.exists() and path != path.parent:  # media appears with the first upload
            path = path.parent
        try:
            free = shutil.disk_usage(path).free
        except OSError as exc:
            result[name] = {"status": "warn", "error": type(exc).__name__}
            result["status"] = "warn"
            continue
        status = "ok" if free >= floor else "warn"
        result[name] = {"status": status, "free_bytes": free}
        if status == "warn":
            result["status"] = "warn"
    return result


def check_scheduler() -> dict:
    """When scheduled jobs last ran (``JobState``); ``warn`` when stale or a job failed."""
    from silkwire.core.jobs import all_jobs
    from silkwire.core.models import JobState

    try:
        states = list(JobState.objects.all())
    except Exception as exc:
        return {"status": "unknown", "error": type(exc).__name__}
    intervals = [job.interval_seconds for job in all_jobs()]
    # Stale: the most frequent job has missed about three turns (five minutes at least).
    stale_after = max(300, 3 * min(intervals)) if intervals else None
    started = [s.last_started for s in states if s.last_started]
    last = max(started) if started else None
    failing = sorted(s.name for s in states if not s.last_ok)
    age = int((timezone.now() - last).total_seconds()) if last else None
    status = "ok"
    if failing or last is None or (stale_after and age > stale_after):
        status = "warn"
    return {
        "status": status,
        "last_run": last.isoformat() if last else None,
        "age_seconds": age,
        "stale_after_seconds": stale_after,
        "failing_jobs": failing,
    }


def healthz(request):
    """Report the node's health; 503 when the database or the cache fails."""
    do_not_store()
    checks = {"database": check_database(), "cache": check_cache(), "disk": check_disk()}
    if checks["database"]["status"] == "ok":
        checks["scheduler"] = check_scheduler()
    else:
        checks["scheduler"] = {"status": "unknown"}
    failed = checks["database"]["status"] == "fail" or checks["cache"]["status"] == "fail"
    warned = any(c["status"] != "ok" for c in checks.values())
    body = {
        "status": "fail" if failed else "warn" if warned else "ok",
        "time": timezone.now().isoformat(),
        **checks,
    }
    response = JsonResponse(body, status=503 if failed else 200)
    response["Cache-Control"] = "no-store"
    return response


class HealthzMiddleware:
    """Answer ``/healthz`` before the host check and the HTTPS redirect.

    Load balancers probe nodes by IP address over plain HTTP: through the normal stack they
    would get ``400`` (the IP is not in ``ALLOWED_HOSTS``) or a redirect. The answer builds
    no URL from the ``Host`` header, so skipping that check here is safe.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
