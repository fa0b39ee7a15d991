"""``silkwire rates fetch|show|backfill``: official exchange rates (docs/rates.md)."""

from __future__ import annotations

import importlib

from django.core.management.base import BaseCommand, CommandError

SUBCOMMANDS = {
    "fetch": (
        "silkwire.rates.commands.fetch",
        "Fetch sources (or parse a saved payload) and store.",
    ),
    "show": ("silkwire.rates.commands.show", "Show the ticker rows as of a date."),
    "backfill": ("silkwire.rates.commands.backfill", "Fetch history where a source offers it."),
}


class Command(BaseCommand):
    help = (
        "Official exchange rates: fetch, show, backfill. Exit status 1 when a source failed "
        "unexpectedly, 2 for bad arguments (docs/rates.md)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", metavar="{fetch,show,backfill}")
        sub.required = True
        for name, (module_path, help_text) in SUBCOMMANDS.items():
            importlib.import_module(module_path).add_arguments(sub.add_parser(name, help=help_text))

    def handle(self, *args, **options):
        module_path, _ = SUBCOMMANDS[options["subcommand"]]
        result = importlib.import_module(module_path).handle(self, options)
        if result:
            raise CommandError(
                f"rates {options['subcommand']}: at least one source failed (see the report)",
                returncode=result,
            )
