from django.apps import AppConfig


class RatesConfig(AppConfig):
    name = "silkwire.rates"
    label = "rates"
    verbose_name = "Exchange rates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from silkwire.rates import cache, signals  # noqa: F401 - signals rebuilds the ticker

        cache.register()  # the ticker, for the page cache
