"""Fill an empty site with the demo content of ``demo_data/``; running it again changes nothing."""

from __future__ import annotations

import hashlib
import io
import random
from datetime import timedelta
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from silkwire.news import demo_content
from silkwire.news.models import (
    ArticleCorrection,
    ArticlePage,
    Author,
    CountryPage,
    HomePage,
    HomeSecondaryStory,
    Topic,
)
from silkwire.news.services import create_article

PALETTES = [
    ((31, 78, 121), (232, 177, 65)),
    ((120, 40, 31), (240, 214, 170)),
    ((24, 90, 72), (198, 226, 190)),
    ((64, 52, 110), (220, 200, 240)),
    ((90, 70, 40), (250, 230, 180)),
]


def make_demo_image(title: str, seed: str, size=(1200, 675)) -> Image:
    """Return a wagtail Image drawn locally (a landscape of coloured bands), no download."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    # A seeded generator for repeatable demo pictures, not for anything secret.
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())  # noqa: S311
    top, bottom = rng.choice(PALETTES)
    img = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(img)
    w, h = size
    for y in range(h):  # vertical gradient sky
        t = y / h
        draw.line(
            [(0, y), (w, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    for layer in range(4):  # mountain ridges
        base = int(h * (0.45 + layer * 0.13))
        shade = tuple(max(0, int(c * (0.75 - layer * 0.15))) for c in top)
        points = [(0, h)]
        x = 0
        while x <= w:
            points.append((x, base - rng.randint(0, int(h * 0.18))))
            x += rng.randint(60, 180)
        points += [(w, base), (w, h)]
        draw.polygon(points, fill=shade)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82)
    return Image.objects.create(title=title, file=ImageFile(buf, name=f"demo-{seed[:40]}.jpg"))


def load_demo_content(stdout=None, data_dir: Path | None = None) -> dict[str, int]:
    """Create the demo authors and articles that are missing; return counts of what was created.

    A malformed data file, or one naming a country or topic the site lacks, is reported on
    ``stdout`` with its file and field and skipped; the rest is still created.
    """
    write = stdout.write if stdout else (lambda s: None)
    data = demo_content.load(data_dir or demo_content.DATA_DIR)
    created = {"authors": 0, "articles": 0, "skipped": 0}
    authors = {}
    for spec in data.authors:
        author, made = Author.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "role": spec["role"],
                "bio": spec["bio"],
                "is_demo": True,
            },
        )
        if made:
            author.photo = make_demo_image(
                f"Demo portrait: {spec['name']}", spec["slug"], (320, 320)
            )
            author.save(update_fields=["photo"])
            created["authors"] += 1
        authors[spec["slug"]] = author

    countries = {c.slug: c for c in CountryPage.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    errors = list(data.errors)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    pages = []
    for spec in data.articles:
        missing = _missing_reference(spec, countries, topics)
        if missing:
            errors.append(missing)
            continue
        country = countries[spec["country"]]
        page = ArticlePage.objects.child_of(country).filter(slug=spec["slug"]).first()
        if page is None:
            with transaction.atomic():
                page = _create_demo_article(spec, country, countries, topics, authors, now)
            created["articles"] += 1
            write(f"  + {country.title}: {page.title}\n")
        pages.append(page)
    for error in errors:
        write(f"  ! skipped {error}\n")
    created["skipped"] = len(errors)

    home = HomePage.objects.first()
    if home and pages and not home.lead_story_id:
        home.lead_story = pages[0]
        home.secondary_stories = [HomeSecondaryStory(article=p) for p in pages[1:4]]
        home.save_revision().publish()
    return created


def _missing_reference(spec, countries, topics) -> demo_content.DemoDataError | None:
    """Return an error for the first country or topic of ``spec`` that the site does not have."""
    refs = [("country", spec["country"], countries)]
    refs += [(f"other_countries[{i}]", c, countries) for i, c in enumerate(spec["other_countries"])]
    refs += [(f"topics[{i}]", t, topics) for i, t in enumerate(spec["topics"])]
    for where, slug, known in refs:
        if slug not in known:
            what = "country page" if known is countries else "topic"
            message = f"no {what} with slug {slug!r} on this site"
            return demo_content.DemoDataError(spec["source"], where, message)
    return None


def _create_demo_article(spec, country, countries, topics, authors, now) -> ArticlePage:
    published = now - timedelta(days=spec["days_ago"]) + timedelta(hours=spec["hour"] - now.hour)
    published = min(published, timezone.now() - timedelta(minutes=5))
    image = None
    caption = credit = ""
    if spec.get("image"):
        image = make_demo_image(f"Demo illustration: {spec['title']}", spec["slug"])
        caption, credit = spec["image"]["caption"], spec["image"]["credit"]
    page = create_article(
        country=country,
        title=spec["title"],
        slug=spec["slug"],
        blocks=spec["blocks"],
        standfirst=spec["standfirst"],
        kind=spec["kind"],
        authors=[authors[a] for a in spec["authors"]],
        topics=[topics[t] for t in spec["topics"]],
        tags=spec["tags"],
        other_countries=[countries[c] for c in spec["other_countries"]],
        dateline=spec["dateline"],
        byline=spec.get("byline", ""),
        lead_image=image,
        publish=True,
        first_published_at=published,
        is_demo=True,
    )
    page.lead_image_caption, page.lead_image_credit = caption, credit
    page.search_description = spec["standfirst"][:300]
    for c in spec.get("corrections", []):
        page.corrections.add(
            ArticleCorrection(
                kind=c["kind"],
                text=c["text"],
                created_at=published + timedelta(hours=c["hours_after"]),
            )
        )
    page.save_revision().publish()
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=published, last_published_at=published
    )
    return page


def load_demo(stdout=None) -> dict[str, int]:
    """``silkwire demo``'s part for news: the demo authors, articles and images."""
    write = stdout.write if stdout else (lambda s: None)
    write("Demo content (invented stories, marked as demo):")
    created = load_demo_content(stdout=stdout)
    write(f"  {created['articles']} articles and {created['authors']} authors created.")
    return created
