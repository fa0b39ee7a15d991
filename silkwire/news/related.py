"""Related articles: the editor's picks first, then the best-scoring published articles.

Score of a candidate (docs/search.md, "Related articles"):
  shared primary country 1.0, each further shared country 0.75, each shared topic 1.5,
  each shared tag 2.5, plus 4 × the word overlap of headline and standfirst (cosine, 0–1),
all divided by 1 + (days between the two publications) / 30, so a story from the same
week outranks an equally similar one from last year. Candidates are the 300 live articles
nearest in time, plus the 100 sharing the most tags. Never the article itself, never
a draft, an unpublished or a private page. A bounded number of queries, each an index walk that
stops early, whatever the archive size.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

WEIGHTS = {"country": 1.0, "other_country": 0.75, "topic": 1.5, "tag": 2.5, "text": 4.0}
RECENCY_DAYS = 30.0
CANDIDATES_EACH_SIDE = 150  # live articles nearest in time, before and after the article
TAG_LINKS_READ = 5000  # newest links of the article's tags read from the index
TAGGED_CANDIDATES = 100  # of those, the articles sharing the most tags (then nearest by id)
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

    def nearest(qs, each_side: int) -> list[dict]:
        """The ``each_side`` rows of ``qs`` published just before and just after the article:
        two walks along the publication-date index that stop after ``each_side`` rows."""
        before = qs.filter(first_published_at__lte=me.published).order_by("-first_published_at")
        after = qs.filter(first_published_at__gt=me.published).order_by("first_published_at")
        return list(before.values(*FIELDS)[:each_side]) + list(after.values(*FIELDS)[:each_side])

    # Countries and topics are shared by a sixth to a half of the archive, so the articles
    # nearest in time already hold the best of them. Tags are rarer and a strong signal:
    # the articles sharing the most tags (ids read from an index, newest first, bounded)
    # join the candidates. One query OR-ing every shared country, topic and tag ran for
    # minutes at 1,000,000 articles on PostgreSQL (bench/RESULTS.md).
    rows = nearest(live, CANDIDATES_EACH_SIDE)
    if me.tags:
        links = (
            ArticleTag.objects.filter(tag_id__in=me.tags)
            .exclude(content_object_id=page.pk)
            .order_by("-content_object_id")
            .values_list("content_object_id", flat=True)[:TAG_LINKS_READ]
        )
        shared = Counter(links)
        have = {r["pk"] for r in rows}
        best_tagged = sorted(
            (pk for pk in shared if pk not in have),
            key=lambda pk: (-shared[pk], abs(pk - page.pk)),
        )[:TAGGED_CANDIDATES]
        if best_tagged:
            rows += list(live.filter(pk__in=best_tagged).values(*FIELDS))
    skip = {p.pk for p in chosen}
    ranked = sorted(
        ((score(me, other), other.published, pk) for pk, other in _profiles(rows).items()),
        reverse=True,
    )
    best = [pk for s, _, pk in ranked if s > 0 and pk not in skip][: limit - len(chosen)]
    found = {a.pk: a for a in with_listing_data(ArticlePage.objects.filter(pk__in=best))}
    return chosen + [found[pk] for pk in best if pk in found]
