"""The page tree: home, countries (with country × topic listings), topics, authors and tags."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.db.models import Exists, F, OuterRef, QuerySet, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.url_routing import RouteResult

from silkwire.core.pagecache.fragments import cached
from silkwire.core.wagtail_compat import set_cached_parent
from silkwire.news.models.article import (
    LISTING_PREFETCH,
    ArticleKind,
    ArticlePage,
    FewerRestrictionQueries,
    any_view_restriction,
    with_listing_data,
)
from silkwire.news.models.snippets import Author, Topic

PER_PAGE = 20


LOOKAHEAD_PAGES = 50


class WindowPaginator(Paginator):
    """Counts at most ``LOOKAHEAD_PAGES`` past the requested page, not the whole archive.

    A country holds a sixth of a million-article archive: counting it for "Page 1 of N" on
    every render is work proportional to the corpus. Past the window the listing says
    "Page 1 of 50+"; every page stays reachable (each page counts from where it is).
    """

    def __init__(self, object_list, per_page, number: int):
        super().__init__(object_list, per_page)
        self.limit = (number + LOOKAHEAD_PAGES) * per_page
        self.capped = False

    @cached_property
    def count(self):
        # Unordered: counting any ``limit + 1`` rows lets the database stop as soon as it has
        # them, instead of sorting the whole section by date first.
        found = self.object_list.order_by()[: self.limit + 1].count()
        self.capped = found > self.limit
        return min(found, self.limit)


def paginate(request, queryset, per_page: int = PER_PAGE):
    """Return the requested page of ``queryset``: garbage gives page 1, past the end a 404."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), 10**6)
    if hasattr(queryset, "defer_streamfields"):
        queryset = queryset.defer_streamfields()  # listings show cards, never bodies
    paginator = WindowPaginator(queryset, per_page, number)
    try:
        return paginator.page(number)
    except EmptyPage:
        if number == 1:
            return paginator.page(1)  # an empty listing still renders its first page
        raise Http404("No such page of this listing") from None


def topics_by_slug(request=None) -> dict[str, Topic]:
    """Topic slug → topic, kept as a fragment (a topic change bumps ``global``)."""
    return cached(
        "topics-by-slug",
        [],
        [],
        lambda: {t.slug: t for t in Topic.objects.all()},
        request=request,
    )


def with_topic(topic) -> Exists:
    """Articles with ``topic``, as a condition checked row by row: a topic covers a sixth of
    the archive, so walking the date index finds a page of them at once, where a join read
    every article of the topic and sorted them (69 ms at 100,000 articles on SQLite)."""
    links = ArticlePage.topics.through.objects.filter(articlepage_id=OuterRef("pk"), topic=topic)
    return Exists(links)


def live_articles():
    return with_listing_data(ArticlePage.objects.live().public()).order_by(
        "-first_published_at", "-pk"
    )


class HomePage(FewerRestrictionQueries, Page):
    lead_story = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The lead story; the latest article when empty.",
    )
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.CountryPage",
        "news.TopicIndexPage",
        "news.AuthorIndexPage",
        "news.TagIndexPage",
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("lead_story"),
                InlinePanel("secondary_stories", label="Secondary story", max_num=6),
            ],
            heading="Front page",
        )
    ]

    def live_countries(self, request=None) -> list[CountryPage]:
        """The live countries under the home page, in tree order, kept as a fragment (any
        change to a non-article page bumps ``global``): routing and the home's rails use it."""
        return cached(
            "live-countries",
            [self.pk],
            [],
            lambda: list(CountryPage.objects.live().child_of(self).order_by("path")),
            request=request,
        )

    def route(self, request, path_components):
        # /<country>/…: saves Wagtail's two queries for the child page and its type.
        if path_components:
            by_slug = {c.slug: c for c in self.live_countries(request)}
            country = by_slug.get(path_components[0])
            if country is not None:
                set_cached_parent(country, self)
                return country.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each section asks for the ids of its newest articles from the page table alone (a
        # walk along its publication-date index that stops at the section's size): joined
        # with the article table, SQLite planned some sections through the wrong index and
        # sorted a tenth of the archive. The cards are then loaded in one query, without
        # their bodies, and their authors and renditions in one prefetch.
        # "content type + 0": the same filter, but not one the planner can answer from the
        # content-type index (SQLite's statistics average over all page types and made it
        # prefer that index, then sort every article by date).
        article_type = ContentType.objects.get_for_model(ArticlePage).pk
        pages = (
            Page.objects.live()
            .alias(article_type=F("content_type_id") + 0)
            .filter(article_type=article_type)
        )
        if any_view_restriction():
            pages = pages.public()
        pages = pages.order_by("-first_published_at", "-pk")

        def newest(qs, n: int) -> list[int]:
            return list(qs.values_list("pk", flat=True)[:n])

        def of_kind(*kinds) -> QuerySet:
            # Checked row by row while walking the date index: a kind is a tenth of the
            # archive, so the newest four are found within a few dozen rows.
            return pages.filter(
                Exists(ArticlePage.objects.filter(page_ptr_id=OuterRef("pk"), kind__in=kinds))
            )

        countries = self.live_countries(request)
        sections = {
            "latest": newest(pages, 40),
            "interviews": newest(of_kind(ArticleKind.INTERVIEW), 4),
            "opinion": newest(of_kind(ArticleKind.OPINION, ArticleKind.ANALYSIS), 4),
        }
        rails = [newest(pages.child_of(country), 4) for country in countries]
        chosen = []
        if self.lead_story_id and self.lead_story and self.lead_story.live:
            chosen.append(self.lead_story)
        chosen += [
            s.article for s in self.secondary_stories.select_related("article") if s.article.live
        ]
        wanted = {pk for ids in [*sections.values(), *rails] for pk in ids}
        loaded = {
            a.pk: a
            for a in ArticlePage.objects.filter(pk__in=wanted)
            .select_related("lead_image")
            .defer_streamfields()
        }
        prefetch_related_objects([*loaded.values(), *chosen], *LISTING_PREFETCH)

        def cards(ids):
            return [loaded[pk] for pk in ids if pk in loaded]

        latest = cards(sections["latest"])
        lead = chosen[0] if chosen else (latest[0] if latest else None)
        secondary = chosen[1:] if len(chosen) > 1 else [a for a in latest if a != lead][:4]
        shown = {a.pk for a in [lead, *secondary] if a}
        context.update(
            lead=lead,
            secondary=secondary,
            latest=[a for a in latest if a.pk not in shown][:12],
            interviews=cards(sections["interviews"]),
            opinion=cards(sections["opinion"]),
            country_rails=[(c, cards(ids)) for c, ids in zip(countries, rails, strict=True)],
        )
        return context


class HomeSecondaryStory(Orderable):
    page = ParentalKey(HomePage, related_name="secondary_stories", on_delete=models.CASCADE)
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class CountryPage(FewerRestrictionQueries, Page):
    """A country (or the region) at ``/<slug>/``; ``/<slug>/<topic>/`` lists country × topic."""

    code = models.CharField(
        max_length=2,
        blank=True,
        help_text="ISO 3166 alpha-2 code; empty for a region.",
        db_index=True,
    )
    is_region = models.BooleanField(default=False)
    intro = models.TextField(blank=True)

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]
    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("is_region"),
        FieldPanel("intro"),
    ]

    class Meta:
        verbose_name = "country"

    @classmethod
    def get_by_code_or_slug(cls, value: str) -> CountryPage:
        """Return the country whose ISO code or slug is ``value`` (case-insensitive)."""
        value = value.strip()
        found = cls.objects.filter(
            models.Q(code__iexact=value) | models.Q(slug__iexact=value)
        ).first()
        if found is None:
            known = ", ".join(cls.objects.order_by("path").values_list("slug", flat=True))
            raise cls.DoesNotExist(f"No country with code or slug {value!r}; known: {known}")
        return found

    def route(self, request, path_components):
        if len(path_components) == 1 and self.live:
            slug = path_components[0]
            topic = topics_by_slug(request).get(slug)
            if topic is not None:
                return RouteResult(self, kwargs={"topic": topic})
            # Most requests here are for an article: fetch it as an ArticlePage in one query
            # (Wagtail's route reads the child as a Page, then again for its specific type).
            article = ArticlePage.objects.filter(
                path__startswith=self.path, depth=self.depth + 1, slug=slug
            ).first()
            if article is not None:
                set_cached_parent(article, self)
                return article.route(request, [])
        return super().route(request, path_components)

    def articles(self):
        # A subquery rather than a join: no DISTINCT, so the newest rows can be read in
        # publication order and the scan stops at the page asked for.
        others = ArticlePage.other_countries.through.objects.filter(countrypage=self)
        return live_articles().filter(
            models.Q(path__startswith=self.path, depth=self.depth + 1)
            | models.Q(pk__in=others.values("articlepage_id"))
        )

    def get_template(self, request, *args, **kwargs):
        if kwargs.get("topic"):
            return "news/country_topic_page.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, topic=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        if topic is not None:
            articles = articles.filter(with_topic(topic))
        context["topic"] = topic
        context["articles"] = paginate(request, articles)
        context["topics"] = Topic.objects.all()
        return context


class _SlugRoutedIndex(FewerRestrictionQueries, Page):
    """An index page whose children are not pages but objects found by slug: ``/<index>/<slug>/``."""

    max_count = 1
    parent_page_types = ["news.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    def lookup(self, slug):
        raise NotImplementedError

    def route(self, request, path_components):
        if len(path_components) == 1 and self.live:
            return RouteResult(self, kwargs={"item": self.lookup(path_components[0])})
        return super().route(request, path_components)

    def get_template(self, request, *args, **kwargs):
        if kwargs.get("item") is not None:
            return self.item_template
        return super().get_template(request, *args, **kwargs)


class TopicIndexPage(_SlugRoutedIndex):
    item_template = "news/topic_page.html"

    def lookup(self, slug):
        return get_object_or_404(Topic, slug=slug)

    def get_context(self, request, *args, item=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = Topic.objects.all()
        if item is not None:
            context["topic"] = item
            context["articles"] = paginate(request, live_articles().filter(with_topic(item)))
        return context


class AuthorIndexPage(_SlugRoutedIndex):
    item_template = "news/author_page.html"

    def lookup(self, slug):
        return get_object_or_404(Author, slug=slug)

    def get_context(self, request, *args, item=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = Author.objects.select_related("photo").all()
        if item is not None:
            context["author"] = item
            context["articles"] = paginate(
                request, live_articles().filter(article_authors__author=item)
            )
        return context


class TagIndexPage(_SlugRoutedIndex):
    item_template = "news/tag_page.html"

    def lookup(self, slug):
        from taggit.models import Tag

        return get_object_or_404(Tag, slug=slug)

    def get_context(self, request, *args, item=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if item is not None:
            context["tag"] = item
            context["articles"] = paginate(request, live_articles().filter(tagged_items__tag=item))
        else:
            from taggit.models import Tag

            context["tags"] = (
                Tag.objects.filter(news_articletag_items__isnull=False).distinct().order_by("name")
            )
        return context
