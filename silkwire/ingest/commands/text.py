"""``silkwire ingest text FILE… [--date YYYY-MM-DD] [--country CODE] [--author NAME] [--publish]
[--dry-run] [--json] [--keep-rates]``: plain-text copy and page dumps → draft articles.

The pure part is :func:`silkwire.ingest.text.structure_plain_text`; the pages are made by
:mod:`silkwire.ingest.text_drafts` (shared with the admin "Paste copy" view). This module reads
the files and prints the reports. Rules and limits: docs/ingest.md, "Plain text".
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import CommandError

from silkwire.ingest.countries import detect_slugs
from silkwire.ingest.text_drafts import (
    article_text,
    create_articles,
    store_rates,
    structure,
)


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
        countries = ", ".join(detect_slugs(article_text(article))) or "none"
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
            ", ".join(detect_slugs(article_text(article))) or "—",
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
