"""Country tagging for wire items and drafts, on top of the gazetteer (``core.gazetteer``)."""

from __future__ import annotations

from collections.abc import Iterable

from silkwire.news.models import CountryPage

REGION_SLUG = "central-asia"


def detect_slugs(text: str) -> list[str]:
    """Return the slugs of the countries ``text`` names: strongest, then earliest, first."""
    try:
        from silkwire.core.gazetteer import detect_countries
    except ModuleNotFoundError as exc:  # the gazetteer is optional at import time only
        if exc.name != "silkwire.core.gazetteer":
            raise
        return []
    text = text or ""
    folded = text.casefold()

    def first_mention(match) -> int:
        found = [folded.find(term.casefold()) for term in match.terms]
        return min((i for i in found if i >= 0), default=len(text))

    # Strongest first; between equally strong countries, the one the text names first.
    matches = sorted(detect_countries(text), key=lambda m: (-m.score, first_mention(m)))
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
