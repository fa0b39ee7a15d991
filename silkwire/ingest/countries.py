"""Country tagging: the one place every ingest path and the wire turn text into CountryPages.

The words are matched by the gazetteer (:mod:`silkwire.core.gazetteer`); this module maps its
slugs to the site's ``CountryPage`` objects and picks the page a new article lives under.
Two policies, kept as they were when each path was written:

- :func:`primary_country` (``ingest html``, wire items and wire drafts): the given country,
  else the first detected one with a page, else the region page;
- :func:`choose_countries` (``ingest text`` and the admin "Paste copy"): the given country,
  else the strongest detected *home* country (the five, then the region), else the region
  page with a warning; neighbours such as Russia only tag along.

``detect_countries`` (matches with score and terms) and ``page_text`` are the gazetteer's,
re-exported so that callers need only this module.

Dependency direction: ``wire`` → ``ingest`` → ``core.gazetteer``, never back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.management.base import CommandError

from silkwire.core.gazetteer import detect_countries, page_text

if TYPE_CHECKING:
    from silkwire.news.models import CountryPage

__all__ = [
    "HOME_SLUGS",
    "REGION_SLUG",
    "CountryChoice",
    "NoHomeCountry",
    "choose_countries",
    "countries_for",
    "detect_countries",
    "detect_slugs",
    "page_text",
    "primary_country",
]

REGION_SLUG = "central-asia"
# The five countries and the region may be an article's home; the neighbours only tag along.
HOME_SLUGS = ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")


class NoHomeCountry(CommandError):
    """No country in the text and no region page to fall back on."""


def detect_slugs(text: str) -> list[str]:
    """Return the slugs of the countries ``text`` names: strongest, then earliest, first."""
    # The gazetteer orders strongest first, then in the order the text names them.
    matches = detect_countries(text or "")
    return list(dict.fromkeys(match.slug for match in matches))


def countries_for(slugs: Iterable[str]) -> list[CountryPage]:
    """Return the CountryPages for ``slugs``, in the order given (unknown slugs skipped)."""
    from silkwire.news.models import CountryPage

    slugs = list(slugs)
    by_slug = {c.slug: c for c in CountryPage.objects.filter(slug__in=slugs)}
    return [by_slug[s] for s in slugs if s in by_slug]


def primary_country(preferred: CountryPage | None, detected: list[CountryPage]) -> CountryPage:
    """The feed's country, else the first detected country, else the region page."""
    from silkwire.news.models import CountryPage

    if preferred is not None:
        return preferred
    if detected:
        return detected[0]
    return CountryPage.objects.get(slug=REGION_SLUG)


@dataclass
class CountryChoice:
    home: object  # CountryPage
    others: list = field(default_factory=list)
    detected: list[str] = field(default_factory=list)
    warning: str = ""


def choose_countries(text: str, forced=None) -> CountryChoice:
    """Pick the home country page (``forced`` or the strongest detected) and the others."""
    from silkwire.news.models import CountryPage

    pages = {p.slug: p for p in CountryPage.objects.all()}
    detected = [m.slug for m in detect_countries(text)]
    filed = [slug for slug in detected if slug in pages]
    if forced is not None:
        home, warning = forced, ""
    else:
        homes = [s for s in filed if s in HOME_SLUGS] or [s for s in filed if s == REGION_SLUG]
        if homes:
            home, warning = pages[homes[0]], ""
        elif REGION_SLUG in pages:
            home = pages[REGION_SLUG]
            warning = (
                "No country found in the text; filed under Central Asia. Pick one in the editor."
            )
        else:
            raise NoHomeCountry(
                "No country found in the text and no Central Asia page: use --country."
            )
    others = [pages[s] for s in filed if s != home.slug]
    return CountryChoice(home, others, detected, warning)
