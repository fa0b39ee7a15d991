"""``silkwire ingest text``: dry-run JSON, errors, and the drafts it creates."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
PAGE_1 = FIXTURES / "sample-page-1.txt"
PAGE_2 = FIXTURES / "sample-page-2.txt"


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", "text", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def expected(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text())


# --- dry run: no database needed ---------------------------------------------------------------


def test_dry_run_json_prints_exactly_the_expected_structure():
    out, _ = run(str(PAGE_1), "--dry-run", "--json")
    assert json.loads(out) == expected(PAGE_1)


def test_dry_run_json_of_several_files_is_an_array():
    out, _ = run(str(PAGE_1), str(PAGE_2), "--dry-run", "--json")
    assert json.loads(out) == [expected(PAGE_1), expected(PAGE_2)]


def test_dash_reads_standard_input(monkeypatch):
    data = PAGE_2.read_bytes().replace(b"\n", b"\r\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out, _ = run("-", "--dry-run", "--json")
    assert json.loads(out) == expected(PAGE_2)


def test_date_option_replaces_the_date_line_and_says_so():
    out, _ = run(str(PAGE_2), "--dry-run", "--json", "--date", "2026-02-01")
    result = json.loads(out)
    assert result["date"] == "2026-02-01"
    assert [w["code"] for w in result["warnings"]] == ["date-overridden"]


def test_dry_run_summary_names_articles_countries_and_warnings(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text("Dushanbe approved a budget on Wednesday.\n\nThe vote was 51 to 8.\n")
    out, _ = run(str(PAGE_1), str(path), "--dry-run")
    assert "sample-page-1.txt: date 2026-03-03, 5 ticker rate(s), 4 article(s)" in out
    assert "2 paragraph, 6 turn; countries: kazakhstan" in out
    assert "(no headline)" in out and "countries: tajikistan" in out
    assert "! line 1: The text does not start with a headline" in out


def test_missing_file_names_the_file():
    with pytest.raises(CommandError, match="nope.txt: no such file"):
        run("nope.txt", "--dry-run")


def test_non_utf8_file_names_the_file_and_the_fix(tmp_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Казахстан".encode("cp1251"))
    with pytest.raises(CommandError, match="cp1251.txt: not UTF-8 .*Save the text as UTF-8"):
        run(str(path), "--dry-run")


def test_bad_date_is_refused_with_the_format():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run(str(PAGE_2), "--dry-run", "--date", "19.01.2026")


def test_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PAGE_2.read_bytes())
    out, _ = run(str(path), "--dry-run", "--json")
    assert json.loads(out) == expected(PAGE_2)


# --- creating pages ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_creates_one_draft_per_article_under_the_detected_country():
    from silkwire.news.models import ArticlePage

    out, _ = run(str(PAGE_1), "--json")
    report = json.loads(out)
    assert [a["country"] for a in report["articles"]] == [
        "kyrgyzstan", "kazakhstan", "turkmenistan", "tajikistan"
    ]  # fmt: skip
    pages = {p.title: p.specific for p in ArticlePage.objects.all()}
    assert len(pages) == 4
    hydro = pages[
        "Uzbekistan and Kyrgyzstan Agree Timetable for Joint Hydropower Plant on the Naryn"
    ]
    assert not hydro.live
    assert hydro.get_parent().slug == "kyrgyzstan"
    assert [c.slug for c in hydro.other_countries.all()] == ["uzbekistan"]
    # The draft keeps the page's date for when it is published.
    latest = hydro.get_latest_revision_as_object()
    assert timezone.localtime(latest.display_date).date() == date(2026, 3, 3)

    interview = pages[
        "Almaty Urban Planner Aigerim Sadykova on Why the City Must Grow Upward, Not Outward"
    ]
    assert interview.kind == "interview"
    turns = [b.value for b in interview.body if b.block_type == "turn"]
    assert [t["speaker"] for t in turns] == ["SW", "Aigerim"] * 3
    assert len(turns[1]["paragraphs"]) == 2

    tajik = pages["Tajik Parliament Debates Draft Law on Digital Payments and Mobile Wallets"]
    headings = [b.value for b in tajik.body if b.block_type == "heading"]
    assert [(h["text"], h["level"]) for h in headings] == [
        ("What the Draft Says", "2"), ("Industry Reaction", "2"), ("Next Steps", "2")
    ]  # fmt: skip
    visas = pages[
        "Turkmenistan Simplifies Visa Rules for Business Travelers: What Changes in April"
    ]
    lists = [b.value for b in visas.body if b.block_type == "list"]
    assert lists[0]["ordered"] is False and len(lists[0]["items"]) == 4
    paragraph = next(b for b in visas.body if b.block_type == "paragraph")
    assert "Turkmenistan’s Foreign Ministry" in paragraph.value.source


@pytest.mark.django_db
def test_publish_country_and_author_options():
    from silkwire.news.models import ArticlePage

    out, _ = run(
        str(PAGE_2), "--publish", "--country", "UZ", "--author", "Aigerim Sadykova", "--json"
    )
    report = json.loads(out)
    page = ArticlePage.objects.get(pk=report["articles"][0]["id"])
    assert page.live
    assert page.get_parent().slug == "uzbekistan"
    assert [c.slug for c in page.other_countries.all()] == ["kazakhstan"]
    assert timezone.localtime(page.first_published_at).date() == date(2026, 1, 19)
    assert [a.author.name for a in page.article_authors.all()] == ["Aigerim Sadykova"]


@pytest.mark.django_db
def test_unknown_country_names_the_known_ones():
    with pytest.raises(CommandError, match="--country XX: .*kazakhstan"):
        run(str(PAGE_2), "--country", "XX")


@pytest.mark.django_db
def test_text_without_headline_or_country_becomes_a_flagged_draft(tmp_path):
    from silkwire.news.models import ArticlePage

    path = tmp_path / "pasted.txt"
    path.write_text("The council approved the budget on Wednesday. The vote was close.\n")
    out, _ = run(str(path), "--json")
    article = json.loads(out)["articles"][0]
    assert article["title"] == "The council approved the budget on Wednesday."
    assert article["country"] == "central-asia"
    assert any("No headline" in w for w in article["warnings"])
    assert any("No country found" in w for w in article["warnings"])
    assert ArticlePage.objects.get(pk=article["id"]).get_parent().slug == "central-asia"


@pytest.mark.django_db
def test_keep_rates_stores_the_page_ticker_as_page_observations():
    from decimal import Decimal

    from silkwire.rates.models import RateObservation
    from silkwire.rates.readings import ticker_rows

    out, _ = run(str(PAGE_2), "--keep-rates", "--json")
    assert json.loads(out)["rates_stored"] == 5
    kgs = RateObservation.objects.get(source="page", currency="KGS")
    assert kgs.rate_date == date(2026, 1, 19)
    line = next(r for r in expected(PAGE_2)["rates"] if r["pair"] == "KGS/USD")
    assert isinstance(kgs.units_per_usd, Decimal)
    assert abs(kgs.units_per_usd * Decimal(line["value"]) - 1) < Decimal("1e-9")
    # Copied figures never stand in for an official rate on the ticker.
    assert all(row.source != "page" for row in ticker_rows(date(2026, 1, 19)))
    # A second run stores nothing new.
    out, _ = run(str(PAGE_2), "--keep-rates", "--json")
    assert json.loads(out)["rates_stored"] == 0


def test_terminal_summary_is_a_table(capsys):
    from silkwire.ingest.commands.text import _rich_summary, structure

    _rich_summary("page.txt", structure(PAGE_2.read_text(encoding="utf-8")))
    out = capsys.readouterr().out
    assert "page.txt — date 2026-01-19, 5 rate(s)" in out
    assert "Kazakhstan Extends Grain Export Quota" in out and "3 paragraph, 1 list" in out
