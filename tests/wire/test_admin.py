"""The admin Wire view as an editor uses it: browse, filter, group, draft, dismiss."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model

from silkwire.news.models import CountryPage
from silkwire.wire.models import Feed, WireItem
from silkwire.wire.polling import poll_feed
from tests.factories import make_user

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def wire(serve_feed):
    steppe = Feed.objects.create(url=serve_feed("rss2_steppe.xml"), name="Steppe Wire")
    pamir = Feed.objects.create(
        url=serve_feed("atom_pamir.xml", content_type="application/atom+xml"),
        name="Pamir Post",
        country=CountryPage.objects.get(slug="tajikistan"),
    )
    poll_feed(steppe, now=NOW)
    poll_feed(pamir, now=NOW)
    return {"steppe": steppe, "pamir": pamir}


@pytest.fixture
def writer(client):
    user = make_user("wendy", "Writers")
    client.force_login(user)
    return user


def titles(response) -> list[str]:
    return [i.title for story in response.context["page_obj"] for i in _items(story)]


def _items(entry):
    return entry.shown_items if hasattr(entry, "shown_items") else [entry]


def test_wire_lists_grouped_stories(client, writer, wire):
    response = client.get("/admin/wire/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kazakhstan raises base rate to 17%" in html
    assert "2 sources" in html  # the border story from Steppe Wire and Pamir Post
    stories = list(response.context["page_obj"])
    border = next(s for s in stories if len(s.shown_items) == 2)
    assert {i.feed.name for i in border.shown_items} == {"Steppe Wire", "Pamir Post"}
    assert len(titles(response)) == 7


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=metro", {"Almaty metro opens second line"}),
        ("q=CHECKPOINT", {"Uzbekistan and Tajikistan open a new border crossing"}),
        (
            "country=tajikistan",  # tagged Tajikistan, or from an outlet based there
            {
                "Uzbekistan and Tajikistan open a new border crossing",
                "Rogun dam: second turbine starts",
            },
        ),
        (
            "country=kazakhstan",  # named, or named through Almaty, Turkestan, Kostanay
            {
                "Kazakhstan raises base rate to 17%",
                "Almaty metro opens second line",
                "Breaking: floods in Turkestan region",
                "Weather: snow in the north",
            },
        ),
        ("from=2026-11-20&to=2026-11-20&view=items", None),
    ],
)
def test_filters(client, writer, wire, query, expected):
    response = client.get(f"/admin/wire/?{query}")
    assert response.status_code == 200
    found = set(titles(response))
    if expected is not None:
        assert found == expected
    else:
        assert all(
            i.sort_at.date() == datetime(2026, 11, 20).date()
            for i in WireItem.objects.filter(title__in=found)
        )
        assert "Uzbekistan and Tajikistan open a new border crossing" not in found


def test_filter_by_source(client, writer, wire):
    response = client.get(f"/admin/wire/?feed={wire['pamir'].pk}&view=items")
    assert set(titles(response)) == {
        "Uzbekistan and Tajikistan open a new border crossing",
        "Rogun dam: second turbine starts",
    }


@pytest.mark.parametrize(
    "query",
    [
        "p=x",
        "p=-1",
        "p=999",
        "country=atlantis",
        "feed=abc",
        "from=yesterday&to=2026-13-45",
        "view=nonsense",
        "q=" + "x" * 5000,
        "show=everything",
    ],
)
def test_garbage_parameters_never_fail(client, writer, wire, query):
    assert client.get(f"/admin/wire/?{query}").status_code == 200


def test_create_draft_from_an_item(client, writer, wire):
    item = WireItem.objects.get(title="Rogun dam: second turbine starts")
    response = client.post(f"/admin/wire/items/{item.pk}/draft/")
    item.refresh_from_db()
    assert item.draft is not None
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{item.draft.pk}/edit/"
    assert item.draft.get_parent().specific.slug == "tajikistan"  # the feed's country
    assert item.draft.source_name == "Pamir Post"
    listing = client.get("/admin/wire/").content.decode()
    assert f"/admin/pages/{item.draft.pk}/edit/" in listing  # "Edit draft" instead
    assert client.get(f"/admin/wire/items/{item.pk}/draft/").status_code == 405


def test_dismiss_hides_an_item_and_ignores_foreign_redirects(client, writer, wire):
    item = WireItem.objects.get(title="Weather: snow in the north")
    response = client.post(
        f"/admin/wire/items/{item.pk}/dismiss/", {"next": "https://evil.example/phish"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/wire/"
    assert "Weather: snow in the north" not in titles(client.get("/admin/wire/"))
    dismissed = client.get("/admin/wire/?show=dismissed&view=items")
    assert titles(dismissed) == ["Weather: snow in the north"]
    client.post(f"/admin/wire/items/{item.pk}/dismiss/", {"undo": "1", "next": "/admin/wire/?q=x"})
    assert "Weather: snow in the north" in titles(client.get("/admin/wire/"))


def test_users_who_cannot_add_pages_cannot_act(client, wire):
    viewer = get_user_model().objects.create_user("viewer", password="x")
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(viewer)
    assert client.get("/admin/wire/").status_code == 200
    item = WireItem.objects.first()
    # Wagtail turns PermissionDenied in admin views into a redirect to the dashboard.
    for action in ("dismiss", "draft"):
        response = client.post(f"/admin/wire/items/{item.pk}/{action}/")
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    item.refresh_from_db()
    assert item.dismissed_at is None and item.draft is None


def test_anonymous_users_are_sent_to_login(client, wire):
    response = client.get("/admin/wire/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_disabled_feeds_are_announced(client, writer, wire, admin_user):
    Feed.objects.filter(pk=wire["steppe"].pk).update(
        disabled_at=NOW, error_count=10, last_error="HTTP 410 from https://steppe.example.kz/rss"
    )
    html = client.get("/admin/wire/").content.decode()
    assert "data-wire-feed-alert" in html and "disabled" in html and "HTTP 410" in html
    client.force_login(admin_user)
    dashboard = client.get("/admin/").content.decode()
    assert "Wire feeds that need attention" in dashboard and "Steppe Wire" in dashboard


def test_operators_manage_feeds_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/wire_feeds/").status_code == 200
    response = client.post(
        "/admin/wire_feeds/new/",
        {
            "url": "https://new.example.uz/rss",
            "name": "New Outlet",
            "country": CountryPage.objects.get(slug="uzbekistan").pk,
            "timezone": "Asia/Tashkent",
            "unicity": "guid",
        },
    )
    assert response.status_code == 302
    feed = Feed.objects.get(url="https://new.example.uz/rss")
    assert feed.timezone == "Asia/Tashkent" and feed.country.slug == "uzbekistan"
    bad = client.post(
        "/admin/wire_feeds/new/",
        {
            "url": "https://x.example/rss",
            "name": "X",
            "timezone": "Mars/Olympus",
            "unicity": "guid",
        },
    )
    assert bad.status_code == 200 and "IANA time zone" in bad.content.decode()


def test_a_disabled_feed_is_re_enabled_from_its_edit_form(client, admin_user, wire):
    steppe = wire["steppe"]
    Feed.objects.filter(pk=steppe.pk).update(disabled_at=NOW, error_count=10)
    client.force_login(admin_user)
    form = {
        "url": steppe.url,
        "name": "Steppe Wire",
        "timezone": "UTC",
        "unicity": steppe.unicity,
        "enabled": "on",
    }
    assert client.post(f"/admin/wire_feeds/edit/{steppe.pk}/", form).status_code == 302
    steppe.refresh_from_db()
    assert steppe.disabled_at is None and steppe.error_count == 0
    del form["enabled"]
    client.post(f"/admin/wire_feeds/edit/{steppe.pk}/", form)
    steppe.refresh_from_db()
    assert steppe.disabled_at is not None
    bad = client.post(
        f"/admin/wire_feeds/edit/{steppe.pk}/", {**form, "url": "ftp://x.example/rss"}
    )
    assert "http or https" in bad.content.decode()
