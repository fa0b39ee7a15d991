"""Content-Security-Policy on every response, the policy chosen by path (docs/security.md).

- Public pages (and the API docs page, which is a public page): nothing inline runs unless
  its sha256 hash is in the policy. Hashes are computed once, at startup, from the
  templates' own bytes: a page in the page cache is shared between readers, so a
  per-request nonce would be wrong there.
- The Wagtail admin (``/admin/``, ``/django-admin/``): Wagtail 8 still writes a few inline
  ``<script>`` elements whose text changes per form (inline panels, date pickers) and
  sets inline styles, so scripts and styles may be inline there; everything else stays
  on our own origin. Admin pages are never cached and only editors see them.
- The JSON API (``/api/``): it serves no HTML, so nothing may load at all.

``SILKWIRE_CSP_REPORT_ONLY`` sends the same policies as
``Content-Security-Policy-Report-Only``; ``SILKWIRE_CSP_REPORT_URI`` adds ``report-uri``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

SELF, NONE = "'self'", "'none'"
UNSAFE_INLINE = "'unsafe-inline'"
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
API_PREFIX = "/api/"
API_DOCS_PATHS = ("/api/v1/docs",)

# Templates whose inline <style>/<script> elements are allowed by hash: the 500 page must
# not depend on static files (it is what readers see when something is already wrong).
HASHED_TEMPLATES = (Path(__file__).resolve().parents[1] / "templates" / "500.html",)
_INLINE = re.compile(r"<(style|script)(?:\s[^>]*)?>(.*?)</\1>", re.S | re.I)

_COMMON = {
    "default-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
}


def inline_hashes(paths=HASHED_TEMPLATES) -> dict[str, list[str]]:
    """Return the CSP sources ``'sha256-…'`` of every inline style and script in ``paths``."""
    found: dict[str, list[str]] = {"style": [], "script": []}
    for path in paths:
        for kind, body in _INLINE.findall(Path(path).read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            found[kind.lower()].append(f"'sha256-{digest}'")
    return found


def policies() -> dict[str, dict[str, list[str]]]:
    """Return the directives of each policy: ``public``, ``admin`` and ``api``."""
    return _policies(getattr(settings, "SILKWIRE_CSP_REPORT_URI", "") or "")


@cache
def _policies(report_uri: str) -> dict[str, dict[str, list[str]]]:
    hashes = inline_hashes()
    public = {
        **_COMMON,
        "script-src": [SELF, *hashes["script"]],
        "style-src": [SELF, *hashes["style"]],
        # Article embeds are link cards (news/blocks/embed.html), never third-party iframes,
        # so no frame-src beyond our own origin is needed.
        "img-src": [SELF, "data:"],
    }
    admin = {
        **_COMMON,
        # Wagtail 8: inline panels and date/time widgets write per-form inline scripts.
        "script-src": [SELF, UNSAFE_INLINE],
        # Wagtail's templates and widgets set style attributes.
        "style-src": [SELF, UNSAFE_INLINE],
        # Image previews before upload are blob: URLs; icons and placeholders are data: URLs.
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # The preview panel frames our own pages.
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
    }
    api = {
        "default-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "form-action": [NONE],
    }
    result = {"public": public, "admin": admin, "api": api}
    if report_uri:
        for directives in result.values():
            directives["report-uri"] = [report_uri]
    return result


def policy_name(path: str) -> str:
    """Return which policy covers ``path``."""
    if path.startswith(ADMIN_PREFIXES):
        return "admin"
    if path.startswith(API_PREFIX) and path.rstrip("/") not in API_DOCS_PATHS:
        return "api"
    return "public"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy picked by path and the mode by settings."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only != bool(getattr(settings, "SILKWIRE_CSP_REPORT_ONLY", False)):
            return PolicyParts(config={})  # the other header: not sent
        if parts.config is None:  # no @csp_override on the view: choose by path
            parts.config = policies()[policy_name(request.path_info)]
        return parts
