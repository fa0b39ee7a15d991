"""The most-read counter: no cookies, no addresses, counts per article per hour."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from lxml import html as lxml_html

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def hit(page, ext="css", **headers):
    return Client(HTTP_USER_AGENT=BROWSER).get(f"/stats/hit/{page.pk}.{ext}", **headers)


def test_article_page_carries_the_beacon(make_article):
    page = make_article("Counted story")
    doc = lxml_html.fromstring(Client().get(page.url).content)
    hrefs = doc.xpath("//head/link[@rel='stylesheet' and @media='print']/@href")
    assert f"/stats/hit/{page.pk}.css" in hrefs


def test_hit_counts_per_hour_without_cookies_or_caching(make_article):
    from silkwire.stats.models import ArticleHourlyViews

    page = make_article("Counted story")
    for n in range(3):  # three readers (one reader counts once an hour: test_abuse.py)
        response = hit(page, REMOTE_ADDR=f"198.51.100.{n}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/css")
    assert not response.cookies
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    gif = hit(page, "gif", REMOTE_ADDR="198.51.100.9")
    assert gif["Content-Type"] == "image/gif" and gif.content.startswith(b"GIF89a")
    (row,) = ArticleHourlyViews.objects.all()
    assert row.views == 4 and row.page_id == page.pk
    assert row.hour.minute == 0 and row.hour.second == 0
    fields = {f.name for f in ArticleHourlyViews._meta.get_fields()}
    assert fields == {"id", "page", "hour", "views"}  # nothing about the reader


def test_bots_prefetch_drafts_and_unknown_pages_are_not_counted(make_article):
    from silkwire.stats.models import ArticleHourlyViews

    page = make_article("Counted story")
    draft = make_article("Draft", publish=False)
    Client(HTTP_USER_AGENT="Googlebot/2.1").get(f"/stats/hit/{page.pk}.css")
    Client().get(f"/stats/hit/{page.pk}.css")  # no user agent
    hit(page, HTTP_SEC_PURPOSE="prefetch")
    hit(draft)
    assert Client(HTTP_USER_AGENT=BROWSER).get("/stats/hit/999999.css").status_code == 200
    assert Client(HTTP_USER_AGENT=BROWSER).post(f"/stats/hit/{page.pk}.css").status_code == 405
    assert not ArticleHourlyViews.objects.exists()


def test_most_read_windows_and_country(make_article):
    from django.core.cache import cache

    from silkwire.stats.counter import count_view, most_read

    now = timezone.now()
    kz = make_article("KZ hit")
    kg = make_article("KG hit", country="kyrgyzstan")
    old = make_article("Last week's hit")
    for _ in range(5):
        count_view(kz.pk)
    for _ in range(3):
        count_view(kg.pk)
    for _ in range(9):
        count_view(old.pk, now=now - timedelta(days=3))
    count_view(old.pk, now=now - timedelta(days=9))
    cache.clear()
    assert [a.title for a in most_read("24h")] == ["KZ hit", "KG hit"]
    assert [a.title for a in most_read("7d")] == ["Last week's hit", "KZ hit", "KG hit"]
    from silkwire.news.models import CountryPage

    kyrgyzstan = CountryPage.objects.get(slug="kyrgyzstan")
    assert [a.title for a in most_read("24h", kyrgyzstan)] == ["KG hit"]
    kz.unpublish()
    cache.clear()
    assert [a.title for a in most_read("24h")] == ["KG hit"]


def test_most_read_shown_on_home_and_country(make_article):
    from django.core.cache import cache

    from silkwire.stats.counter import count_view

    page = make_article("Popular story")
    count_view(page.pk)
    cache.clear()
    for url in ["/", "/kazakhstan/"]:
        doc = lxml_html.fromstring(Client().get(url).content)
        items = doc.xpath(
            "//section[@class='most-read']//ol[contains(@class,'most-read-24h')]/li/a/text()"
        )
        assert items == ["Popular story"], url
    doc = lxml_html.fromstring(Client().get("/kyrgyzstan/").content)
    assert not doc.xpath("//section[@class='most-read']")


def test_prune_deletes_old_counts(make_article):
    from silkwire.stats.counter import count_view, prune
    from silkwire.stats.models import ArticleHourlyViews

    page = make_article("Story")
    count_view(page.pk, now=timezone.now() - timedelta(days=40))
    count_view(page.pk)
    assert prune() == 1
    assert ArticleHourlyViews.objects.count() == 1


def test_job_is_registered():
    from silkwire.core.jobs import all_jobs

    assert {"stats-prune", "stats-most-read"} <= {j.name for j in all_jobs()}


def test_refresh_invalidates_cached_pages_only_when_a_ranking_changes(make_article, monkeypatch):
    from django.core.cache import cache

    import silkwire.core.pagecache.invalidation as invalidation
    from silkwire.stats.counter import count_view, refresh_rankings

    bumped = []
    monkeypatch.setattr(invalidation, "invalidate", lambda names: bumped.append(set(names)))
    cache.clear()
    page = make_article("Popular story")
    refresh_rankings()
    bumped.clear()
    assert refresh_rankings() is False and bumped == []
    count_view(page.pk)
    assert refresh_rankings() is True and bumped == [{"most-read"}]
    count_view(page.pk)  # same ranking, more views: nothing to refresh
    assert refresh_rankings() is False


def test_most_read_block_declares_its_dependency(make_article):
    from silkwire.core.pagecache.cache import RENDER_DEPS
    from silkwire.stats.templatetags.stats_tags import most_read_block

    token = RENDER_DEPS.set(set())
    try:
        most_read_block()
        assert "most-read" in RENDER_DEPS.get()
    finally:
        RENDER_DEPS.reset(token)
