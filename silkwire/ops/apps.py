from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "silkwire.ops"
    label = "ops"
    verbose_name = "Silkwire operations"
