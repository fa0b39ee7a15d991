from django.db import models


class JobState(models.Model):
    """When each scheduled job last ran: shared by ``serve``'s scheduler and ``runjobs`` under cron."""

    name = models.CharField(max_length=100, primary_key=True)
    last_started = models.DateTimeField(null=True, blank=True)
    last_finished = models.DateTimeField(null=True, blank=True)
    last_ok = models.BooleanField(default=True)
    last_error = models.TextField(blank=True)
    runs = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.name
