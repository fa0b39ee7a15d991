"""Admin "Paste copy" view and the editor's country suggestions, driven like an editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail import hooks

from silkwire.news.models import ArticlePage, CountryPage

PAGE_1 = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "sample-page-1.txt"
PASTE_URL = "/admin/ingest/paste/"


@pytest.fixture
def writer_client(client, users):
    client.force_login(users["writer"])
    return client


def test_paste_url_is_the_documented_one():
    assert reverse("ingest_paste") == PASTE_URL


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(PASTE_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_menu_shows_paste_copy(writer_client):
    assert PASTE_URL in writer_client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_form_and_empty_text(writer_client):
    page = writer_client.get(PASTE_URL).content.decode()
    assert 'name="text"' in page and 'value="preview"' in page
    response = writer_client.post(PASTE_URL, {"text": "  \n ", "action": "preview"})
    assert "Paste some text first." in response.content.decode()


@pytest.mark.django_db
def test_preview_shows_the_structure_and_saves_nothing(writer_client):
    response = writer_client.post(
        PASTE_URL, {"text": PAGE_1.read_text(encoding="utf-8"), "action": "preview"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("data-paste-article") == 4
    assert "Tajik Parliament Debates Draft Law on Digital Payments and Mobile Wallets" in html
    assert '<h4 data-block="heading">Industry Reaction</h4>' in html
    assert "<strong>SW:</strong> What would you do instead?" in html
    assert "<td>KGS/USD</td><td>0.01145</td><td>0.09</td>" in html
    assert "Date: <strong>2026-03-03</strong>" in html
    assert "Files under <strong>Kyrgyzstan</strong>, also tagged Uzbekistan." in html
    assert "Create 4 drafts" in html
    assert ArticlePage.objects.count() == 0


@pytest.mark.django_db
def test_preview_reports_uncertainty(writer_client):
    text = "Dushanbe approved a budget on Wednesday.\n\nThe vote was 51 to 8."
    html = writer_client.post(PASTE_URL, {"text": text, "action": "preview"}).content.decode()
    assert "data-paste-warnings" in html
    assert "Line 1: The text does not start with a headline" in html
    assert "the draft will be titled “Dushanbe approved a budget on Wednesday.”" in html


@pytest.mark.django_db
def test_create_makes_drafts_owned_by_the_editor(writer_client, users):
    response = writer_client.post(
        PASTE_URL,
        {
            "text": PAGE_1.read_text(encoding="utf-8"),
            "action": "create",
            "author": "Aigerim Sadykova",
            "country": CountryPage.objects.get(slug="kazakhstan").pk,
        },
    )
    html = response.content.decode()
    assert "4 drafts created, dated 2026-03-03" in html
    pages = ArticlePage.objects.all()
    assert pages.count() == 4
    assert {p.get_parent().slug for p in pages} == {"kazakhstan"}
    assert all(not p.live and p.owner == users["writer"] for p in pages)
    assert all(
        [a.author.name for a in p.article_authors.all()] == ["Aigerim Sadykova"] for p in pages
    )
    for page in pages:
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html


@pytest.mark.django_db
def test_create_is_refused_without_page_permissions(client):
    user = get_user_model().objects.create_user("visitor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = client.post(
        PASTE_URL, {"text": PAGE_1.read_text(encoding="utf-8"), "action": "create"}
    ).content.decode()
    assert "You may not add articles under" in html
    assert ArticlePage.objects.count() == 0


# --- country suggestions in the editor ------------------------------------------------------


@pytest.fixture
def article(db):
    from silkwire.news.services import create_article

    return create_article(
        country=CountryPage.objects.get(slug="kazakhstan"),
        title="Almaty and Tashkent Agree on a New Rail Link",
        blocks=[{"type": "paragraph", "text": "Trains will run between the two cities from May."}],
        publish=True,
    )


@pytest.mark.django_db
def test_editor_sees_a_notice_and_a_header_button(writer_client, article, users):
    html = writer_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    url = reverse("ingest_country_suggestions", args=[article.pk])
    assert "The text also names Uzbekistan." in html
    assert url in html
    buttons = [
        button
        for fn in hooks.get_hooks("register_page_header_buttons")
        for button in fn(article, users["writer"], "edit")
    ]
    assert any(getattr(b, "url", None) == url for b in buttons)


@pytest.mark.django_db
def test_suggestions_list_and_confirming_adds_a_draft_revision(writer_client, article):
    url = reverse("ingest_country_suggestions", args=[article.pk])
    html = writer_client.get(url).content.decode()
    assert 'data-country="kazakhstan" data-status="home"' in html
    assert 'data-country="uzbekistan" data-status="suggested"' in html
    response = writer_client.post(url, {"country": ["uzbekistan", "kazakhstan", "nowhere"]})
    assert response.status_code == 302
    article.refresh_from_db()
    draft = article.get_latest_revision_as_object()
    assert [c.slug for c in draft.other_countries.all()] == ["uzbekistan"]
    assert list(article.other_countries.all()) == []  # the live version waits for publishing
    assert article.has_unpublished_changes
    # Once set, it is no longer suggested, and the notice is gone.
    assert 'data-country="uzbekistan" data-status="set"' in writer_client.get(url).content.decode()
    edit = writer_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "The text also names" not in edit


@pytest.mark.django_db
def test_suggestions_for_a_non_article_or_without_permission(client, writer_client, article):
    country = CountryPage.objects.get(slug="kazakhstan")
    assert (
        writer_client.get(reverse("ingest_country_suggestions", args=[country.pk])).status_code
        == 404
    )
    user = get_user_model().objects.create_user("visitor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    response = client.post(
        reverse("ingest_country_suggestions", args=[article.pk]), {"country": "uzbekistan"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert list(article.get_latest_revision_as_object().other_countries.all()) == []
