"""Scheduled work of the importers (picked up by ``silkwire serve`` and ``silkwire runjobs``)."""

from __future__ import annotations

from silkwire.core.jobs import Job


def _run_queued_wordpress_imports() -> int:
    from silkwire.ingest.wordpress.jobs import run_queued_imports

    # The scheduler may run inside the web process (`silkwire serve`): no helper process there.
    return run_queued_imports(parallel=False)


JOBS = [
    Job(
        "ingest-queued-imports",
        60,
        _run_queued_wordpress_imports,
        "Run WordPress imports queued from the admin (SILKWIRE_IMPORT_WORKER=queue) and "
        "re-queue those whose process died.",
    ),
]
