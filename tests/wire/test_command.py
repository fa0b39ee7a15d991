"""``silkwire wire add|list|remove|poll|enable|prune`` as an operator runs it."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from silkwire.core.jobs import all_jobs
from silkwire.core.scheduler import run_due_jobs
from silkwire.wire.models import Feed, WireItem

pytestmark = pytest.mark.django_db


def wire(*args) -> str:
    out = StringIO()
    call_command("wire", *args, stdout=out)
    return out.getvalue()


def test_add_list_poll_remove(serve_feed):
    url = serve_feed("rss2_steppe.xml")
    added = json.loads(wire("add", url, "--country", "KZ", "--timezone", "Asia/Almaty", "--json"))
    assert added["country"] == "kazakhstan" and added["timezone"] == "Asia/Almaty"
    assert added["name"] == url  # until the first poll names it
    assert added["status"] == "new"

    polled = json.loads(wire("poll", "--json"))
    assert polled["totals"] == {"feeds": 1, "new": 5, "updated": 0, "failed": 0}
    assert polled["feeds"][0]["outcome"] == "new"

    listed = json.loads(wire("list", "--json"))
    assert listed[0]["name"] == "Steppe Wire"  # the feed's own title
    assert listed[0]["items"] == 5 and listed[0]["status"] == "ok"

    text = wire("list")
    assert "Steppe Wire" in text and "kazakhstan" in text

    assert "Removed feed" in wire("remove", str(added["id"]))
    assert not Feed.objects.exists() and not WireItem.objects.exists()


def test_add_with_name_and_immediate_poll(serve_feed):
    out = wire("add", serve_feed("atom_pamir.xml"), "--name", "Pamir", "--poll")
    assert "Following feed" in out and "new" in out
    assert Feed.objects.get().name == "Pamir"
    assert WireItem.objects.count() == 2


@pytest.mark.parametrize(
    "args, message",
    [
        (["add", "feeds.example.com/rss"], r"full http\(s\) URL"),
        (["add", "https://x.example/rss", "--timezone", "Almaty"], "IANA time zone"),
        (["add", "https://x.example/rss", "--country", "XX"], "No country"),
        (["remove", "999"], "No wire feed with id"),
        (["enable", "abc"], "No wire feed with id"),
    ],
)
def test_operator_mistakes_are_explained(args, message):
    with pytest.raises(CommandError, match=message):
        wire(*args)


def test_adding_a_feed_twice_is_refused(serve_feed):
    url = serve_feed("rss091.xml")
    wire("add", url)
    with pytest.raises(CommandError, match="already followed as feed"):
        wire("add", url)


def test_a_failing_poll_exits_non_zero_and_enable_resets(loopback, settings):
    settings.SILKWIRE_WIRE_ERROR_LIMIT = 1
    wire("add", loopback.url("/gone"))
    feed = Feed.objects.get()
    with pytest.raises(CommandError, match="1 of 1 feeds failed") as failure:
        wire("poll", "--feed", str(feed.pk))
    assert failure.value.returncode == 1
    feed.refresh_from_db()
    assert feed.disabled_at is not None
    assert json.loads(wire("poll", "--json"))["feeds"] == []  # disabled feeds are skipped
    assert "enabled" in wire("enable", str(feed.pk))
    feed.refresh_from_db()
    assert feed.disabled_at is None and feed.error_count == 0


def test_prune_command():
    assert "Deleted 0 wire items" in wire("prune")


def test_serve_scheduler_polls_due_feeds(serve_feed):
    assert {"wire.poll", "wire.prune"} <= {job.name for job in all_jobs()}
    wire("add", serve_feed("rss2_steppe.xml"))  # due at once
    ran = run_due_jobs(only={"wire.poll"}, force=True)
    assert ran == {"wire.poll": True}
    assert WireItem.objects.count() == 5
    feed = Feed.objects.get()
    assert feed.next_check_at is not None and feed.last_status == 200
