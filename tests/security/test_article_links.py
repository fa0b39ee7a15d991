"""Embeds and links in article bodies: http, https and mailto only, whatever wrote the row."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client


def link_scheme_allowed(url, **kwargs):
    from silkwire.news.blocks import link_scheme_allowed

    return link_scheme_allowed(url, **kwargs)


pytestmark = pytest.mark.django_db
HOSTILE = "javascript:alert(1)//https://x"


@pytest.mark.parametrize(
    "url",
    [
        HOSTILE,
        "JavaScript:alert(1)",
        " \tjava\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
    ],
)
def test_hostile_schemes_are_not_links(url):
    assert not link_scheme_allowed(url)
    assert not link_scheme_allowed(url, relative=True)


@pytest.mark.parametrize("url", ["https://x.example/v", "http://x.example", "mailto:a@b.example"])
def test_allowed_schemes(url):
    assert link_scheme_allowed(url)


def test_the_editor_refuses_the_embed():
    from silkwire.news.blocks import EmbedBlock

    with pytest.raises(ValidationError):
        EmbedBlock().clean({"url": HOSTILE, "caption": ""})


def test_saving_an_article_with_a_javascript_embed_is_refused(make_article):
    with pytest.raises(ValidationError, match="embed"):
        make_article(blocks=[{"type": "embed", "url": HOSTILE, "caption": "Video"}])


def test_saving_a_javascript_link_in_rich_text_is_refused(make_article):
    article = make_article(blocks=[{"type": "paragraph", "text": "Fine."}])
    article.body = [("rich_text", '<p><a href="java&#115;cript:alert(1)">x</a></p>')]
    with pytest.raises(ValidationError, match="rich_text"):
        article.save()


def _write_raw(article, blocks: list[dict]) -> None:
    """Write the body as a raw SQL UPDATE: no model code runs."""
    from silkwire.news.models import ArticlePage

    table = ArticlePage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET body = %s WHERE page_ptr_id = %s",  # noqa: S608 - test
            [json.dumps(blocks), article.pk],
        )


def test_a_javascript_url_in_the_database_is_never_output(make_article):
    article = make_article(blocks=[{"type": "paragraph", "text": "Before."}])
    _write_raw(
        article,
        [
            {"type": "embed", "value": {"url": HOSTILE, "caption": "Watch"}, "id": "e1"},
            {
                "type": "paragraph",
                "value": '<p>See <a href="javascript:alert(2)">this</a> and '
                '<a href="https://ok.example/">that</a>.</p>',
                "id": "p1",
            },
            {
                "type": "factbox",
                "value": {
                    "title": "F",
                    "body": '<ul><li><a href="javascript:alert(3)">f</a></li></ul>',
                },
                "id": "f1",
            },
        ],
    )
    html = Client().get(article.url).content.decode()
    assert "Watch" in html and "https://ok.example/" in html
    assert "javascript:" not in html.lower()

    data = Client().get(f"/api/v1/articles/{article.pk}").json()
    text = json.dumps(data)
    assert "javascript:" not in text.lower()
    embed = next(b for b in data["body"] if b["type"] == "embed")
    assert embed["url"] is None and embed["caption"] == "Watch"
    assert "https://ok.example/" in text
