"""``silkwire ingest html FILE|URL``: a page → a credited draft, through the real command."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from silkwire.core.http import SIZE_LIMITS
from silkwire.news.models import ArticlePage
from tests.conftest_http import Reply, loopback_fixture  # noqa: F401 - provides `loopback`

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
NEWS_RU = FIXTURES / "news_ru.html"


def ingest(*args) -> dict:
    out = StringIO()
    call_command("ingest", "html", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_file_becomes_a_credited_draft_under_the_detected_country():
    report = ingest(str(NEWS_RU))
    page = ArticlePage.objects.get(pk=report["draft"]["id"])
    assert page.title == "В Алматы открыли новую линию метро"
    assert not page.live and page.get_latest_revision() is not None
    assert page.get_parent().specific.slug == "kazakhstan"  # "Алматы" names Kazakhstan
    assert page.source_name == "Степь Ньюс"
    assert page.source_url == "https://step-news.example.kz/ru/news/2026/11/almaty-metro"
    assert page.standfirst == "Новая ветка соединит спальные районы с центром города."
    types = [block.block_type for block in page.body]
    assert types == ["paragraph", "paragraph", "heading", "list", "quote", "paragraph", "paragraph"]
    assert "<b>всем пассажирам</b>" in page.body[1].value.source
    extracted = report["extracted"]
    assert extracted["author"] == "Айгерим Сейтова, Данияр Абенов"
    assert extracted["published"] == "2026-11-20T10:30:00+05:00"
    assert extracted["language"] == "ru"
    assert report["draft"]["edit_url"] == f"/admin/pages/{page.pk}/edit/"


def test_dry_run_reports_and_saves_nothing():
    before = ArticlePage.objects.count()
    report = ingest(str(FIXTURES / "analysis_en.html"), "--dry-run")
    assert report["draft"] is None and report["dry_run"] is True
    assert ArticlePage.objects.count() == before
    assert report["extracted"]["block_counts"]["rich_text"] == 1
    assert report["country"] == "kyrgyzstan"  # named first and most
    assert set(report["other_countries"]) == {"kazakhstan", "uzbekistan", "central-asia"}


def test_country_option_wins_and_text_output_is_readable():
    out = StringIO()
    call_command("ingest", "html", str(NEWS_RU), "--country", "UZ", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Title:      В Алматы открыли новую линию метро" in text
    assert "uzbekistan (primary)" in text and "kazakhstan" in text
    assert "Dry run:    nothing saved." in text


def test_url_is_fetched_with_the_safe_client(loopback):
    url = loopback.route(
        "/story", Reply(200, NEWS_RU.read_bytes(), {"Content-Type": "text/html; charset=utf-8"})
    )
    report = ingest(url)
    assert report["extracted"]["url"] == url
    assert ArticlePage.objects.filter(pk=report["draft"]["id"]).exists()
    assert "Silkwire/" in loopback.requests[0].headers["user-agent"]


def test_legacy_encoding_over_http(loopback):
    raw = (FIXTURES / "legacy_cp1251.html").read_bytes()
    url = loopback.route(
        "/kg", Reply(200, raw, {"Content-Type": "text/html; charset=windows-1251"})
    )
    report = ingest(url, "--dry-run")
    assert report["extracted"]["title"] == "Курс сома укрепился к доллару"
    assert "kyrgyzstan" in [report["country"], *report["other_countries"]]


@pytest.mark.parametrize(
    "content_type", ["application/pdf", "application/rss+xml", "image/jpeg", "text/plain"]
)
def test_non_html_content_types_are_refused(loopback, content_type):
    url = loopback.route("/doc", Reply(200, b"%PDF-1.7", {"Content-Type": content_type}))
    with pytest.raises(CommandError, match=re.escape(f"{content_type}, not an HTML page")):
        ingest(url)


def test_oversized_page_is_refused(loopback):
    big = b"<html><body>" + b"<p>x</p>" * (SIZE_LIMITS["page"] // 8 + 1) + b"</body></html>"
    url = loopback.route("/big", Reply(200, big, {"Content-Type": "text/html"}, chunked=True))
    with pytest.raises(CommandError, match="page limit"):
        ingest(url)


def test_http_errors_and_private_addresses_are_refused(loopback, settings):
    with pytest.raises(CommandError, match="HTTP 404"):
        ingest(loopback.url("/missing"))
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(CommandError, match="loopback"):
        ingest(loopback.route("/story", body=b"<p>x</p>"))
    assert loopback.hits("/story") == 0


def test_bad_files_are_refused(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        ingest(str(tmp_path / "missing.html"))
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    with pytest.raises(CommandError, match="does not look like an HTML page"):
        ingest(str(binary))
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<p>" + b"x" * SIZE_LIMITS["page"] + b"</p>")
    with pytest.raises(CommandError, match="page limit"):
        ingest(str(huge))
    with pytest.raises(CommandError, match="index or menu"):
        ingest(str(FIXTURES / "index.html"))
    with pytest.raises(CommandError, match="only http and https"):
        ingest("ftp://example.com/page.html")
