"""The page tree: home, countries (with country × topic listings), topics, authors and tags."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.url_routing import RouteResult

from silkwire.news.models.article import ArticleKind, ArticlePage, with_listing_data
from silkwire.news.models.snippets import Author, Topic

PER_PAGE = 20


def paginate(request, queryset, per_page: int = PER_PAGE):
    """Return the requested page of ``queryset``: garbage gives page 1, past the end a 404."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = max(number, 1)
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(number)
    except EmptyPage:
        if number == 1:
            return paginator.page(1)  # an empty listing still renders its first page
        raise Http404("No such page of this listing") from None


def topic_slugs(request=None) -> dict[str, int]:
    """Topic slug → id, kept as a fragment (a topic change bumps ``global``)."""
    from silkwire.core.pagecache.fragments import cached

    return cached(
        "topic-slugs",
        [],
        [],
        lambda: dict(Topic.objects.values_list("slug", "pk")),
        request=request,
    )


def live_articles():
    return with_listing_data(ArticlePage.objects.live().public()).order_by(
        "-first_published_at", "-pk"
    )


class HomePage(Page):
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        latest = list(live_articles()[:40])
        chosen = []
        if self.lead_story_id and self.lead_story and self.lead_story.live:
            chosen.append(self.lead_story)
        chosen += [
            s.article for s in self.secondary_stories.select_related("article") if s.article.live
        ]
        lead = chosen[0] if chosen else (latest[0] if latest else None)
        secondary = chosen[1:] if len(chosen) > 1 else [a for a in latest if a != lead][:4]
        shown = {a.pk for a in [lead, *secondary] if a}
        context.update(
            lead=lead,
            secondary=secondary,
            latest=[a for a in latest if a.pk not in shown][:12],
            interviews=list(live_articles().filter(kind=ArticleKind.INTERVIEW)[:4]),
            opinion=list(
                live_articles().filter(kind__in=[ArticleKind.OPINION, ArticleKind.ANALYSIS])[:4]
            ),
            country_rails=[
                (country, list(live_articles().descendant_of(country)[:4]))
                for country in CountryPage.objects.live().child_of(self).order_by("path")
            ],
        )
        return context


class HomeSecondaryStory(Orderable):
    page = ParentalKey(HomePage, related_name="secondary_stories", on_delete=models.CASCADE)
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class CountryPage(Page):
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
            topic_id = topic_slugs(request).get(slug)
            if topic_id is not None:
                topic = Topic.objects.filter(pk=topic_id).first()
                if topic is not None:
                    return RouteResult(self, kwargs={"topic": topic})
            # Most requests here are for an article: fetch it as an ArticlePage in one query
            # (Wagtail's route reads the child as a Page, then again for its specific type).
            article = ArticlePage.objects.filter(
                path__startswith=self.path, depth=self.depth + 1, slug=slug
            ).first()
            if article is not None:
                article._cached_parent_obj = self
                return article.route(request, [])
        return super().route(request, path_components)

    def articles(self):
        return (
            live_articles()
            .filter(
                models.Q(path__startswith=self.path, depth=self.depth + 1)
                | models.Q(other_countries=self)
            )
            .distinct()
        )

    def get_template(self, request, *args, **kwargs):
        if kwargs.get("topic"):
            return "news/country_topic_page.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, topic=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        if topic is not None:
            articles = articles.filter(topics=topic)
        context["topic"] = topic
        context["articles"] = paginate(request, articles)
        context["topics"] = Topic.objects.all()
        return context


class _SlugRoutedIndex(Page):
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
            context["articles"] = paginate(request, live_articles().filter(topics=item))
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
