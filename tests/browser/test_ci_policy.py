"""Under CI a browser test that cannot run fails the run; locally it is skipped.

Each case runs pytest in a subprocess: the browser tests with a Chromium path that does
not exist, and a copy of the browser conftest next to a test marked ``skip``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
A_BROWSER_TEST = "tests/browser/test_site.py::test_reader_opens_home_page_and_follows_an_article"


def pytest_run(args: list[str], *, ci: str | None, cwd: Path = ROOT, **env) -> tuple[int, str]:
    environ = {k: v for k, v in os.environ.items() if k != "CI"} | env
    if ci is not None:
        environ["CI"] = ci
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize("ci", ["true"])
def test_missing_chromium_fails_under_ci(ci):
    code, output = pytest_run([A_BROWSER_TEST], ci=ci, SILKWIRE_CHROMIUM="/nonexistent/chromium")
    assert code == 1, output
    assert "/nonexistent/chromium not found" in output
    assert "CI is set: browser tests may not be skipped" in output
    assert "skipped" not in output.splitlines()[-1]


@pytest.mark.parametrize("ci", [None, "false"])
def test_missing_chromium_skips_outside_ci(ci):
    code, output = pytest_run([A_BROWSER_TEST], ci=ci, SILKWIRE_CHROMIUM="/nonexistent/chromium")
    assert code == 0, output
    assert "1 skipped" in output.splitlines()[-1]


@pytest.mark.parametrize(
    ("ci", "code", "summary"), [("true", 1, "1 error"), (None, 0, "1 skipped")]
)
def test_any_skip_of_a_browser_test_fails_under_ci(tmp_path, ci, code, summary):
    folder = tmp_path / "browser"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "browser" / "conftest.py", folder / "conftest.py")
    (folder / "test_probe.py").write_text(
        "import pytest\n\n\n@pytest.mark.skip(reason='no display')\ndef test_probe():\n    pass\n"
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    got, output = pytest_run(["-p", "no:django", "browser"], ci=ci, cwd=tmp_path)
    assert got == code, output
    assert summary in output.splitlines()[-1]
    if ci:
        assert "browser test skipped under CI" in output and "no display" in output
