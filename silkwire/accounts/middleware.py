"""Bind each request for the security log; send staff to two-factor sign-in when needed."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse

from silkwire.accounts import audit, twofactor

# Reachable before the second factor: signing in and out, and the two-factor pages themselves.
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "accounts_2fa_verify",
    "accounts_2fa_enrol",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)


class AccountsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def __call__(self, request):
        token = audit.bind_request(request)
        try:
            redirect = self._two_factor_step(request)
            return redirect or self.get_response(request)
        finally:
            audit.unbind_request(token)

    def _two_factor_step(self, request):
        """Return a redirect to the verify or enrol page, or None to go on."""
        admin = reverse("wagtailadmin_home")
        if not request.path.startswith(admin):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if self._open_paths is None:
            self._open_paths = {reverse(name) for name in OPEN_URL_NAMES}
        if request.path in self._open_paths:
            return None
        if twofactor.has_device(user):
            target = "accounts_2fa_verify"
        elif twofactor.required_for(user):
            target = "accounts_2fa_enrol"
        else:
            return None
        next_url = request.get_full_path() if request.method == "GET" else admin
        return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': next_url})}")
