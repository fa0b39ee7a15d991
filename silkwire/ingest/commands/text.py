"""``silkwire ingest text FILE… [--date YYYY-MM-DD] [--country CODE] [--author NAME] [--publish]
[--dry-run] [--json] [--keep-rates]``: plain-text copy and page dumps → draft articles.

The pure part is :func:`silkwire.ingest.text.structure_plain_text`; this module reads the files,
picks countries with the gazetteer and creates the pages (also used by the admin "Paste copy"
view). Rules and limits: docs/ingest.md, "Plain text".
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from silkwire.core.gazetteer import detect_countries
from silkwire.ingest.text import DEFAULT_INTERVIEWER_LABELS, structure_plain_text

# The five countries and the region may be an article's home; the neighbours only tag along.
HOME_SLUGS = ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")
REGION_SLUG = "central-asia"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


def add_arguments(parser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="UTF-8 text file(s); - reads stdin."
    )
    parser.add_argument(
        "--date", type=_parse_date, metavar="YYYY-MM-DD",
        help="Date the articles (replaces the page's own date line).",
    )  # fmt: skip
    parser.add_argument(
        "--country", metavar="CODE",
        help="Home country for every article (KZ or kazakhstan); default: detected from the text.",
    )  # fmt: skip
    parser.add_argument(
        "--author", metavar="NAME", help="Author of every article (created if new)."
    )
    parser.add_argument("--publish", action="store_true", help="Publish instead of saving drafts.")
    parser.add_argument(
        "--dry-run", action="store_true", help="Print the structure; write nothing."
    )
    parser.add_argument("--json", action="store_true", help="Print JSON instead of a summary.")
    parser.add_argument(
        "--keep-rates", action="store_true",
        help="Store the page's ticker rates as observations with source 'page'.",
    )  # fmt: skip


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"{value!r}: give the date as YYYY-MM-DD.") from None


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


def read_source(name: str) -> str:
    """Return the text of a file (or standard input for ``-``), naming the file on errors."""
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"{name}: no such file. Give a UTF-8 text file, or - for stdin.")
        data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{name}: not UTF-8 (byte {exc.start}). Save the text as UTF-8 and run again."
        ) from None


# --- from structure to pages ----------------------------------------------------------------


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
            raise CommandError(
                "No country found in the text and no Central Asia page: use --country."
            )
    others = [pages[s] for s in filed if s != home.slug]
    return CountryChoice(home, others, detected, warning)


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


# --- the command ----------------------------------------------------------------------------


def handle(command, options) -> int | None:
    names = options["files"]
    results = [
        (name, structure(read_source(name), date_override=options.get("date"))) for name in names
    ]
    if options["dry_run"]:
        if options["json"]:
            payload = [r for _, r in results]
            command.stdout.write(
                json.dumps(
                    payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2
                )
            )
        else:
            for name, result in results:
                if command.stdout.isatty():
                    _rich_summary(name, result)
                else:
                    _print_summary(command, name, result)
        return 0

    forced = None
    if options.get("country"):
        from silkwire.news.models import CountryPage

        try:
            forced = CountryPage.get_by_code_or_slug(options["country"])
        except CountryPage.DoesNotExist as exc:
            raise CommandError(f"--country {options['country']}: {exc}") from None
    reports = []
    for name, result in results:
        created = create_articles(
            result,
            country=forced,
            author_name=options.get("author") or "",
            publish=options["publish"],
        )
        report = {
            "file": name,
            "date": result["date"],
            "articles": [c.as_json() for c in created],
            "warnings": result.get("warnings", []),
        }
        if options.get("keep_rates"):
            report["rates_stored"], problem = store_rates(result)
            if problem:
                command.stderr.write(problem)
        reports.append(report)
    if options["json"]:
        command.stdout.write(
            json.dumps(reports[0] if len(reports) == 1 else reports, ensure_ascii=False, indent=2)
        )
    else:
        for report in reports:
            _print_created(command, report)
    return 0


def _block_counts(article: dict) -> str:
    """Return "2 paragraph, 6 turn": how many blocks of each type, in order of appearance."""
    counts: dict[str, int] = {}
    for block in article["blocks"]:
        counts[block["type"]] = counts.get(block["type"], 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


def _print_summary(command, name: str, result: dict) -> None:
    write = command.stdout.write
    write(f"{name}: date {result['date'] or '—'}, {len(result['rates'])} ticker rate(s), "
          f"{len(result['articles'])} article(s)")  # fmt: skip
    for article in result["articles"]:
        countries = ", ".join(m.slug for m in detect_countries(article_text(article))) or "none"
        shape = _block_counts(article) or "no blocks"
        write(f"  • {article['title'] or '(no headline)'}\n    {shape}; countries: {countries}")
    for warning in result.get("warnings", []):
        write(f"  ! line {warning['line']}: {warning['message']}")


def _rich_summary(name: str, result: dict) -> None:
    """The dry-run summary as a table, for a terminal."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{name} — date {result['date'] or '—'}, {len(result['rates'])} rate(s)")
    for column in ("Headline", "Blocks", "Countries"):
        table.add_column(column)
    for article in result["articles"]:
        table.add_row(
            article["title"] or "(no headline)",
            _block_counts(article) or "—",
            ", ".join(m.slug for m in detect_countries(article_text(article))) or "—",
        )
    console = Console()
    console.print(table)
    for warning in result.get("warnings", []):
        console.print(f"[yellow]! line {warning['line']}:[/] {warning['message']}", markup=True)


def _print_created(command, report: dict) -> None:
    write = command.stdout.write
    write(f"{report['file']}: {len(report['articles'])} article(s) created")
    for article in report["articles"]:
        state = "published" if article["live"] else "draft"
        others = ", ".join(article["other_countries"])
        write(f"  • #{article['id']} {article['title']} [{state}, {article['country']}"
              f"{' + ' + others if others else ''}]")  # fmt: skip
        for warning in article["warnings"]:
            write(f"    ! {warning}")
    for warning in report["warnings"]:
        write(f"  ! line {warning['line']}: {warning['message']}")
    if report.get("rates_stored") is not None:
        write(f"  {report['rates_stored']} ticker rate(s) stored")
