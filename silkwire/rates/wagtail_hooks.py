"""Admin: read-only observations and fetch log; editors' overrides as an audited snippet.

Overrides are snippets, so Wagtail's history log records who created or changed each one
and when (the "History" view); ``created_by`` is set from the request as well.
"""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from silkwire.rates.models import FetchLog, RateObservation, RateOverride
from silkwire.rates.readings import FLAG_ABOVE_PCT, cross_check_summary

WRITE_ACTIONS = {"add", "change", "delete", "copy"}


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, adds, edits or deletes what the banks published."""

    def user_has_permission(self, user, action):
        return action not in WRITE_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


register_permission_policy(RateObservation, ReadOnlyPolicy(RateObservation))
register_permission_policy(FetchLog, ReadOnlyPolicy(FetchLog))


class ObservationViewSet(ModelViewSet):
    model = RateObservation
    icon = "table"
    menu_label = "Observations"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "rate_date",
        "currency",
        "units_per_usd",
        "source",
        "kind",
        Column(
            "cross_check",
            label=f"Cross-check (> {FLAG_ABOVE_PCT} % flagged ⚠)",
            accessor=cross_check_summary,
        ),
    ]
    list_filter = ["currency", "source", "kind"]
    search_fields = ["raw"]
    form_fields = []  # never edited
    list_per_page = 50


class FetchLogViewSet(ModelViewSet):
    model = FetchLog
    icon = "list-ul"
    menu_label = "Fetch log"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "started_at",
        "source",
        "requested_date",
        "http_status",
        "outcome",
        "reason",
        "stored_count",
    ]
    list_filter = ["source", "outcome", "reason"]
    search_fields = ["url", "error", "notes"]
    form_fields = []
    list_per_page = 50


class OverrideViewSet(SnippetViewSet):
    model = RateOverride
    icon = "edit"
    menu_label = "Overrides"
    list_display = ["rate_date", "currency", "units_per_usd", "active", "created_by", "created_at"]
    list_filter = ["currency", "active"]
    panels = [
        FieldPanel("currency"),
        FieldPanel("rate_date"),
        FieldPanel("units_per_usd"),
        FieldPanel("reason"),
        FieldPanel("active"),
    ]
    add_to_admin_menu = False


class RatesGroup(ModelViewSetGroup):
    menu_label = "Exchange rates"
    menu_icon = "table"
    menu_order = 300
    items = (ObservationViewSet("rate_observations"), FetchLogViewSet("rate_fetch_log"))


@hooks.register("register_admin_viewset")
def register_rates_viewsets():
    return RatesGroup()


register_snippet(OverrideViewSet)


@hooks.register("after_create_snippet")
def record_override_author(request, instance):
    if isinstance(instance, RateOverride) and instance.created_by_id is None:
        instance.created_by = request.user
        instance.save(update_fields=["created_by"])
