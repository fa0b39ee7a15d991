from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "silkwire.core"
    label = "core"
    verbose_name = "Silkwire core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail import hooks

        from silkwire.core.pagecache import deps, invalidation

        # The page cache's mechanism; apps register what their pages show from their own
        # ready() (silkwire.core.pagecache.registry).
        hooks.register("before_serve_page", deps.declare_page_deps)
        invalidation.connect()
