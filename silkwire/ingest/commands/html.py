"""``silkwire ingest html FILE|URL``: an article page → a credited draft (docs/ingest.md)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management.base import CommandError

from silkwire.core.http import SIZE_LIMITS, FetchError, fetch
from silkwire.core.urls_policy import URLRefused, check_url
from silkwire.ingest.html import (
    HTML_MEDIA_TYPES,
    ExtractedPage,
    ExtractionError,
    decode_html,
    extract_page,
    looks_like_html,
)


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="FILE|URL", help="An HTML file, or an http(s) URL.")
    parser.add_argument(
        "--url",
        dest="page_url",
        default="",
        help="For a FILE: the address it was saved from (resolves its links, credits it).",
    )
    parser.add_argument(
        "--country",
        help="Primary country (ISO code or slug). Default: the first country the text names, "
        "else Central Asia.",
    )
    parser.add_argument(
        "--source-name",
        default="",
        help="Credit line for the outlet (default: the page's site name or host).",
    )
    parser.add_argument("--dry-run", action="store_true", help="Extract and report; save nothing.")
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")


def _read_source(source: str) -> tuple[bytes, str, str | None]:
    """Return (body, URL, charset) for a file or URL, refusing what is not an HTML page."""
    cap = SIZE_LIMITS["page"]
    if source.lower().startswith(("http://", "https://")):
        try:
            source = check_url(source).url  # refused before any connection, exit status 2
        except URLRefused as exc:
            raise CommandError(str(exc), returncode=2) from None
        try:
            response = fetch(source, kind="page", headers={"Accept": "text/html,*/*;q=0.5"})
        except FetchError as exc:
            raise CommandError(f"{source}: {exc}", returncode=1) from exc
        if response.status != 200:
            raise CommandError(
                f"{source}: the server answered HTTP {response.status}; nothing imported.",
                returncode=1,
            )
        if response.content_type and response.content_type not in HTML_MEDIA_TYPES:
            raise CommandError(
                f"{source}: the server says this is {response.content_type}, not an HTML page "
                "(text/html). Give the article's web address, not a file or feed.",
                returncode=1,
            )
        return response.content, response.url, response.charset
    if "://" in source:
        raise CommandError(
            f"{source}: only http and https URLs (or a local file) can be imported.", returncode=2
        )
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"{source}: no such file.", returncode=2)
    size = path.stat().st_size
    if size > cap:
        raise CommandError(
            f"{source}: {size:,} bytes is more than the {cap:,}-byte page limit; "
            "save just the article page.",
            returncode=1,
        )
    data = path.read_bytes()
    if not looks_like_html(decode_html(data)[0][:8192]):
        raise CommandError(
            f"{source}: this does not look like an HTML page (no <html>, <body> or <p>); "
            "for plain text use `silkwire ingest text`.",
            returncode=1,
        )
    return data, "", None


def _print_report(command, report: dict) -> None:
    out = command.stdout
    draft = report.get("draft")
    extracted = report["extracted"]
    lines = [
        f"Title:      {extracted['title']}",
        f"Source:     {report['source_name'] or '—'} <{extracted['source_url'] or '—'}>",
        f"Author:     {extracted['author'] or '—'}",
        f"Published:  {extracted['published'] or '—'}",
        f"Language:   {extracted['language'] or '—'}",
        f"Text:       {extracted['characters']:,} characters, "
        + ", ".join(f"{n} {t}" for t, n in extracted["block_counts"].items()),
        f"Countries:  {report['country']} (primary)"
        + (f", {', '.join(report['other_countries'])}" if report["other_countries"] else ""),
    ]
    if extracted["images"]:
        lines.append(f"Images:     {len(extracted['images'])} found, not imported")
    if draft:
        lines.append(f"Draft:      #{draft['id']} {draft['edit_url']}")
    elif report["dry_run"]:
        lines.append("Dry run:    nothing saved.")
    for line in lines:
        out.write(line)


def handle(command, options) -> int | None:
    from silkwire.ingest.countries import countries_for, detect_slugs, primary_country
    from silkwire.news.models import CountryPage

    data, fetched_url, charset = _read_source(options["source"])
    url = fetched_url or options["page_url"] or ""
    if options["page_url"] and not fetched_url:
        try:
            url = check_url(url, allow_private=True).url  # a credit link: its form, not its host
        except URLRefused as exc:
            raise CommandError(f"--url: {exc}", returncode=2) from None
    try:
        page: ExtractedPage = extract_page(data, url=url, charset=charset)
    except ExtractionError as exc:
        raise CommandError(f"{options['source']}: {exc}", returncode=1) from exc

    detected = countries_for(detect_slugs(f"{page.title}\n{page.description}\n{page.text}"))
    preferred = None
    if options.get("country"):
        try:
            preferred = CountryPage.get_by_code_or_slug(options["country"])
        except CountryPage.DoesNotExist as exc:
            raise CommandError(f"--country: {exc}", returncode=2) from None
    country = primary_country(preferred, detected)
    others = [c for c in detected if c.pk != country.pk]
    source_name = options.get("source_name") or page.site_name
    if not source_name and page.source_url:
        source_name = urlsplit(page.source_url).hostname or ""
    report = {
        "source": options["source"],
        "dry_run": bool(options["dry_run"]),
        "extracted": page.as_report(),
        "country": country.slug,
        "other_countries": [c.slug for c in others],
        "source_name": source_name,
        "draft": None,
    }
    if not options["dry_run"]:
        from django.urls import reverse

        from silkwire.news.services import create_article

        article = create_article(
            country=country,
            title=page.title[:255],
            blocks=page.blocks,
            standfirst=page.description,
            other_countries=others,
            source_name=source_name[:255],
            source_url=page.source_url[:1000],
        )
        report["draft"] = {
            "id": article.pk,
            "title": article.title,
            "live": article.live,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        }
    if options["json"]:
        command.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_report(command, report)
    return None
