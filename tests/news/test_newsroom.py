"""The newsroom as editors use it: creating pages, permissions, workflow, scheduling, corrections."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from silkwire.news.models import ArticlePage, CountryPage, HomePage


def article_form(title="Water deal signed", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", "water-deal-signed"),
            "standfirst": "Two neighbours agree.",
            "kind": "interview",
            "article_authors": inline_formset([]),
            "corrections": inline_formset([]),
            "related_links": inline_formset([]),
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Lead paragraph.</p>")),
                    ("heading", {"text": "Background", "level": "2"}),
                    (
                        "list",
                        {
                            "ordered": False,
                            "items": streamfield([("item", "One"), ("item", "Two")]),
                        },
                    ),
                    ("quote", {"text": "A quote.", "attribution": "Someone"}),
                    (
                        "turn",
                        {"speaker": "Silkwire", "paragraphs": streamfield([("item", "Why?")])},
                    ),
                    ("embed", {"url": "https://example.org/video", "caption": "Video"}),
                    ("factbox", {"title": "Facts", "body": rich_text("<p>Fact.</p>")}),
                    ("rich_text", rich_text("<p>More.</p>")),
                ]
            ),
            **extra,
        }
    )


class TestEditorCanCreate(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.country = CountryPage.objects.get(slug="kazakhstan")

    def test_article_with_every_block(self):
        self.assertCanCreate(self.country, ArticlePage, article_form())
        page = ArticlePage.objects.get(slug="water-deal-signed")
        kinds = [b.block_type for b in page.get_latest_revision_as_object().body]
        assert kinds == [
            "paragraph",
            "heading",
            "list",
            "quote",
            "turn",
            "embed",
            "factbox",
            "rich_text",
        ]

    def test_page_type_rules(self):
        self.assertCanCreateAt(CountryPage, ArticlePage)
        self.assertCanCreateAt(HomePage, CountryPage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)

    def test_neighbour_country_can_be_added(self):
        home = HomePage.objects.get()
        self.assertCanCreate(
            home,
            CountryPage,
            nested_form_data(
                {"title": "Afghanistan", "slug": "afghanistan", "code": "AF", "intro": ""}
            ),
        )
        assert CountryPage.objects.filter(code="AF").exists()

    def test_topic_slug_is_refused_as_article_slug(self):
        response = self.client.post(
            f"/admin/pages/add/news/articlepage/{self.country.pk}/", article_form(slug="economy")
        )
        assert response.status_code == 200
        assert "reserved for the topic page" in response.content.decode()
        assert not ArticlePage.objects.filter(slug="economy").exists()


@pytest.mark.django_db
def test_writer_cannot_publish_but_submits_to_editors(client, users, kazakhstan):
    writer, editor = users["writer"], users["editor"]
    client.force_login(writer)
    data = article_form(**{"action-publish": "publish"})
    response = client.post(f"/admin/pages/add/news/articlepage/{kazakhstan.pk}/", data)
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="water-deal-signed")
    assert not page.live, "a writer's publish must not publish"
    assert not page.permissions_for_user(writer).can_publish()
    assert page.permissions_for_user(editor).can_publish()

    data = article_form(**{"action-submit": "submit"})
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    task = page.current_workflow_task
    assert set(task.specific.groups.values_list("name", flat=True)) >= {"Editors"}

    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {**article_form(), "action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_scheduled_article_goes_live_when_the_scheduler_runs(make_article, monkeypatch):
    """The embargo, one second either side of it, on an injected clock (no race with load)."""
    from silkwire.core.scheduler import run_due_jobs

    go_live = timezone.now() + timedelta(hours=1)
    page = make_article("Embargoed budget", go_live_at=go_live)
    page.refresh_from_db()
    assert not page.live and page.scheduled_revision is not None
    monkeypatch.setattr(timezone, "now", lambda: go_live - timedelta(seconds=1))
    assert run_due_jobs(only={"publish_scheduled"}, force=True) == {"publish_scheduled": True}
    page.refresh_from_db()
    assert not page.live, "published before its embargo"
    monkeypatch.setattr(timezone, "now", lambda: go_live + timedelta(seconds=1))  # it passes
    assert run_due_jobs(only={"publish_scheduled"}, force=True) == {"publish_scheduled": True}
    page.refresh_from_db()
    assert page.live
    assert page.first_published_at == go_live + timedelta(seconds=1)


@pytest.mark.django_db
def test_expired_article_is_unpublished_by_the_scheduler(make_article):
    from silkwire.core.scheduler import run_due_jobs

    page = make_article("Short-lived notice")
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    run_due_jobs(only={"publish_scheduled"}, force=True)
    page.refresh_from_db()
    assert not page.live and page.expired


@pytest.mark.django_db
def test_correction_sets_modified_date_and_shows_on_the_page(client, make_article):
    from silkwire.news.models import ArticleCorrection

    page = make_article("Harvest figures")
    assert page.modified_at is None
    fixed_at = timezone.now()
    page.corrections.add(
        ArticleCorrection(text="An earlier version gave the wrong tonnage.", created_at=fixed_at)
    )
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.modified_at == fixed_at
    html = client.get(page.url).content.decode()
    assert "Updated <time" in html
    assert "An earlier version gave the wrong tonnage." in html


@pytest.mark.django_db
def test_concurrent_edit_is_refused_not_silently_overwritten(client, users, make_article):
    editor = users["editor"]
    page = make_article("Original headline")
    loaded = page.get_latest_revision()
    # A colleague saves first.
    other = Page.objects.get(pk=page.pk).specific
    other.title = "Colleague's headline"
    other.save_revision(user=users["writer"])
    client.force_login(editor)
    data = article_form(title="My stale headline", slug=page.slug)
    data["loaded_revision_id"] = str(loaded.pk)
    data["loaded_revision_created_at"] = loaded.created_at.isoformat()
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    latest = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert latest.title == "Colleague's headline"
    assert "Not saved" in response.content.decode()
