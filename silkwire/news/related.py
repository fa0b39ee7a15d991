"""Related articles: the editor's picks first, then the best-scoring published articles.

Score of a candidate (docs/search.md, "Related articles"):
  shared primary country 1.0, each further shared country 0.75, each shared topic 1.5,
  each shared tag 2.5, plus 4 × the word overlap of headline and standfirst (cosine, 0–1),
all divided by 1 + (days between the two publications) / 30, so a story from the same
week outranks an equally similar one from last year. Candidates are the 300 articles nearest
in time that share a country, topic or tag, plus the 100 nearest within 30 days. Never the article itself, never a
draft, an unpublished or a private page. A bounded number of queries, whatever the archive size.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

WEIGHTS = {"country": 1.0, "other_country": 0.75, "topic": 1.5, "tag": 2.5, "text": 4.0}
RECENCY_DAYS = 30.0
CANDIDATES_EACH_SIDE = 150  # nearest in time before and after the article
NEAREST_IN_TIME = 100  # articles within RECENCY_DAYS, scored for shared words whatever their tags
# Text similarity ranks these candidates only: asking the search backend for more (an OR query
# scored over every matching row) took minutes per render at 10,000 articles (bench/RESULTS.md).
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_STOP = {
    "about", "after", "again", "also", "amid", "been", "before", "being", "could", "from",
    "have", "into", "more", "most", "over", "said", "says", "than", "that", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "under", "were", "what",
    "when", "which", "while", "will", "with", "would", "year", "years",
}  # fmt: skip


def keywords(*texts: str) -> set[str]:
    return {w for t in texts for w in _WORD.findall((t or "").casefold()) if w not in _STOP}


@dataclass
class Profile:
    pk: int
    country: int | None
    published: datetime
    words: set[str]
    countries: set[int] = field(default_factory=set)
    topics: set[int] = field(default_factory=set)
    tags: set[int] = field(default_factory=set)


def score(article: Profile, other: Profile) -> float:
    """Return how related ``other`` is to ``article`` (0 means not at all)."""
    total = 0.0
    shared = (article.countries | {article.country}) & (other.countries | {other.country})
    shared.discard(None)
    if article.country is not None and article.country == other.country:
        total += WEIGHTS["country"]
        shared.discard(article.country)
    total += WEIGHTS["other_country"] * len(shared)
    total += WEIGHTS["topic"] * len(article.topics & other.topics)
    total += WEIGHTS["tag"] * len(article.tags & other.tags)
    if article.words and other.words:
        overlap = len(article.words & other.words)
        total += WEIGHTS["text"] * overlap / math.sqrt(len(article.words) * len(other.words))
    days = abs((article.published - other.published).total_seconds()) / 86400
    return total / (1 + days / RECENCY_DAYS)


def _profiles(rows) -> dict[int, Profile]:
    from silkwire.news.models import ArticlePage, ArticleTag, CountryPage

    countries = {c.path: c.pk for c in CountryPage.objects.only("pk", "path")}
    found = {
        r["pk"]: Profile(
            pk=r["pk"],
            country=countries.get(r["path"][: -ArticlePage.steplen]),
            published=r["display_date"] or r["first_published_at"] or timezone.now(),
            words=keywords(r["title"], r["standfirst"]),
        )
        for r in rows
    }
    ids = list(found)
    topics = ArticlePage.topics.through.objects.filter(articlepage_id__in=ids)
    for page_id, topic_id in topics.values_list("articlepage_id", "topic_id"):
        found[page_id].topics.add(topic_id)
    others = ArticlePage.other_countries.through.objects.filter(articlepage_id__in=ids)
    for page_id, country_id in others.values_list("articlepage_id", "countrypage_id"):
        found[page_id].countries.add(country_id)
    tags = ArticleTag.objects.filter(content_object_id__in=ids)
    for page_id, tag_id in tags.values_list("content_object_id", "tag_id"):
        found[page_id].tags.add(tag_id)
    return found


FIELDS = ("pk", "path", "title", "standfirst", "first_published_at", "display_date")


def related_articles(page, limit: int = 4) -> list:
    """Return up to ``limit`` live articles related to ``page``, best first."""
    from silkwire.news.models import ArticlePage, ArticleTag, with_listing_data

    chosen = [
        link.related
        for link in page.related_links.select_related("related")
        if link.related.live and link.related.pk != page.pk
    ][:limit]
    if len(chosen) >= limit:
        return chosen
    (me,) = _profiles([{f: getattr(page, f) for f in FIELDS}]).values()
    live = ArticlePage.objects.live().public().exclude(pk=page.pk)
    through = ArticlePage.other_countries.through
    shared = Q(path__startswith=page.path[: -ArticlePage.steplen])
    for country_id in me.countries | ({me.country} - {None}):
        shared |= Q(
            pk__in=through.objects.filter(countrypage_id=country_id).values("articlepage_id")
        )
    if me.topics:
        shared |= Q(
            pk__in=ArticlePage.topics.through.objects.filter(topic_id__in=me.topics).values(
                "articlepage_id"
            )
        )
    if me.tags:
        shared |= Q(
            pk__in=ArticleTag.objects.filter(tag_id__in=me.tags).values("content_object_id")
        )
    near = live.filter(shared)
    rows = list(
        near.filter(first_published_at__lte=me.published)
        .order_by("-first_published_at")
        .values(*FIELDS)[:CANDIDATES_EACH_SIDE]
    ) + list(
        near.filter(first_published_at__gt=me.published)
        .order_by("first_published_at")
        .values(*FIELDS)[:CANDIDATES_EACH_SIDE]
    )
    # Stories filed elsewhere and untagged can still share words: score the articles nearest
    # in time too (an indexed range scan, bounded), instead of a full-text query.
    have = {r["pk"] for r in rows}
    window = timedelta(days=RECENCY_DAYS)
    rows += [
        r
        for r in live.filter(
            first_published_at__range=(me.published - window, me.published + window)
        )
        .order_by("-first_published_at")
        .values(*FIELDS)[:NEAREST_IN_TIME]
        if r["pk"] not in have
    ]
    skip = {p.pk for p in chosen}
    ranked = sorted(
        ((score(me, other), other.published, pk) for pk, other in _profiles(rows).items()),
        reverse=True,
    )
    best = [pk for s, _, pk in ranked if s > 0 and pk not in skip][: limit - len(chosen)]
    found = {a.pk: a for a in with_listing_data(ArticlePage.objects.filter(pk__in=best))}
    return chosen + [found[pk] for pk in best if pk in found]
