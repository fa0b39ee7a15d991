"""Article filters shared by the search page and the JSON API.

The search page is lenient (an unknown value is ignored and reported to the reader); the API
is strict about malformed values (a bad date is a 400) but treats a well-formed slug that
matches nothing as a filter that matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from django.db.models import Q, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from silkwire.news.models import ArticleAuthor, ArticleKind, ArticlePage, Author, CountryPage, Topic


class InvalidFilter(ValueError):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass
class ArticleFilters:
    country: CountryPage | None = None
    topic: Topic | None = None
    kind: str | None = None
    author: Author | None = None
    since: datetime | None = None
    until: datetime | None = None
    matches_nothing: bool = False
    ignored: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.matches_nothing or any(
            v is not None
            for v in (self.country, self.topic, self.kind, self.author, self.since, self.until)
        )

    @classmethod
    def from_params(cls, params, *, strict: bool = False) -> ArticleFilters:
        """Read ``country``, ``topic``, ``kind``, ``author``, ``since``/``from``, ``until``/``to``."""
        f = cls()

        def problem(name: str, message: str):
            if strict:
                raise InvalidFilter(name, message)
            f.ignored.append(message)

        def value(*names: str) -> tuple[str, str]:
            for name in names:
                raw = (params.get(name) or "").strip()
                if raw:
                    return name, raw[:200]
            return names[0], ""

        def lookup(name: str, raw: str, found):
            if found is None:
                if strict:
                    f.matches_nothing = True  # well-formed, just matches nothing
                else:
                    problem(name, f"Unknown {name} “{raw}” ignored.")
            return found

        _, country = value("country")
        if country:
            f.country = lookup(
                "country",
                country,
                CountryPage.objects.live()
                .filter(Q(slug__iexact=country) | (Q(code__iexact=country) & ~Q(code="")))
                .first(),
            )
        _, topic = value("topic")
        if topic:
            f.topic = lookup("topic", topic, Topic.objects.filter(slug__iexact=topic).first())
        _, author = value("author")
        if author:
            f.author = lookup("author", author, Author.objects.filter(slug__iexact=author).first())
        _, kind = value("kind")
        if kind:
            if kind.lower() in ArticleKind.values:
                f.kind = kind.lower()
            else:
                problem(
                    "kind", f"Unknown kind “{kind}”; use one of {', '.join(ArticleKind.values)}."
                )
        name, since = value("since", "from")
        if since:
            f.since = _parse_moment(since, end=False)
            if f.since is None:
                problem(name, f"“{since}” is not a date (use YYYY-MM-DD or an ISO 8601 time).")
        name, until = value("until", "to")
        if until:
            f.until = _parse_moment(until, end=True)
            if f.until is None:
                problem(name, f"“{until}” is not a date (use YYYY-MM-DD or an ISO 8601 time).")
        return f

    def apply(self, qs):
        """Return ``qs`` (ArticlePage) narrowed by these filters, without duplicating rows."""
        if self.matches_nothing:
            return qs.none()
        if self.country is not None:
            through = ArticlePage.other_countries.through
            qs = qs.filter(
                Q(path__startswith=self.country.path, depth=self.country.depth + 1)
                | Q(
                    pk__in=Subquery(
                        through.objects.filter(countrypage_id=self.country.pk).values(
                            "articlepage_id"
                        )
                    )
                )
            )
        if self.topic is not None:
            through = ArticlePage.topics.through
            qs = qs.filter(
                pk__in=Subquery(
                    through.objects.filter(topic_id=self.topic.pk).values("articlepage_id")
                )
            )
        if self.author is not None:
            qs = qs.filter(
                pk__in=Subquery(
                    ArticleAuthor.objects.filter(author_id=self.author.pk).values("page_id")
                )
            )
        if self.kind:
            qs = qs.filter(kind=self.kind)
        if self.since is not None:
            qs = qs.filter(first_published_at__gte=self.since)
        if self.until is not None:
            qs = qs.filter(first_published_at__lt=self.until)
        return qs


def _parse_moment(raw: str, *, end: bool) -> datetime | None:
    """Parse a date (a whole local day; ``end`` means up to its end) or an ISO 8601 time."""
    # RFC 3339 allows a lower-case "t"/"z" and a leap second (":60"), which Python does not.
    raw = re.sub(r"(\d\d:\d\d):60", r"\1:59", raw.strip().upper())
    try:
        day = parse_date(raw)
        moment = None if day else parse_datetime(raw)
    except (ValueError, OverflowError):
        return None
    if day is not None:
        try:
            if end:
                day = day + timedelta(days=1)
        except OverflowError:
            return None
        return _clamp(_aware(datetime.combine(day, time.min)))
    if moment is None:
        return None
    return _clamp(moment if timezone.is_aware(moment) else _aware(moment))


# Dates far outside the archive are clamped, not refused: converting year 1 or 9999 to UTC
# would overflow, and "since 0001-01-01" simply means "from the beginning".
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def _clamp(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    try:
        return min(max(moment, EARLIEST), LATEST)
    except OverflowError:
        return EARLIEST if moment.year < 2000 else LATEST


def _aware(moment: datetime) -> datetime | None:
    try:
        return timezone.make_aware(moment)
    except (ValueError, OverflowError):
        return None


def filter_choices() -> dict[str, list]:
    """Return the choices the search form offers (three small queries)."""
    return {
        "countries": list(CountryPage.objects.live().order_by("path").values("slug", "title")),
        "topics": list(Topic.objects.values("slug", "name")),
        "kinds": list(ArticleKind.choices),
        "authors": list(Author.objects.values("slug", "name")),
    }
