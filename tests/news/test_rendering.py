"""What readers see: article pages, listings, pagination and garbage parameters."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

INTERVIEW = [
    {"type": "paragraph", "text": "An introduction with “quotes” & <b>not markup</b>."},
    {"type": "heading", "text": "On water", "level": 2},
    {"type": "list", "items": ["First point", "Second point"], "ordered": False},
    {"type": "turn", "speaker": "Silkwire", "paragraphs": ["What is the plan?"]},
    {"type": "turn", "speaker": "Aigerim Sadykova", "paragraphs": ["We build.", "Then we test."]},
    {"type": "quote", "text": "Water is power.", "attribution": "A minister"},
]


def test_article_page_shows_headline_byline_blocks_and_question_markup(make_article):
    from tests.factories import AuthorFactory

    authors = [AuthorFactory(name="Dana Nurpeis"), AuthorFactory(name="Timur Valiev")]
    page = make_article(
        "Dam timetable agreed",
        blocks=INTERVIEW,
        kind="interview",
        authors=authors,
        standfirst="Two governments sign.",
        dateline="TASHKENT",
    )
    html = Client().get(page.url).content.decode()
    assert '<h1 class="headline">Dam timetable agreed</h1>' in html
    assert "Two governments sign." in html
    assert 'By <a href="/authors/dana-nurpeis/" rel="author">Dana Nurpeis</a> and' in html
    assert "TASHKENT" in html
    assert "“quotes” &amp; &lt;b&gt;not markup&lt;/b&gt;" in html  # text stays text
    assert "<h2>On water</h2>" in html
    assert "<li>Second point</li>" in html
    question = html.index('data-role="question"')
    answer = html.index('data-role="answer"')
    assert question < html.index("What is the plan?") < answer < html.index("Then we test.")
    assert "— A minister" in html
    assert page.url.startswith("/kazakhstan/")


def test_custom_byline_replaces_author_list(make_article):
    page = make_article("Translated piece", byline="Reported and translated by Sardor Aliev")
    html = Client().get(page.url).content.decode()
    assert "Reported and translated by Sardor Aliev" in html


def test_draft_is_not_public(make_article):
    page = make_article("Secret draft", publish=False)
    assert Client().get(f"/kazakhstan/{page.slug}/").status_code == 404


@pytest.mark.parametrize("param", ["x", "-1", "0", "", "1.5", "%00", "99999999999999999999"])
def test_garbage_page_parameter_never_errors(make_article, param):
    for i in range(3):
        make_article(f"Story {i}")
    for url in ["/kazakhstan/", "/kazakhstan/economy/", "/topics/economy/", "/tags/x/"]:
        response = Client().get(url, {"page": param})
        assert response.status_code in (200, 404), (url, param, response.status_code)


def test_listing_is_paginated_and_out_of_range_is_404(make_article):
    for i in range(23):
        make_article(f"Paginated story {i:02d}")
    client = Client()
    first = client.get("/kazakhstan/").content.decode()
    assert "Page 1 of 2" in first and 'rel="next" href="?page=2"' in first
    second = client.get("/kazakhstan/?page=2").content.decode()
    assert second.count('class="card-title"') == 3
    assert client.get("/kazakhstan/?page=3").status_code == 404
    assert client.get("/kazakhstan/?page=abc").status_code == 200


@pytest.mark.parametrize("param", ["0", "-1", "-1000"])
def test_page_zero_or_negative_shows_the_first_page(make_article, param):
    """Below 1 is clamped to page 1: not a 404, not a 500 (a negative window), not other cards."""
    for i in range(23):
        make_article(f"Paginated story {i:02d}")
    client = Client()
    first = client.get("/kazakhstan/").content.decode()
    response = client.get("/kazakhstan/", {"page": param})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Page 1 of 2" in html and 'rel="next" href="?page=2"' in html
    titles = re.compile(r'class="card-title"><a href="[^"]*">([^<]*)<')
    assert titles.findall(html) == titles.findall(first)
    assert len(titles.findall(html)) == 20 and "Paginated story 22" in titles.findall(html)


def test_a_long_listing_counts_only_a_window_of_pages_ahead(make_article, monkeypatch):
    """At a million articles "Page 1 of N" would count a sixth of the archive on every render."""
    from silkwire.news.models import pages

    monkeypatch.setattr(pages, "LOOKAHEAD_PAGES", 1)
    for i in range(45):  # 3 pages of 20
        make_article(f"Windowed story {i:02d}")
    client = Client()
    first = client.get("/kazakhstan/").content.decode()
    assert "Page 1 of 2+" in first and 'rel="next" href="?page=2"' in first
    second = client.get("/kazakhstan/?page=2").content.decode()
    assert "Page 2 of 3<" in second  # the last page is within this page's window: exact
    third = client.get("/kazakhstan/?page=3").content.decode()
    assert third.count('class="card-title"') == 5 and 'rel="next"' not in third
    assert client.get("/kazakhstan/?page=4").status_code == 404


def test_country_topic_and_author_and_tag_pages(make_article):
    from tests.factories import AuthorFactory

    author = AuthorFactory(name="Madina Saidova")
    econ = make_article("Tenge slides", topics=["economy"], authors=[author], tags=["tenge"])
    make_article("Election called", topics=["politics"])
    make_article("Bishkek budget", country="kyrgyzstan", topics=["economy"])
    client = Client()
    country_topic = client.get("/kazakhstan/economy/").content.decode()
    assert "Tenge slides" in country_topic and "Election called" not in country_topic
    assert "Bishkek budget" not in country_topic
    topic = client.get("/topics/economy/").content.decode()
    assert "Tenge slides" in topic and "Bishkek budget" in topic
    assert econ.title in client.get("/authors/madina-saidova/").content.decode()
    assert econ.title in client.get("/tags/tenge/").content.decode()
    assert client.get("/authors/nobody/").status_code == 404
    assert client.get("/kazakhstan/no-such-thing/").status_code == 404


def test_article_slug_never_collides_with_topic(make_article):
    page = make_article("Economy")
    assert page.slug == "economy-2"
    assert "Economy" in Client().get(page.url).content.decode()


def test_other_countries_list_the_article(make_article):
    from silkwire.news.models import CountryPage

    make_article("Border talks", other_countries=[CountryPage.objects.get(slug="tajikistan")])
    assert "Border talks" in Client().get("/tajikistan/").content.decode()


def test_home_page_lead_latest_and_rails(make_article):
    make_article("Older story", kind="news")
    interview = make_article("Talking water", kind="interview")
    lead = make_article("Newest lead", country="uzbekistan")
    html = Client().get("/").content.decode()
    assert html.index("Newest lead") < html.index("Older story")
    assert 'id="interviews-h"' in html and interview.title in html
    assert 'id="rail-uzbekistan"' in html
    assert lead.title in html


def test_related_articles_share_topics_and_exclude_self_and_drafts(make_article):
    a = make_article("Wheat harvest", topics=["economy"], country="kazakhstan")
    b = make_article("Wheat exports", topics=["economy"], country="uzbekistan")
    make_article("Draft wheat", topics=["economy"], publish=False)
    related = a.related_articles()
    assert b in related and a not in related
    assert all(r.live for r in related)


def test_404_page_is_the_site_template():
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_every_configured_interviewer_label_is_a_question(make_article, settings):
    settings.SILKWIRE_INTERVIEWER_LABEL = "TCA, SW"
    blocks = [
        {"type": "turn", "speaker": "SW", "paragraphs": ["Why now?"]},
        {"type": "turn", "speaker": "Q", "paragraphs": ["And then?"]},
        {"type": "turn", "speaker": "Farida Ismoilova", "paragraphs": ["Because."]},
    ]
    html = Client().get(make_article("Labels", blocks=blocks).url).content.decode()
    assert html.count('data-role="question"') == 2 and html.count('data-role="answer"') == 1
