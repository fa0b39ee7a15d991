"""Admin wiring: two-factor pages, the security log report, locked sign-ins."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from silkwire.accounts import views_2fa, views_admin


@hooks.register("register_admin_urls")
def accounts_urls():
    log = views_admin.SecurityLogView
    return [
        path("account/two-factor/", views_2fa.overview, name="accounts_2fa"),
        path("account/two-factor/enrol/", views_2fa.enrol, name="accounts_2fa_enrol"),
        path("account/two-factor/verify/", views_2fa.verify, name="accounts_2fa_verify"),
        path("account/two-factor/disable/", views_2fa.disable, name="accounts_2fa_disable"),
        path(
            "account/two-factor/recovery-codes/",
            views_2fa.recovery_codes,
            name="accounts_2fa_recovery_codes",
        ),
        path("reports/security-log/", log.as_view(), name="accounts_security_log"),
        path(
            "reports/security-log/results/",
            log.as_view(results_only=True),
            name="accounts_security_log_results",
        ),
        path("security/locked/", views_admin.locked, name="accounts_locked"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def security_log_menu_item():
    return PermissionMenuItem(
        "Security log",
        reverse("accounts_security_log"),
        icon_name="lock",
        order=900,
        permission=views_admin.VIEW_LOG,
    )


@hooks.register("register_settings_menu_item")
def locked_menu_item():
    return PermissionMenuItem(
        "Locked sign-ins",
        reverse("accounts_locked"),
        icon_name="lock",
        order=610,
        permission=views_admin.UNLOCK,
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_2fa"),
        "label": "Two-factor sign-in",
        "help_text": "Use a code from your phone when you sign in; recovery codes.",
    }
