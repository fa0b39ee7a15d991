"""Related articles: shared countries, topics, tags and words, weighted by closeness in time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from lxml import html as lxml_html

pytestmark = pytest.mark.django_db


def para(text):
    return [{"type": "paragraph", "text": text}]


def test_scores_favour_tags_topics_and_words(make_article):
    now = timezone.now()
    base = make_article(
        "Rogun dam financing agreed",
        country="tajikistan",
        topics=["economy"],
        tags=["Rogun"],
        standfirst="World Bank loan for the hydropower dam",
        first_published_at=now - timedelta(days=1),
    )
    same_tag = make_article(
        "Rogun turbines arrive",
        country="tajikistan",
        tags=["Rogun"],
        first_published_at=now - timedelta(days=3),
    )
    same_words = make_article(
        "Hydropower dam loan talks in Bishkek",
        country="kyrgyzstan",
        standfirst="World Bank financing for the Kambarata dam",
        first_published_at=now - timedelta(days=2),
    )
    make_article(  # same country only, long ago
        "Dushanbe tram timetable",
        country="tajikistan",
        first_published_at=now - timedelta(days=400),
    )
    make_article("Unrelated Kazakh story", country="kazakhstan", first_published_at=now)
    make_article("Rogun draft", country="tajikistan", tags=["Rogun"], publish=False)
    related = [a.title for a in base.related_articles(limit=4)]
    assert related[:2] == ["Rogun turbines arrive", "Hydropower dam loan talks in Bishkek"]
    assert "Rogun dam financing agreed" not in related
    assert "Rogun draft" not in related
    assert "Unrelated Kazakh story" not in related
    assert same_tag.pk != same_words.pk


def test_recency_breaks_ties(make_article):
    now = timezone.now()
    base = make_article(
        "Base story", country="uzbekistan", topics=["society"], first_published_at=now
    )
    make_article(
        "Old twin",
        country="uzbekistan",
        topics=["society"],
        first_published_at=now - timedelta(days=200),
    )
    make_article(
        "New twin",
        country="uzbekistan",
        topics=["society"],
        first_published_at=now - timedelta(days=2),
    )
    assert [a.title for a in base.related_articles(limit=2)] == ["New twin", "Old twin"]


def test_editor_choice_comes_first_and_is_filled_up(make_article):
    from silkwire.news.models import ArticleRelatedLink

    now = timezone.now()
    base = make_article("Base", tags=["water"], first_published_at=now)
    picked = make_article(
        "Picked by the editor", country="uzbekistan", first_published_at=now - timedelta(days=300)
    )
    scored = make_article("Scored", tags=["water"], first_published_at=now - timedelta(days=1))
    gone = make_article("Unpublished pick", tags=["water"])
    ArticleRelatedLink.objects.create(page=base, related=picked, sort_order=0)
    ArticleRelatedLink.objects.create(page=base, related=gone, sort_order=1)
    gone.unpublish()
    titles = [a.title for a in base.related_articles(limit=3)]
    assert titles == ["Picked by the editor", "Scored"]
    assert scored.pk


def test_related_shown_on_article_page_with_bounded_queries(
    make_article, django_assert_max_num_queries
):
    now = timezone.now()
    base = make_article("Base story", topics=["economy"], tags=["oil"], first_published_at=now)
    for i in range(40):
        make_article(
            f"Oil story {i}",
            topics=["economy"],
            tags=["oil"],
            first_published_at=now - timedelta(hours=i + 1),
        )
    from silkwire.news.related import related_articles

    with django_assert_max_num_queries(20):
        related = related_articles(base, 4)
    assert [a.title for a in related] == [f"Oil story {i}" for i in range(4)]
    doc = lxml_html.fromstring(Client().get(base.url).content)
    shown = doc.xpath("//section[@class='related']//h3[@class='card-title']/a/text()")
    assert shown == [f"Oil story {i}" for i in range(4)]


def test_an_old_article_sharing_tags_is_found_beyond_the_nearest_in_time(make_article, monkeypatch):
    """Candidates are the articles nearest in time plus those sharing the most tags."""
    from silkwire.news import related

    monkeypatch.setattr(related, "CANDIDATES_EACH_SIDE", 2)
    monkeypatch.setattr(related, "TAGGED_CANDIDATES", 1)
    now = timezone.now()
    base = make_article(
        "Aral fisheries", country="kazakhstan", tags=["aral", "fish"], first_published_at=now
    )
    for i in range(4):  # nearer in time, sharing nothing
        make_article(
            f"Astana traffic {i}",
            country="kyrgyzstan",
            first_published_at=now - timedelta(hours=i + 1),
        )
    make_article(
        "One tag, long ago",
        country="uzbekistan",
        tags=["aral"],
        first_published_at=now - timedelta(days=900),
    )
    make_article(
        "Two tags, long ago",
        country="uzbekistan",
        tags=["aral", "fish"],
        first_published_at=now - timedelta(days=1000),
    )
    assert [a.title for a in base.related_articles(limit=4)] == ["Two tags, long ago"]
