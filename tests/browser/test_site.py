"""A reader and an editor, in a real browser."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD


def test_reader_opens_home_page_and_follows_an_article(live_site, page, artifacts):
    page.goto(live_site["base"] + "/")
    expect(page.locator(".brand")).to_have_text("Silkwire")
    page.screenshot(path=str(artifacts / "home.png"), full_page=True)
    lead = page.locator(".front-lead .card-title a")
    title = lead.inner_text()
    lead.click()
    expect(page.locator("h1.headline")).to_have_text(title)
    assert re.search(
        r"/(kazakhstan|kyrgyzstan|tajikistan|turkmenistan|uzbekistan|central-asia)/[\w-]+/$",
        page.url,
    )
    expect(page.locator(".article-header .byline")).to_be_visible()
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)


def test_site_works_without_javascript(live_site, browser):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(live_site["base"] + "/kazakhstan/")
    pg.locator(".card-title a").first.click()
    expect(pg.locator("h1.headline")).to_be_visible()
    context.close()


def test_editor_creates_and_publishes_an_interview(live_site, page, artifacts):
    base = live_site["base"]
    country_id = live_site["shell"](
        "from silkwire.news.models import CountryPage; print(CountryPage.objects.get(slug='kazakhstan').pk)"
    )
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"{base}/admin/pages/add/news/articlepage/{country_id}/")
    title = "Browser-made interview on Caspian shipping"
    page.fill("#id_title", title)
    page.fill("#id_standfirst", "A port director explains the new ferry line.")

    def add_block(label: str):
        page.locator("button[title='Insert a block']").last.click()
        page.get_by_role("option", name=label, exact=True).click()

    add_block("Paragraph")
    editor = page.locator(".Draftail-Editor [contenteditable=true]").last
    editor.click()
    editor.type("The ferry line opens in May.")

    add_block("List")
    page.fill("[name='body-1-value-items-0-value']", "Aktau to Baku")

    add_block("Interview turn")
    page.fill("[name='body-2-value-speaker']", "Silkwire")
    page.fill("[name='body-2-value-paragraphs-0-value']", "When does the first ferry sail?")
    page.screenshot(path=str(artifacts / "admin-editor.png"), full_page=True)

    page.locator(".w-dropdown-button .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text("published")

    page.goto(base + "/")
    link = page.get_by_role("link", name=title)
    expect(link.first).to_be_visible()
    link.first.click()
    expect(page.locator("h1.headline")).to_have_text(title)
    expect(page.locator(".article-body")).to_contain_text("The ferry line opens in May.")
    expect(page.locator(".article-body li")).to_have_text("Aktau to Baku")
    expect(page.locator(".turn--question")).to_contain_text("When does the first ferry sail?")
