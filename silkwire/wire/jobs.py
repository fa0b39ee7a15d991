"""The wire's scheduled work, run by ``silkwire serve`` (in-process) or ``silkwire runjobs``."""

from __future__ import annotations

from silkwire.core.jobs import Job


def poll_due_feeds() -> None:
    """Poll every feed whose next check has come (each feed keeps its own schedule)."""
    from silkwire.wire.polling import poll_due_feeds as poll

    poll()


def prune_wire() -> None:
    """Delete wire items past the retention period."""
    from silkwire.wire.polling import prune

    prune()


JOBS = [
    # The job only looks for due feeds once a minute; how often each feed is fetched is its
    # own schedule (activity-based, 5 min … 24 h, back-off on errors).
    Job("wire.poll", 60, poll_due_feeds, "Poll the wire feeds that are due"),
    Job("wire.prune", 6 * 3600, prune_wire, "Delete wire items past SILKWIRE_WIRE_RETENTION_DAYS"),
]
