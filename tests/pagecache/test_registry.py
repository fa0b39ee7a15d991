"""The page cache learns what feature apps show through its registry, and core imports none.

The front-cache purge test pins which URLs an article change purges (they moved from
``silkwire.core.pagecache.frontend`` to ``silkwire.news.cache``); the registry test uses the
registration points the way an app would, without news; the import-linter test runs the
contracts of ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from silkwire.news.models import ArticlePage, CountryPage, HomePage, Topic

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """A Wagtail front-cache backend that keeps the URLs it is asked to purge."""

    def purge(self, url) -> None:
        PURGED.append(url)


def test_publishing_an_article_purges_its_pages_from_the_front_cache(
    make_article, commit, settings
):
    from tests.factories import AuthorFactory

    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.pagecache.test_registry.RecordingBackend"}
    }
    author = AuthorFactory(name="Aigerim Sadykova", slug="aigerim-sadykova")
    page = commit(
        make_article,
        "Dam timetable agreed",
        topics=["economy"],
        authors=[author],
        tags=["water"],
        other_countries=[CountryPage.objects.get(slug="uzbekistan")],
    )
    PURGED.clear()
    page = ArticlePage.objects.get(pk=page.pk)
    page.title = "Dam timetable signed"
    commit(lambda: page.save_revision().publish())

    base = settings.SILKWIRE_BASE_URL
    topics = list(Topic.objects.values_list("slug", flat=True))
    expected = {
        base + "/",
        base + "/kazakhstan/dam-timetable-agreed/",
        base + "/topics/economy/",
        base + "/tags/water/",
    }
    expected |= {base + "/authors/aigerim-sadykova/"}
    for country in ("/kazakhstan/", "/uzbekistan/"):
        expected |= {base + country} | {f"{base}{country}{slug}/" for slug in topics}
    expected.add(page.full_url)  # Wagtail's own frontend_cache purges the page itself
    assert set(PURGED) == expected


def test_a_registered_dependency_source_decides_what_a_page_depends_on(site, commit, monkeypatch):
    from silkwire.core.pagecache import invalidate, registry

    def weather(page, serve_kwargs):
        return {"weather"} if isinstance(page, HomePage) else None

    monkeypatch.setattr(registry, "DEPENDENCY_SOURCES", [*registry.DEPENDENCY_SOURCES, weather])
    assert site.get("/").status == 200
    assert site.get("/").cache == "HIT"
    invalidate({"weather"})
    assert site.get("/").cache == "MISS"
    assert site.get("/kazakhstan/").status == 200
    invalidate({"weather"})  # the country page does not show the weather
    assert site.get("/kazakhstan/").cache == "HIT"


def test_the_import_contracts_hold():
    """``lint-imports``: core imports no feature app; the layers of pyproject.toml hold."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extra"
    done = subprocess.run(
        [lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "silkwire.core imports no feature app KEPT" in done.stdout


def test_silkwire_demo_runs_every_apps_demo_in_app_order(monkeypatch):
    """``silkwire demo`` finds each app's ``demo.load_demo`` (as ``jobs``) instead of naming apps."""
    from io import StringIO

    from django.core.management import call_command

    from silkwire.core.jobs import app_modules

    assert [m.__name__ for m in app_modules("demo")] == [
        "silkwire.news.demo",
        "silkwire.rates.demo",
    ]
    monkeypatch.setenv("SILKWIRE_DEMO_PASSWORD", "demo-Pa55-word")
    out = StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    content = text.index("Demo content (invented stories, marked as demo):")
    rates = text.index("Demo rates (recorded bank payloads")
    accounts = text.index("Accounts for")
    assert content < rates < accounts
    assert ArticlePage.objects.filter(is_demo=True).exists()
