from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache

from tests.conftest_http import loopback_fixture  # noqa: F401 - provides `loopback`

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rates"


@pytest.fixture
def payload():
    def read(name: str) -> bytes:
        return (FIXTURES / name).read_bytes()

    return read


@pytest.fixture(autouse=True)
def _rates_home(settings, tmp_path):
    """Keep raw payloads of each test in its own folder, and start with an empty cache."""
    settings.SILKWIRE_HOME = tmp_path
    settings.SILKWIRE_RATES_CBT_FEED = True
    cache.clear()
    yield
    cache.clear()
