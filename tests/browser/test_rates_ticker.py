"""The ticker and the converter in Chromium: reduced motion, pause, no JavaScript needed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_ticker_motion_pause_and_reduced_motion(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    page.goto(live_site["base"] + "/kazakhstan/")
    track = ".rates-ticker__track"
    assert page.eval_on_selector(track, "e => getComputedStyle(e).animationName") != "none"
    page.click("label[for=rates-ticker-pause]")
    assert page.eval_on_selector(track, "e => getComputedStyle(e).animationPlayState") == "paused"
    # Screen readers get each pair once: the looping copy is aria-hidden and out of tab order.
    snapshot = page.locator(".rates-ticker").aria_snapshot()
    assert snapshot.count('link "KGS/USD') == 1
    context.close()

    still = browser.new_context(viewport={"width": 1280, "height": 700}, reduced_motion="reduce")
    page = still.new_page()
    page.goto(live_site["base"] + "/kazakhstan/")
    assert page.eval_on_selector(track, "e => getComputedStyle(e).animationName") == "none"
    assert (
        page.eval_on_selector(".rates-ticker__track--copy", "e => getComputedStyle(e).display")
        == "none"
    )
    page.click("a[href='/rates/kgs/']")
    assert page.url.endswith("/rates/kgs/")
    assert page.locator("svg.rates-chart").count() == 1
    still.close()


def test_converter_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site["base"] + "/rates/")
    page.fill("#conv-amount", "250")
    page.select_option("#conv-from", "USD")
    page.select_option("#conv-to", "KGS")
    page.click("form.rates-converter button[type=submit]")
    assert "/rates/convert/?" in page.url
    assert "250.00 USD =" in page.locator("[role=status]").inner_text()
    context.close()
