"""The Wagtail admin's screens under the admin Content-Security-Policy: zero violations.

The ``page`` fixture fails the test on any violation the browser logs (tests/browser/conftest.py).
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD


def test_admin_screens_have_no_csp_violations(live_site, page, artifacts):
    base = live_site["base"]
    ids = live_site["shell"](
        "from silkwire.news.models import ArticlePage, CountryPage; "
        "a = ArticlePage.objects.live().order_by('pk').first(); "
        "print(CountryPage.objects.get(slug='kazakhstan').pk, a.pk)"
    ).split()
    country_id, article_id = ids
    response = page.goto(base + "/admin/login/")
    assert "script-src" in response.headers["content-security-policy"]
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The article editor, with its inline panels and date widgets.
    page.goto(f"{base}/admin/pages/{article_id}/edit/")
    expect(page.locator("#id_title")).to_be_visible()
    page.wait_for_load_state("networkidle")

    # A new article: add an image block and open the image chooser.
    page.goto(f"{base}/admin/pages/add/news/articlepage/{country_id}/")
    page.locator("button[title='Insert a block']").last.click()
    page.get_by_role("option", name="Image", exact=True).click()
    page.get_by_role("button", name=re.compile("Choose an image")).first.click()
    expect(page.locator("a[href*='/admin/images/chooser/chosen/']").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artifacts / "admin-image-chooser.png"))
    page.keyboard.press("Escape")

    # The preview panel frames the page under the admin policy.
    page.goto(f"{base}/admin/pages/{article_id}/edit/")
    toggle = page.locator("[data-side-panel-toggle='preview']")
    if toggle.count():
        toggle.first.click()
        page.wait_for_timeout(1500)
    page.goto(f"{base}/admin/pages/{article_id}/edit/preview/?mode=")
    page.wait_for_load_state("networkidle")

    # Our own screens: the Wire view and the importers.
    for path in ["/admin/wire/", "/admin/ingest/wordpress/", "/admin/ingest/paste/"]:
        response = page.goto(base + path)
        assert response.ok, path
        page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artifacts / "admin-importer.png"))


def test_public_pages_have_no_csp_violations(live_site, page):
    base = live_site["base"]
    for path in ["/", "/kazakhstan/", "/topics/", "/search/?q=water", "/rates/", "/api/v1/docs"]:
        response = page.goto(base + path)
        assert response.ok, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    page.goto(base + "/")
    page.locator(".card-title a").first.click()
    page.wait_for_load_state("networkidle")
