"""Current lockouts and unlocking them (the admin view and `silkwire unlock`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

from silkwire.accounts import audit
from silkwire.accounts.models import SecurityEvent


@dataclass
class Lockout:
    kind: str  # "account" or "address"
    value: str
    failures: int
    until: datetime


def current_lockouts() -> list[Lockout]:
    """Return the accounts and addresses locked out now, by the same counts axes uses."""
    cooloff = timedelta(minutes=settings.SILKWIRE_LOGIN_LOCKOUT_MINUTES)
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cooloff)
    found = []
    for kind, field in (("account", "username"), ("address", "ip_address")):
        rows = (
            recent.exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
            .order_by(field)
        )
        found += [Lockout(kind, r[field], r["failures"], r["last"] + cooloff) for r in rows]
    return found


def unlock(
    *, username: str | None = None, ip_address: str | None = None, request=None, by=""
) -> int:
    """Forget the failures of ``username`` and/or ``ip_address``; log it; return rows removed."""
    removed = 0
    if username:
        removed += reset(username=username)
    if ip_address:
        removed += reset(ip=ip_address)
    target = " / ".join(v for v in (username, ip_address) if v)
    audit.record(
        SecurityEvent.Action.UNLOCKED,
        request=request,
        actor_name=by,
        target=target,
        detail=f"{removed} failure records cleared"
        + (" (command line)" if request is None else ""),
    )
    return removed
