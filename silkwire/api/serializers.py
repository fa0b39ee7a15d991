"""The API's JSON shapes (documented in docs/api.md and /api/v1/openapi.json). Change = v2."""

from __future__ import annotations

from django.utils import timezone
from wagtail.rich_text import expand_db_html

from silkwire.news import distribution
from silkwire.news.blocks import from_stream_value, is_interviewer, safe_link_url, safe_rich_html

API_ROOT = "/api/v1"


def _iso(moment) -> str | None:
    """RFC 3339 in the newsroom's time zone (Asia/Almaty), as readers see the date."""
    return timezone.localtime(moment).isoformat() if moment else None


def country_json(country) -> dict:
    return {
        "slug": country.slug,
        "code": country.code or None,
        "title": country.title,
        "is_region": country.is_region,
        "url": distribution.absolute_url(country.url),
        "articles_url": distribution.absolute_url(f"{API_ROOT}/articles?country={country.slug}"),
    }


def topic_json(topic) -> dict:
    return {
        "slug": topic.slug,
        "name": topic.name,
        "description": topic.description,
        "url": distribution.absolute_url(topic.get_absolute_url()),
        "articles_url": distribution.absolute_url(f"{API_ROOT}/articles?topic={topic.slug}"),
    }


def author_json(author) -> dict:
    return {
        "slug": author.slug,
        "name": author.name,
        "role": author.role,
        "bio": author.bio,
        "url": distribution.absolute_url(author.get_absolute_url()),
        "articles_url": distribution.absolute_url(f"{API_ROOT}/articles?author={author.slug}"),
    }


def _country_ref(country) -> dict | None:
    if country is None:
        return None
    return {"slug": country.slug, "code": country.code or None, "title": country.title}


def article_summary(page, country_of, request=None) -> dict:
    """The shape of an article in lists: everything but the body."""
    image = distribution.image_info(page)
    return {
        "id": page.pk,
        "url": distribution.absolute_url(distribution.article_path(page, request)),
        "api_url": distribution.absolute_url(f"{API_ROOT}/articles/{page.pk}"),
        "title": page.title,
        "standfirst": page.standfirst,
        "kind": page.kind,
        "published_at": _iso(distribution.published(page)),
        "updated_at": _iso(distribution.updated(page)),
        "country": _country_ref(country_of(page)),
        "other_countries": [_country_ref(c) for c in page.other_countries.all()],
        "topics": [{"slug": t.slug, "name": t.name} for t in page.topics.all()],
        "tags": sorted(t.name for t in page.tags.all()),
        "authors": [
            {
                "slug": a.slug,
                "name": a.name,
                "url": distribution.absolute_url(a.get_absolute_url()),
            }
            for a in page.authors
        ],
        "byline": page.byline,
        "lead_image": None
        if image is None
        else {k: image[k] for k in ("url", "width", "height", "alt", "caption", "credit")},
    }


def article_detail(page, country_of, request=None) -> dict:
    """The shape of one article: the summary plus dateline, body blocks, corrections, source."""
    data = article_summary(page, country_of, request)
    data.update(
        dateline=page.dateline,
        body=body_blocks(page.body),
        corrections=[
            {"kind": c.kind, "created_at": _iso(c.created_at), "text": c.text}
            for c in sorted(page.corrections.all(), key=lambda c: c.created_at)
        ],
        source=(
            {"name": page.source_name, "url": page.source_url or None}
            if page.source_name or page.source_url
            else None
        ),
    )
    return data


def body_blocks(body) -> list[dict]:
    """Return the body as typed blocks: the contract shapes, with links and images resolved."""
    images = {child.value["image"].pk: child.value["image"] for child in _images(body)}
    out = []
    for block in from_stream_value(body):
        kind = block["type"]
        if kind in ("paragraph", "rich_text", "factbox"):
            # Links other than http/https/mailto are dropped, whatever wrote the stored HTML.
            block["html"] = safe_rich_html(expand_db_html(block["html"]))
        elif kind == "embed":
            block["url"] = safe_link_url(block["url"]) or None  # never a javascript: URL
        elif kind == "turn":
            block["question"] = is_interviewer(block["speaker"])
        elif kind == "image":
            block.update(_image_block(images.get(block["image"])))
        out.append(block)
    return out


def _images(body):
    return [c for c in body if c.block_type == "image" and c.value["image"] is not None]


def _image_block(image) -> dict:
    if image is None:
        return {"url": None, "width": None, "height": None, "alt": ""}
    try:
        rendition = image.get_rendition(distribution.LEAD_IMAGE_SPEC)
    except Exception:  # a missing file must not break the article
        return {"url": None, "width": None, "height": None, "alt": image.title}
    return {
        "url": distribution.absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.title,
    }
