"""One client cannot move "Most read": a read counts once per client per article per hour."""

from __future__ import annotations

import pytest
from django.test import Client
from lxml import html as lxml_html

from tests.stats.test_counter import BROWSER

pytestmark = pytest.mark.django_db


def views_of(page) -> int:
    from django.db.models import Sum

    from silkwire.stats.models import ArticleHourlyViews

    return ArticleHourlyViews.objects.filter(page=page).aggregate(n=Sum("views"))["n"] or 0


def hit(page, address="203.0.113.7", agent=BROWSER, method="get", **headers):
    client = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
    response = getattr(client, method)(f"/stats/hit/{page.pk}.css", **headers)
    assert response.status_code == 200
    return response


def test_a_flood_from_one_client_counts_once(make_article):
    page = make_article("Flooded story")
    for _ in range(150):
        hit(page)
    assert views_of(page) == 1


def test_150_readers_count_150(make_article):
    page = make_article("Popular story")
    for n in range(150):
        hit(page, address=f"198.51.{n // 250}.{n % 250 + 1}")
    assert views_of(page) == 150


def test_one_address_counts_a_bounded_number_of_reads_per_hour(settings, make_article):
    settings.SILKWIRE_STATS_READS_PER_ADDRESS_HOUR = 30
    page = make_article("Flooded story")
    for n in range(150):  # a new user agent for every request
        hit(page, agent=f"{BROWSER} build/{n}")
    assert views_of(page) == 30
    pages = [make_article(f"Story {n}") for n in range(5)]
    for other in pages:  # the address's budget is spent, for every article
        hit(other, agent=f"{BROWSER} other")
    assert sum(views_of(p) for p in pages) == 0


def test_ipv6_clients_share_their_64s_budget(settings, make_article):
    settings.SILKWIRE_STATS_READS_PER_ADDRESS_HOUR = 5
    page = make_article("Story")
    for n in range(1, 20):
        hit(page, address=f"2001:db8:7:8::{n:x}")
    assert views_of(page) == 5


@pytest.mark.parametrize(
    ("agent", "headers"),
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", {}),
        ("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", {}),
        ("facebookexternalhit/1.1", {}),
        ("TelegramBot (like TwitterBot)", {}),
        ("Mozilla/5.0 (compatible; YandexBot/3.0)", {}),
        ("python-requests/2.32.3", {}),
        ("Go-http-client/1.1", {}),
        ("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0", {}),
        ("", {}),
        (BROWSER, {"HTTP_SEC_PURPOSE": "prefetch"}),
        (BROWSER, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}),
        (BROWSER, {"HTTP_PURPOSE": "prefetch"}),
        (BROWSER, {"HTTP_X_MOZ": "prefetch"}),
    ],
)
def test_bots_and_prefetches_are_not_counted(make_article, agent, headers):
    page = make_article("Story")
    for n in range(3):
        hit(page, address=f"198.51.100.{n}", agent=agent, **headers)
    assert views_of(page) == 0


def test_head_is_not_counted_even_through_the_page_cache(make_article, site):
    page = make_article("Story")
    response = site.head(f"/stats/hit/{page.pk}.css", user_agent=BROWSER)
    assert response.status == 200
    assert Client(HTTP_USER_AGENT=BROWSER).head(f"/stats/hit/{page.pk}.css").status_code == 200
    assert views_of(page) == 0
    assert site.get(f"/stats/hit/{page.pk}.css", user_agent=BROWSER).status == 200
    assert views_of(page) == 1


def test_one_client_cannot_put_an_article_at_the_top_of_most_read(make_article):
    from django.core.cache import cache

    liked = make_article("Story readers chose")
    pushed = make_article("Story one client pushed")
    for n in range(3):
        hit(liked, address=f"198.51.100.{n}")
    for _ in range(150):
        hit(pushed)
    cache.delete_many([k for k in ("stats:most-read:24h:all:5", "stats:most-read:7d:all:5")])
    doc = lxml_html.fromstring(Client().get("/").content)
    items = doc.xpath(
        "//section[@class='most-read']//ol[contains(@class,'most-read-24h')]/li/a/text()"
    )
    assert items[0] == "Story readers chose"


def test_nothing_about_the_reader_is_kept_in_clear(make_article):
    from django.core.cache import cache

    page = make_article("Story")
    hit(page, address="203.0.113.77", agent=BROWSER)
    keys = list(cache._cache.keys())  # locmem: the keys the counter left behind
    assert keys and not any("203.0.113.77" in k or "Firefox" in k for k in keys)
