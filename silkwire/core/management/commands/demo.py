"""``silkwire demo``: prepare a demo site (each app's ``demo.load_demo``, then accounts). Idempotent."""

from __future__ import annotations

import logging
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand

from silkwire.core.jobs import app_modules

ACCOUNTS = [
    # username, group, is_superuser
    ("admin", "Administrators", True),
    ("editor", "Editors", False),
    ("writer", "Writers", False),
]


class Command(BaseCommand):
    help = "Fill an empty site with demo content and accounts; running it twice changes nothing."

    def handle(self, *args, **options):
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per article is enough
        call_command("migrate", interactive=False, verbosity=0)
        # Each app's ``demo.py`` with a ``load_demo(stdout)`` fills its part, in app order.
        for module in app_modules("demo"):
            load = getattr(module, "load_demo", None)
            if load is not None:
                load(stdout=self.stdout)
        self._accounts()

    def _accounts(self):
        User = get_user_model()
        fixed = os.environ.get("SILKWIRE_DEMO_PASSWORD")
        lines = []
        for username, group_name, superuser in ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            password = fixed or secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username,
                password=password,
                email=f"{username}@example.org",
                first_name=username.capitalize(),
                is_staff=superuser,
                is_superuser=superuser,
            )
            user.groups.add(Group.objects.get(name=group_name))
            lines.append(f"  {username:8} {password}   ({group_name})")
        if lines:
            self.stdout.write(
                f"\nAccounts for {settings.SILKWIRE_BASE_URL}/admin/ — passwords shown only this once:"
            )
            for line in lines:
                self.stdout.write(line)
            self.stdout.write("")
        else:
            self.stdout.write(
                "Demo accounts already exist (admin, editor, writer); passwords unchanged."
            )
