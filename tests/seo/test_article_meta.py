"""Structured data, OpenGraph, Twitter cards, canonical URL and feed links, parsed from the page."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from lxml import html as lxml_html

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"


def head(page_or_url):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = Client().get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def meta(doc, prop):
    found = doc.xpath(f"//meta[@property='{prop}' or @name='{prop}']/@content")
    return found[0] if len(found) == 1 else found


def json_ld(doc):
    (script,) = doc.xpath("//script[@type='application/ld+json']/text()")
    return json.loads(script)  # one graph: [article, breadcrumbs]


@pytest.fixture
def story(make_article):
    import wagtail_factories

    from tests.factories import AuthorFactory

    return make_article(
        "Opinion: the </script> dam & the river",
        kind="opinion",
        standfirst="Why it matters.",
        authors=[AuthorFactory(name="Dana Nurpeis", role="Almaty correspondent")],
        topics=["environment"],
        tags=["Rogun"],
        dateline="ALMATY",
        lead_image=wagtail_factories.ImageFactory(title="River"),
    )


def test_json_ld_news_article_and_breadcrumbs(story):
    doc = head(story)
    article, crumbs = json_ld(doc)
    url = f"{BASE}/kazakhstan/{story.slug}/"
    assert article["@type"] == "OpinionNewsArticle"
    assert article["headline"] == "Opinion: the </script> dam & the river"
    assert article["url"] == url and article["mainEntityOfPage"]["@id"] == url
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Dana Nurpeis",
            "url": f"{BASE}/authors/dana-nurpeis/",
            "jobTitle": "Almaty correspondent",
        }
    ]
    assert article["publisher"]["@type"] == "NewsMediaOrganization"
    assert article["publisher"]["name"] == "Silkwire"
    assert article["datePublished"] and article["dateModified"] >= article["datePublished"]
    assert article["dateline"] == "ALMATY"
    assert article["keywords"] == ["Environment", "Rogun"]
    assert len(article["image"]) == 3 and all(
        i.startswith(f"{BASE}/media/") for i in article["image"]
    )
    assert [i["name"] for i in crumbs["itemListElement"]] == ["Silkwire", "Kazakhstan", story.title]
    assert crumbs["itemListElement"][-1]["item"] == url


def test_script_element_cannot_be_closed_by_content(story):
    raw = Client().get(story.url).content.decode()
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "</script" not in block and "\\u003C/script\\u003E" in block


@pytest.mark.parametrize(
    "kind,schema",
    [
        ("news", "ReportageNewsArticle"),
        ("analysis", "AnalysisNewsArticle"),
        ("feature", "ReportageNewsArticle"),
        ("interview", "NewsArticle"),
    ],
)
def test_kind_maps_to_schema_type(make_article, kind, schema):
    assert json_ld(head(make_article("A story", kind=kind)))[0]["@type"] == schema


def test_opengraph_twitter_and_canonical(story):
    doc = head(story)
    url = f"{BASE}/kazakhstan/{story.slug}/"
    assert doc.xpath("//link[@rel='canonical']/@href") == [url]
    assert meta(doc, "og:type") == "article"
    assert meta(doc, "og:url") == url
    assert meta(doc, "og:title") == story.title
    assert meta(doc, "og:description") == "Why it matters."
    assert meta(doc, "og:image").startswith(f"{BASE}/media/")
    assert int(meta(doc, "og:image:width")) > 0
    assert meta(doc, "article:section") == "Kazakhstan"
    assert meta(doc, "article:tag") == "Rogun"
    assert meta(doc, "article:author") == f"{BASE}/authors/dana-nurpeis/"
    assert meta(doc, "twitter:card") == "summary_large_image"
    assert meta(doc, "twitter:title") == story.title
    assert meta(doc, "description") == "Why it matters."


def test_article_without_image_gets_summary_card(make_article):
    doc = head(make_article("Plain story"))
    assert meta(doc, "twitter:card") == "summary"
    assert "image" not in json_ld(doc)[0]


def test_feed_links_follow_the_page(story):
    def links(url):
        doc = head(url)
        return doc.xpath("//link[@rel='alternate' and @type='application/rss+xml']/@href")

    assert links("/") == ["/feeds/all.rss"]
    assert links("/kazakhstan/") == ["/feeds/all.rss", "/feeds/country/kazakhstan.rss"]
    assert links("/kazakhstan/economy/")[-1] == "/feeds/country/kazakhstan/economy.rss"
    assert links("/topics/environment/")[-1] == "/feeds/topic/environment.rss"
    assert links("/authors/dana-nurpeis/")[-1] == "/feeds/author/dana-nurpeis.rss"
    assert links(story.url)[-1] == "/feeds/country/kazakhstan.rss"
    doc = head("/")
    assert doc.xpath("//link[@rel='alternate' and @type='application/atom+xml']/@href") == [
        "/feeds/all.atom"
    ]


def test_preview_of_unsaved_changes_renders_metadata(make_article):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from silkwire.news.models import Topic

    page = make_article("Saved title", topics=["economy"])
    draft = page.get_latest_revision_as_object()
    draft.title = "Unsaved title"
    draft.topics = [Topic.objects.get(slug="politics")]
    request = RequestFactory().get(page.url, HTTP_HOST="localhost")
    request.user = AnonymousUser()
    request.is_preview = True
    response = draft.serve_preview(request, draft.default_preview_mode)
    response.render()
    doc = lxml_html.fromstring(response.content)
    assert meta(doc, "og:title") == "Unsaved title"
    assert json_ld(doc)[0]["keywords"] == ["Politics"]
