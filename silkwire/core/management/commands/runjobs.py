from django.core.management.base import BaseCommand, CommandError

from silkwire.core.jobs import all_jobs
from silkwire.core.scheduler import run_due_jobs


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs that are due (publishing, rates, feeds), once. "
        "For cron in multi-process deployments: `* * * * * silkwire runjobs`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--job", action="append", help="Run only this job (repeatable).")
        parser.add_argument("--force", action="store_true", help="Run even if not due yet.")
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")

    def handle(self, *args, **options):
        jobs = all_jobs()
        if options["list"]:
            for job in jobs:
                self.stdout.write(
                    f"{job.name:24} every {job.interval_seconds:>6} s  {job.description}"
                )
            return
        only = set(options["job"] or [])
        unknown = only - {j.name for j in jobs}
        if unknown:
            raise CommandError(
                f"Unknown job(s): {', '.join(sorted(unknown))}; see `silkwire runjobs --list`."
            )
        ran = run_due_jobs(only=only or None, force=options["force"])
        for name, ok in ran.items():
            self.stdout.write(f"{name}: {'ok' if ok else 'FAILED'}")
        if not all(ran.values()):
            raise CommandError("Some jobs failed; see the log above.")
