from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "silkwire.stats"
    label = "stats"
    verbose_name = "Readership counts"
    default_auto_field = "django.db.models.BigAutoField"
