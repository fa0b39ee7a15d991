"""The article page: every story the outlet publishes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from silkwire.core.pagecache.fragments import cached
from silkwire.news.blocks import ArticleBodyBlock


class ArticleKind(models.TextChoices):
    NEWS = "news", "News"
    INTERVIEW = "interview", "Interview"
    ANALYSIS = "analysis", "Analysis"
    OPINION = "opinion", "Opinion"
    FEATURE = "feature", "Feature"


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        indexes = [
            # Related articles read the articles sharing a tag from the index alone
            # (silkwire.news.related), newest id first.
            models.Index(fields=["tag", "content_object"], name="articletag_tag_article_idx"),
        ]


class ArticleAuthor(Orderable):
    page = ParentalKey("news.ArticlePage", related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey("news.Author", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "author"], name="unique_author_per_article")
        ]


class ArticleCorrection(Orderable):
    """A timestamped correction or update note, shown on the page; it sets the modified date."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    page = ParentalKey("news.ArticlePage", related_name="corrections", on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField()

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("created_at")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        pass


class ArticleRelatedLink(Orderable):
    page = ParentalKey("news.ArticlePage", related_name="related_links", on_delete=models.CASCADE)
    related = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related")]


def any_view_restriction() -> bool:
    """Whether any page is view-restricted (a fragment: saving a restriction bumps ``global``)."""
    from wagtail.models import PageViewRestriction

    return cached("any-view-restriction", [], [], PageViewRestriction.objects.exists)


class ArticleQuerySet(PageQuerySet):
    def public(self):
        """Wagtail's ``public()`` reads every restriction with its page on each call (home
        calls it once per section): while no page is restricted there is nothing to exclude."""
        if not any_view_restriction():
            return self
        return super().public()


class FewerRestrictionQueries:
    """For page classes: Wagtail checks view restrictions on every request with two queries
    (the ancestors, then their restrictions); while no page is restricted there is nothing
    to find."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class ArticlePage(FewerRestrictionQueries, Page):
    objects = PageManager.from_queryset(ArticleQuerySet)()

    standfirst = models.TextField(blank=True, help_text="One or two sentences under the headline.")
    kind = models.CharField(max_length=12, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    other_countries = ParentalManyToManyField(
        "news.CountryPage",
        blank=True,
        related_name="tagged_articles",
        help_text="Countries the story is also about, besides the one it is filed under.",
    )
    topics = ParentalManyToManyField("news.Topic", blank=True, related_name="articles")
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    byline = models.CharField(
        max_length=255,
        blank=True,
        help_text="Optional custom byline, e.g. “Reported and translated by …”; replaces the author list.",
    )
    dateline = models.CharField(max_length=80, blank=True, help_text="City, e.g. ALMATY.")
    display_date = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Shown date; defaults to the first publication.",
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=500, blank=True)
    lead_image_credit = models.CharField(max_length=255, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True)
    modified_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Set by the latest correction or update.",
    )
    source_name = models.CharField(
        max_length=255, blank=True, help_text="Outlet the copy came from."
    )
    source_url = models.URLField(max_length=1000, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    parent_page_types = ["news.CountryPage"]
    subpage_types: list[str] = []

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("dateline"),
        index.FilterField("kind"),
        index.FilterField("first_published_at"),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                InlinePanel("article_authors", label="Author"),
                FieldPanel("byline"),
                FieldPanel("dateline"),
            ],
            heading="Byline",
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
    ]
    classification_panels = [
        FieldPanel("other_countries"),
        FieldPanel("topics"),
        FieldPanel("tags"),
        InlinePanel("related_links", label="Related article"),
    ]
    corrections_panels = [
        InlinePanel("corrections", label="Correction or update"),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading="Source"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(classification_panels, heading="Countries & topics"),
            ObjectList(corrections_panels, heading="Corrections & source"),
            ObjectList(Page.promote_panels + [FieldPanel("display_date")], heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    class Meta:
        indexes = [models.Index(fields=["kind"], name="article_kind_idx")]

    # --- derived values ---------------------------------------------------------------------
    @property
    def country(self):
        """The primary country: the page the article is filed under."""
        return self.get_parent().specific

    @property
    def shown_date(self):
        return self.display_date or self.first_published_at or self.latest_revision_created_at

    @property
    def authors(self):
        return [a.author for a in self.article_authors.all()]

    def clean(self):
        super().clean()
        from silkwire.news.models.snippets import Topic

        if self.slug and Topic.objects.filter(slug=self.slug).exists():
            raise ValidationError(
                {
                    "slug": f"“{self.slug}” is reserved for the topic page of that name; choose another slug."
                }
            )

    def save(self, *args, **kwargs):
        self.modified_at = max((c.created_at for c in self.corrections.all()), default=None)
        return super().save(*args, **kwargs)

    @property
    def cache_name(self) -> str:
        """The page cache's dependency name for this article (silkwire.core.pagecache)."""
        return f"article:{self.pk}"

    def related_articles(self, limit: int = 4):
        """Editor-chosen related articles, then the best-scoring ones (silkwire.news.related)."""
        from silkwire.news.related import related_articles

        return related_articles(self, limit)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The related block is computed by the template, inside its fragment.
        # A callable: the template evaluates it only when the article's fragment is rendered.
        context["corrections"] = lambda: sorted(self.corrections.all(), key=lambda c: c.created_at)
        return context


LISTING_PREFETCH = ("article_authors__author", "lead_image__renditions")


def with_listing_data(qs):
    """Prefetch what a listing card shows, so a listing costs a fixed number of queries."""
    return qs.select_related("lead_image").prefetch_related(*LISTING_PREFETCH)
