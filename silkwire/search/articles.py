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
LOOKAHEAD_PAGES = 10  # matches are counted up to this many pages past the requested one
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
    query: ParsedQuery,
    filters: ArticleFilters,
    sort: str = "relevance",
    prepare=with_listing_data,
    page: int = 1,
    per_page: int = 20,
):
    """Return live, public articles matching ``query`` and ``filters``, ready to paginate.

    Without query terms the filtered articles come back newest first; with terms the
    backend ranks them (``relevance``) or they are ordered by publication (``date``).
    ``prepare`` adds the select/prefetch the caller's output needs. ``page`` and ``per_page``
    say which page the caller will show: with the database backend, matches are counted only
    up to 10 pages past it (``HeadlineFirst``).
    """
    base = ArticlePage.objects.live().public()
    if filters.active:
        backend = get_search_backend()
        if _uses_database_backend(backend):
            # Unordered: an ORDER BY inside the subquery made PostgreSQL sort the whole
            # filtered set (q=trade&kind=news at 100,000 articles: 531 -> 31 ms).
            base = base.filter(pk__in=Subquery(filters.apply(base).order_by().values("pk")))
        else:
            ids = filters.apply(base).order_by("-first_published_at").values_list("pk", flat=True)
            base = base.filter(pk__in=list(ids[:MAX_FILTER_IDS]))
    if not query:
        if not filters.active:
            return ArticlePage.objects.none()
        return prepare(base).order_by("-first_published_at", "-pk")
    search_query = query.to_search_query()
    if _uses_database_backend(get_search_backend()):
        return HeadlineFirst(
            base,
            search_query,
            query,
            prepare,
            by_relevance=sort != "date",
            narrow=filters.active,
            count_up_to=(min(max(page, 1), 10**6) + LOOKAHEAD_PAGES) * per_page,
        )
    qs = prepare(base)
    if sort == "date":
        return qs.order_by("-first_published_at", "-id").search(
            search_query, order_by_relevance=False
        )
    return qs.search(search_query)


class HeadlineFirst:
    """Relevance with Wagtail's database backend, at a cost bounded by ``RANKED``.

    The backend scores every matching row: on SQLite a one-word query that matched 9,908 of
    10,000 articles took 35 s, and on PostgreSQL its filter ``(title || body) @@ query``
    scanned all 1,000,000 body vectors, twice with the count (bench/RESULTS.md). Here the
    newest ``RANKED`` matches are fetched unscored (a walk along the date index that stops
    early) and ranked by where the words occur: headline, then standfirst, then body only;
    newest first within a rank. Older matches follow, newest first. With ``by_relevance``
    false the matches stay newest first.

    ``RANKED`` is 2,000 on SQLite, 200 on PostgreSQL, 40 on PostgreSQL with filters. Matches
    are counted up to ``count_up_to`` (10 pages past the requested one); past that the page
    says "more than N" (``estimated``). Elasticsearch/OpenSearch keep their own ranking and
    counts.
    """

    RANKED_SQLITE = 2000
    RANKED = 200
    RANKED_NARROW = 40

    def __init__(
        self,
        base,
        search_query,
        query: ParsedQuery,
        prepare,
        by_relevance=True,
        narrow=False,
        count_up_to: int = 10**9,
    ):
        from django.db import connection

        self.prepare = prepare
        self.ranked = self.RANKED_SQLITE if connection.vendor == "sqlite" else self.RANKED
        if narrow and connection.vendor == "postgresql":
            # With filters, the date walk passes ~60 rows per match (a country's analyses
            # are a sixtieth of the archive): rank fewer of the newest.
            self.ranked = self.RANKED_NARROW
        matches = (
            base.only("pk", "title", "standfirst", "first_published_at")
            .order_by("-first_published_at", "-id")
            .search(search_query, order_by_relevance=False)
        )
        head = [(p.pk, p.title, p.standfirst, p.first_published_at) for p in matches[: self.ranked]]
        # Counting every match is the expensive part (6-8 s for a common word at 1,000,000
        # articles on PostgreSQL): count a window past the requested page instead; every
        # page stays reachable, as each page counts from where it is.
        self.total = len(head)
        self.estimated = False
        if len(head) == self.ranked:
            window = max(count_up_to, self.ranked)
            found = matches.get_queryset().order_by()[: window + 1].count()
            self.total, self.estimated = min(found, window), found > window
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
            return (where if by_relevance else 0, -(row[3].timestamp() if row[3] else 0), -row[0])

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
