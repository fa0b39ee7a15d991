"""Docs as tests: every rates command option, source and API endpoint is documented."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from silkwire.rates.commands import backfill, fetch, show
from silkwire.rates.providers import PROVIDERS

ROOT = Path(__file__).resolve().parents[2]


def options(module) -> set[str]:
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    return {s for action in parser._actions for s in action.option_strings if s.startswith("--")}


def test_every_command_option_is_in_docs():
    doc = (ROOT / "docs" / "rates.md").read_text()
    for name, module in (("fetch", fetch), ("backfill", backfill), ("show", show)):
        assert f"silkwire rates {name}" in doc
        missing = {o for o in options(module) - {"--help"} if o not in doc}
        assert not missing, f"document {missing} of rates {name} in docs/rates.md"
    assert "Exit status" in doc


def test_every_source_is_in_docs():
    doc = (ROOT / "docs" / "rates.md").read_text()
    for code in PROVIDERS:
        assert f"| `{code}` |" in doc


def test_every_endpoint_is_in_api_docs():
    from silkwire.rates.api_urls import urlpatterns

    doc = (ROOT / "docs" / "api.md").read_text()
    assert "## Rates" in doc
    for pattern in urlpatterns:
        route = re.sub(r"<str:(\w+)>", r"<\1>", str(pattern.pattern))
        assert f"/api/v1/rates/{route}" in doc, route
