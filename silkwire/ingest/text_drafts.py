"""Structured plain text → draft articles: shared by ``silkwire ingest text`` and "Paste copy".

The pure structurer is :func:`silkwire.ingest.text.structure_plain_text`; this module adds the
site's interviewer labels, picks countries (:mod:`silkwire.ingest.countries`) and creates the
pages. Rules and limits: docs/ingest.md, "Plain text".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.utils import timezone

from silkwire.ingest.countries import CountryChoice, choose_countries
from silkwire.ingest.text import DEFAULT_INTERVIEWER_LABELS, structure_plain_text

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


def interviewer_labels() -> tuple[str, ...]:
    """Return the outlet's own interview labels: the defaults plus the configured ones."""
    configured = [
        *(label.strip() for label in settings.SILKWIRE_INTERVIEWER_LABEL.split(",")),
        settings.SILKWIRE_PUBLICATION_NAME,
    ]
    return tuple(dict.fromkeys([*DEFAULT_INTERVIEWER_LABELS, *filter(None, configured)]))


def structure(text: str, *, date_override: date | None = None) -> dict:
    """Structure text with the site's interviewer labels; ``date_override`` replaces the date."""
    result = structure_plain_text(text, interviewer_labels=interviewer_labels())
    if date_override is not None:
        found = result["date"]
        result["date"] = date_override.isoformat()
        if found and found != result["date"]:
            warnings = result.setdefault("warnings", [])
            warnings.append(
                {
                    "line": 0,
                    "code": "date-overridden",
                    "message": f"--date {result['date']} replaces the page's date line {found}.",
                }
            )
    return result


def article_text(article: dict) -> str:
    """Return an article's words (title and blocks) as one string, for country detection."""
    parts = [article.get("title") or ""]
    for block in article["blocks"]:
        if block["type"] in {"paragraph", "heading"}:
            parts.append(block["text"])
        elif block["type"] == "list":
            parts.extend(block["items"])
        elif block["type"] == "turn":
            parts.extend(block["paragraphs"])
    return "\n".join(parts)


def fallback_title(article: dict) -> str:
    """Return a headline for an article that has none: its first sentence, shortened."""
    text = article_text(article).strip()
    first = _SENTENCE_END.split(text, maxsplit=1)[0] if text else "Untitled article"
    if len(first) > 120:
        first = first[:120].rsplit(" ", 1)[0] + "…"
    return first


def contract_blocks(article: dict) -> list[dict]:
    """Map structurer blocks to the body contract (docs/content-model.md)."""
    blocks = []
    for block in article["blocks"]:
        if block["type"] == "heading":
            blocks.append({"type": "heading", "text": block["text"], "level": 2})
        elif block["type"] == "list":
            blocks.append(
                {"type": "list", "items": block["items"], "ordered": bool(block.get("ordered"))}
            )
        elif block["type"] == "turn" and not block["paragraphs"]:
            blocks.append({"type": "paragraph", "text": f"{block['speaker']}:"})
        else:
            blocks.append(block)
    return blocks


@dataclass
class CreatedArticle:
    page: object  # ArticlePage
    choice: CountryChoice
    warnings: list[str]

    def as_json(self) -> dict:
        page = self.page
        return {
            "id": page.pk,
            "title": page.title,
            "country": self.choice.home.slug,
            "other_countries": [c.slug for c in self.choice.others],
            "detected_countries": self.choice.detected,
            "live": page.live,
            "url_path": page.url_path,
            "warnings": self.warnings,
        }


def _publication_datetime(day: str | None) -> datetime | None:
    if not day:
        return None
    return timezone.make_aware(datetime.combine(date.fromisoformat(day), time(0, 0)))


def create_articles(
    result: dict,
    *,
    country=None,
    author_name: str = "",
    publish: bool = False,
    user=None,
) -> list[CreatedArticle]:
    """Create one ArticlePage per structured article (drafts unless ``publish``)."""
    from silkwire.news.services import author_by_name, create_article

    authors = [author_by_name(author_name)] if author_name.strip() else []
    when = _publication_datetime(result.get("date"))
    created = []
    for article in result["articles"]:
        warnings = []
        title = article["title"]
        if not title:
            title = fallback_title(article)
            warnings.append(f"No headline: titled the draft {title!r}; edit it before publishing.")
        choice = choose_countries(article_text(article), country)
        if choice.warning:
            warnings.append(choice.warning)
        has_turns = any(block["type"] == "turn" for block in article["blocks"])
        page = create_article(
            country=choice.home,
            title=title,
            blocks=contract_blocks(article),
            kind="interview" if has_turns else "news",
            authors=authors,
            other_countries=choice.others,
            first_published_at=when,
            publish=publish,
            user=user,
        )
        if when is not None and not publish:
            # A draft has no publication date yet: keep the page's date for when it goes live.
            page.display_date = when
            page.save_revision(user=user, log_action=False)
        created.append(CreatedArticle(page, choice, warnings))
    return created


def store_rates(result: dict) -> tuple[int | None, str]:
    """Store the page's ticker rates as observations of the source ``page`` (docs/rates.md)."""
    from silkwire.rates.page_quotes import store_page_quotes

    if not result["rates"]:
        return 0, ""
    stored = store_page_quotes(result["rates"], day=result.get("date"))
    if stored is None:
        return None, "--keep-rates: the page has no date line (give --date); rates not stored."
    return len(stored.stored), ""
