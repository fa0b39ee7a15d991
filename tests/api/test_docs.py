"""Docs as tests: every endpoint and feed is documented."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_api_path_is_documented():
    from silkwire.api.openapi import PATHS

    text = (DOCS / "api.md").read_text()
    for path in PATHS:
        documented = path.replace("{code}", "<code>")
        assert f"`GET {path}" in text or f"`GET {documented}" in text, path


def test_every_block_type_is_documented():
    from silkwire.api.openapi import BLOCKS

    text = (DOCS / "api.md").read_text()
    for block in BLOCKS.values():
        assert f"| `{block['properties']['type']['const']}` |" in text


def test_every_feed_route_is_documented():
    from silkwire.news.feeds import urlpatterns

    text = (DOCS / "feeds.md").read_text()
    for pattern in urlpatterns:
        prefix = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", pattern.pattern.regex.pattern)
        prefix = prefix.strip("^$").split("\\.")[0].replace("<value>", "<kind>")
        assert f"/feeds/{prefix}.rss" in text, prefix
