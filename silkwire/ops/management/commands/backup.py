"""``silkwire backup [PATH]``: one archive of the database, media and secret key file."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from silkwire.ops.backup import create_backup
from silkwire.ops.database import BackupError


class Command(BaseCommand):
    help = (
        "Write a .tar.gz backup (database, media, secret key file, manifest with checksums). "
        "PATH is a file or a directory; default: SILKWIRE_BACKUP_DIR, else SILKWIRE_HOME/backups."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help="Archive file, or a directory (ending in /) to name one in."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            result = create_backup(options["path"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        manifest = result.manifest
        counts = ", ".join(f"{n} {k}" for k, n in manifest["row_counts"].items())
        size = result.path.stat().st_size
        self.stdout.write(
            f"Backup written: {result.path} ({size / 1e6:.1f} MB, {len(manifest['files'])} files, "
            f"{manifest['database']['engine']}, {time.monotonic() - started:.1f} s)\n  {counts}"
        )
