"""The reader's search page: ``/search/?q=`` with filters, sorting, snippets and pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from silkwire.core.ratelimit import rate_limited
from silkwire.search.articles import SORTS, article_text, parse_query, search_articles
from silkwire.search.filters import ArticleFilters, filter_choices
from silkwire.search.query import highlight

PER_PAGE = 20
FILTER_PARAMS = ("country", "topic", "kind", "author", "from", "to")


def _page_number(raw: str | None) -> int:
    try:
        return max(int(raw or "1"), 1)
    except (TypeError, ValueError):
        return 1


@require_safe
@rate_limited("search", "SILKWIRE_RATELIMIT_SEARCH", "search")
def search(request):
    """Render results; every parameter is optional and bad values are ignored, never a 500."""
    from silkwire.core.pagecache import do_not_store

    # Queries are unbounded and name variants change the answer: never fill the page cache.
    do_not_store()
    params = request.GET
    query = parse_query(params.get("q", ""))
    filters = ArticleFilters.from_params(params)
    sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
    number = _page_number(params.get("page"))
    results = search_articles(query, filters, sort=sort, page=number, per_page=PER_PAGE)
    paginator = Paginator(results, PER_PAGE)
    page_obj = paginator.page(min(number, paginator.num_pages))
    hits = [(article, highlight(article_text(article), query)) for article in page_obj]
    kept = {k: params[k][:200] for k in ("q", "sort", *FILTER_PARAMS) if params.get(k)}
    response = render(
        request,
        "search/search.html",
        {
            "query": query,
            "q": params.get("q", "")[:200],
            "filters": filters,
            "sort": sort,
            "page_obj": page_obj,
            "estimated": getattr(results, "estimated", False),
            "hits": hits,
            "searched": bool(query) or filters.active,
            "querystring": urlencode(kept),
            "selected": kept,
            "choices": filter_choices(),
        },
    )
    # Search results are thin, duplicate content: keep them out of search engines.
    response["X-Robots-Tag"] = "noindex"
    return response
