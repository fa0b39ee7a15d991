"""Factories for tests (seeded by conftest) — the demo and importers use the same services."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from silkwire.news.models import Author, CountryPage, Topic
from silkwire.news.services import create_article


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Faker("name")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    role = factory.Faker("job")
    bio = factory.Faker("paragraph")


def make_user(username: str, group: str, password: str = "correct horse battery"):
    user = get_user_model().objects.create_user(
        username=username, password=password, first_name=username.capitalize()
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def make_article(
    title: str | None = None,
    *,
    country: str = "kazakhstan",
    blocks=None,
    publish=True,
    topics=(),
    authors=None,
    **kwargs,
):
    """Create an article with sensible defaults; ``country`` is a slug."""
    fake = factory.Faker._get_faker()
    title = title or fake.sentence(nb_words=7).rstrip(".")
    if blocks is None:
        blocks = [{"type": "paragraph", "text": fake.paragraph()} for _ in range(3)]
    if authors is None:
        authors = [AuthorFactory()]
    return create_article(
        country=CountryPage.objects.get(slug=country),
        title=title,
        blocks=blocks,
        publish=publish,
        authors=authors,
        topics=[Topic.objects.get(slug=t) for t in topics],
        **kwargs,
    )
