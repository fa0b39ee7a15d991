"""Browser tests: a real `silkwire serve` with the demo site, driven by Playwright in Debian's Chromium.

Locally a missing Chromium or Playwright skips them. Under ``CI`` (any value but empty,
``0``, ``false`` or ``no``) that is an error instead, and so is any other skip of a
browser test: a CI run that silently skipped the browser would pass without testing it.
``SILKWIRE_CHROMIUM`` names another Chromium binary.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SILKWIRE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "browser-test-Pa55word"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str):
    """Skip locally; fail under CI, where the browser tests must run."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set: browser tests may not be skipped)", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} not found: install Debian's chromium to run browser tests")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        unavailable(f"Playwright is not installed ({exc}): make install-test")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """Serve a fresh demo site (its own SQLite file) on a free loopback port."""
    require_chromium()
    home = tmp_path_factory.mktemp("silkwire-browser-home")
    port = free_port()
    env = {
        **os.environ,
        "SILKWIRE_ENV": "local",
        "SILKWIRE_HOME": str(home),
        "SILKWIRE_DATABASE_URL": f"sqlite:///{home / 'site.sqlite3'}",
        "SILKWIRE_CACHE_URL": "locmem://",
        "SILKWIRE_DEMO_PASSWORD": PASSWORD,
        "SILKWIRE_BASE_URL": f"http://127.0.0.1:{port}",
        "DJANGO_SETTINGS_MODULE": "silkwire.settings",
    }
    silkwire = [sys.executable, "-m", "silkwire"]
    subprocess.run([*silkwire, "demo"], env=env, check=True, capture_output=True, timeout=600)
    log = open(home / "serve.log", "wb")
    server = subprocess.Popen(
        [*silkwire, "serve", "--port", str(port), "--workers", "1"], env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((home / "serve.log").read_text()) from None
            time.sleep(0.3)

    def shell(code: str) -> str:
        return subprocess.run(
            [*silkwire, "shell", "--no-imports", "-c", code],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout.strip()

    yield {"base": base, "shell": shell}
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


# Reported in every frame (the preview iframe too) before the page's own scripts run.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile || document.location.href}:${e.lineNumber}`);
});
"""


def watch_csp(context) -> list[str]:
    """Collect every Content-Security-Policy violation the browser logs in ``context``."""
    violations: list[str] = []
    context.add_init_script(CSP_LISTENER)

    def on_console(message) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("CSP violation"):
            violations.append(f"{message.page.url if message.page else '?'}: {text}")

    context.on("console", on_console)
    return violations


@pytest.fixture
def page(browser):
    """A page whose test fails on any CSP violation the browser logs (docs/security.md)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    violations = watch_csp(context)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    yield pg
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI, turn any skip of a browser test (a marker, an import) into a failure."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"browser test skipped under CI: {reason}"
