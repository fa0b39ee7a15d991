"""Each private Wagtail/treebeard API in silkwire.core.wagtail_compat, checked against the library.

If an upgrade changes one of them, the test named after it fails here (not the page tree or the
reference index in production).
"""

from __future__ import annotations

import pytest
from wagtail.models import Page, ReferenceIndex

from silkwire.core import wagtail_compat
from silkwire.core.wagtail_compat import (
    WagtailCompatError,
    content_path_hash,
    extract_references,
    first_child_path,
    next_sibling_path,
    set_cached_parent,
)


def test_set_cached_parent_answers_get_parent_without_a_query(
    home, kazakhstan, django_assert_num_queries
):
    fresh = Page.objects.get(pk=kazakhstan.pk)
    with django_assert_num_queries(1):  # treebeard reads the parent once, then caches it
        assert fresh.get_parent().pk == home.pk
    set_cached_parent(kazakhstan, home)
    with django_assert_num_queries(0):
        assert kazakhstan.get_parent() is home


def test_tree_paths_are_the_ones_treebeard_gives(db):
    root = Page.get_first_root_node()
    parent = root.add_child(instance=Page(title="Compat parent", slug="compat-parent"))
    first = parent.add_child(instance=Page(title="One", slug="one"))
    assert first.path == first_child_path(parent.path)
    second = parent.add_child(instance=Page(title="Two", slug="two"))
    assert second.path == next_sibling_path(first.path)
    assert next_sibling_path(second.path) > second.path


def test_extract_references_yields_the_rows_wagtail_stores(make_article):
    article = make_article("A referenced article")  # an author snippet, a country, topics
    ReferenceIndex.create_or_update_for_object(article)
    stored = ReferenceIndex.get_references_for_object(article)
    rows = {(r.to_content_type_id, r.to_object_id, r.model_path, r.content_path) for r in stored}
    assert rows, "the article references its author: the index has rows"
    assert set(extract_references(article)) == rows


def test_content_path_hash_is_the_one_wagtail_stores(make_article):
    article = make_article("Another referenced article")
    ReferenceIndex.create_or_update_for_object(article)
    stored = list(ReferenceIndex.get_references_for_object(article))
    assert stored
    for row in stored:
        assert row.content_path_hash == content_path_hash(row.content_path)


def test_a_missing_private_api_fails_loudly(monkeypatch):
    monkeypatch.delattr(ReferenceIndex, "_get_content_path_hash")
    with pytest.raises(WagtailCompatError, match="_get_content_path_hash.*wagtail_compat"):
        wagtail_compat.content_path_hash("body.0")
