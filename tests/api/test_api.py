"""The JSON API: shapes, filters, pagination, validators, CORS and the OpenAPI contract."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"

BODY = [
    {"type": "paragraph", "html": 'A <a href="https://example.org/">link</a> & <b>bold</b>.'},
    {"type": "heading", "text": "On water", "level": 3},
    {"type": "list", "items": ["One", "Two"], "ordered": True},
    {"type": "turn", "speaker": "Silkwire", "paragraphs": ["Why?"]},
    {"type": "turn", "speaker": "Aigerim", "paragraphs": ["Because."]},
    {"type": "quote", "text": "Water is power.", "attribution": "A minister"},
    {"type": "embed", "url": "https://example.org/video", "caption": "Video"},
    {"type": "factbox", "title": "Facts", "html": "<ul><li>Dam: 335 m</li></ul>"},
    {"type": "rich_text", "html": "<h2>More</h2><p>Text</p>"},
]


def get(url, **params):
    response = Client().get(url, params)
    return response, (json.loads(response.content) if response.content else None)


@pytest.fixture
def articles(make_article):
    import wagtail_factories

    from silkwire.news.models import CountryPage
    from tests.factories import AuthorFactory

    dana = AuthorFactory(name="Dana Nurpeis", slug="dana-nurpeis")
    image = wagtail_factories.ImageFactory(title="Dam")
    now = timezone.now()
    found = {
        "dam": make_article(
            "Dam timetable agreed",
            blocks=[
                *BODY,
                {"type": "image", "image": image.pk, "caption": "The dam", "credit": "AP"},
            ],
            kind="interview",
            authors=[dana],
            topics=["economy"],
            tags=["Rogun"],
            lead_image=image,
            other_countries=[CountryPage.objects.get(slug="tajikistan")],
            first_published_at=now - timedelta(days=1),
            source_name="Agency",
            source_url="https://example.org/original",
        ),
        "metro": make_article(
            "Metro line opens in Alma-Ata",
            country="kazakhstan",
            topics=["society"],
            first_published_at=now - timedelta(days=2),
        ),
        "bishkek": make_article(
            "Bishkek budget", country="kyrgyzstan", first_published_at=now - timedelta(days=10)
        ),
    }
    make_article("Unpublished", publish=False)
    return found


def test_article_list_shape(articles):
    response, data = get("/api/v1/articles")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert data["count"] == 3 and data["page"] == 1 and data["next"] is None
    assert [a["title"] for a in data["results"]] == [
        "Dam timetable agreed",
        "Metro line opens in Alma-Ata",
        "Bishkek budget",
    ]
    dam = data["results"][0]
    assert dam["id"] == articles["dam"].pk
    assert dam["url"] == f"{BASE}/kazakhstan/dam-timetable-agreed/"
    assert dam["api_url"] == f"{BASE}/api/v1/articles/{articles['dam'].pk}"
    assert dam["kind"] == "interview"
    assert dam["country"] == {"slug": "kazakhstan", "code": "KZ", "title": "Kazakhstan"}
    assert dam["other_countries"] == [{"slug": "tajikistan", "code": "TJ", "title": "Tajikistan"}]
    assert dam["topics"] == [{"slug": "economy", "name": "Economy"}]
    assert dam["tags"] == ["Rogun"]
    assert dam["authors"][0]["slug"] == "dana-nurpeis"
    assert dam["lead_image"]["url"].startswith(f"{BASE}/media/") and dam["lead_image"]["width"]
    assert dam["published_at"] <= dam["updated_at"]
    assert "body" not in dam


def test_article_detail_has_one_shape_per_block(articles):
    response, data = get(f"/api/v1/articles/{articles['dam'].pk}")
    assert response.status_code == 200
    by_type = {}
    for block in data["body"]:
        by_type.setdefault(block["type"], []).append(block)
    assert by_type["paragraph"][0] == {
        "type": "paragraph",
        "html": '<p>A <a href="https://example.org/" rel="noopener noreferrer">link</a>'
        " &amp; <b>bold</b>.</p>",
    }
    assert by_type["heading"] == [{"type": "heading", "text": "On water", "level": 3}]
    assert by_type["list"] == [{"type": "list", "ordered": True, "items": ["One", "Two"]}]
    assert [t["question"] for t in by_type["turn"]] == [True, False]
    assert by_type["quote"][0]["attribution"] == "A minister"
    assert by_type["embed"][0] == {
        "type": "embed",
        "url": "https://example.org/video",
        "caption": "Video",
    }
    assert by_type["factbox"][0]["title"] == "Facts" and "<li>" in by_type["factbox"][0]["html"]
    assert "<h2>More</h2>" in by_type["rich_text"][0]["html"]
    image = by_type["image"][0]
    assert image["image"] == articles["dam"].lead_image_id and image["caption"] == "The dam"
    assert image["url"].startswith(f"{BASE}/media/") and image["width"] > 0
    assert data["source"] == {"name": "Agency", "url": "https://example.org/original"}
    assert data["corrections"] == [] and data["dateline"] == ""


@pytest.mark.parametrize(
    "params,titles",
    [
        ({"country": "kyrgyzstan"}, ["Bishkek budget"]),
        ({"country": "TJ"}, ["Dam timetable agreed"]),
        ({"topic": "society"}, ["Metro line opens in Alma-Ata"]),
        ({"kind": "interview"}, ["Dam timetable agreed"]),
        ({"author": "dana-nurpeis"}, ["Dam timetable agreed"]),
        ({"q": "Almaty"}, ["Metro line opens in Alma-Ata"]),
        ({"country": "atlantis"}, []),
        ({"topic": "nope"}, []),
    ],
)
def test_article_filters(articles, params, titles):
    response, data = get("/api/v1/articles", **params)
    assert response.status_code == 200
    assert [a["title"] for a in data["results"]] == titles


def test_since_until(articles):
    since = (timezone.now() - timedelta(days=3)).isoformat()
    _, data = get("/api/v1/articles", since=since)
    assert data["count"] == 2
    until = (timezone.localdate() - timedelta(days=5)).isoformat()
    _, data = get("/api/v1/articles", until=until)
    assert [a["title"] for a in data["results"]] == ["Bishkek budget"]


def test_pagination_and_link_header(articles):
    response, data = get("/api/v1/articles", page_size=2)
    assert data["num_pages"] == 2 and len(data["results"]) == 2
    assert data["next"] == f"{BASE}/api/v1/articles?page_size=2&page=2"
    assert response["Link"] == f'<{data["next"]}>; rel="next"'
    _, second = get("/api/v1/articles", page_size=2, page=2)
    assert len(second["results"]) == 1 and second["previous"].endswith("page=1")
    _, past = get("/api/v1/articles", page=50)
    assert past["results"] == [] and past["count"] == 3


@pytest.mark.parametrize(
    "params",
    [
        {"page": "x"},
        {"page": "0"},
        {"page": "-1"},
        {"page_size": "1000"},
        {"kind": "poem"},
        {"since": "yesterday"},
        {"until": "2026-13-45"},
        {"country": "a b"},
        {"sort": "random"},
        {"q": "x" * 201},
    ],
)
def test_bad_parameters_are_400_with_a_message(db, params):
    response, data = get("/api/v1/articles", **params)
    assert response.status_code == 400
    assert list(data) == ["error"] and data["error"]


@pytest.mark.parametrize("pk", ["abc", "0", "-5", "99999999999999999999"])
def test_bad_article_ids(db, pk):
    response, data = get(f"/api/v1/articles/{pk}")
    assert response.status_code in (400, 404) and "error" in data


def test_unpublished_article_is_404(make_article):
    page = make_article("Draft", publish=False)
    response, data = get(f"/api/v1/articles/{page.pk}")
    assert response.status_code == 404 and data == {
        "error": f"No published article with id {page.pk}."
    }


def test_countries_topics_authors(articles):
    _, countries = get("/api/v1/countries")
    assert [c["slug"] for c in countries["results"]][:2] == ["kazakhstan", "kyrgyzstan"]
    region = [c for c in countries["results"] if c["is_region"]][0]
    assert region["code"] is None and region["slug"] == "central-asia"
    _, topics = get("/api/v1/topics")
    assert {"economy", "politics"} <= {t["slug"] for t in topics["results"]}
    _, authors = get("/api/v1/authors", page_size=1)
    assert authors["count"] >= 1 and len(authors["results"]) == 1
    assert set(authors["results"][0]) == {"slug", "name", "role", "bio", "url", "articles_url"}


def test_etag_304_cors_and_read_only(articles):
    client = Client()
    first = client.get("/api/v1/articles")
    assert first["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in first["Access-Control-Expose-Headers"]
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get("/api/v1/articles", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/articles", HTTP_ORIGIN="https://partner.example")
    assert preflight.status_code == 204
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/articles")
        assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
    since = client.get("/api/v1/articles", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    articles["metro"].unpublish()
    assert client.get("/api/v1/articles", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_rates_endpoints_get_the_same_headers(db):
    response = Client().get("/api/v1/rates/latest")
    assert response["Access-Control-Allow-Origin"] == "*" and response["ETag"]


def test_list_query_count_is_bounded(make_article, django_assert_max_num_queries):
    for i in range(30):
        make_article(f"Story {i}", topics=["economy"], tags=["a", "b"])
    client = Client()
    client.get("/api/v1/articles")
    with django_assert_max_num_queries(14):
        response = client.get("/api/v1/articles", {"page_size": 30, "topic": "economy"})
    assert len(json.loads(response.content)["results"]) == 30
    with django_assert_max_num_queries(16):
        client.get("/api/v1/articles", {"q": "story", "page_size": 30})


def test_openapi_document_and_docs_page(db):
    response, spec = get("/api/v1/openapi.json")
    assert spec["openapi"].startswith("3.1")
    assert {
        "/api/v1/articles",
        "/api/v1/articles/{id}",
        "/api/v1/countries",
        "/api/v1/topics",
        "/api/v1/authors",
        "/api/v1/rates/latest",
    } <= set(spec["paths"])
    mapping = spec["components"]["schemas"]["Block"]["discriminator"]["mapping"]
    assert set(mapping) == {
        "paragraph",
        "heading",
        "list",
        "turn",
        "quote",
        "image",
        "embed",
        "factbox",
        "rich_text",
    }
    html = Client().get("/api/v1/docs").content.decode()
    assert "GET /api/v1/articles" in html and "ParagraphBlock" in html


def test_every_documented_block_type_is_a_contract_block():
    from silkwire.api.openapi import BLOCKS
    from silkwire.news.blocks import ArticleBodyBlock

    documented = {b["properties"]["type"]["const"] for b in BLOCKS.values()}
    assert documented == set(ArticleBodyBlock().child_blocks)


def test_article_search_by_relevance_pages_through_results(client, make_article):
    for i in range(3):
        make_article(f"Sarez lake survey {i}")
    body = client.get(
        "/api/v1/articles", {"q": "Sarez", "sort": "relevance", "page_size": 2}
    ).json()
    assert body["count"] == 3 and len(body["results"]) == 2
    rest = client.get(
        "/api/v1/articles", {"q": "Sarez", "sort": "relevance", "page_size": 2, "page": 2}
    ).json()
    assert len(rest["results"]) == 1
