"""Publishing on a full disk: the editor gets the form back with a clear message, not a 500.

The failure is injected at the database's write boundary (Django's ``execute_wrapper``),
raising exactly what SQLite raises when its disk is full.
"""

from __future__ import annotations

import errno
import sqlite3

import pytest
from django.db import OperationalError, connection

from silkwire.core.diskfull import MESSAGE, is_disk_full
from silkwire.news.models import ArticlePage
from tests.news.test_newsroom import article_form

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def disk_full(execute, sql, params, many, context):
    # The publish's content write: its revision. (Writes outside a transaction would poison
    # the test's wrapping transaction, which the site, in autocommit, does not have.)
    if sql.lstrip().upper().startswith(WRITES) and "wagtailcore_revision" in sql:
        raise OperationalError("database or disk is full")
    return execute(sql, params, many, context)


@pytest.mark.django_db
def test_publish_on_a_full_disk_keeps_the_form_and_says_why(client, users, make_article):
    page = make_article("Water deal signed", publish=True)
    client.force_login(users["editor"])
    # The editor opens the form while there is room (Wagtail records a subscription then).
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    data = article_form(
        title="Water deal signed, then delayed",
        slug=page.slug,
        **{"action-publish": "publish"},
    )
    with connection.execute_wrapper(disk_full):
        response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The server&#x27;s disk is full: your change was not saved." in html
    assert "Tell the site&#x27;s operator." in html
    # The edit form is shown again with what the editor typed.
    assert 'name="title"' in html and "Water deal signed, then delayed" in html
    assert ArticlePage.objects.get(pk=page.pk).title == "Water deal signed"


@pytest.mark.django_db
def test_other_database_errors_and_other_errors_are_not_disguised(client, users, make_article):
    page = make_article("Budget passed", publish=True)
    client.force_login(users["editor"])

    def broken(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(WRITES):
            raise OperationalError("no such table: wagtailcore_revision")
        return execute(sql, params, many, context)

    data = article_form(title="Budget passed again", slug=page.slug, **{"action-publish": "1"})
    with connection.execute_wrapper(broken), pytest.raises(OperationalError):
        client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_disk_full_is_recognised_through_wrapping():
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError as exc:
            raise OperationalError(*exc.args) from exc
    except OperationalError as wrapped:
        assert is_disk_full(wrapped)
    assert not is_disk_full(OperationalError("database is locked"))
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert MESSAGE.startswith("The server's disk is full")
