"""Two-factor sign-in for editors and administrators when SILKWIRE_REQUIRE_2FA is on."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from silkwire.accounts.models import SecurityEvent
from tests.accounts.conftest import sign_in, totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.SILKWIRE_REQUIRE_2FA = True  # what production (SILKWIRE_ENV=production) defaults to


def enrol(client) -> tuple[str, list[str]]:
    """Go through the enrolment page as a person would; return the secret and recovery codes."""
    page = client.get(reverse("accounts_2fa_enrol"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "data-enrol-qr" in html  # the QR code is drawn inline
    assert "http://" not in html.split("data-enrol-qr", 1)[1].split("</div>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )  # ... and loads nothing from elsewhere
    secret = re.search(r"data-enrol-secret>([A-Z2-7 ]+)<", html).group(1)
    wrong = client.post(reverse("accounts_2fa_enrol"), {"code": "000000"})
    assert wrong.status_code == 200 and b"not right" in wrong.content
    with time_machine.travel(time.time() + 2, tick=False):  # a wrong code throttles for 1 s
        done = client.post(reverse("accounts_2fa_enrol"), {"code": totp(secret)})
    assert done.status_code == 200 and "no-store" in done["Cache-Control"]
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", done.content.decode())
    assert len(codes) == 10
    return secret, codes


def test_an_editor_is_sent_to_enrol_and_reaches_nothing_else(client, users, required):
    response = sign_in(client, "eddie")
    assert response.status_code == 302
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 302 and home["Location"].startswith(reverse("accounts_2fa_enrol"))
    for url in [
        reverse("wagtailadmin_explore_root"),
        reverse("accounts_security_log"),
        "/admin/pages/search/",
    ]:
        blocked = client.get(url)
        assert blocked.status_code == 302, url
        assert blocked["Location"].startswith(reverse("accounts_2fa_enrol")), url

    secret, codes = enrol(client)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert SecurityEvent.objects.filter(action="2fa_enrolled", target_name="eddie").exists()


def test_next_sign_in_needs_a_code_from_the_app(client, users, required):
    sign_in(client, "eddie")
    secret, codes = enrol(client)
    client.logout()

    later = time.time() + 90  # a later 30-second step: a code is accepted once only
    with time_machine.travel(later, tick=False):
        assert sign_in(client, "eddie").status_code == 302
        home = client.get(reverse("wagtailadmin_home"))
        assert home["Location"].startswith(reverse("accounts_2fa_verify"))
        wrong = client.post(reverse("accounts_2fa_verify"), {"code": "123456"})
        assert wrong.status_code == 200 and b"not right" in wrong.content
    with time_machine.travel(later + 60, tick=False):  # past the one-second throttle
        ok = client.post(
            reverse("accounts_2fa_verify"),
            {"code": totp(secret, at=later + 60), "next": reverse("wagtailadmin_home")},
        )
        assert ok.status_code == 302 and ok["Location"] == reverse("wagtailadmin_home")
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert SecurityEvent.objects.filter(action="2fa_failed", target_name="eddie").count() == 1


def test_a_recovery_code_works_once(client, users, required):
    sign_in(client, "eddie")
    secret, codes = enrol(client)
    client.logout()

    sign_in(client, "eddie")
    used = client.post(reverse("accounts_2fa_verify"), {"code": codes[0].upper()})
    assert used.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    event = SecurityEvent.objects.get(action="recovery_code_used")
    assert event.target_name == "eddie" and "9 recovery codes left" in event.detail
    client.logout()

    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
        sign_in(client, "eddie")
        again = client.post(reverse("accounts_2fa_verify"), {"code": codes[0]})
        assert again.status_code == 200 and b"not right" in again.content
        assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_disable_and_enrol_again(client, users, required):
    sign_in(client, "eddie")
    enrol(client)
    off = client.post(reverse("accounts_2fa_disable"))
    assert off.status_code == 302
    assert SecurityEvent.objects.filter(action="2fa_disabled", target_name="eddie").exists()
    # Still required for an editor: straight back to enrolment, with a new secret.
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(
        reverse("accounts_2fa_enrol")
    )
    enrol(client)


def test_a_writer_is_not_forced(client, users, required):
    assert sign_in(client, "wendy").status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_local_mode_leaves_two_factor_off(client, users):
    # tests run with SILKWIRE_ENV=local, like `make run`: the demo editor signs in in one step.
    assert sign_in(client, "eddie").status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_enrolled_writer_must_still_verify(client, users):
    sign_in(client, "wendy")
    enrol(client)
    fresh = Client()
    sign_in(fresh, "wendy")
    assert fresh.get(reverse("wagtailadmin_home"))["Location"].startswith(
        reverse("accounts_2fa_verify")
    )


def test_reset_two_factor_from_the_command_line(client, users, required):
    from django.core.management import call_command

    sign_in(client, "eddie")
    enrol(client)
    call_command("unlock", "eddie", "--reset-2fa")
    fresh = Client()
    sign_in(fresh, "eddie")
    assert fresh.get(reverse("wagtailadmin_home"))["Location"].startswith(
        reverse("accounts_2fa_enrol")
    )
