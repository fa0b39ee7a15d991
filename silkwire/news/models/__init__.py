"""News models, one module per concern; import them from here."""

from silkwire.news.models.article import (
    ArticleAuthor,
    ArticleCorrection,
    ArticleKind,
    ArticlePage,
    ArticleRelatedLink,
    ArticleTag,
    with_listing_data,
)
from silkwire.news.models.pages import (
    AuthorIndexPage,
    CountryPage,
    HomePage,
    HomeSecondaryStory,
    TagIndexPage,
    TopicIndexPage,
    live_articles,
    paginate,
)
from silkwire.news.models.snippets import Author, Topic

__all__ = [
    "ArticleAuthor",
    "ArticleCorrection",
    "ArticleKind",
    "ArticlePage",
    "ArticleRelatedLink",
    "ArticleTag",
    "Author",
    "AuthorIndexPage",
    "CountryPage",
    "HomePage",
    "HomeSecondaryStory",
    "TagIndexPage",
    "Topic",
    "TopicIndexPage",
    "live_articles",
    "paginate",
    "with_listing_data",
]
