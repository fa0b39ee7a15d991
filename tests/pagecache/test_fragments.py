"""Fragments: a page-cache miss reuses the parts of a page that did not change, never stale ones.

Renders go through Django's test client (the page cache in front is not involved), with the
page cache turned on so fragments share its version table. Changes are committed with the
``commit`` fixture, as the newsroom's saves are, so the invalidation receivers run.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from silkwire.core.pagecache.cache import RENDER_DEPS
from silkwire.core.pagecache.fragments import cached
from silkwire.news.models import ArticlePage, CountryPage
from tests.pagecache.test_invalidation import republish

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(pagecache, make_article, commit):
    return commit(
        make_article,
        "Dam timetable agreed",
        topics=["economy"],
        tags=["water"],
        blocks=[{"type": "paragraph", "text": "The reservoir will fill by June."}],
    )


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


def test_a_second_render_reuses_the_fragments_and_is_identical(client, story):
    first, first_queries = render(client, story.url)
    second, second_queries = render(client, story.url)
    assert second == first
    assert "Dam timetable agreed" in second and "The reservoir will fill by June." in second
    # The article's markup, head and related block come from the cache: routing is what is left.
    assert second_queries <= 6 < first_queries


def test_without_the_page_cache_every_render_computes_everything(client, story, settings):
    settings.SILKWIRE_PAGECACHE = False
    render(client, story.url)  # first-time work: image renditions, the ticker
    _, second_queries = render(client, story.url)
    _, third_queries = render(client, story.url)
    assert third_queries == second_queries > 6


def test_an_edit_shows_at_once_in_the_body_head_and_feeds_of_the_article(client, story, commit):
    render(client, story.url)
    commit(republish, story, title="Dam timetable delayed", standfirst="Talks resume in May.")
    html, _ = render(client, story.url)
    assert "Dam timetable delayed" in html and "Talks resume in May." in html
    assert '<meta property="og:title" content="Dam timetable delayed">' in html
    assert "Dam timetable agreed" not in html


def test_a_correction_shows_at_once(client, story, commit):
    from django.utils import timezone

    from silkwire.news.models import ArticleCorrection

    render(client, story.url)

    def correct():
        page = ArticlePage.objects.get(pk=story.pk)
        page.corrections.add(
            ArticleCorrection(
                kind="correction", text="The dam is on the Naryn.", created_at=timezone.now()
            )
        )
        page.save_revision().publish()

    commit(correct)
    html, _ = render(client, story.url)
    assert "The dam is on the Naryn." in html


def test_a_new_related_article_appears_and_a_withdrawn_one_disappears(
    client, story, make_article, commit
):
    html, _ = render(client, story.url)
    assert "Second dam study" not in html
    other = commit(make_article, "Second dam study", topics=["economy"], tags=["water"])
    html, _ = render(client, story.url)
    related = html.split('id="related-h"', 1)[1]
    assert "Second dam study" in related
    commit(lambda: ArticlePage.objects.get(pk=other.pk).unpublish())
    html, _ = render(client, story.url)
    assert "Second dam study" not in html


def test_a_preview_never_reads_or_fills_the_fragments(client, story):
    render(client, story.url)  # the live version is now in the fragments
    page = ArticlePage.objects.get(pk=story.pk)
    page.title = "Unsaved headline under review"
    preview = page.make_preview_request().content.decode()
    assert "Unsaved headline under review" in preview
    live, _ = render(client, story.url)
    assert "Unsaved headline under review" not in live and "Dam timetable agreed" in live


@pytest.mark.parametrize("first", ["preview", "public"])
def test_a_preview_and_the_public_page_on_one_host_never_share_fragments(client, story, first):
    """Fragments are keyed by host; a preview renders as the site's host (``localhost``).

    Both requests go to that host here, so only the preview guard keeps the draft's markup
    out of the public page (preview first) and the live markup out of the preview (public first).
    """
    page = ArticlePage.objects.get(pk=story.pk)
    assert page.get_site().hostname == "localhost"
    page.title = "Unsaved headline under review"

    def public():
        response = client.get(story.url, HTTP_HOST="localhost")
        assert response.status_code == 200
        return response.content.decode()

    if first == "public":
        public()
    preview = page.make_preview_request().content.decode()
    assert '<h1 class="headline">Unsaved headline under review</h1>' in preview
    assert '<meta property="og:title" content="Unsaved headline under review">' in preview
    live = public()
    assert '<h1 class="headline">Dam timetable agreed</h1>' in live
    assert "Unsaved headline under review" not in live


def test_a_view_restriction_added_above_an_article_applies_at_once(client, story, commit):
    from wagtail.models import PageViewRestriction

    html, _ = render(client, story.url)  # "no restriction anywhere" is now remembered
    assert "The reservoir will fill by June." in html
    country = CountryPage.objects.get(slug="kazakhstan")
    commit(
        PageViewRestriction.objects.create,
        page=country,
        restriction_type=PageViewRestriction.PASSWORD,
        password="s3cret",
    )
    response = client.get(story.url)
    assert "The reservoir will fill by June." not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_reused_fragment_declares_what_its_render_declared(pagecache):
    from silkwire.core.pagecache import declare

    def compute():
        declare("most-read")
        return "<p>ranking</p>"

    for _ in range(2):
        collected: set[str] = set()
        token = RENDER_DEPS.set(collected)
        try:
            assert cached("demo", [1], ["articles"], compute) == "<p>ranking</p>"
        finally:
            RENDER_DEPS.reset(token)
        assert collected == {"most-read"}


def test_a_bump_of_a_dependency_gives_a_new_value(pagecache):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cached("demo", [1], ["article:1"], compute) == 1
    assert cached("demo", [1], ["article:1"], compute) == 1
    pagecache.invalidate(["article:2"])  # another article: still reused
    assert cached("demo", [1], ["article:1"], compute) == 1
    pagecache.invalidate(["article:1"])
    assert cached("demo", [1], ["article:1"], compute) == 2
    pagecache.invalidate(["global"])
    assert cached("demo", [1], ["article:1"], compute) == 3


def test_a_renamed_country_routes_by_its_new_slug_at_once(client, story, commit):
    """The site and the countries used for routing are fragments too."""
    assert client.get("/kazakhstan/").status_code == 200  # both fragments are now filled
    assert client.get(story.url).status_code == 200

    def rename():
        country = CountryPage.objects.get(slug="kazakhstan")
        country.slug = "qazaqstan"
        country.save_revision().publish()

    commit(rename)
    old = client.get("/kazakhstan/")  # Wagtail's redirects app keeps the old address working
    assert old.status_code == 301 and old["Location"] == "/qazaqstan/"
    assert client.get("/qazaqstan/").status_code == 200
    assert client.get("/qazaqstan/dam-timetable-agreed/").status_code == 200


def test_a_changed_site_is_seen_by_the_next_request(rf, story, commit):
    from wagtail.models import Site

    from silkwire.core.pagecache.fragments import cached_site_middleware

    def site_of_a_request():
        request = rf.get("/", HTTP_HOST="localhost")
        cached_site_middleware(lambda r: None)(request)
        return request._wagtail_site

    assert site_of_a_request().site_name != "Silkwire Daily"

    def rename():
        site = Site.objects.get(is_default_site=True)
        site.site_name = "Silkwire Daily"
        site.save()

    commit(rename)
    assert site_of_a_request().site_name == "Silkwire Daily"


def test_a_page_cache_miss_of_an_unchanged_article_runs_one_query(site, story):
    """Through the real WSGI stack: routing's article lookup is all that is left on a miss."""
    assert site.get(story.url).status == 200  # fills the fragments (and stores this URL)
    with CaptureQueriesContext(connection) as queries:
        response = site.get(story.url + "?page=2")  # another cache key: a miss, rendered
    assert response.status == 200 and response.cache == "MISS"
    assert len(queries) == 1, [q["sql"][:80] for q in queries.captured_queries]
