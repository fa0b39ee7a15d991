from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "silkwire.news"
    label = "news"
    verbose_name = "News"

    def ready(self) -> None:
        from silkwire.news import cache

        cache.register()  # what news pages show, for the page cache
