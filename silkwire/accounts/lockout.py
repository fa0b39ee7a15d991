"""The answer to a locked-out sign-in: HTTP 429 with a page that says what happened."""

from __future__ import annotations

import math
from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q
from django.template.response import TemplateResponse
from django.utils import timezone


def lock_ends(username: str | None, ip_address: str | None):
    """Return when the lock on ``username`` or ``ip_address`` ends at the latest."""
    query = Q(pk__in=[])
    if username:
        query |= Q(username=username)
    if ip_address:
        query |= Q(ip_address=ip_address)
    latest = AccessAttempt.objects.filter(query).aggregate(m=Max("attempt_time"))["m"]
    return (latest or timezone.now()) + timedelta(minutes=settings.SILKWIRE_LOGIN_LOCKOUT_MINUTES)


def lockout_response(request, original_response=None, credentials=None):
    """Render ``accounts/locked_out.html`` with status 429 and a Retry-After header."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    until = lock_ends(username, getattr(request, "axes_ip_address", None))
    response = TemplateResponse(
        request,
        "accounts/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": settings.SILKWIRE_LOGIN_LOCKOUT_MINUTES,
            "until": timezone.localtime(until),
        },
        status=429,
    )
    seconds = (until - timezone.now()).total_seconds()
    response["Retry-After"] = str(max(1, math.ceil(seconds)))
    response["Cache-Control"] = "no-store"
    return response.render()
