"""``silkwire restore PATH``: verify an archive, then restore it into an empty site."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from silkwire.ops.database import BackupError
from silkwire.ops.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `silkwire backup` into an empty SILKWIRE_HOME and database. "
        "Every checksum is verified before anything is changed."
    )
    # The target may be an empty database: no system check may need its tables.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The archive (.tar.gz).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and media even if they are not empty.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Only verify the archive; change nothing."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            result = restore_backup(
                options["path"], force=options["force"], check_only=options["check"]
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        manifest = result.manifest
        counts = ", ".join(f"{n} {k}" for k, n in result.row_counts.items())
        verb = "verified" if options["check"] else "restored"
        self.stdout.write(
            f"Archive {verb}: {options['path']} (made {manifest['created_at']} by Silkwire "
            f"{manifest['versions']['silkwire']}; {len(manifest['files'])} files, checksums OK, "
            f"{time.monotonic() - started:.1f} s)\n  {counts}"
        )
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning}")
