"""Silkwire settings, the base: every value comes from an environment variable.

Each ``SILKWIRE_*`` variable read here is documented in ``docs/settings.md``;
``tests/test_docs.py`` fails when one is not.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # silkwire/


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
