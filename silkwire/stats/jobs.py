from silkwire.core.jobs import Job
from silkwire.stats.counter import REFRESH_SECONDS, prune, refresh_rankings

JOBS = [
    Job(
        "stats-most-read",
        REFRESH_SECONDS,
        refresh_rankings,
        "Recompute the most-read rankings; refresh cached pages whose ranking changed.",
    ),
    Job("stats-prune", 24 * 3600, prune, "Delete hourly read counts older than 35 days."),
]
