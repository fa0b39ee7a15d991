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


# --- Paste copy and country suggestions (silkwire/ingest/views_paste.py) -------------------
def _register_paste_copy() -> None:
    from django.contrib import messages
    from django.utils.html import format_html
    from wagtail.admin.widgets import Button

    from silkwire.ingest import views_paste

    @hooks.register("register_admin_urls")
    def paste_copy_urls():
        return [
            path("ingest/paste/", views_paste.paste, name="ingest_paste"),
            path(
                "ingest/countries/<int:page_id>/",
                views_paste.country_suggestions,
                name="ingest_country_suggestions",
            ),
        ]

    @hooks.register("register_admin_menu_item")
    def paste_copy_menu_item():
        return MenuItem("Paste copy", reverse("ingest_paste"), icon_name="doc-full", order=250)

    def _is_article(page) -> bool:
        from silkwire.news.models import ArticlePage

        return isinstance(page.specific_deferred, ArticlePage)

    @hooks.register("register_page_header_buttons")
    def country_suggestions_button(page, user, view_name, next_url=None):
        if view_name == "edit" and _is_article(page):
            yield Button(
                "Suggest countries",
                reverse("ingest_country_suggestions", args=[page.pk]),
                icon_name="site",
                priority=80,
            )

    @hooks.register("before_edit_page")
    def country_suggestions_notice(request, page):
        # Shown when the editor opens an article: countries its text names but it lacks.
        if request.method != "GET" or not _is_article(page):
            return None
        _, rows = views_paste.country_suggestions_for(page.specific)
        missing = [row["name"] for row in rows if row["status"] == "suggested"]
        if missing:
            messages.info(
                request,
                format_html(
                    'The text also names {}. <a href="{}">Review country suggestions</a>.',
                    ", ".join(missing),
                    reverse("ingest_country_suggestions", args=[page.pk]),
                ),
            )
        return None


_register_paste_copy()
# --- end Paste copy -------------------------------------------------------------------------
