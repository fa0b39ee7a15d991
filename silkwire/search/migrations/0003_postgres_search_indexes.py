"""PostgreSQL only: indexes that the database search backend's queries can use.

Wagtail's PostgreSQL backend filters with ``(title || body) @@ query`` — an expression the
separate GIN indexes on ``title`` and ``body`` cannot serve, so every search scanned every
body vector (21.7 s median at 1,000,000 articles, bench/RESULTS.md) — and joins entries to
pages on ``object_id = page_ptr_id::varchar(50)``. Built CONCURRENTLY (the migration is not
atomic), so a live site keeps serving while they build (≈ 85 s at 1,000,000 articles).
"""

from django.db import migrations

INDEXES = {
    "search_indexentry_title_body_gin": (
        "wagtailsearch_indexentry USING gin ((title || body))"
    ),
    "news_articlepage_id_text": "news_articlepage (((page_ptr_id)::varchar(50)))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, target in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {target}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("search", "0002_seed_name_variants"),
        ("news", "0004_articletag_tag_article_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
