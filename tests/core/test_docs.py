"""Docs as tests: every setting, command and page type is documented."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_read_by_the_code_is_documented():
    documented = set(
        re.findall(r"`(SILKWIRE_[A-Z0-9_]+)`", (ROOT / "docs/settings.md").read_text())
    )
    used: dict[str, Path] = {}
    for path in (ROOT / "silkwire").rglob("*.py"):
        for name in re.findall(r"[\"'](SILKWIRE_[A-Z0-9_]+)[\"']", path.read_text()):
            used.setdefault(name, path)
    django_settings = {"SILKWIRE_HOME", "SILKWIRE_ENV"}  # read as settings too, documented above
    missing = {n: str(p.relative_to(ROOT)) for n, p in used.items() if n not in documented}
    assert not missing, f"Document these in docs/settings.md: {missing}"
    assert django_settings <= documented


def test_readme_starts_with_the_two_commands():
    first_screen = "\n".join((ROOT / "README.md").read_text().splitlines()[:25])
    assert "make run" in first_screen and "make test" in first_screen


def test_every_management_command_of_ours_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    commands = [
        p.stem
        for p in (ROOT / "silkwire").glob("*/management/commands/*.py")
        if not p.stem.startswith("_")
    ]
    missing = [c for c in commands if f"silkwire {c}" not in readme]
    assert not missing, f"Mention these commands in README.md: {missing}"
