"""Helpers for the accounts tests: sign in through the real Wagtail login form."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

import pytest
from django.urls import reverse

PASSWORD = "correct horse battery"


def sign_in(client, username, password=PASSWORD, ip="198.51.100.7", **extra):
    """POST the admin login form as a browser at ``ip`` would."""
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        **extra,
    )


def totp(secret_b32: str, at: float | None = None, step: int = 30) -> str:
    """RFC 6238 code for a base32 secret, written out here to check against the app's side."""
    key = base64.b32decode(secret_b32.replace(" ", "").upper())
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


@pytest.fixture
def admin_user(db):
    from tests.factories import make_user

    return make_user("ada", "Administrators")
