"""RSS 2.0 and Atom feeds for the home page, countries, country × topic, topics, authors and kinds.

URLs (see docs/feeds.md): ``/feeds/all.rss``, ``/feeds/country/<country>.rss``,
``/feeds/country/<country>/<topic>.rss``, ``/feeds/topic/<topic>.rss``,
``/feeds/author/<author>.rss``, ``/feeds/kind/<kind>.rss``; ``.atom`` for Atom; ``?full=1``
puts the whole article in each item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import re_path
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape
from django.views.decorators.http import require_safe

from silkwire.news import distribution
from silkwire.news.models import ArticleKind, Author, CountryPage, Topic, live_articles
from silkwire.news.models.pages import with_topic

FEED_ITEMS = 50


@dataclass
class FeedScope:
    slug: str  # the path after /feeds/, without the extension
    title: str
    link: str
    description: str
    articles: object  # a queryset of ArticlePage


def scope_for(kind: str, **kw: str) -> FeedScope:
    """Return what the feed at ``/feeds/<kind>/…`` covers; unknown values are a 404."""
    name = settings.SILKWIRE_PUBLICATION_NAME
    if kind == "all":
        return FeedScope("all", name, "/", f"Latest news from {name}.", live_articles())
    if kind == "country":
        country = get_object_or_404(CountryPage.objects.live(), slug=kw["country"])
        articles = country.articles()
        title, link, slug = f"{country.title} — {name}", country.url, f"country/{country.slug}"
        if kw.get("topic"):
            topic = get_object_or_404(Topic, slug=kw["topic"])
            articles = articles.filter(with_topic(topic))
            title = f"{country.title}: {topic.name} — {name}"
            link, slug = f"{country.url}{topic.slug}/", f"{slug}/{topic.slug}"
        return FeedScope(slug, title, link, f"{title}: latest articles.", articles)
    if kind == "topic":
        topic = get_object_or_404(Topic, slug=kw["topic"])
        return FeedScope(
            f"topic/{topic.slug}",
            f"{topic.name} — {name}",
            topic.get_absolute_url(),
            topic.description or f"Latest {topic.name.lower()} articles from {name}.",
            live_articles().filter(with_topic(topic)),
        )
    if kind == "author":
        author = get_object_or_404(Author, slug=kw["author"])
        return FeedScope(
            f"author/{author.slug}",
            f"{author.name} — {name}",
            author.get_absolute_url(),
            f"Articles by {author.name}.",
            live_articles().filter(article_authors__author=author),
        )
    if kind == "kind":
        value = kw["value"]
        if value not in ArticleKind.values:
            raise Http404("No such kind of article")
        label = ArticleKind(value).label
        plural = "Analysis" if value == "analysis" else f"{label}s"
        return FeedScope(
            f"kind/{value}",
            f"{plural} — {name}",
            "/search/?kind=" + value,
            f"{plural} from {name}.",
            live_articles().filter(kind=value),
        )
    raise Http404("No such feed")


class SilkwireRss(Rss201rev2Feed):
    """RSS 2.0 with one ``dc:creator`` per author, ``content:encoded`` and ``atom:updated``."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement("generator", "Silkwire")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item.get("authors", ()):
            handler.addQuickElement("dc:creator", author["name"])
        if item.get("updateddate"):
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class SilkwireAtom(Atom1Feed):
    """Atom with one ``author`` per author and ``content`` when full content is asked for."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            if author.get("url"):
                handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


_RELATIVE = re.compile(r'(\s(?:src|href)=")/(?!/)')


class ArticleFeed(Feed):
    feed_type = SilkwireRss
    extension = "rss"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.full = request.GET.get("full") in {"1", "true", "yes"}
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, kind="all", **kwargs):
        scope = scope_for(kind, **kwargs)
        self.country_of = distribution.CountryLookup()
        return scope

    def title(self, scope):
        return scope.title

    def link(self, scope):
        return distribution.absolute_url(scope.link)

    def description(self, scope):
        return scope.description

    subtitle = description

    def feed_url(self, scope):
        return distribution.absolute_url(f"/feeds/{scope.slug}.{self.extension}")

    def feed_guid(self, scope):
        return self.feed_url(scope)

    def author_name(self, scope):
        return settings.SILKWIRE_PUBLICATION_NAME

    def author_link(self, scope):
        return distribution.absolute_url("/")

    def items(self, scope):
        return list(distribution.with_distribution_data(scope.articles)[:FEED_ITEMS])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers treat RSS descriptions and Atom summaries as HTML: the plain-text standfirst
        # is escaped so that "A < B & C" reads as written.
        return escape(item.standfirst or item.search_description or item.title)

    def item_link(self, item):
        return distribution.absolute_url(distribution.article_path(item, self.request))

    def item_guid(self, item):
        # A tag URI keyed on the page id survives slug changes and moves between countries.
        return f"tag:{_host()},2026:article/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return distribution.published(item)

    def item_updateddate(self, item):
        return distribution.updated(item)

    def item_categories(self, item):
        country = self.country_of(item)
        names = [country.title] if country else []
        names += [c.title for c in item.other_countries.all()]
        names += [t.name for t in item.topics.all()] + sorted(t.name for t in item.tags.all())
        return list(dict.fromkeys(names))

    def item_enclosures(self, item):
        info = distribution.image_info(item)
        if info is None:
            return []
        return [Enclosure(info["url"], str(info["length"]), info["mime_type"])]

    def item_extra_kwargs(self, item):
        authors = [
            {"name": a.name, "url": distribution.absolute_url(a.get_absolute_url())}
            for a in item.authors
        ]
        if item.byline and not authors:
            authors = [{"name": item.byline}]
        extra = {"authors": authors}
        if self.full:
            extra["content"] = _RELATIVE.sub(
                r"\1" + settings.SILKWIRE_BASE_URL + "/", str(item.body)
            )
        return extra


class AtomArticleFeed(ArticleFeed):
    feed_type = SilkwireAtom
    extension = "atom"


def _host() -> str:
    from urllib.parse import urlsplit

    return urlsplit(settings.SILKWIRE_BASE_URL).hostname or "localhost"


@require_safe
@distribution.validated(track_changes=True)
def feed_view(request, ext, **kwargs):
    """Serve one feed; a fresh Feed object per request keeps request state off shared objects."""
    feed = AtomArticleFeed() if ext == "atom" else ArticleFeed()
    return feed(request, **kwargs)


_EXT = r"(?P<ext>rss|atom)"
urlpatterns = [
    re_path(rf"^all\.{_EXT}$", feed_view, {"kind": "all"}, name="feed-all"),
    re_path(
        rf"^country/(?P<country>[-\w]+)/(?P<topic>[-\w]+)\.{_EXT}$",
        feed_view,
        {"kind": "country"},
        name="feed-country-topic",
    ),
    re_path(
        rf"^country/(?P<country>[-\w]+)\.{_EXT}$",
        feed_view,
        {"kind": "country"},
        name="feed-country",
    ),
    re_path(rf"^topic/(?P<topic>[-\w]+)\.{_EXT}$", feed_view, {"kind": "topic"}, name="feed-topic"),
    re_path(
        rf"^author/(?P<author>[-\w]+)\.{_EXT}$", feed_view, {"kind": "author"}, name="feed-author"
    ),
    re_path(rf"^kind/(?P<value>[-\w]+)\.{_EXT}$", feed_view, {"kind": "kind"}, name="feed-kind"),
]
