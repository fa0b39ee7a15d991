"""Cheap misses: every public page runs a bounded number of queries, whatever the corpus size.

Each page is rendered (cache off) at a small corpus and again after the corpus has grown
four-fold; the count must stay under its bound both times and must not grow. The bounds
are today's counts plus a little headroom: a change that adds per-article queries (an
N+1 in a card or a listing) fails here.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# url -> the most queries its render may run (measured counts + headroom; see docs/performance.md)
BOUNDS = {
    "/": 60,
    "{article}": 40,
    "/kazakhstan/": 20,
    "/kazakhstan/economy/": 20,
    "/topics/economy/": 20,
    "/authors/ann-lee/": 20,
    "/tags/water/": 20,
    "/authors/": 10,
    "/topics/": 10,
    "/tags/": 10,
    "/kazakhstan/?page=2": 20,
    "/feeds/all.rss": 15,
    "/feeds/country/kazakhstan.atom": 15,
    "/search/?q=water": 15,
    "/sitemap.xml": 20,
}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.SILKWIRE_PAGECACHE = False


def grow(make_article, author, n, start):
    from tests.factories import AuthorFactory

    pages = []
    for i in range(start, start + n):
        pages.append(
            make_article(
                f"Water story {i}",
                topics=["economy", "politics"] if i % 2 else ["economy"],
                tags=["water", f"tag-{i}"],
                authors=[author, AuthorFactory()],
                other_countries=[],
            )
        )
    return pages


def count(url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx)


def test_every_public_page_runs_a_bounded_number_of_queries(
    make_article, django_assert_max_num_queries
):
    from tests.factories import AuthorFactory

    author = AuthorFactory(name="Ann Lee", slug="ann-lee")
    first = grow(make_article, author, 24, 0)
    urls = {u: u.format(article=first[0].url) for u in BOUNDS}
    small = {u: count(url) for u, url in urls.items()}
    grow(make_article, author, 72, 24)
    for u, url in urls.items():
        with django_assert_max_num_queries(BOUNDS[u]):
            response = Client().get(url)
        assert response.status_code == 200
        large = count(url)
        assert large <= small[u], f"{u}: {small[u]} queries at 24 articles, {large} at 96"
