"""Two-factor sign-in in the Wagtail admin: enrol (QR code), verify, recovery codes, disable."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from silkwire.accounts import audit, twofactor
from silkwire.accounts.models import SecurityEvent

Action = SecurityEvent.Action


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _qr_svg(text: str) -> str:
    """Return ``text`` as an inline SVG QR code: drawn here, no third-party request."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]  # drop the XML declaration: it is not allowed inline


def _spaced(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _show_codes(request, codes, title):
    response = TemplateResponse(
        request, "accounts/recovery_codes.html", {"codes": codes, "title": title}
    )
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def overview(request):
    user = request.user
    return TemplateResponse(
        request,
        "accounts/two_factor.html",
        {
            "enabled": twofactor.has_device(user),
            "required": twofactor.required_for(user),
            "codes_left": twofactor.recovery_codes_left(user),
        },
    )


@never_cache
def enrol(request):
    """Show a new authenticator secret (QR code and text); confirm it with a code."""
    user = request.user
    if twofactor.has_device(user):
        messages.info(request, "Two-factor sign-in is already on. Turn it off to enrol again.")
        return redirect("accounts_2fa")
    device = twofactor.pending_totp(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = "".join(form.cleaned_data["code"].split())
        if device.verify_token(code):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = twofactor.new_recovery_codes(user)
            otp_login(request, device)
            audit.record(Action.TWOFA_ENROLLED, request=request, target=user.get_username())
            return _show_codes(request, codes, "Two-factor sign-in is on")
        form.add_error("code", "That code is not right. Check the phone's clock and try again.")
    secret = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr_svg": mark_safe(_qr_svg(device.config_url)),  # noqa: S308  (drawn by qrcode)
            "secret": _spaced(secret),
            "required": twofactor.required_for(user),
            "next": _next_url(request),
        },
    )


@never_cache
def verify(request):
    """The second step of signing in: a code from the app, or one recovery code."""
    user = request.user
    if user.is_verified() or not twofactor.has_device(user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        until = twofactor.throttled_until(user)
        device = None if until else twofactor.verify(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                audit.record(
                    Action.RECOVERY_CODE_USED,
                    request=request,
                    target=user.get_username(),
                    detail=f"{left} recovery codes left",
                )
                messages.warning(
                    request,
                    f"You signed in with a recovery code; {left} are left. "
                    "Make new ones under Account → Two-factor sign-in if you are running low.",
                )
            return redirect(_next_url(request))
        audit.record(Action.TWOFA_FAILED, request=request, target=user.get_username())
        if until:
            # Each wrong code doubles the wait (django-otp's throttle): guessing is hopeless.
            when = timezone.localtime(until)
            form.add_error(
                "code", f"Too many wrong codes: wait until {when:%H:%M:%S} and try again."
            )
        else:
            form.add_error("code", "That code is not right.")
    return TemplateResponse(
        request, "accounts/verify.html", {"form": form, "next": _next_url(request)}
    )


@require_POST
def disable(request):
    """Remove the user's devices (only from a session that passed two-factor sign-in)."""
    user = request.user
    if twofactor.has_device(user) and user.is_verified():
        twofactor.remove_devices(user)
        request.session.pop("otp_device_id", None)
        audit.record(Action.TWOFA_DISABLED, request=request, target=user.get_username())
        messages.success(request, "Two-factor sign-in is off; your recovery codes are void.")
    return redirect("accounts_2fa")


@require_POST
def recovery_codes(request):
    """Replace the recovery codes and show the new ones once."""
    user = request.user
    if not (twofactor.has_device(user) and user.is_verified()):
        return redirect("accounts_2fa")
    codes = twofactor.new_recovery_codes(user)
    audit.record(Action.RECOVERY_CODES_NEW, request=request, target=user.get_username())
    return _show_codes(request, codes, "New recovery codes")
