"""`silkwire demo` fills an empty site once; running it again changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils.html import escape

from silkwire.news.models import ArticleKind, ArticlePage, Author, CountryPage, HomePage

pytestmark = pytest.mark.django_db

FIVE = ["kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"]


def test_demo_fills_the_site_once_and_prints_passwords_once(monkeypatch):
    monkeypatch.setenv("SILKWIRE_DEMO_PASSWORD", "demo-Pa55-word")
    first = StringIO()
    call_command("demo", stdout=first)
    articles = ArticlePage.objects.live()
    assert articles.count() >= 30
    assert all(a.is_demo for a in articles)
    for slug in FIVE:
        country = CountryPage.objects.get(slug=slug)
        assert ArticlePage.objects.live().child_of(country).exists(), slug
    kinds = set(articles.values_list("kind", flat=True))
    assert kinds == set(ArticleKind.values)
    assert articles.filter(kind=ArticleKind.INTERVIEW).count() >= 3
    assert Author.objects.filter(is_demo=True).count() >= 5
    assert articles.exclude(lead_image=None).exists()
    assert "editor" in first.getvalue() and "demo-Pa55-word" in first.getvalue()

    counts = (ArticlePage.objects.count(), Author.objects.count(), get_user_model().objects.count())
    second = StringIO()
    call_command("demo", stdout=second)
    assert (
        ArticlePage.objects.count(),
        Author.objects.count(),
        get_user_model().objects.count(),
    ) == counts
    assert "demo-Pa55-word" not in second.getvalue()

    client = Client()
    assert client.login(username="editor", password="demo-Pa55-word")
    assert client.get("/admin/").status_code == 200
    html = Client().get("/").content.decode()
    assert escape(HomePage.objects.get().lead_story.title) in html
