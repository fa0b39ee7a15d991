"""Search published articles through Wagtail's configured search backend."""

from __future__ import annotations

from django.db.models import Subquery
from django.utils.html import strip_tags
from wagtail.search.backends import get_search_backend

from silkwire.news.models import ArticlePage, with_listing_data
from silkwire.search.filters import ArticleFilters
from silkwire.search.models import variant_groups
from silkwire.search.query import ParsedQuery, expand

SORTS = ("relevance", "date")
# A search engine outside the database cannot take a subquery, so filtered ids are sent as
# a list; this caps the list (newest first) for very broad filters.
MAX_FILTER_IDS = 10_000


def parse_query(raw: str) -> ParsedQuery:
    """Parse ``raw`` with the newsroom's name variants (one query)."""
    return expand(raw or "", variant_groups())


def _uses_database_backend(backend) -> bool:
    return type(backend).__module__.startswith(
        ("modelsearch.backends.database", "wagtail.search.backends.database")
    )


def search_articles(
    query: ParsedQuery, filters: ArticleFilters, sort: str = "relevance", prepare=with_listing_data
):
    """Return live, public articles matching ``query`` and ``filters``, ready to paginate.

    Without query terms the filtered articles come back newest first; with terms the
    backend ranks them (``relevance``) or they are ordered by publication (``date``).
    ``prepare`` adds the select/prefetch the caller's output needs.
    """
    base = ArticlePage.objects.live().public()
    if filters.active:
        backend = get_search_backend()
        ids = filters.apply(base).order_by("-first_published_at").values("pk")
        if _uses_database_backend(backend):
            base = base.filter(pk__in=Subquery(ids))
        else:
            base = base.filter(pk__in=list(ids.values_list("pk", flat=True)[:MAX_FILTER_IDS]))
    if not query:
        if not filters.active:
            return ArticlePage.objects.none()
        return prepare(base).order_by("-first_published_at", "-pk")
    search_query = query.to_search_query()
    qs = prepare(base)
    if sort == "date":
        return qs.order_by("-first_published_at", "-id").search(
            search_query, order_by_relevance=False
        )
    if _uses_sqlite_backend():
        return HeadlineFirst(base, search_query, query, prepare)
    return qs.search(search_query)


def _uses_sqlite_backend() -> bool:
    from django.db import connection

    return _uses_database_backend(get_search_backend()) and connection.vendor == "sqlite"


class HeadlineFirst:
    """Relevance for the embedded SQLite default, at a cost bounded by ``RANKED``.

    The SQLite backend scores every matching row in Python-facing SQL: a one-word query that
    matched 9,908 of 10,000 articles took 35 s (bench/RESULTS.md). Here the newest ``RANKED``
    matches are fetched unscored (an index walk, ~50 ms) and ranked by where the words occur:
    headline, then standfirst, then body only; newest first within a rank. Older matches
    follow, newest first. PostgreSQL and Elasticsearch keep their own relevance ranking.
    """

    RANKED = 2000

    def __init__(self, base, search_query, query: ParsedQuery, prepare):
        self.prepare = prepare
        matches = (
            base.only("pk")
            .order_by("-first_published_at", "-id")
            .search(search_query, order_by_relevance=False)
        )
        self.total = matches.count()
        head = list(
            ArticlePage.objects.filter(pk__in=[p.pk for p in matches[: self.RANKED]]).values_list(
                "pk", "title", "standfirst", "first_published_at"
            )
        )
        words = [w.casefold() for w in query.highlight_words()]

        def rank(row) -> tuple:
            title, standfirst = (row[1] or "").casefold(), (row[2] or "").casefold()
            where = (
                0
                if any(w in title for w in words)
                else 1
                if any(w in standfirst for w in words)
                else 2
            )
            return (where, -(row[3].timestamp() if row[3] else 0), -row[0])

        self.ids = [row[0] for row in sorted(head, key=rank)]
        self.rest = matches  # past RANKED: newest first, unscored

    def __len__(self) -> int:
        return self.total

    def count(self) -> int:
        return self.total

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, min(key.stop or self.total, self.total)
        ids = self.ids[start:stop]
        if stop > len(self.ids):
            ids += [p.pk for p in self.rest[max(start, len(self.ids)) : stop]]
        found = {a.pk: a for a in self.prepare(ArticlePage.objects.filter(pk__in=ids))}
        return [found[pk] for pk in ids if pk in found]


def article_text(page: ArticlePage) -> str:
    """Return the standfirst and body of ``page`` as plain text, without rendering blocks."""
    parts = [page.standfirst]
    for block in page.body.raw_data:
        parts.extend(_strings(block.get("value")))
    return " ".join(strip_tags(p) for p in parts if p)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [
            s
            for k, v in value.items()
            if k not in {"level", "url", "id", "type"}
            for s in _strings(v)
        ]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
