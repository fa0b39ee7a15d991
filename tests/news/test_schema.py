"""The article table carries the indexes listings need, each once (every index costs each write)."""

from __future__ import annotations

import pytest
from django.db import connection

from silkwire.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_kind_is_indexed_exactly_once():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, ArticlePage._meta.db_table)
    on_kind = [name for name, c in constraints.items() if c["index"] and c["columns"] == ["kind"]]
    assert len(on_kind) == 1, on_kind
