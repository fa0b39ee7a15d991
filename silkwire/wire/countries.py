"""Country tagging for wire items and drafts, on top of the gazetteer (``core.gazetteer``)."""

from __future__ import annotations

from collections.abc import Iterable

from silkwire.core.gazetteer import detect_countries
from silkwire.news.models import CountryPage

REGION_SLUG = "central-asia"


def detect_slugs(text: str) -> list[str]:
    """Return the slugs of the countries ``text`` names: strongest, then earliest, first."""
    # The gazetteer orders strongest first, then in the order the text names them.
    matches = detect_countries(text or "")
    return list(dict.fromkeys(match.slug for match in matches))


def countries_for(slugs: Iterable[str]) -> list[CountryPage]:
    """Return the CountryPages for ``slugs``, in the order given (unknown slugs skipped)."""
    slugs = list(slugs)
    by_slug = {c.slug: c for c in CountryPage.objects.filter(slug__in=slugs)}
    return [by_slug[s] for s in slugs if s in by_slug]


def primary_country(preferred: CountryPage | None, detected: list[CountryPage]) -> CountryPage:
    """The feed's country, else the first detected country, else the region page."""
    if preferred is not None:
        return preferred
    if detected:
        return detected[0]
    return CountryPage.objects.get(slug=REGION_SLUG)
