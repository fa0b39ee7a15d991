"""Write security events, taking the actor and client address from the current request."""

from __future__ import annotations

import contextvars
import logging

from silkwire.core.clientip import client_ip

log = logging.getLogger("silkwire.security")
_request: contextvars.ContextVar = contextvars.ContextVar("silkwire_request", default=None)


def bind_request(request):
    """Make ``request`` the source of actor and address for events recorded while it runs."""
    return _request.set(request)


def unbind_request(token) -> None:
    _request.reset(token)


def _name(user) -> str:
    return user.get_username() if user is not None and user.is_authenticated else ""


def record(action, *, request=None, actor=None, actor_name="", target="", detail="") -> None:
    """Store one event; ``actor`` defaults to the signed-in user of the current request."""
    from silkwire.accounts.models import SecurityEvent

    request = request if request is not None else _request.get()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    address = (client_ip(request) or None) if request is not None else None
    event = SecurityEvent.objects.create(
        action=action,
        actor=actor,
        actor_name=(actor_name or _name(actor))[:150],
        target_name=str(target or "")[:150],
        ip_address=address,
        detail=str(detail)[:500],
    )
    log.info(
        "%s user=%s target=%s ip=%s %s",
        action,
        event.actor_name or "-",
        event.target_name or "-",
        address or "-",
        event.detail,
    )
