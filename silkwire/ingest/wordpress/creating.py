"""Create tags and authors safely while another import creates the same ones.

Two imports (of different sites, or a CLI run and an admin run) may reach the same new
tag or author at the same moment. Each insert runs in its own savepoint; when the other
import wins the race (IntegrityError on the unique name or slug), the row it created is
read back and used. That works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from taggit.models import Tag

from silkwire.news.models import Author

_ATTEMPTS = 50


def tag_for(name: str, slug: str, taken_slugs: set[str]) -> int:
    """Return the id of the tag called ``name`` (any case), creating it with a free slug."""
    base, n = slug, 2
    for _ in range(_ATTEMPTS):
        while slug in taken_slugs:
            slug, n = f"{base}-{n}"[:100], n + 1
        existing = Tag.objects.filter(name__iexact=name).values_list("pk", flat=True).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                pk = Tag.objects.create(name=name, slug=slug).pk
        except IntegrityError:
            taken_slugs.add(slug)  # someone else took the slug (or the name): look again
            continue
        taken_slugs.add(slug)
        return pk
    raise IntegrityError(f"no free slug for the tag {name!r} after {_ATTEMPTS} attempts")


def author_for(name: str, slug: str) -> tuple[Author, bool]:
    """Return ``(author, created)`` for ``slug``; a concurrent insert of it is read back."""
    try:
        return Author.objects.get_or_create(slug=slug, defaults={"name": name})
    except IntegrityError:  # lost the race between get and create on PostgreSQL
        return Author.objects.get(slug=slug), False
