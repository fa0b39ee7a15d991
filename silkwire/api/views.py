"""``/api/v1/``: read-only JSON for partners (shapes in serializers.py, contract in openapi.py)."""

from __future__ import annotations

import math
import re

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date

from silkwire.api import openapi, reference, serializers
from silkwire.news import distribution
from silkwire.news.models import ArticlePage, Author, CountryPage, Topic
from silkwire.search.articles import parse_query, search_articles
from silkwire.search.filters import ArticleFilters, InvalidFilter

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_ID = 2**63 - 1  # the database's integer range; larger ids cannot exist
SLUG = re.compile(r"^[-A-Za-z0-9_]{1,100}$")


class BadRequest(Exception):
    pass


def content_response(body, **kwargs) -> JsonResponse:
    """A JSON response about site content, with ``Last-Modified`` for ``If-Modified-Since``."""
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False}, **kwargs)
    changed = distribution.content_changed_at()
    if changed is not None:
        response["Last-Modified"] = http_date(changed.timestamp())
    return response


def error(message: str, status: int = 400) -> JsonResponse:
    """The API's error shape, shared with the rates endpoints: ``{"error": "<what to fix>"}``."""
    return JsonResponse({"error": message}, status=status)


def _int_param(params, name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"[0-9]{1,19}", raw.strip()):
        raise BadRequest(f"{name}={raw!r}: use a whole number from {low} to {high}.")
    value = int(raw)
    if not low <= value <= high:
        raise BadRequest(f"{name}={raw!r}: use a whole number from {low} to {high}.")
    return value


def given(request):
    """Return the query parameters without empty ones: ``?kind=`` means no kind filter."""
    params = request.GET.copy()
    for key in [k for k, values in params.lists() if not any(v.strip() for v in values)]:
        del params[key]
    return params


def _paginate(request, qs, build):
    params = given(request)
    page = _int_param(params, "page", 1, 1, 10**9)
    size = _int_param(params, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    count = qs.count()
    start = (page - 1) * size
    items = [build(item) for item in qs[start : start + size]] if start < count else []
    pages = max(math.ceil(count / size), 1)

    def link(number):
        query = params.copy()
        query["page"] = str(number)
        return distribution.absolute_url(f"{request.path}?{query.urlencode()}")

    body = {
        "count": count,
        "page": page,
        "page_size": size,
        "num_pages": pages,
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if 1 < page <= pages else None,
        "results": items,
    }
    response = content_response(body)
    links = [
        f'<{body[key]}>; rel="{rel}"'
        for key, rel in (("next", "next"), ("previous", "prev"))
        if body[key]
    ]
    if links:
        response["Link"] = ", ".join(links)
    return response


def _check_slugs(params):
    for name in ("country", "topic", "author"):
        raw = params.get(name)
        if raw is not None and raw != "" and not SLUG.match(raw):
            raise BadRequest(f"{name}={raw!r}: use a slug (letters, digits, - and _).")
    sort = params.get("sort", "date")
    if sort not in ("date", "relevance"):
        raise BadRequest(f"sort={sort!r}: use date or relevance.")
    if len(params.get("q", "")) > 200:
        raise BadRequest("q: at most 200 characters.")


def index(request):
    base = distribution.absolute_url("/api/v1")
    return JsonResponse(
        {
            "articles": f"{base}/articles",
            "countries": f"{base}/countries",
            "topics": f"{base}/topics",
            "authors": f"{base}/authors",
            "rates": f"{base}/rates/latest",
            "openapi": f"{base}/openapi.json",
            "docs": f"{base}/docs",
        }
    )


def articles(request):
    """List live articles, newest first, with the filters of the search page."""
    params = given(request)
    try:
        _check_slugs(params)
        filters = ArticleFilters.from_params(params, strict=True)
        query = parse_query(params.get("q", ""))
        if query:
            results = search_articles(
                query,
                filters,
                sort=params.get("sort", "date"),
                prepare=distribution.with_distribution_data,
                page=_int_param(params, "page", 1, 1, 10**9),
                per_page=_int_param(params, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
            )
        else:
            base = ArticlePage.objects.live().public()
            results = distribution.with_distribution_data(filters.apply(base)).order_by(
                "-first_published_at", "-pk"
            )
        country_of = distribution.CountryLookup()
        return _paginate(
            request,
            results,
            lambda page: serializers.article_summary(page, country_of, request),
        )
    except (BadRequest, InvalidFilter) as exc:
        return error(str(exc))


def article(request, pk: str):
    if not re.fullmatch(r"[0-9]{1,19}", pk) or not 1 <= int(pk) <= MAX_ID:
        return error(f"{pk!r} is not an article id: use a positive whole number.")
    page = (
        distribution.with_distribution_data(ArticlePage.objects.live().public())
        .prefetch_related("corrections")
        .filter(pk=int(pk))
        .first()
    )
    if page is None:
        return error(f"No published article with id {pk}.", status=404)
    body = serializers.article_detail(page, distribution.CountryLookup(), request)
    response = content_response(body)
    response["Link"] = f'<{body["url"]}>; rel="alternate"; type="text/html"'
    return response


def countries(request):
    found = CountryPage.objects.live().order_by("path")
    return content_response({"results": [serializers.country_json(c) for c in found]})


def topics(request):
    return content_response({"results": [serializers.topic_json(t) for t in Topic.objects.all()]})


def authors(request):
    try:
        return _paginate(request, Author.objects.order_by("name", "pk"), serializers.author_json)
    except BadRequest as exc:
        return error(str(exc))


def openapi_document(request):
    return JsonResponse(openapi.document(), json_dumps_params={"ensure_ascii": False})


def docs(request):
    """A browsable page generated from the OpenAPI document (no third-party script)."""
    return render(
        request,
        "api/docs.html",
        {
            "spec": openapi.document(),
            "operations": reference.operations(),
            "shapes": reference.shapes(),
            "openapi_url": reverse("api-openapi"),
        },
    )
