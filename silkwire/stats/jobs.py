from silkwire.core.jobs import Job
from silkwire.stats.counter import prune

JOBS = [
    Job(
        "stats-prune",
        24 * 3600,
        prune,
        "Delete hourly read counts older than 35 days.",
    )
]
