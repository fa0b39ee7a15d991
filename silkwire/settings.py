"""Silkwire settings: every value comes from an environment variable.

Each ``SILKWIRE_*`` variable read here is documented in ``docs/settings.md``;
``tests/test_docs.py`` fails when one is not.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: use 1/0, true/false, yes/no or on/off.")


def env_int(name: str, default: int) -> int:
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected a whole number.") from None


# --- Where things live -------------------------------------------------------
SILKWIRE_HOME = Path(env("SILKWIRE_HOME", "./var")).resolve()
# "production" (the default: secure, needs a secret key) or "local" (the demo
# and the test suite: a secret key is generated once and kept in SILKWIRE_HOME).
SILKWIRE_ENV = env("SILKWIRE_ENV", "production")
if SILKWIRE_ENV not in {"production", "local"}:
    raise ImproperlyConfigured(f"SILKWIRE_ENV={SILKWIRE_ENV!r}: use 'production' or 'local'.")
SILKWIRE_HOME.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("SILKWIRE_DEBUG", False)


def _secret_key() -> str:
    key = env("SILKWIRE_SECRET_KEY")
    if key:
        return key
    if SILKWIRE_ENV != "local":
        raise ImproperlyConfigured(
            "SILKWIRE_SECRET_KEY is not set. Production refuses to start without it: set it to a "
            "long random string (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set SILKWIRE_ENV=local to run the local demo with a generated key."
        )
    path = SILKWIRE_HOME / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()

SILKWIRE_BASE_URL = env("SILKWIRE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SILKWIRE_BASE_URL
_base_host = urlsplit(SILKWIRE_BASE_URL).hostname or "localhost"
ALLOWED_HOSTS = [
    h.strip()
    for h in (env("SILKWIRE_ALLOWED_HOSTS") or f"{_base_host},localhost,127.0.0.1").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [SILKWIRE_BASE_URL]

# --- Applications --------------------------------------------------------------
INSTALLED_APPS = [
    "silkwire.core",
    "silkwire.news",
    "silkwire.rates",
    "silkwire.ingest",
    "silkwire.wire",
    "silkwire.search",
    "silkwire.api",
    "silkwire.stats",
    "silkwire.ops",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "silkwire.core.pagecache.fragments.cached_site_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A save or publish on a full disk: the form again with a message, not a 500.
    "silkwire.core.diskfull.DiskFullMiddleware",
]

ROOT_URLCONF = "silkwire.urls"
WSGI_APPLICATION = "silkwire.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "silkwire.core.context_processors.site",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------
DATABASE_URL = env("SILKWIRE_DATABASE_URL") or f"sqlite:///{SILKWIRE_HOME / 'silkwire.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = (
        60  # opening a connection per request cost ~2 ms of a 10 ms render (bench/RESULTS.md)
    )
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and the single writer work at once; IMMEDIATE makes a
        # writing transaction take the lock up front instead of failing mid-way.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": str(SILKWIRE_HOME / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = env("SILKWIRE_CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "silkwire",
        }
    }
elif CACHE_URL.startswith("locmem://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "silkwire",
        }
    }
else:
    raise ImproperlyConfigured(
        f"SILKWIRE_CACHE_URL={CACHE_URL!r}: use locmem:// or redis://HOST:PORT/DB."
    )

# --- Static and media files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = SILKWIRE_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("SILKWIRE_MEDIA_ROOT") or SILKWIRE_HOME / "media").resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

# --- Auth, i18n ---------------------------------------------------------------------------
# AUTH_PASSWORD_VALIDATORS: in "Accounts and sign-in" at the end of this file.
LANGUAGE_CODE = "en"
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

# --- Security --------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
_https = SILKWIRE_BASE_URL.startswith("https://")
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_SSL_REDIRECT = _https and env_bool("SILKWIRE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SILKWIRE_HSTS_SECONDS", 31536000 if _https else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _https
SECURE_HSTS_PRELOAD = _https and env_bool("SILKWIRE_HSTS_PRELOAD", False)
# Deliberate (docs/settings.md, "Deployment checks"): Wagtail's preview panel frames our own
# pages, so X-Frame-Options stays SAMEORIGIN (W019); HSTS preload is the operator's commitment
# to make, so it is opt-in with SILKWIRE_HSTS_PRELOAD (W021).
SILENCED_SYSTEM_CHECKS = ["security.W019"] + ([] if SECURE_HSTS_PRELOAD else ["security.W021"])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("SILKWIRE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env("SILKWIRE_SITE_NAME", "Silkwire")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- Silkwire ---------------------------------------------------------------------------------
# How the outlet's own interviewer is labelled in interview turns ("TCA:", "Silkwire:").
SILKWIRE_INTERVIEWER_LABEL = env("SILKWIRE_INTERVIEWER_LABEL", "Silkwire,SW")
SILKWIRE_PUBLICATION_NAME = WAGTAIL_SITE_NAME
SILKWIRE_FETCH_ALLOW_PRIVATE = env_bool("SILKWIRE_FETCH_ALLOW_PRIVATE", False)
SILKWIRE_RATES_INTERVAL_MINUTES = env_int("SILKWIRE_RATES_INTERVAL_MINUTES", 30)

# --- Safe fetching and the wire (silkwire.core.http, silkwire.wire) ---------------------------
SILKWIRE_FETCH_CONNECT_TIMEOUT = env_int("SILKWIRE_FETCH_CONNECT_TIMEOUT", 10)
SILKWIRE_FETCH_TIMEOUT = env_int("SILKWIRE_FETCH_TIMEOUT", 20)
SILKWIRE_WIRE_RETENTION_DAYS = env_int("SILKWIRE_WIRE_RETENTION_DAYS", 90)
SILKWIRE_WIRE_ERROR_LIMIT = env_int("SILKWIRE_WIRE_ERROR_LIMIT", 10)
SILKWIRE_WIRE_GROUP_WINDOW_HOURS = env_int("SILKWIRE_WIRE_GROUP_WINDOW_HOURS", 48)
SILKWIRE_WORKERS = env_int("SILKWIRE_WORKERS", 2)
SILKWIRE_THREADS = env_int("SILKWIRE_THREADS", 4)

# --- Exchange rates (silkwire.rates; docs/rates.md) ------------------------------------------
# Try the Central Bank of Turkmenistan's XML feed before falling back to the configured peg.
SILKWIRE_RATES_CBT_FEED = env_bool("SILKWIRE_RATES_CBT_FEED", True)
# The official USD/TMT rate when the feed cannot be read (TMT per USD, as text: no float).
SILKWIRE_RATES_TMT_PEG = env("SILKWIRE_RATES_TMT_PEG", "3.50")

# --- Page cache (silkwire.core.pagecache; docs/performance.md) ---------------------------------
SILKWIRE_PAGECACHE = env_bool("SILKWIRE_PAGECACHE", True)
SILKWIRE_PAGECACHE_DIR = Path(env("SILKWIRE_PAGECACHE_DIR") or SILKWIRE_HOME / "pagecache")
SILKWIRE_PAGECACHE_LOCAL_MB = env_int("SILKWIRE_PAGECACHE_LOCAL_MB", 64)
SILKWIRE_PAGECACHE_SHARED_MB = env_int("SILKWIRE_PAGECACHE_SHARED_MB", 512)
SILKWIRE_PAGECACHE_TTL = env_int("SILKWIRE_PAGECACHE_TTL", 3600)
SILKWIRE_PAGECACHE_MAX_AGE = env_int("SILKWIRE_PAGECACHE_MAX_AGE", 0)
SILKWIRE_PAGECACHE_S_MAXAGE = env_int("SILKWIRE_PAGECACHE_S_MAXAGE", 60)
SILKWIRE_PAGECACHE_SWR = env_int("SILKWIRE_PAGECACHE_SWR", 60)
SILKWIRE_PAGECACHE_BROTLI_QUALITY = env_int("SILKWIRE_PAGECACHE_BROTLI_QUALITY", 5)
SILKWIRE_PAGECACHE_SYNC_MS = env_int("SILKWIRE_PAGECACHE_SYNC_MS", 250)
SILKWIRE_PAGECACHE_BYPASS = env(
    "SILKWIRE_PAGECACHE_BYPASS",
    "/admin/,/django-admin/,/documents/,/static/,/media/,/api/,/accounts/,/_util/",
)
SILKWIRE_PAGECACHE_IGNORE_PARAMS = env(
    "SILKWIRE_PAGECACHE_IGNORE_PARAMS", "utm_*,fbclid,gclid,yclid,mc_cid,mc_eid,_ga,igshid"
)

# --- WordPress import (silkwire.ingest.wordpress; docs/ingest.md) -----------------------------
# "thread": the admin runs an import in a thread of the web process (embedded default);
# "queue": it waits for `silkwire runjobs` / `silkwire ingest wordpress --run-queued`.
SILKWIRE_IMPORT_WORKER = env("SILKWIRE_IMPORT_WORKER", "thread")
if SILKWIRE_IMPORT_WORKER not in {"thread", "queue"}:
    raise ImproperlyConfigured(
        f"SILKWIRE_IMPORT_WORKER={SILKWIRE_IMPORT_WORKER!r}: use 'thread' or 'queue'."
    )
SILKWIRE_WXR_MAX_BYTES = env_int("SILKWIRE_WXR_MAX_BYTES", 2 * 1024**3)

# --- Discovery: search backend, public API (silkwire.search, silkwire.api; docs/search.md) ---------
# Read-only /api/v1/: CORS, ETag/304 and 405 for writes, for every endpoint under it.
MIDDLEWARE = [*MIDDLEWARE, "silkwire.api.middleware.PublicApiMiddleware"]
# Empty: Wagtail's database backend (SQLite FTS5 / PostgreSQL full-text search). Set to
# e.g. "opensearch2+http://search:9200/silkwire" or "elasticsearch8+https://es:9200/silkwire"
# to use a search server (then run `silkwire update_index`).
SILKWIRE_SEARCH_URL = env("SILKWIRE_SEARCH_URL", "")
if SILKWIRE_SEARCH_URL:
    _scheme, _, _rest = SILKWIRE_SEARCH_URL.partition("+")
    _engines = {"elasticsearch7", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"}
    _parts = urlsplit(_rest)
    if _scheme not in _engines or not _parts.netloc:
        raise ImproperlyConfigured(
            f"SILKWIRE_SEARCH_URL={SILKWIRE_SEARCH_URL!r}: use <engine>+http(s)://host:port/index "
            f"with engine one of {', '.join(sorted(_engines))}, or leave it empty."
        )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{_scheme}",
            "URLS": [f"{_parts.scheme}://{_parts.netloc}"],
            "INDEX": _parts.path.strip("/") or "silkwire",
            "TIMEOUT": 10,
        }
    }


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
