"""Wire item → credited ArticlePage draft (summary, or full text marked for rewrite)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from silkwire.news.models import ArticlePage, CountryPage
from silkwire.wire.drafts import NEEDS_REWRITE_TAG, create_draft, dismiss, restore
from silkwire.wire.models import Feed, WireItem, WireTombstone
from silkwire.wire.polling import poll_feed
from tests.conftest_http import Reply

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "news_ru.html"


def country(slug: str) -> CountryPage:
    return CountryPage.objects.get(slug=slug)


@pytest.fixture
def steppe(serve_feed):
    feed = Feed.objects.create(url=serve_feed("rss2_steppe.xml"), name="Steppe Wire")
    poll_feed(feed, now=NOW)
    return feed


def item(title: str) -> WireItem:
    return WireItem.objects.select_related("feed").get(title=title)


def test_draft_carries_title_summary_link_and_credit(steppe):
    steppe.country = country("kazakhstan")
    steppe.save()
    source = item("Uzbekistan and Tajikistan open a new border crossing")
    outcome = create_draft(source)
    page = ArticlePage.objects.get(pk=outcome.page.pk)
    assert outcome.created and not outcome.full_text
    assert not page.live and page.has_unpublished_changes
    assert page.title == source.title
    assert page.standfirst == "Traders welcomed the new checkpoint near Khujand."
    assert page.source_name == "Steppe Wire"
    assert page.source_url == "https://steppe.example.kz/news/border"
    # The feed's country wins; the countries the item names become "other countries".
    assert page.get_parent().specific == country("kazakhstan")
    assert {c.slug for c in page.other_countries.all()} == {"uzbekistan", "tajikistan"}
    paragraphs = [b.value.source for b in page.body]
    assert paragraphs[0] == "<p>Traders welcomed the new checkpoint near Khujand.</p>"
    assert 'href="https://steppe.example.kz/news/border"' in paragraphs[-1]
    assert "Steppe Wire" in paragraphs[-1]
    source.refresh_from_db()
    assert source.draft_id == page.pk


def test_without_a_feed_country_the_first_detected_country_is_primary(steppe):
    source = item("Uzbekistan and Tajikistan open a new border crossing")
    # Named once each, but Khujand (in the summary) makes Tajikistan the stronger match.
    assert source.country_slugs == ["tajikistan", "uzbekistan"]
    outcome = create_draft(source)
    assert outcome.page.get_parent().specific == country("tajikistan")
    assert [c.slug for c in outcome.page.other_countries.all()] == ["uzbekistan"]


def test_without_any_country_the_draft_goes_to_central_asia(loopback):
    body = (
        b'<rss version="2.0"><channel><title>W</title><item><title>Oil prices fall</title>'
        b"<link>https://w.example/oil</link><description>Brent fell.</description></item>"
        b"</channel></rss>"
    )
    feed = Feed.objects.create(url=loopback.route("/w", Reply(200, body)), name="World")
    poll_feed(feed, now=NOW)
    outcome = create_draft(WireItem.objects.get(feed=feed))
    assert outcome.page.get_parent().specific.slug == "central-asia"


def test_creating_twice_returns_the_same_draft(steppe):
    source = item("Kazakhstan raises base rate to 17%")
    first = create_draft(source)
    second = create_draft(WireItem.objects.get(pk=source.pk))
    assert first.created and not second.created
    assert first.page.pk == second.page.pk
    assert ArticlePage.objects.filter(title=source.title).count() == 1


def test_full_text_is_extracted_and_marked_for_rewrite(steppe, loopback):
    source = item("Almaty metro opens second line")
    loopback.route(
        "/news/almaty-metro",
        Reply(200, PAGE.read_bytes(), {"Content-Type": "text/html; charset=utf-8"}),
    )
    outcome = create_draft(source, full_text=True)
    page = ArticlePage.objects.get(pk=outcome.page.pk)
    assert outcome.full_text and outcome.warnings == []
    draft = page.get_latest_revision_as_object()  # what the editor opens
    assert [t.name for t in draft.tags.all()] == [NEEDS_REWRITE_TAG]
    types = [b.block_type for b in page.body]
    assert types[:5] == ["paragraph", "paragraph", "heading", "list", "quote"]
    assert "Steppe Wire" in page.body[len(types) - 1].value.source  # credit comes last
    assert page.source_url == source.link


def test_full_text_failure_falls_back_to_the_summary(steppe, loopback):
    source = item("Almaty metro opens second line")  # its page is a 404 on the loopback
    outcome = create_draft(source, full_text=True)
    assert outcome.created and not outcome.full_text
    assert "Full text not imported" in outcome.warnings[0]
    assert outcome.page.body[0].value.source == (
        "<p>The new line connects Kalkaman with the city centre.</p>"
    )
    assert not outcome.page.get_latest_revision_as_object().tags.all()


def test_dismiss_and_restore(steppe):
    source = item("Weather: snow in the north")
    dismiss(source)
    dismiss(source)  # twice is harmless
    assert WireItem.objects.visible().filter(pk=source.pk).count() == 0
    assert WireTombstone.objects.filter(external_id=source.external_id).count() == 1
    restore(source)
    assert WireItem.objects.visible().filter(pk=source.pk).exists()
    assert not WireTombstone.objects.exists()
