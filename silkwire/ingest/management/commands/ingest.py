"""``silkwire ingest text|wordpress|html``: one command, one module per importer.

Each importer module under ``silkwire.ingest`` named in ``IMPORTERS`` exposes
``add_arguments(parser)`` and ``handle(command, options)``; this command only
dispatches, so the importers stay independent of each other.
"""

from __future__ import annotations

import importlib

from django.core.management.base import BaseCommand, CommandError

IMPORTERS = {
    "text": ("silkwire.ingest.commands.text", "Plain-text copy or page dumps → articles."),
    "wordpress": ("silkwire.ingest.commands.wordpress", "A WordPress WXR export → articles."),
    "html": ("silkwire.ingest.commands.html", "An article page (file or URL) → a draft."),
}


class Command(BaseCommand):
    help = "Import content into Silkwire: text, wordpress or html."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="importer", metavar="{text,wordpress,html}")
        sub.required = True
        for name, (module_path, help_text) in IMPORTERS.items():
            try:
                module = importlib.import_module(module_path)
            except ModuleNotFoundError as exc:
                if exc.name != module_path:
                    raise
                continue
            module.add_arguments(sub.add_parser(name, help=help_text))

    def handle(self, *args, **options):
        module_path, _ = IMPORTERS[options["importer"]]
        module = importlib.import_module(module_path)
        result = module.handle(self, options)
        if isinstance(result, int) and result:
            raise CommandError(
                f"ingest {options['importer']} finished with errors", returncode=result
            )
