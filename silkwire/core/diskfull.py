"""Tell an editor that the disk is full instead of answering a save or publish with a 500.

When the disk (or the database's) is full, the write of a save or publish fails with
SQLite's "database or disk is full", PostgreSQL's DiskFull (SQLSTATE 53100) or ENOSPC
from a file write. For a POST to the admin, the middleware shows the editor the admin
form again, with what they typed and a message saying the change was not saved.
"""

from __future__ import annotations

import errno
import logging

from django.contrib import messages
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.views import View

log = logging.getLogger("silkwire.diskfull")

MESSAGE = "The server's disk is full: your change was not saved. Tell the site's operator."
DB_FULL_TEXTS = ("database or disk is full", "no space left on device", "could not extend file")
NO_SPACE_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
PG_DISK_FULL = "53100"


def is_disk_full(exc: BaseException | None) -> bool:
    """Return True when ``exc`` (or an exception it wraps) says the disk is full."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in NO_SPACE_ERRNOS:
            return True
        if getattr(exc, "sqlstate", None) == PG_DISK_FULL:
            return True
        if isinstance(exc, DatabaseError) or type(exc).__module__.startswith(
            ("sqlite3", "psycopg")
        ):
            if any(text in str(exc).lower() for text in DB_FULL_TEXTS):
                return True
        exc = exc.__cause__ or exc.__context__
    return False


def _admin_prefix() -> str | None:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


def _form_view(exc: BaseException, request) -> View | None:
    """Return the class-based view that was handling ``request`` when ``exc`` was raised."""
    tb = exc.__traceback__
    while tb is not None:
        candidate = tb.tb_frame.f_locals.get("self")
        if (
            isinstance(candidate, View)
            and getattr(candidate, "request", None) is request
            and hasattr(candidate, "render_to_response")
            and hasattr(candidate, "get_context_data")
        ):
            return candidate
        tb = tb.tb_next
    return None


def _rerender(view: View):
    """Render the view's form again, bound to what the editor posted, without writing."""
    # Wagtail records "who is editing" with a database write while rendering the form;
    # skip that widget so the form can be shown on a full disk.
    view.get_editing_sessions = lambda: None
    view.has_unsaved_changes = True
    response = view.render_to_response(view.get_context_data())
    if hasattr(response, "render"):
        response.render()
    return response


class DiskFullMiddleware:
    """Answer an admin POST that failed on a full disk with the form and a clear message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        prefix = _admin_prefix()
        if request.method != "POST" or not prefix or not request.path.startswith(prefix):
            return None
        if not is_disk_full(exception):
            return None
        log.error("disk full: %s %s was not saved: %s", request.method, request.path, exception)
        view = _form_view(exception, request)
        if view is not None and getattr(view, "expects_json_response", False):
            return JsonResponse(
                {"success": False, "error_code": "disk_full", "error_message": MESSAGE},
                status=507,
            )
        if view is not None:
            messages.error(request, MESSAGE)
            try:
                return _rerender(view)
            except Exception:  # the form could not be shown again: say so plainly below
                log.exception("disk full: the form of %s could not be shown again", request.path)
        return HttpResponse(
            f"<!doctype html><title>Not saved</title><h1>Not saved</h1><p>{escape(MESSAGE)}</p>"
            "<p>Go back to keep your text, and try again once there is room.</p>",
            status=507,
        )
