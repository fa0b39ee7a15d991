"""``/healthz``: what a load balancer sees, with real failing parts (closed loopback ports)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest
from django.utils import timezone

from silkwire.core.models import JobState
from tests.pagecache.harness import call

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A loopback port nothing listens on: bound once by us, then released."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_healthy_node_answers_200_with_each_check(client, settings):
    JobState.objects.create(name="rates_refresh", last_started=timezone.now(), last_ok=True)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["status"] == "ok", json.dumps(body)
    assert body["database"]["status"] == "ok" and body["cache"]["status"] == "ok"
    assert body["disk"]["home"]["free_bytes"] > 0 and body["disk"]["media"]["free_bytes"] > 0
    assert body["scheduler"]["status"] == "ok" and body["scheduler"]["failing_jobs"] == []
    assert body["scheduler"]["age_seconds"] < 60
    text = response.content.decode()
    assert str(settings.SILKWIRE_HOME) not in text and settings.SECRET_KEY not in text


def test_a_dead_cache_gives_503(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/1",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["cache"] == {"status": "fail", "error": "ConnectionError"}
    assert body["database"]["status"] == "ok"
    assert "127.0.0.1" not in response.content.decode()  # no address in the answer


def test_a_dead_database_gives_503(tmp_path):
    code = (
        "import json; from django.test import Client; "
        "r = Client(HTTP_HOST='localhost').get('/healthz'); "
        "print(json.dumps([r.status_code, r.json()]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SILKWIRE_", "DJANGO_"))}
    env.update(
        SILKWIRE_ENV="local",
        SILKWIRE_HOME=str(tmp_path),
        SILKWIRE_DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port()}/silkwire",
        DJANGO_SETTINGS_MODULE="silkwire.settings",
    )
    out = subprocess.run(
        [sys.executable, "-m", "silkwire", "shell", "--no-imports", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    status, body = json.loads(out.stdout)
    assert status == 503 and body["status"] == "fail"
    assert body["database"] == {"status": "fail", "error": "OperationalError"}
    assert body["cache"]["status"] == "ok" and body["scheduler"] == {"status": "unknown"}


def test_low_disk_and_a_failing_job_warn_without_failing(client, settings):
    settings.SILKWIRE_HEALTHZ_DISK_WARN_MB = 10**12  # more than any disk has
    JobState.objects.create(name="wire.poll", last_started=timezone.now(), last_ok=False)
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "warn"
    assert body["disk"]["status"] == "warn" and body["disk"]["home"]["status"] == "warn"
    assert body["scheduler"]["status"] == "warn"
    assert body["scheduler"]["failing_jobs"] == ["wire.poll"]


def test_a_scheduler_that_stopped_is_reported(client):
    JobState.objects.create(
        name="rates_refresh", last_started=timezone.now() - timezone.timedelta(hours=2)
    )
    body = client.get("/healthz").json()
    assert body["scheduler"]["status"] == "warn"
    assert body["scheduler"]["age_seconds"] > body["scheduler"]["stale_after_seconds"]


def test_a_probe_by_ip_over_plain_http_is_answered(client, settings):
    settings.ALLOWED_HOSTS = ["news.example"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400  # the site itself refuses
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200 and response.json()["database"]["status"] == "ok"


def test_the_page_cache_never_keeps_it(tmp_path, settings):
    from silkwire.core.pagecache import get_cache
    from silkwire.wsgi import application

    settings.SILKWIRE_PAGECACHE = True
    settings.SILKWIRE_PAGECACHE_DIR = tmp_path / "pagecache"
    try:
        assert get_cache() is not None
        first, second = call(application, "/healthz"), call(application, "/healthz")
        assert (first.status, second.status) == (200, 200)
        assert "HIT" not in (first.cache, second.cache)
        assert first.headers["cache-control"] == "no-store"
        assert json.loads(first.body)["time"] != json.loads(second.body)["time"]
    finally:
        settings.SILKWIRE_PAGECACHE = False
