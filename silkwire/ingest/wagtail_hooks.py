"""Admin views and page hooks of the importers; each importer registers in its own block."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


# --- WordPress import (silkwire/ingest/views_wordpress.py) ----------------------------------
def _register_wordpress_import() -> None:
    from silkwire.ingest import views_wordpress
    from silkwire.ingest.wordpress.legacy import legacy_query_redirect

    @hooks.register("register_admin_urls")
    def wordpress_import_urls():
        return [
            path("ingest/wordpress/", views_wordpress.index, name="ingest_wordpress"),
            path(
                "ingest/wordpress/<int:run_id>/",
                views_wordpress.detail,
                name="ingest_wordpress_run",
            ),
            path(
                "ingest/wordpress/<int:run_id>/start/",
                views_wordpress.start_import,
                name="ingest_wordpress_start",
            ),
        ]

    class SuperuserMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.is_superuser

    @hooks.register("register_settings_menu_item")
    def wordpress_import_menu_item():
        return SuperuserMenuItem(
            "WordPress import", reverse("ingest_wordpress"), icon_name="download", order=900
        )

    @hooks.register("before_serve_page")
    def wordpress_legacy_query_urls(page, request, serve_args, serve_kwargs):
        # /?p=123 reaches the home page, so Wagtail's 404-only redirect middleware never sees it.
        return legacy_query_redirect(request)


_register_wordpress_import()
# --- end WordPress import -------------------------------------------------------------------
