"""``silkwire serve``: migrate, collect static files, run the scheduler and a production server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from silkwire.core.scheduler import SchedulerThread


class Command(BaseCommand):
    help = "Serve Silkwire with a production server (granian) and run scheduled jobs in-process."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.SILKWIRE_WORKERS,
            help="Server worker processes (default SILKWIRE_WORKERS, 2).",
        )
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Do not run scheduled jobs here (use cron with `silkwire runjobs`).",
        )
        parser.add_argument(
            "--skip-setup", action="store_true", help="Skip migrate and collectstatic."
        )

    def handle(self, *args, **options):
        if not options["skip_setup"]:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("collectstatic", interactive=False, verbosity=0)
        granian = shutil.which("granian") or os.path.join(
            os.path.dirname(sys.executable), "granian"
        )
        if not os.path.exists(granian):
            raise CommandError(
                "granian is not installed; run `pip install silkwire` (it is a dependency)."
            )
        cmd = [
            granian,
            "--interface",
            "wsgi",
            "--host",
            options["host"],
            "--port",
            str(options["port"]),
            "--workers",
            str(options["workers"]),
            "--blocking-threads",
            str(settings.SILKWIRE_THREADS),
            "--no-ws",
            "silkwire.wsgi:application",
        ]
        scheduler = None
        if not options["no_scheduler"]:
            scheduler = SchedulerThread()
            scheduler.start()
        self.stdout.write(
            f"Serving on http://{options['host']}:{options['port']}/ (Ctrl-C to stop)"
        )
        proc = subprocess.Popen(
            cmd,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": os.environ.get(
                    "DJANGO_SETTINGS_MODULE", "silkwire.settings"
                ),
            },
        )

        def forward(signum, frame):
            proc.send_signal(signum)

        signal.signal(signal.SIGTERM, forward)
        signal.signal(signal.SIGINT, forward)
        try:
            code = proc.wait()
        finally:
            if scheduler:
                scheduler.stop()
        if code not in (0, -signal.SIGINT, -signal.SIGTERM):
            raise CommandError(f"the server exited with status {code}")
