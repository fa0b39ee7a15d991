"""Template tags for discovery: feed links in every page head, structured data on articles."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join

from silkwire.news import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def article_seo(context, page):
    """Return ``{"social": …, "json_ld": …}`` for the article's head (news/includes/seo.html)."""
    return structured_data.article_seo(page, context.get("request"))


def feeds_for(context) -> list[tuple[str, str]]:
    """Return (title, path without extension) of the feeds that fit the page being shown."""
    from silkwire.news.models import ArticlePage, AuthorIndexPage, CountryPage, TopicIndexPage

    name = settings.SILKWIRE_PUBLICATION_NAME
    found = [(name, "/feeds/all")]
    page = context.get("page")
    topic = context.get("topic")
    if isinstance(page, CountryPage):
        found.append((f"{page.title} — {name}", f"/feeds/country/{page.slug}"))
        if topic is not None:
            found.append(
                (f"{page.title}: {topic.name} — {name}", f"/feeds/country/{page.slug}/{topic.slug}")
            )
    elif isinstance(page, ArticlePage):
        country = page.get_parent()
        found.append((f"{country.title} — {name}", f"/feeds/country/{country.slug}"))
    elif isinstance(page, TopicIndexPage) and topic is not None:
        found.append((f"{topic.name} — {name}", f"/feeds/topic/{topic.slug}"))
    elif isinstance(page, AuthorIndexPage) and context.get("author") is not None:
        author = context["author"]
        found.append((f"{author.name} — {name}", f"/feeds/author/{author.slug}"))
    return found


@register.simple_tag(takes_context=True)
def feed_links(context):
    """Return ``<link rel="alternate">`` tags (RSS and Atom) for the page's feeds."""
    rows = []
    for title, path in feeds_for(context):
        rows.append(("application/rss+xml", title, f"{path}.rss"))
        rows.append(("application/atom+xml", f"{title} (Atom)", f"{path}.atom"))
    return format_html_join(
        "\n  ", '<link rel="alternate" type="{}" title="{}" href="{}">', rows
    ) or format_html("")
