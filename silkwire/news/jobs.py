from django.core.management import call_command

from silkwire.core.jobs import Job


def publish_scheduled() -> None:
    """Publish pages whose go-live time has come and unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)


JOBS = [
    Job("publish_scheduled", 60, publish_scheduled, "Publish scheduled and unpublish expired pages")
]
