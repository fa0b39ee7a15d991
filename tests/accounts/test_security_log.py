"""The security log: every kind of event is recorded and shown to Administrators only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from silkwire.accounts.models import SecurityEvent
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


def log_page(client, **params):
    return client.get(reverse("accounts_security_log"), params)


def test_events_are_recorded_and_shown_to_an_administrator(client, users, admin_user):
    # Sign-ins, failures, a lockout, an unlock by an administrator in the admin.
    sign_in(client, "wendy", ip="192.0.2.5")
    for _ in range(5):
        sign_in(client, "eddie", "wrong password!", ip="198.51.100.7")
    admin = Client()
    admin.force_login(admin_user)
    admin.post(reverse("accounts_locked"), {"username": "eddie"}, REMOTE_ADDR="192.0.2.77")
    # Group membership and permissions, both ways round.
    editors = Group.objects.get(name="Editors")
    users["writer"].groups.add(editors)
    editors.user_set.remove(users["writer"])
    editors.permissions.add(Permission.objects.get(codename="view_securityevent"))
    GroupPagePermission.objects.create(
        group=editors, page=Page.objects.get(depth=2), permission_type="lock"
    )

    page = log_page(admin)
    assert page.status_code == 200
    html = page.content.decode()
    for label in [
        "Signed in",
        "Sign-in failed",
        "Locked out",
        "Unlocked",
        "Added to group",
        "Removed from group",
        "Group permissions changed",
    ]:
        assert label in html, label
    assert "198.51.100.7" in html and "192.0.2.5" in html

    unlocked = SecurityEvent.objects.get(action="unlocked")
    assert (unlocked.actor_name, unlocked.target_name, unlocked.ip_address) == (
        "ada",
        "eddie",
        "192.0.2.77",
    )
    added = SecurityEvent.objects.filter(action="group_added", target_name="wendy")
    assert [e.detail for e in added.order_by("pk")] == ["group: Writers", "group: Editors"]
    removed = SecurityEvent.objects.get(action="group_removed", target_name="wendy")
    assert removed.detail == "group: Editors"
    perms = SecurityEvent.objects.filter(action="group_permissions", target_name="Editors")
    assert {e.detail.split(":")[0] for e in perms} == {"added"}
    assert any("accounts.view_securityevent" in e.detail for e in perms)
    assert any("lock" in e.detail for e in perms)

    only_eddie = log_page(admin, name="eddie", action="locked_out").content.decode()
    assert "Locked out" in only_eddie and "192.0.2.5" not in only_eddie


def test_two_factor_events_are_in_the_log(client, users, admin_user, settings):
    from tests.accounts.test_two_factor import enrol

    settings.SILKWIRE_REQUIRE_2FA = True
    sign_in(client, "eddie")
    secret, codes = enrol(client)
    client.logout()
    sign_in(client, "eddie")
    client.post(reverse("accounts_2fa_verify"), {"code": codes[3]})
    client.post(reverse("accounts_2fa_disable"))

    admin = Client()
    admin.force_login(admin_user)
    admin.post(reverse("accounts_2fa_enrol"))  # the admin is required too: not verified yet
    settings.SILKWIRE_REQUIRE_2FA = False
    html = log_page(admin).content.decode()
    for label in ["Two-factor enrolled", "Recovery code used", "Two-factor disabled"]:
        assert label in html, label


def test_an_editor_cannot_read_the_log(client, users):
    sign_in(client, "eddie", "wrong password!")
    client.force_login(users["editor"])
    response = log_page(client)
    assert response.status_code != 200
    assert b"Sign-in failed" not in response.content
    menu = client.get(reverse("wagtailadmin_home")).content
    assert reverse("accounts_security_log").encode() not in menu
