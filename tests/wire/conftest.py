"""Wire test fixtures: the loopback server and the fixture feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest_http import Reply, loopback_fixture  # noqa: F401 - provides `loopback`

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "wire"
RSS = "application/rss+xml; charset=utf-8"


def feed_bytes(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


@pytest.fixture
def serve_feed(loopback):
    """Serve a fixture feed at ``path``; return its URL."""

    def serve(name: str, path: str | None = None, content_type: str = RSS, **headers) -> str:
        return loopback.route(
            path or f"/{name}",
            Reply(200, feed_bytes(name), {"Content-Type": content_type, **headers}),
        )

    return serve
