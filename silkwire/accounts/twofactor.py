"""Who must use two-factor sign-in, and the devices that give it (django-otp)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def required_for(user) -> bool:
    """Return whether ``user`` must use two-factor sign-in (SILKWIRE_REQUIRE_2FA)."""
    if not (user.is_authenticated and settings.SILKWIRE_REQUIRE_2FA):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.SILKWIRE_TWO_FACTOR_GROUPS).exists()


def has_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_totp(user) -> TOTPDevice:
    """Return the user's unconfirmed authenticator device, made on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODES new single-use ones."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name="Recovery codes", defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_devices(user) -> int:
    """Delete every two-factor device of ``user``; return how many."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return removed


def verify(user, code: str):
    """Return the device that accepts ``code`` (an app code or a recovery code), or None.

    Six digits go to the authenticator app, anything else to the recovery codes, so a typo
    in one does not count against the other's throttle.
    """
    code = "".join(code.split()).lower()
    if not code:
        return None
    app_code = code.isdigit() and len(code) == 6
    wanted = TOTPDevice if app_code else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, wanted) and device.verify_token(code):
                return device
    return None


def throttled_until(user):
    """Return when wrong codes stop being throttled, if they are throttled now."""
    for device in devices_for_user(user, confirmed=True):
        allowed, info = device.verify_is_allowed()
        if not allowed and info and info.get("locked_until"):
            return info["locked_until"]
    return None
