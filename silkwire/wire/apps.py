from django.apps import AppConfig


class WireConfig(AppConfig):
    name = "silkwire.wire"
    label = "wire"
    verbose_name = "Wire"
    default_auto_field = "django.db.models.BigAutoField"
