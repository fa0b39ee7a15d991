"""Sitemaps and robots.txt, parsed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
BASE = "http://127.0.0.1:8000"


def xml(url):
    response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def test_index_lists_sections_and_news(make_article):
    make_article("Fresh story")
    root = xml("/sitemap.xml")
    assert root.tag == f"{SM}sitemapindex"
    locs = [s.findtext(f"{SM}loc") for s in root.findall(f"{SM}sitemap")]
    assert locs == [
        f"{BASE}/sitemap-sections.xml",
        f"{BASE}/sitemap-articles.xml",
        f"{BASE}/sitemap-topics.xml",
        f"{BASE}/sitemap-authors.xml",
        f"{BASE}/sitemap-news.xml",
    ]
    for loc in locs:
        xml(loc.removeprefix(BASE))  # every listed sitemap answers


def test_articles_sitemap_has_live_articles_with_lastmod(make_article):
    live = make_article("Live story")
    make_article("Draft story", publish=False)
    root = xml("/sitemap-articles.xml")
    urls = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in root.findall(f"{SM}url")}
    assert urls.keys() == {f"{BASE}{live.url}"}
    assert urls[f"{BASE}{live.url}"].startswith(str(timezone.now().year))


def test_sections_sitemap_has_countries_and_country_topics(db):
    root = xml("/sitemap-sections.xml")
    locs = {u.findtext(f"{SM}loc") for u in root.findall(f"{SM}url")}
    assert {
        f"{BASE}/",
        f"{BASE}/kazakhstan/",
        f"{BASE}/kazakhstan/economy/",
        f"{BASE}/topics/",
    } <= locs


def test_news_sitemap_has_last_two_days_only(make_article):
    make_article("Today's story", first_published_at=timezone.now() - timedelta(hours=3))
    make_article("Old story", first_published_at=timezone.now() - timedelta(days=3))
    root = xml("/sitemap-news.xml")
    (url,) = root.findall(f"{SM}url")
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}title") == "Today's story"
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Silkwire"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}publication_date").startswith(str(timezone.localdate().year))


def test_sitemaps_send_validators(make_article):
    make_article("A story")
    client = Client()
    for url in ["/sitemap.xml", "/sitemap-articles.xml", "/sitemap-news.xml"]:
        first = client.get(url)
        assert first["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/sitemap-articles.xml")["Last-Modified"]


@pytest.mark.parametrize(
    "url", ["/sitemap-nope.xml", "/sitemap-articles.xml?p=9", "/sitemap-articles.xml?p=x"]
)
def test_unknown_sitemap_pages_are_404(db, url):
    assert Client().get(url).status_code == 404


def test_robots_points_at_both_sitemaps(db):
    response = Client().get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert f"Sitemap: {BASE}/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines
