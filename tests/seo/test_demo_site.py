"""Every discovery output works on the demo site, parsed, not just fetched."""

from __future__ import annotations

import json

import feedparser
import pytest
from defusedxml import ElementTree
from django.core.management import call_command
from django.test import Client
from lxml import html as lxml_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def test_demo_site_discovery(demo):
    from silkwire.news.models import ArticlePage

    client = Client()
    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    assert article is not None

    feed = feedparser.parse(client.get("/feeds/all.atom").content)
    assert not feed.bozo and len(feed.entries) == min(50, ArticlePage.objects.live().count())
    for country in ["kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"]:
        assert not feedparser.parse(client.get(f"/feeds/country/{country}.rss").content).bozo

    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    assert len(index) >= 5
    news = client.get("/sitemap-news.xml")
    assert news.status_code == 200 and ElementTree.fromstring(news.content) is not None

    data = json.loads(client.get(f"/api/v1/articles/{article.pk}").content)
    assert data["title"] == article.title and data["body"]
    listing = json.loads(client.get("/api/v1/articles").content)
    assert listing["count"] == ArticlePage.objects.live().count()

    doc = lxml_html.fromstring(client.get(article.url).content)
    (ld,) = doc.xpath("//script[@type='application/ld+json']/text()")
    graph = json.loads(ld)
    assert graph[0]["headline"] and graph[1]["@type"] == "BreadcrumbList"
    assert doc.xpath("//section[@class='related']//a")

    results = lxml_html.fromstring(client.get("/search/", {"q": "Kirghizia"}).content)
    assert results.xpath("//li[@class='search-result']")
