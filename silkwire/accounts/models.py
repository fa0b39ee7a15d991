"""The security log: sign-ins, lockouts, two-factor changes and group/permission changes."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SecurityEvent(models.Model):
    """One security-relevant event; written by signals and views, never edited."""

    class Action(models.TextChoices):
        LOGIN = "login", "Signed in"
        LOGIN_FAILED = "login_failed", "Sign-in failed"
        LOGIN_REFUSED = "login_refused", "Sign-in refused (locked out)"
        LOCKED_OUT = "locked_out", "Locked out"
        UNLOCKED = "unlocked", "Unlocked"
        LOGOUT = "logout", "Signed out"
        TWOFA_ENROLLED = "2fa_enrolled", "Two-factor enrolled"
        TWOFA_DISABLED = "2fa_disabled", "Two-factor disabled"
        TWOFA_FAILED = "2fa_failed", "Two-factor code rejected"
        RECOVERY_CODE_USED = "recovery_code_used", "Recovery code used"
        RECOVERY_CODES_NEW = "recovery_codes_new", "New recovery codes"
        GROUP_ADDED = "group_added", "Added to group"
        GROUP_REMOVED = "group_removed", "Removed from group"
        GROUP_PERMISSIONS = "group_permissions", "Group permissions changed"
        USER_PERMISSIONS = "user_permissions", "User permissions changed"

    timestamp = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=32, choices=Action.choices, db_index=True)
    # Names are kept as text too: the log outlives deleted accounts, and a failed sign-in may
    # name an account that never existed.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField("user", max_length=150, blank=True)
    target_name = models.CharField("target", max_length=150, blank=True)
    ip_address = models.GenericIPAddressField("client address", null=True, blank=True)
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-timestamp", "-pk"]
        default_permissions = ("view",)
        permissions = [("unlock_account", "Can unlock locked-out accounts and addresses")]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M:%S} {self.get_action_display()} {self.actor_name}"
