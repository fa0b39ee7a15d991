"""``silkwire serve``: migrate, collect static files, run the scheduler and a production server.

Process handling (docs/deploy.md, "Stopping and restarting"): granian runs as a child that
dies with this process, whatever signal ends it, and its workers die with it; a port in use
is refused; SIGTERM drains requests in flight before exiting.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from silkwire.core.scheduler import SchedulerThread
from silkwire.core.serving import procs
from silkwire.core.serving.setup import prepare


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
        parser.add_argument(
            "--drain-timeout",
            type=int,
            default=30,
            help="Seconds a stopping worker may take to finish requests in flight (default 30).",
        )

    def handle(self, *args, **options):
        host, port = options["host"], options["port"]
        try:
            lock = procs.hold_serve_lock(host, port)
            procs.check_port_free(host, port)
        except procs.PortInUse as exc:
            raise CommandError(str(exc)) from None
        if not options["skip_setup"]:
            prepare()
        try:
            import granian  # noqa: F401
        except ImportError:
            raise CommandError(
                "granian is not installed; run `pip install silkwire` (it is a dependency)."
            ) from None
        cmd = [
            sys.executable,
            "-m",
            "silkwire.core.serving.procs",
            "--interface",
            "wsgi",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(options["workers"]),
            "--blocking-threads",
            str(settings.SILKWIRE_THREADS),
            "--workers-kill-timeout",
            str(max(1, options["drain_timeout"])),
            "--no-ws",
            "--factory",
            "silkwire.core.serving.procs:worker_application",
        ]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "silkwire.settings"),
            procs.SERVE_PID_ENV: str(os.getpid()),
        }
        self.stdout.write(f"Serving on http://{host}:{port}/ (Ctrl-C to stop)")
        # argv is a list (no shell), built from granian's path and validated options.
        proc = subprocess.Popen(cmd, env=env)  # noqa: S603

        def forward(signum, frame):
            proc.send_signal(signum)

        signal.signal(signal.SIGTERM, forward)
        signal.signal(signal.SIGINT, forward)
        # Started after the fork, so the child never inherits a running thread.
        scheduler = None
        if not options["no_scheduler"]:
            scheduler = SchedulerThread()
            scheduler.start()
        try:
            code = proc.wait()
        finally:
            if scheduler:
                scheduler.stop()
            if lock is not None:
                lock.close()
        if code not in (0, -signal.SIGINT, -signal.SIGTERM):
            raise CommandError(f"the server exited with status {code}")
