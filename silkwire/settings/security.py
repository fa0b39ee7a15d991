"""Silkwire settings for security and operations: abuse limits, sign-in, CSP, backups.

Read after ``silkwire.settings.base`` (see ``silkwire/settings/__init__.py``); each block extends
what the base defined (``INSTALLED_APPS``, ``MIDDLEWARE``) and is documented in docs/settings.md.
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from silkwire.settings.base import *  # noqa: F403
from silkwire.settings.base import (
    INSTALLED_APPS,
    MIDDLEWARE,
    SILKWIRE_ENV,
    WAGTAIL_SITE_NAME,
    env,
    env_bool,
    env_int,
)


# --- Shared resources: abuse limits (docs/security.md "Shared resources") -------------------------
# Per-client rate limits, "REQUESTS/SECONDS" (0 = no limit); a client past it gets 429.
def _limit(name: str, default: str) -> tuple[int, int]:
    text = (env(name, default) or "0").strip()
    if text in ("0", "off"):
        return (0, 0)
    count, _, seconds = text.partition("/")
    if not (count.isdigit() and (seconds or "60").isdigit()) or int(count) < 1:
        raise ImproperlyConfigured(f"{name}={text!r}: give REQUESTS/SECONDS, e.g. 30/60, or 0.")
    return (int(count), max(int(seconds or "60"), 1))


SILKWIRE_RATELIMIT_SEARCH = _limit("SILKWIRE_RATELIMIT_SEARCH", "30/60")
SILKWIRE_RATELIMIT_CONVERTER = _limit("SILKWIRE_RATELIMIT_CONVERTER", "60/60")
# "Most read": reads counted per client address (IPv6: per /64) per hour, over all articles.
SILKWIRE_STATS_READS_PER_ADDRESS_HOUR = env_int("SILKWIRE_STATS_READS_PER_ADDRESS_HOUR", 30)
# The query parameters each public route reads: the page cache keys on (and Django sees)
# only these, so /?junk=N is one cache entry. Longest matching path prefix wins.
SILKWIRE_PAGECACHE_QUERY_PARAMS = {
    "/": ["page", "p", "page_id", "attachment_id"],  # listings; old WordPress ?p= links
    "/search/": ["q", "sort", "page", "country", "topic", "kind", "author", "from", "to"],
    "/rates/": ["date", "range"],
    "/rates/convert/": ["date", "from", "to", "amount"],
    "/feeds/": ["full"],
    "/sitemap": ["p"],
}
# While the page cache is off because its disk is full, try a write this often (seconds).
SILKWIRE_PAGECACHE_RETRY_SECONDS = env_int("SILKWIRE_PAGECACHE_RETRY_SECONDS", 60)
# --- end of shared resources -----------------------------------------------------------------------


# --- Accounts and sign-in (silkwire.accounts; docs/security.md) -------------------------------
# Lockout (django-axes), two-factor for the newsroom's editors (django-otp), the security log.
INSTALLED_APPS = [
    *INSTALLED_APPS,
    "silkwire.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]
_auth_at = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_auth_at],
    "django_otp.middleware.OTPMiddleware",
    # Binds the request for the security log and sends staff to the 2FA step when needed.
    "silkwire.accounts.middleware.AccountsMiddleware",
    *MIDDLEWARE[_auth_at:],
    # Turns a refused sign-in into the 429 page; axes wants to be last.
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    # Refuses any sign-in while the account or the client address is locked out.
    "silkwire.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SILKWIRE_LOGIN_FAILURE_LIMIT = env_int("SILKWIRE_LOGIN_FAILURE_LIMIT", 5)
SILKWIRE_LOGIN_LOCKOUT_MINUTES = env_int("SILKWIRE_LOGIN_LOCKOUT_MINUTES", 15)
AXES_FAILURE_LIMIT = SILKWIRE_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=SILKWIRE_LOGIN_LOCKOUT_MINUTES)
# Either side locks on its own: an account from every address, an address for every account.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A refused attempt during a lockout does not extend it: the lock ends on time.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# One good sign-in must not wipe an address's failures against other accounts.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "silkwire.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "silkwire.core.clientip.client_ip"
AXES_HTTP_RESPONSE_CODE = 429
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in the security log already
AXES_ENABLE_ADMIN = False  # Django's admin is not served; unlocking is in Wagtail's admin
AXES_VERBOSE = False


def _trusted_proxies(value: str) -> list[str]:
    networks = []
    for item in (i.strip() for i in value.split(",")):
        if not item:
            continue
        try:
            networks.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise ImproperlyConfigured(
                f"SILKWIRE_TRUSTED_PROXIES: {item!r} is not an IP address or CIDR network."
            ) from None
    return networks


# Only a peer in this list may name the client in X-Forwarded-For.
SILKWIRE_TRUSTED_PROXIES = _trusted_proxies(env("SILKWIRE_TRUSTED_PROXIES", ""))
# Two-factor sign-in is required for these groups (and superusers): on in production, off in the
# local demo so `make run` stays one step. Anyone may enrol; whoever has a device must use it.
SILKWIRE_REQUIRE_2FA = env_bool("SILKWIRE_REQUIRE_2FA", SILKWIRE_ENV == "production")
SILKWIRE_TWO_FACTOR_GROUPS = [
    g.strip()
    for g in env("SILKWIRE_TWO_FACTOR_GROUPS", "Editors,Administrators").split(",")
    if g.strip()
]
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# --- end Accounts and sign-in -----------------------------------------------------------------


# === Door: Content-Security-Policy and fetchable ports (docs/security.md) ====================
# The policies themselves (public pages, the Wagtail admin, the JSON API) are in
# silkwire/core/csp.py; the middleware picks one by path. It sits above the page cache's
# Django layers so every response, cached or not, carries the header.
INSTALLED_APPS = [*INSTALLED_APPS, "csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "silkwire.core.csp.ContentSecurityPolicyMiddleware",
)
# Send the policies as Content-Security-Policy-Report-Only: browsers report, block nothing.
SILKWIRE_CSP_REPORT_ONLY = env_bool("SILKWIRE_CSP_REPORT_ONLY", False)
# Where browsers POST violation reports (report-uri); empty: no reports.
SILKWIRE_CSP_REPORT_URI = env("SILKWIRE_CSP_REPORT_URI", "")
# The admin's img-src is our own origin: no avatars from an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Ports a fetched URL may name besides its scheme's default (silkwire.core.urls_policy).
try:
    SILKWIRE_FETCH_ALLOWED_PORTS = frozenset(
        int(p)
        for p in env("SILKWIRE_FETCH_ALLOWED_PORTS", "80,443,8080,8443").split(",")
        if p.strip()
    )
except ValueError:
    raise ImproperlyConfigured(
        "SILKWIRE_FETCH_ALLOWED_PORTS: give port numbers separated by commas, e.g. 80,443,8080."
    ) from None
# === End of door block =======================================================================


# --- Operations: backups and /healthz (silkwire.ops; docs/operations.md) -----------------------
# /healthz is answered first, before the host check and the HTTPS redirect a load balancer's
# probe by IP address over plain HTTP would fail.
MIDDLEWARE = ["silkwire.ops.health.HealthzMiddleware", *MIDDLEWARE]
# Where the daily backup job writes its archives; unset: no scheduled backups (`silkwire
# backup` then writes to SILKWIRE_HOME/backups).
SILKWIRE_BACKUP_DIR = (
    Path(env("SILKWIRE_BACKUP_DIR")).resolve() if env("SILKWIRE_BACKUP_DIR") else None
)
# How many of the job's archives to keep (the newest); 0 keeps them all.
SILKWIRE_BACKUP_KEEP = env_int("SILKWIRE_BACKUP_KEEP", 7)
# /healthz reports disk "warn" when free space of SILKWIRE_HOME or MEDIA_ROOT is below this.
SILKWIRE_HEALTHZ_DISK_WARN_MB = env_int("SILKWIRE_HEALTHZ_DISK_WARN_MB", 1024)
