"""``silkwire ingest wordpress EXPORT.xml… [--dry-run] [--json] [--only ID…] [--media DIR]
[--category-map FILE] [--pages]`` and ``silkwire ingest wordpress --run ID``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError


def add_arguments(parser) -> None:
    parser.add_argument(
        "exports",
        nargs="*",
        metavar="EXPORT.xml",
        help="WordPress WXR export(s) of one site: .xml, .xml.gz or .zip.",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="Read and map everything, write nothing; print the report.",
    )
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
    parser.add_argument(
        "--only",
        nargs="+",
        type=int,
        metavar="POST_ID",
        help="Import (or re-import) only these WordPress post ids.",
    )
    parser.add_argument(
        "--media",
        metavar="DIR",
        type=Path,
        help="A copy of wp-content/uploads to import images from (no network).",
    )
    parser.add_argument(
        "--category-map",
        metavar="FILE",
        type=Path,
        help='JSON {"category slug or name": "country:KZ|topic:SLUG|tag|skip"}.',
    )
    parser.add_argument(
        "--pages", action="store_true", help="Also import WordPress pages (as feature articles)."
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=250,
        help="Items per database transaction; a failing batch is rewritten one item at a time.",
    )
    parser.add_argument(
        "--serial",
        action="store_true",
        help="Convert content in this process only (default: a helper process on big exports).",
    )
    parser.add_argument(
        "--run",
        type=int,
        metavar="ID",
        help="Run the queued admin import ImportRun ID (for a worker process).",
    )
    parser.add_argument(
        "--run-queued",
        action="store_true",
        help="Run every queued admin import, one after the other, then exit.",
    )


def _progress_bar(enabled: bool):
    """Return (callback, context manager) for a rich progress bar, or no-ops off a TTY."""
    if not enabled:
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=Console(stderr=True),
    )
    task = progress.add_task("Importing", total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    return update, progress


def handle(command, options) -> int | None:
    from silkwire.ingest.wordpress.importer import ImportOptions, import_wordpress
    from silkwire.ingest.wordpress.parse import WXRError
    from silkwire.ingest.wordpress.safety import EX_TEMPFAIL, ImportLocked

    if options.get("run") or options.get("run_queued"):
        from silkwire.ingest.wordpress.jobs import run_import, run_queued_imports

        if options.get("run"):
            run = run_import(options["run"])
            command.stdout.write(f"Import run #{run.pk}: {run.status}")
            return 0 if run.status == "done" else 1
        count = run_queued_imports()
        command.stdout.write(f"{count} queued import(s) run.")
        return 0
    exports = options["exports"]
    if not exports:
        raise CommandError("Give at least one WordPress export file (Tools → Export in WordPress).")
    media = options.get("media")
    if media is not None and not media.is_dir():
        raise CommandError(f"--media {media}: not a folder; give a copy of wp-content/uploads.")
    opts = ImportOptions(
        dry_run=options["dry_run"],
        only=set(options["only"]) if options.get("only") else None,
        media_dir=media,
        category_map=options.get("category_map"),
        pages=options["pages"],
        batch_size=max(1, options["batch_size"]),
        max_bytes=getattr(settings, "SILKWIRE_WXR_MAX_BYTES", None),
        parallel=False if options.get("serial") else None,
    )
    tty = sys.stderr.isatty() and not options["json"]
    callback, bar = _progress_bar(tty)
    try:
        if bar is not None:
            with bar:
                report = import_wordpress(exports, opts, callback)
        else:
            report = import_wordpress(exports, opts)
    except ImportLocked as exc:  # another import of this site runs: try again later
        raise CommandError(str(exc), returncode=EX_TEMPFAIL) from exc
    except WXRError as exc:  # includes DiskFull: one message, a re-run resumes
        raise CommandError(str(exc)) from exc
    data = report.as_dict()
    if options["json"]:
        command.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_table(command, report)
    return 1 if data["failed"] else 0


def _print_table(command, report) -> None:
    from rich.console import Console
    from rich.table import Table

    title = "WordPress import" + (" (dry run: nothing written)" if report.dry_run else "")
    table = Table(title=title, show_header=False)
    for label, value in report.summary_rows():
        table.add_row(label, value)
    console = Console(file=command.stdout, force_terminal=False, width=120)
    console.print(table)
    for failure in report.failed:
        console.print(f"[red]failed[/red] post {failure['post_id']}: {failure['error']}")
    shown = report.warnings[:20]
    for warning in shown:
        console.print(f"warning: {warning}")
    if report.warnings_total > len(shown):
        console.print(f"… {report.warnings_total - len(shown)} more warning(s); use --json.")
