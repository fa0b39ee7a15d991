"""Admin wiring for the wire: the Wire view, the feeds editor, and a dashboard notice."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from silkwire.wire import views
from silkwire.wire.forms import FeedForm
from silkwire.wire.models import Feed


@hooks.register("register_admin_urls")
def register_wire_urls():
    return [
        path("wire/", views.wire_index, name="wire_index"),
        path("wire/items/<int:item_id>/draft/", views.item_draft, name="wire_item_draft"),
        path("wire/items/<int:item_id>/dismiss/", views.item_dismiss, name="wire_item_dismiss"),
    ]


@hooks.register("register_admin_menu_item")
def register_wire_menu_item():
    return MenuItem("Wire", reverse("wire_index"), icon_name="list-ul", order=150)


class FeedViewSet(ModelViewSet):
    """Operators add, edit and re-enable feeds here (or with `silkwire wire`)."""

    model = Feed
    icon = "link"
    menu_label = "Wire feeds"
    menu_order = 151
    add_to_admin_menu = True
    list_display = ["name", "url", "country", "error_count", "last_checked_at", "disabled_at"]
    search_fields = ["name", "url"]

    def get_form_class(self, for_update=False):
        return FeedForm


@hooks.register("register_admin_viewset")
def register_feed_viewset():
    return FeedViewSet("wire_feeds")


class TroubledFeedsPanel(Component):
    """Dashboard notice: feeds disabled after repeated failures, and feeds failing now."""

    name = "wire_troubled_feeds"
    template_name = "wire/troubled_feeds_panel.html"
    order = 90

    def __init__(self, feeds):
        self.feeds = feeds

    def get_context_data(self, parent_context):
        return {"feeds": self.feeds}


@hooks.register("construct_homepage_panels")
def add_troubled_feeds_panel(request, panels):
    feeds = list(Feed.objects.filter(disabled_at__isnull=False)) + list(
        Feed.objects.filter(disabled_at__isnull=True, error_count__gte=3)
    )
    if feeds:
        panels.append(TroubledFeedsPanel(feeds))
