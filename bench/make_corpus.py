#!/usr/bin/env python3
"""Bulk-create a realistic corpus of published articles for the load bench.

    .venv/bin/python bench/make_corpus.py --articles 10000 [--database-url URL] [--home DIR]

Articles get headlines, standfirsts, bodies of 600–1,200 words using every block kind
(paragraphs with links, headings, lists, interview turns, quotes, images, embeds, fact
boxes, rich text), a primary country and sometimes others, 1–2 topics, 2–4 tags from a
vocabulary of 2,000, 1–2 authors from a pool of 300, a lead image on most, corrections on
some, and publication dates spread over 15 years.

It writes the rows directly in batches (``Page`` rows with treebeard paths, then the
``news_articlepage`` rows and the link tables) instead of going through
``create_article`` one page at a time, which is ~100× slower. Wagtail revisions are not
created (the public site does not read them; editing an article makes its first one).
Then it fills the search index (``--no-search-index`` skips it) and prints the time taken.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = """water energy dam border trade grain cotton gas pipeline railway corridor election parliament
president minister court journalist protest drought glacier river basin Aral Syr Darya Amu Darya
Almaty Astana Bishkek Dushanbe Ashgabat Tashkent Samarkand Osh Khujand Karaganda uranium gold copper
migrants remittances ruble tenge som somoni manat sum inflation budget reform customs visa tourism
school hospital road airport bank loan investor China Russia Turkey Europe Iran Afghanistan
Caspian Fergana valley mountain steppe harvest livestock wheat electricity grid solar wind coal
""".split()
FILLER = """the a of to in and for on with that by from as at after before over under about between
said reported announced agreed expected planned according officials local regional government
""".split()
TOPICS = ["politics", "economy", "society", "environment", "security", "culture"]
KINDS = ["news"] * 6 + ["analysis", "interview", "opinion", "feature"]
SPEAKERS = ["Silkwire", "Aigerim Sadykova", "Timur Valiev", "Dilnoza Karimova"]


def sentence(rng: random.Random, n: int | None = None) -> str:
    n = n or rng.randint(9, 22)
    words = [rng.choice(WORDS) if rng.random() < 0.45 else rng.choice(FILLER) for _ in range(n)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


class Generator:
    """Builds block lists from a pool of pre-made sentences (fast enough for a million)."""

    def __init__(self, seed: int, image_ids: list[int]):
        self.rng = random.Random(seed)
        self.sentences = [sentence(self.rng) for _ in range(4000)]
        self.image_ids = image_ids

    def para(self, k: int) -> str:
        return " ".join(self.rng.choices(self.sentences, k=k))

    def headline(self) -> str:
        return sentence(self.rng, self.rng.randint(6, 11)).rstrip(".")

    def blocks(self, kind: str) -> list[dict]:
        rng = self.rng
        target = rng.randint(600, 1200)
        out: list[dict] = []
        words = 0
        i = 0
        while words < target:
            i += 1
            roll = rng.random()
            if kind == "interview" and i > 1 and roll < 0.5:
                speaker = SPEAKERS[0] if i % 2 else rng.choice(SPEAKERS[1:])
                text = self.para(rng.randint(1, 4))
                out.append({"type": "turn", "speaker": speaker, "paragraphs": [text]})
            elif i % 7 == 0:
                out.append({"type": "heading", "text": self.headline(), "level": 2})
                continue
            elif i % 11 == 0:
                items = [sentence(rng, 8) for _ in range(rng.randint(3, 5))]
                out.append({"type": "list", "items": items, "ordered": rng.random() < 0.3})
                text = " ".join(items)
            elif i % 13 == 0:
                text = sentence(rng)
                out.append({"type": "quote", "text": text, "attribution": rng.choice(SPEAKERS[1:])})
            elif i % 17 == 0 and self.image_ids:
                out.append(
                    {
                        "type": "image",
                        "image": rng.choice(self.image_ids),
                        "caption": sentence(rng, 8),
                        "credit": "Silkwire",
                    }
                )
                continue
            elif i % 19 == 0:
                url = f"https://www.youtube.com/watch?v={rng.randrange(10**10):010d}"
                out.append({"type": "embed", "url": url, "caption": sentence(rng, 6)})
                continue
            elif i % 23 == 0:
                text = self.para(2)
                out.append({"type": "factbox", "title": "Key facts", "html": f"<p>{text}</p>"})
            elif i % 29 == 0:
                text = self.para(2)
                out.append({"type": "rich_text", "html": f"<p><b>{text[:40]}</b> {text[40:]}</p>"})
            elif roll < 0.15:
                text = self.para(rng.randint(2, 4))
                cut = text.find(" ", 30)
                html = f'{text[:cut]} <a href="https://example.org/{i}">{text[cut + 1 : cut + 20]}</a>{text[cut + 20 :]}'
                out.append({"type": "paragraph", "html": html})
            else:
                text = self.para(rng.randint(2, 4))
                out.append({"type": "paragraph", "text": text})
            words += text.count(" ") + 1
        return out


def make_images(count: int) -> list[int]:
    """A few shared JPEGs for lead images and image blocks."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = list(Image.objects.filter(title__startswith="bench-").values_list("pk", flat=True))
    if len(existing) >= count:
        return existing[:count]
    ids = list(existing)
    for n in range(len(existing), count):
        buf = BytesIO()
        img = PILImage.new("RGB", (1600, 900), (40 + 30 * n, 90, 140))
        img.save(buf, "JPEG", quality=80)
        image = Image(title=f"bench-{n}")
        image.file = ImageFile(buf, name=f"bench-{n}.jpg")
        image.save()
        ids.append(image.pk)
    return ids


def step(n: int) -> str:
    """Treebeard's 4-character base-36 path step for child number ``n`` (1-based)."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(4):
        n, r = divmod(n, 36)
        out = alphabet[r] + out
    return out


def build(args) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import Tag
    from wagtail.models import Locale, Page

    from silkwire.news.blocks import to_stream_data
    from silkwire.news.models import (
        ArticleAuthor,
        ArticleCorrection,
        ArticlePage,
        ArticleTag,
        Author,
        CountryPage,
        Topic,
    )

    started = time.monotonic()
    rng = random.Random(args.seed)
    countries = list(CountryPage.objects.order_by("path"))
    topics = {t.slug: t.pk for t in Topic.objects.all()}
    topic_ids = [topics[s] for s in TOPICS if s in topics] or list(topics.values())
    if len(Author.objects.filter(slug__startswith="bench-")) < 300:
        Author.objects.bulk_create(
            [
                Author(name=f"Bench Author {i}", slug=f"bench-author-{i}", role="Correspondent")
                for i in range(300)
            ],
            ignore_conflicts=True,
        )
    author_ids = list(Author.objects.filter(slug__startswith="bench-").values_list("pk", flat=True))
    Tag.objects.bulk_create(
        [Tag(name=f"{w} {i}", slug=f"{slugify(w)}-{i}") for i, w in enumerate(WORDS * 30)][:2000],
        ignore_conflicts=True,
    )
    tag_ids = list(Tag.objects.values_list("pk", flat=True)[:2000])
    image_ids = make_images(6) if not args.no_images else []
    gen = Generator(args.seed, image_ids)
    ct = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    next_child = {c.pk: c.numchild for c in countries}
    now = timezone.now()
    span = timedelta(days=365 * 15).total_seconds()
    fields = [f for f in ArticlePage._meta.local_concrete_fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    insert_sql = f"INSERT INTO {connection.ops.quote_name(ArticlePage._meta.db_table)} ({columns}) VALUES ({placeholders})"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")

    done = 0
    while done < args.articles:
        batch = min(args.batch, args.articles - done)
        pages, extras = [], []
        for _ in range(batch):
            country = countries[rng.randrange(len(countries))]
            next_child[country.pk] += 1
            n = next_child[country.pk]
            title = gen.headline()
            slug = f"{slugify(title)[:70].strip('-')}-{n}"
            published = now - timedelta(seconds=rng.random() * span)
            kind = rng.choice(KINDS)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=ct,
                    path=country.path + step(n),
                    depth=country.depth + 1,
                    numchild=0,
                    url_path=f"{country.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
            )
            extras.append((country, kind, published))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            rows, topic_rows, country_rows, tag_rows, author_rows, corrections = (
                [],
                [],
                [],
                [],
                [],
                [],
            )
            for page, (country, kind, published) in zip(created, extras, strict=True):
                article = ArticlePage(
                    page_ptr_id=page.pk,
                    standfirst=sentence(rng, rng.randint(18, 30)),
                    kind=kind,
                    dateline=country.title.upper() if rng.random() < 0.5 else "",
                    lead_image_id=rng.choice(image_ids)
                    if image_ids and rng.random() < 0.7
                    else None,
                    lead_image_caption=sentence(rng, 8),
                    lead_image_credit="Silkwire",
                    body=to_stream_data(gen.blocks(kind)),
                    source_name="",
                    source_url="",
                    is_demo=False,
                )
                rows.append(
                    [f.get_db_prep_save(getattr(article, f.attname), connection) for f in fields]
                )
                for t in rng.sample(topic_ids, rng.randint(1, 2)):
                    topic_rows.append(
                        ArticlePage.topics.through(articlepage_id=page.pk, topic_id=t)
                    )
                if rng.random() < 0.2:
                    other = countries[rng.randrange(len(countries))]
                    if other.pk != country.pk:
                        country_rows.append(
                            ArticlePage.other_countries.through(
                                articlepage_id=page.pk, countrypage_id=other.pk
                            )
                        )
                for t in rng.sample(tag_ids, rng.randint(2, 4)):
                    tag_rows.append(ArticleTag(content_object_id=page.pk, tag_id=t))
                for order, a in enumerate(rng.sample(author_ids, rng.randint(1, 2))):
                    author_rows.append(
                        ArticleAuthor(page_id=page.pk, author_id=a, sort_order=order)
                    )
                if rng.random() < 0.05:
                    corrections.append(
                        ArticleCorrection(
                            page_id=page.pk,
                            sort_order=0,
                            created_at=published + timedelta(hours=3),
                            kind="correction",
                            text=sentence(rng),
                        )
                    )
            with connection.cursor() as cursor:
                cursor.executemany(insert_sql, rows)
            ArticlePage.topics.through.objects.bulk_create(topic_rows)
            ArticlePage.other_countries.through.objects.bulk_create(country_rows)
            ArticleTag.objects.bulk_create(tag_rows)
            ArticleAuthor.objects.bulk_create(author_rows)
            ArticleCorrection.objects.bulk_create(corrections)
            for country in countries:
                Page.objects.filter(pk=country.pk).update(numchild=next_child[country.pk])
        done += batch
        rate = done / (time.monotonic() - started)
        print(f"\r{done:>9,} articles  {rate:,.0f}/s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    # Corrections set modified_at on save(); set it in one statement here.
    ArticlePage.objects.filter(corrections__isnull=False).update(modified_at=now)
    created_s = time.monotonic() - started
    index_s = 0.0
    if not args.no_search_index:
        index_s = index_articles(args.articles)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total = ArticlePage.objects.count()
    print(
        f"created {args.articles:,} articles in {created_s:.0f}s, search index {index_s:.0f}s; "
        f"{total:,} articles in the database ({connection.vendor})"
    )


def index_articles(limit: int) -> float:
    """Add the newest ``limit`` articles to the search index, in chunks."""
    from wagtail.search.backends import get_search_backend

    from silkwire.news.models import ArticlePage

    started = time.monotonic()
    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    ids = list(ArticlePage.objects.order_by("-pk").values_list("pk", flat=True)[:limit])
    for i in range(0, len(ids), 500):
        chunk = list(
            ArticlePage.objects.filter(pk__in=ids[i : i + 500]).prefetch_related(
                "article_authors__author"
            )
        )
        index.add_items(ArticlePage, chunk)
        print(f"\r{i + len(chunk):>9,} indexed", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--database-url", help="SILKWIRE_DATABASE_URL (default: the SQLite file)")
    parser.add_argument("--home", help="SILKWIRE_HOME (default: ./var)")
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-search-index", action="store_true")
    parser.add_argument("--no-images", action="store_true")
    args = parser.parse_args()
    if args.database_url:
        os.environ["SILKWIRE_DATABASE_URL"] = args.database_url
    if args.home:
        os.environ["SILKWIRE_HOME"] = args.home
    os.environ.setdefault("SILKWIRE_ENV", "local")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silkwire.settings")
    os.environ["SILKWIRE_PAGECACHE"] = "0"  # nothing to invalidate while loading
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    build(args)


if __name__ == "__main__":
    main()
