"""The lockout check that runs before every password check."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied


class LockoutBackend(AxesStandaloneBackend):
    """Refuse a sign-in while its account or client address is locked out.

    Every login form passes the request to ``authenticate()``; a call without one (a script,
    Django's test client ``login()``) has no client address to judge and is left to the
    password backend. A refused attempt is marked so the security log can tell it from a
    wrong password.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        try:
            return super().authenticate(request, username=username, password=password, **kwargs)
        except AxesBackendPermissionDenied:
            request.silkwire_signin_refused = True
            raise
