"""`silkwire demo` fills an empty site once; running it again changes nothing."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils.html import escape

from silkwire.news import demo_content
from silkwire.news.demo import load_demo_content
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


# --- the data files: silkwire/news/demo_data/, read by silkwire/news/demo_content.py


def test_shipped_demo_data_is_valid():
    data = demo_content.load()
    assert data.errors == []
    files = sorted((demo_content.DATA_DIR / "articles").glob("*.json"))
    assert [a["source"] for a in data.articles] == files
    assert len(data.articles) >= 30 and len(data.authors) >= 5
    assert data.articles[0]["slug"] == "aktau-port-new-container-berth"  # the home page lead


@pytest.fixture
def data_dir(tmp_path):
    """Return a copy of the shipped demo data that a test may break."""
    return Path(shutil.copytree(demo_content.DATA_DIR, tmp_path / "demo_data"))


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


OSH = "articles/10-osh-bazaar-at-dawn.json"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda a: a.pop("title"), "title", "missing"),
        (lambda a: a.update(standfrist="typo"), "standfrist", "unknown field"),
        (lambda a: a["blocks"][2].update(text=["a list"]), "blocks[2].text", "expected text"),
        (lambda a: a["blocks"][0].update(type="video"), "blocks[0].type", "'video' is not one"),
        (lambda a: a["authors"].append("nobody"), "authors[1]", "no author 'nobody'"),
        (lambda a: a.update(hour=24), "hour", "24 is out of range"),
        (lambda a: a.update(days_ago="2"), "days_ago", "expected a whole number"),
        (lambda a: a.update(image={"caption": "c"}), "image.credit", "missing"),
        (lambda a: a.update(corrections=[{"kind": "oops"}]), "corrections[0].kind", "'oops'"),
    ],
)
def test_a_malformed_article_is_named_by_file_and_field_and_only_it_is_skipped(
    data_dir, change, field, message
):
    broken = data_dir / OSH
    _edit(broken, change)
    data = demo_content.load(data_dir)
    (error,) = data.errors
    assert (error.path, error.field) == (broken, field)
    assert message in error.message
    assert str(error).startswith(f"{broken}: {field}: ")
    assert len(data.articles) == len(demo_content.load().articles) - 1
    assert "osh-bazaar-at-dawn" not in {a["slug"] for a in data.articles}


def test_invalid_json_and_bad_file_names_are_reported(data_dir):
    broken = data_dir / OSH
    broken.write_text(broken.read_text(encoding="utf-8").replace('",\n', '"\n', 1))
    misnamed = data_dir / "articles" / "Osh Market.json"
    misnamed.write_text("{}")
    errors = {e.path: e for e in demo_content.load(data_dir).errors}
    assert set(errors) == {broken, misnamed}
    assert errors[broken].field == "line 3 column 3"
    assert "invalid JSON" in errors[broken].message
    assert "file name must be NN-slug.json" in str(errors[misnamed])


def test_a_malformed_author_is_named_and_their_articles_are_skipped(data_dir):
    _edit(data_dir / "authors.json", lambda authors: authors[2].update(bio=3))
    data = demo_content.load(data_dir)
    first, *rest = data.errors
    assert str(first) == f"{data_dir / 'authors.json'}: [2].bio: expected text, got a number"
    assert rest and all("no author 'elnura-toktosunova'" in str(e) for e in rest)
    assert "elnura-toktosunova" not in {a["slug"] for a in data.authors}


def test_demo_creates_the_good_articles_and_names_the_bad_ones(data_dir):
    articles = data_dir / "articles"
    keep = {"01-aktau-port-new-container-berth.json", "10-osh-bazaar-at-dawn.json"}
    for path in articles.glob("*.json"):
        if path.name not in keep:
            path.unlink()
    bad_block = articles / "05-bad-block.json"
    shutil.copy(articles / "10-osh-bazaar-at-dawn.json", bad_block)
    _edit(bad_block, lambda a: a["blocks"][1].update(text=None))
    no_country = articles / "07-atlantis.json"
    shutil.copy(articles / "10-osh-bazaar-at-dawn.json", no_country)
    _edit(no_country, lambda a: a.update(country="atlantis"))

    out = StringIO()
    created = load_demo_content(stdout=out, data_dir=data_dir)
    assert created == {"authors": 5, "articles": 2, "skipped": 2}
    assert f"! skipped {bad_block}: blocks[1].text: expected text, got null" in out.getvalue()
    assert f"{no_country}: country: no country page with slug 'atlantis'" in out.getvalue()
    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == [
        "aktau-port-new-container-berth",
        "osh-bazaar-at-dawn",
    ]
    assert HomePage.objects.get().lead_story.slug == "aktau-port-new-container-berth"
