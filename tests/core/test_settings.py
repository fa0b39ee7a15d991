"""Settings come from the environment; production refuses to start without a secret key."""

from __future__ import annotations

import os
import stat
import subprocess
import sys


def run_settings(
    env: dict[str, str], code: str = "import silkwire.settings as s; print(s.SECRET_KEY)"
):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILKWIRE_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_settings({"SILKWIRE_HOME": str(tmp_path)})
    assert result.returncode != 0
    assert "SILKWIRE_SECRET_KEY is not set" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_local_mode_generates_a_private_key_once_and_keeps_it(tmp_path):
    env = {"SILKWIRE_HOME": str(tmp_path), "SILKWIRE_ENV": "local"}
    first = run_settings(env)
    second = run_settings(env)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.strip()) >= 50
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600


def test_debug_is_off_by_default_and_database_and_cache_urls_are_read(tmp_path):
    code = (
        "import silkwire.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'],"
        " s.DATABASES['default']['NAME'], s.CACHES['default']['BACKEND'])"
    )
    env = {
        "SILKWIRE_HOME": str(tmp_path),
        "SILKWIRE_SECRET_KEY": "x" * 50,
        "SILKWIRE_DATABASE_URL": "postgres://u:p@db.example:5432/news",
        "SILKWIRE_CACHE_URL": "redis://127.0.0.1:6379/3",
    }
    out = run_settings(env, code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [
        "False",
        "django.db.backends.postgresql",
        "news",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_bad_boolean_names_the_variable(tmp_path):
    out = run_settings(
        {"SILKWIRE_HOME": str(tmp_path), "SILKWIRE_DEBUG": "maybe", "SILKWIRE_SECRET_KEY": "x" * 50}
    )
    assert out.returncode != 0 and "SILKWIRE_DEBUG='maybe'" in out.stderr


def test_python_dash_m_silkwire_is_the_command():
    out = subprocess.run(
        [sys.executable, "-m", "silkwire", "help", "runjobs"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SILKWIRE_ENV": "local"},
    )
    assert out.returncode == 0, out.stderr
    assert "silkwire runjobs" in out.stdout
