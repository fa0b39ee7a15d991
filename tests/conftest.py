"""Shared fixtures: a seeded random generator and factories for the page tree."""

from __future__ import annotations

import random

import factory.random
import pytest

SEED = 20260301


@pytest.fixture(autouse=True)
def _seeded_random():
    """Seed every generator the factories use, so a failure reproduces exactly."""
    random.seed(SEED)
    factory.random.reseed_random(SEED)


@pytest.fixture(autouse=True)
def _empty_django_cache():
    """Start every test with an empty Django cache (locmem): fragments and the ticker.

    The test database is rolled back after each test without the commits that would bump
    the page cache's versions, so a fragment kept from an earlier test could match again.
    """
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home(db):
    from silkwire.news.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def kazakhstan(db):
    from silkwire.news.models import CountryPage

    return CountryPage.objects.get(slug="kazakhstan")


@pytest.fixture
def make_article(db):
    from tests.factories import make_article

    return make_article


@pytest.fixture
def users(db):
    from tests.factories import make_user

    return {
        "writer": make_user("wendy", "Writers"),
        "editor": make_user("eddie", "Editors"),
    }


def pytest_collection_modifyitems(items):
    """Give every transactional test the migrated data back (serialized rollback).

    A transactional test ends by flushing every table, the site's pages included; the next
    one (a WordPress import into the demo countries) would otherwise start from nothing,
    depending on which transactional tests happened to run before it.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None or not marker.kwargs.get("transaction"):
            continue
        if "serialized_rollback" not in marker.kwargs:
            kwargs = {**marker.kwargs, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)
