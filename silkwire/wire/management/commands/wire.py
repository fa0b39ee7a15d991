"""``silkwire wire add|list|remove|poll|enable|prune``: the feeds the newsroom follows (docs/ingest.md)."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from silkwire.core.terminal import print_table
from silkwire.core.urls_policy import URLRefused, check_url
from silkwire.news.models import CountryPage
from silkwire.wire.models import Feed, validate_timezone
from silkwire.wire.polling import poll_feeds, prune


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else "—"


def _feed_json(feed: Feed) -> dict:
    return {
        "id": feed.pk,
        "name": feed.name,
        "url": feed.url,
        "country": feed.country.slug if feed.country else None,
        "timezone": feed.timezone,
        "status": _status(feed),
        "items": getattr(feed, "item_count", None),
        "unicity": feed.unicity,
        "last_checked_at": feed.last_checked_at.isoformat() if feed.last_checked_at else None,
        "next_check_at": feed.next_check_at.isoformat() if feed.next_check_at else None,
        "error_count": feed.error_count,
        "last_error": feed.last_error or None,
        "disabled_at": feed.disabled_at.isoformat() if feed.disabled_at else None,
    }


def _status(feed: Feed) -> str:
    if feed.disabled_at:
        return "disabled"
    if feed.error_count:
        return "failing"
    return "ok" if feed.last_success_at else "new"


def _get_feed(value) -> Feed:
    try:
        return Feed.objects.get(pk=int(value))
    except (ValueError, Feed.DoesNotExist):
        raise CommandError(
            f"No wire feed with id {value!r}: see `silkwire wire list` for the ids.", returncode=2
        ) from None


class Command(BaseCommand):
    help = "The news wire: follow other outlets' RSS/Atom feeds (docs/ingest.md, 'The wire')."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", metavar="{add,list,remove,poll,enable,prune}")
        sub.required = True
        add = sub.add_parser("add", help="Follow a feed.")
        add.add_argument("url", help="The RSS or Atom feed's URL (http or https).")
        add.add_argument("--name", help="The outlet's name (default: the feed's own title).")
        add.add_argument(
            "--country", help="Where the outlet is: ISO code or slug (KZ, uzbekistan)."
        )
        add.add_argument(
            "--timezone",
            default="UTC",
            help="Time zone for dates without an offset, e.g. Asia/Almaty (default UTC).",
        )
        add.add_argument("--poll", action="store_true", help="Poll it once right away.")
        add.add_argument("--json", action="store_true", help="Print JSON.")
        listing = sub.add_parser("list", help="The feeds, their health and schedule.")
        listing.add_argument("--json", action="store_true", help="Print JSON.")
        remove = sub.add_parser("remove", help="Stop following a feed and delete its items.")
        remove.add_argument("feed_id", metavar="ID")
        poll = sub.add_parser("poll", help="Poll feeds now (all active feeds, or one).")
        poll.add_argument("--feed", metavar="ID", help="Only this feed (even when disabled).")
        poll.add_argument(
            "--due", action="store_true", help="Only the feeds whose next check has come."
        )
        poll.add_argument("--json", action="store_true", help="Print JSON.")
        enable = sub.add_parser("enable", help="Re-enable a feed disabled after failures.")
        enable.add_argument("feed_id", metavar="ID")
        sub.add_parser("prune", help="Delete items past SILKWIRE_WIRE_RETENTION_DAYS now.")

    def handle(self, *args, **options):
        return getattr(self, f"do_{options['action']}")(options)

    def do_add(self, options):
        url = options["url"].strip()
        if not url.lower().startswith(("http://", "https://")):
            raise CommandError(f"{url!r}: give the feed's full http(s) URL.", returncode=2)
        try:
            url = check_url(url).url  # the same rules the fetch applies, before anything is stored
        except URLRefused as exc:
            raise CommandError(str(exc), returncode=2) from None
        if Feed.objects.filter(url=url).exists():
            existing = Feed.objects.get(url=url)
            raise CommandError(
                f"{url} is already followed as feed {existing.pk} ({existing.name}).", returncode=2
            )
        try:
            validate_timezone(options["timezone"])
        except ValidationError as exc:
            raise CommandError(f"--timezone: {exc.messages[0]}", returncode=2) from None
        country = None
        if options["country"]:
            try:
                country = CountryPage.get_by_code_or_slug(options["country"])
            except CountryPage.DoesNotExist as exc:
                raise CommandError(f"--country: {exc}", returncode=2) from None
        feed = Feed.objects.create(
            url=url,
            name=(options["name"] or url)[:200],
            country=country,
            timezone=options["timezone"],
            next_check_at=timezone.now(),
        )
        result = poll_feeds([feed])[0] if options["poll"] else None
        feed.refresh_from_db()
        if options["json"]:
            data = _feed_json(feed)
            data["poll"] = result.as_dict() if result else None
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"Following feed {feed.pk}: {feed.name} <{feed.url}>")
            if result:
                self._poll_lines([result])
        return None

    def do_list(self, options):
        from django.db.models import Count

        feeds = list(
            Feed.objects.select_related("country")
            .annotate(item_count=Count("items"))
            .order_by("pk")
        )
        if options["json"]:
            self.stdout.write(
                json.dumps([_feed_json(f) for f in feeds], ensure_ascii=False, indent=2)
            )
            return
        rows = [
            [
                str(f.pk),
                f.name,
                f.url,
                f.country.slug if f.country else "—",
                _status(f) + (f" ({f.error_count} errors)" if f.error_count else ""),
                str(f.item_count),
                _when(f.last_checked_at),
                _when(f.next_check_at) if not f.disabled_at else "—",
            ]
            for f in feeds
        ]
        print_table(
            self,
            "Wire feeds",
            ["id", "name", "url", "country", "status", "items", "checked", "next"],
            rows,
        )

    def do_remove(self, options):
        feed = _get_feed(options["feed_id"])
        count = feed.items.count()
        name = feed.name
        feed.delete()
        self.stdout.write(f"Removed feed {options['feed_id']} ({name}) and its {count} items.")

    def do_enable(self, options):
        feed = _get_feed(options["feed_id"])
        Feed.objects.filter(pk=feed.pk).update(
            disabled_at=None, error_count=0, next_check_at=timezone.now()
        )
        self.stdout.write(f"Feed {feed.pk} ({feed.name}) enabled; it is polled on the next run.")

    def do_prune(self, options):
        self.stdout.write(f"Deleted {prune()} wire items past the retention period.")

    def do_poll(self, options):
        if options["feed"]:
            feeds = [_get_feed(options["feed"])]
        elif options["due"]:
            feeds = list(Feed.objects.due().order_by("next_check_at", "pk"))
        else:
            feeds = list(Feed.objects.active().order_by("pk"))
        results = poll_feeds(feeds)  # one feed's failure is that feed's, never the run's
        failed = [r for r in results if r.outcome in ("error", "disabled")]
        if options["json"]:
            totals = {
                "feeds": len(results),
                "new": sum(r.new for r in results),
                "updated": sum(r.updated for r in results),
                "failed": len(failed),
            }
            self.stdout.write(
                json.dumps(
                    {"feeds": [r.as_dict() for r in results], "totals": totals},
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            self._poll_lines(results)
        if failed:
            raise CommandError(
                f"wire poll: {len(failed)} of {len(results)} feeds failed (see above).",
                returncode=1,
            )

    def _poll_lines(self, results) -> None:
        rows = [
            [
                str(r.feed_id),
                r.feed,
                r.outcome,
                str(r.http_status or "—"),
                str(r.new),
                str(r.updated),
                str(r.skipped),
                _when(r.next_check_at),
                r.error or "; ".join(r.warnings),
            ]
            for r in results
        ]
        print_table(
            self,
            "Wire poll",
            ["id", "feed", "outcome", "http", "new", "updated", "skipped", "next", "notes"],
            rows,
        )
