"""Throttling and lockout of the admin sign-in: per account, per client address, 429, unlock."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from silkwire.accounts.models import SecurityEvent
from silkwire.core.clientip import client_ip
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


def five_failures(client, username="eddie", ip="198.51.100.7"):
    codes = [sign_in(client, username, "wrong password!", ip=ip).status_code for _ in range(5)]
    return codes


def test_five_failures_lock_the_account_even_for_the_right_password(client, users):
    assert five_failures(client) == [200, 200, 200, 200, 429]
    locked = sign_in(client, "eddie")  # the right password
    assert locked.status_code == 429
    assert b"Sign-in temporarily locked" in locked.content
    assert b"even with the right password" in locked.content
    assert int(locked["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session
    # The account is locked from any address, not only the one that failed.
    assert sign_in(client, "eddie", ip="192.0.2.99").status_code == 429


def test_another_user_from_another_address_still_signs_in(client, users):
    five_failures(client)
    other = sign_in(client, "wendy", ip="192.0.2.44")
    assert other.status_code == 302 and other["Location"] == reverse("wagtailadmin_home")


def test_the_failing_address_is_locked_for_every_account(client, users):
    five_failures(client, ip="198.51.100.7")
    assert sign_in(client, "wendy", ip="198.51.100.7").status_code == 429


def test_the_lock_ends_after_the_cool_off(client, users):
    five_failures(client)
    with time_machine.travel(timezone.now() + timedelta(minutes=14), tick=False):
        assert sign_in(client, "eddie").status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert sign_in(client, "eddie").status_code == 302


def test_unlock_command(client, users):
    five_failures(client)
    assert sign_in(client, "eddie").status_code == 429
    out = StringIO()
    call_command("unlock", "eddie", stdout=out)
    assert "Unlocked eddie" in out.getvalue()
    assert sign_in(client, "eddie").status_code == 302
    assert SecurityEvent.objects.filter(action="unlocked", target_name="eddie").exists()


def test_an_administrator_unlocks_in_the_admin_an_editor_cannot(client, users, admin_user):
    five_failures(client)
    from django.test import Client

    editor = Client()
    editor.force_login(users["editor"])
    assert editor.get(reverse("accounts_locked")).status_code != 200
    assert editor.post(reverse("accounts_locked"), {"username": "eddie"}).status_code != 200
    assert sign_in(client, "eddie").status_code == 429  # the editor's POST did nothing

    admin = Client()
    admin.force_login(admin_user)
    page = admin.get(reverse("accounts_locked"))
    assert page.status_code == 200 and b"eddie" in page.content
    assert admin.post(reverse("accounts_locked"), {"username": "eddie"}).status_code == 302
    assert sign_in(client, "eddie").status_code == 302


def request_from(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(settings):
    settings.SILKWIRE_TRUSTED_PROXIES = ["10.0.0.0/8"]
    # A client talking to us directly cannot pick its address.
    assert client_ip(request_from("203.0.113.9", "1.2.3.4")) == "203.0.113.9"
    # Through our proxy: the address the proxy appended, not what the client wrote before it.
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(request_from("10.0.0.2", "203.0.113.9, 10.0.0.3")) == "203.0.113.9"
    assert client_ip(request_from("10.0.0.2")) == "10.0.0.2"


def test_a_spoofed_forwarded_for_does_not_dodge_the_lockout(client, users, settings):
    settings.SILKWIRE_TRUSTED_PROXIES = ["10.0.0.0/8"]
    for n in range(5):
        sign_in(client, f"nobody{n}", "x" * 12, ip="203.0.113.9", HTTP_X_FORWARDED_FOR=f"1.1.1.{n}")
    # The address is locked: a fresh X-Forwarded-For from an untrusted peer changes nothing.
    assert (
        sign_in(client, "wendy", ip="203.0.113.9", HTTP_X_FORWARDED_FOR="8.8.8.8").status_code
        == 429
    )
    # Behind the trusted proxy, the client named by the proxy is judged instead.
    behind = sign_in(client, "wendy", ip="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert behind.status_code == 302


def test_the_security_log_records_failures_and_the_lockout(client, users):
    five_failures(client)
    sign_in(client, "eddie")
    actions = list(SecurityEvent.objects.order_by("pk").values_list("action", "ip_address"))
    assert actions.count(("login_failed", "198.51.100.7")) == 5
    assert ("locked_out", "198.51.100.7") in actions
    assert ("login_refused", "198.51.100.7") in actions


def test_passwords_shorter_than_12_characters_are_refused():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Qz7!kp2Wm#x")


def test_a_long_uncommon_password_is_accepted():
    validate_password("mellow-kettle-orbit-42")
