"""``silkwire pagecache stats|clear|purge PATH…``: look at and empty the page cache."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from silkwire.core.pagecache.cache import get_cache
from silkwire.core.pagecache.invalidation import invalidate


class Command(BaseCommand):
    help = "Show page-cache statistics, clear it, or purge paths (docs/performance.md)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["stats", "clear", "purge"])
        parser.add_argument("paths", nargs="*", help="with purge: site paths such as /kazakhstan/")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, action, paths, **options):
        cache = get_cache()
        if cache is None:
            raise CommandError(
                "The page cache is turned off (SILKWIRE_PAGECACHE=0); set SILKWIRE_PAGECACHE=1 to use it."
            )
        if action == "clear":
            cache.clear()
            result = {"cleared": True}
        elif action == "purge":
            if not paths:
                raise CommandError(
                    "purge needs at least one path, e.g. `silkwire pagecache purge /`."
                )
            bad = [p for p in paths if not p.startswith("/")]
            if bad:
                raise CommandError(f"paths start with '/': {', '.join(bad)}")
            invalidate({f"path:{p}" for p in paths})
            result = {"purged": paths}
        else:
            result = cache.stats()
        if options["json"] or not self.stdout.isatty():
            self.stdout.write(json.dumps(result, default=str))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"page cache: {action}")
        table.add_column("field")
        table.add_column("value")
        for key, value in result.items():
            table.add_row(key, str(value))
        Console().print(table)
