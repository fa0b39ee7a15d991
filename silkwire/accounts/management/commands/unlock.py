"""``silkwire unlock USERNAME``: end a sign-in lockout (and, if asked, reset two-factor)."""

from __future__ import annotations

import getpass

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from silkwire.accounts import audit, lockouts, twofactor
from silkwire.accounts.models import SecurityEvent


class Command(BaseCommand):
    help = "Unlock an account (and optionally a client address) locked after failed sign-ins."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="the account to unlock")
        parser.add_argument("--ip", help="also unlock this client address")
        parser.add_argument(
            "--reset-2fa",
            action="store_true",
            help="also remove the account's two-factor devices (lost phone and recovery codes)",
        )

    def handle(self, *args, username=None, ip=None, reset_2fa=False, **options):
        if not username and not ip:
            raise CommandError("Name an account (silkwire unlock USERNAME) or --ip ADDRESS.")
        User = get_user_model()
        user = None
        if username:
            user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
            if user is None:
                # Failures against an unknown name are still counted; clear them, but say so.
                self.stderr.write(f"Note: no account is named {username!r}.")
        try:
            by = f"{getpass.getuser()} (command line)"
        except Exception:  # no login name in some containers
            by = "command line"
        removed = lockouts.unlock(username=username, ip_address=ip, by=by)
        self.stdout.write(
            f"Unlocked {' and '.join(v for v in (username, ip) if v)}: "
            f"{removed} failure records cleared."
        )
        if reset_2fa:
            if user is None:
                raise CommandError(f"--reset-2fa: no account is named {username!r}.")
            count = twofactor.remove_devices(user)
            audit.record(
                SecurityEvent.Action.TWOFA_DISABLED,
                actor_name=by,
                target=username,
                detail="reset by an administrator",
            )
            self.stdout.write(
                f"Two-factor devices removed: {count}. {username} enrols again at the next sign-in."
            )
