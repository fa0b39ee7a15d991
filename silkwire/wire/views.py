"""The admin "Wire" view: browse, filter, group; make a draft from an item or dismiss it."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.permission_policies.pages import PagePermissionPolicy

from silkwire.ingest.countries import primary_country
from silkwire.news.models import CountryPage
from silkwire.wire.drafts import create_draft, dismiss, restore
from silkwire.wire.models import Feed, StoryGroup, WireItem

PER_PAGE = 30


def _date(value: str | None, *, end: bool = False) -> datetime | None:
    try:
        day = datetime.strptime((value or "").strip(), "%Y-%m-%d").date()
    except ValueError:
        return None
    moment = datetime.combine(day, time.max if end else time.min)
    return timezone.make_aware(moment)


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def filter_items(params) -> tuple[object, dict]:
    """Return (WireItem queryset, the filters that applied) for the GET parameters."""
    items = WireItem.objects.all()
    applied: dict = {}
    if params.get("show") == "dismissed":
        items = items.filter(dismissed_at__isnull=False)
        applied["show"] = "dismissed"
    else:
        items = items.visible()
    country = CountryPage.objects.filter(slug=params.get("country", "")).first()
    if country is not None:
        # Tagged with the country, or from an outlet based there.
        items = items.filter(Q(countries=country) | Q(feed__country=country)).distinct()
        applied["country"] = country.slug
    feed_id = _int(params.get("feed"))
    if feed_id is not None:
        items = items.filter(feed_id=feed_id)
        applied["feed"] = feed_id
    start, end = _date(params.get("from")), _date(params.get("to"), end=True)
    if start:
        items = items.filter(sort_at__gte=start)
        applied["from"] = params["from"]
    if end:
        items = items.filter(sort_at__lte=end)
        applied["to"] = params["to"]
    query = " ".join((params.get("q") or "").split())[:200]
    if query:
        items = items.filter(Q(title__icontains=query) | Q(summary__icontains=query))
        applied["q"] = query
    return items, applied


def wire_index(request: HttpRequest) -> HttpResponse:
    items, applied = filter_items(request.GET)
    grouped = request.GET.get("view") != "items"
    if grouped:
        story_ids = items.exclude(story__isnull=True).values("story_id")
        stories = (
            StoryGroup.objects.filter(pk__in=story_ids)
            .order_by("-latest_at", "-pk")
            .prefetch_related(
                Prefetch(
                    "items",
                    queryset=items.select_related("feed", "draft")
                    .prefetch_related("countries")
                    .order_by("sort_at", "pk"),
                    to_attr="shown_items",
                )
            )
        )
        paginator = Paginator(stories, PER_PAGE)
    else:
        paginator = Paginator(
            items.select_related("feed", "draft", "story").prefetch_related("countries"),
            PER_PAGE,
        )
    page = paginator.get_page(request.GET.get("p"))  # garbage → first or last page
    query = request.GET.copy()
    query.pop("p", None)
    feeds = Feed.objects.order_by("name")
    return TemplateResponse(
        request,
        "wire/index.html",
        {
            "page_obj": page,
            "grouped": grouped,
            "applied": applied,
            "countries": CountryPage.objects.order_by("path"),
            "feeds": feeds,
            "troubled_feeds": [f for f in feeds if f.disabled_at or f.error_count],
            "querystring": query.urlencode(),
            "back": request.get_full_path(),
            "since": timezone.now() - timedelta(days=1),
        },
    )


def _back(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return reverse("wire_index")


def can_edit_wire(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, {"add"})


@require_POST
def item_draft(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(WireItem.objects.select_related("feed", "feed__country"), pk=item_id)
    country = primary_country(item.feed.country, item.detected_countries())
    if not country.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    outcome = create_draft(item, user=request.user, full_text=bool(request.POST.get("full_text")))
    for warning in outcome.warnings:
        messages.warning(request, warning)
    if outcome.created:
        note = " Full text imported: rewrite it before publishing." if outcome.full_text else ""
        messages.success(request, f"Draft “{outcome.page.title}” created in {country}.{note}")
    else:
        messages.info(request, "This item already has a draft.")
    return redirect("wagtailadmin_pages:edit", outcome.page.pk)


@require_POST
def item_dismiss(request: HttpRequest, item_id: int) -> HttpResponse:
    if not can_edit_wire(request.user):
        raise PermissionDenied
    item = get_object_or_404(WireItem, pk=item_id)
    if request.POST.get("undo"):
        restore(item)
        messages.success(request, f"“{item.title}” is back on the wire.")
    else:
        dismiss(item, user=request.user)
        messages.success(request, f"“{item.title}” dismissed; it will not come back.")
    return redirect(_back(request))
