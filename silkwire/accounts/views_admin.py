"""Administrators' views: the security log (a read-only report) and unlocking sign-ins."""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from silkwire.accounts import lockouts
from silkwire.accounts.models import SecurityEvent

VIEW_LOG = "accounts.view_securityevent"
UNLOCK = "accounts.unlock_account"


class SecurityEventFilterSet(WagtailFilterSet):
    timestamp = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)
    action = django_filters.MultipleChoiceFilter(choices=SecurityEvent.Action.choices)
    name = django_filters.CharFilter(label="User or target", method="filter_name")
    ip_address = django_filters.CharFilter(label="Client address")

    class Meta:
        model = SecurityEvent
        fields = ["action", "timestamp", "ip_address"]

    def filter_name(self, queryset, name, value):
        from django.db.models import Q

        return queryset.filter(Q(actor_name__iexact=value) | Q(target_name__iexact=value))


class SecurityLogView(ReportView):
    """Every sign-in, failure, lockout, unlock, 2FA and group/permission change, newest first."""

    page_title = "Security log"
    header_icon = "lock"
    index_url_name = "accounts_security_log"
    index_results_url_name = "accounts_security_log_results"
    filterset_class = SecurityEventFilterSet
    paginate_by = 100
    model = SecurityEvent
    columns = [
        DateColumn("timestamp", label="Time"),
        Column("action", label="Event", accessor="get_action_display"),
        Column("actor_name", label="User"),
        Column("target_name", label="Target"),
        Column("ip_address", label="Client address"),
        Column("detail", label="Detail"),
    ]
    list_export = ["timestamp", "action", "actor_name", "target_name", "ip_address", "detail"]

    def get_filename(self):
        return "security-log"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_LOG):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return SecurityEvent.objects.all()


def locked(request):
    """List locked accounts and addresses; unlock one with a POST."""
    if not request.user.has_perm(UNLOCK):
        raise PermissionDenied
    if request.method == "POST":
        username = request.POST.get("username", "").strip() or None
        address = request.POST.get("ip_address", "").strip() or None
        if username or address:
            lockouts.unlock(username=username, ip_address=address, request=request)
            messages.success(request, f"Unlocked {username or address}.")
        return redirect("accounts_locked")
    return TemplateResponse(
        request, "accounts/locked.html", {"lockouts": lockouts.current_lockouts()}
    )
