"""The fetch path without the internet: a loopback server and httpx.MockTransport."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from django.core.management import CommandError, call_command

from silkwire.rates.fetching import fetch_all, fetch_request, fetch_source
from silkwire.rates.models import FetchLog, Outcome, RateObservation
from silkwire.rates.providers import PROVIDERS
from silkwire.rates.providers.base import Request
from tests.conftest_http import Reply

pytestmark = pytest.mark.django_db

NBK_DAY = date(2026, 4, 1)


def test_loopback_fetch_stores_and_keeps_payload(loopback, payload):
    body = payload("nbk_get_rates_fdate_01.04.2026.xml")
    url = loopback.route("/rss/get_rates.cfm", body=body, headers={"Content-Type": "text/xml"})
    outcome = fetch_request(PROVIDERS["nbk"], Request(url + "?fdate=01.04.2026", NBK_DAY))
    log = outcome.log
    assert (log.outcome, log.http_status, log.stored_count) == (Outcome.STORED, 200, 5)
    assert Path(log.payload_path).read_bytes() == body
    assert log.payload_path.startswith(str(Path(log.payload_path).parents[3]))
    assert "/rates/raw/nbk/" in log.payload_path
    assert RateObservation.objects.get(source="nbk", currency="KZT").units_per_usd == Decimal(
        "478.77"
    )
    assert loopback.requests[0].headers["user-agent"].startswith("Silkwire/")


def test_5xx_is_rejected_with_payload_kept(loopback):
    url = loopback.route("/daily.xml", status=503, body=b"<html>Service Unavailable</html>")
    log = fetch_request(PROVIDERS["nbkr"], Request(url)).log
    assert (log.outcome, log.reason, log.http_status) == (Outcome.REJECTED, "http_status", 503)
    assert log.failed and "HTTP 503" in log.error
    assert Path(log.payload_path).read_bytes() == b"<html>Service Unavailable</html>"
    assert RateObservation.objects.count() == 0


def test_maintenance_html_with_200_is_rejected(loopback):
    url = loopback.route("/daily.xml", body=b"<html>maintenance</html>")
    log = fetch_request(PROVIDERS["nbkr"], Request(url)).log
    assert (log.outcome, log.reason, log.http_status) == (Outcome.REJECTED, "shape", 200)


def test_redirect_fails_loudly(loopback, payload):
    target = loopback.route("/moved.xml", body=payload("nbkr_daily_Date_24.05.2026.xml"))
    url = loopback.route("/daily.xml", status=302, headers={"Location": target})
    log = fetch_request(PROVIDERS["nbkr"], Request(url)).log
    assert (log.outcome, log.reason) == (Outcome.ERROR, "redirect")
    assert "redirect refused" in log.error
    assert loopback.hits("/moved.xml") == 0
    assert RateObservation.objects.count() == 0


def test_timeout(loopback):
    url = loopback.route("/slow.xml", delay=2.0, body=b"<CurrencyRates/>")
    log = fetch_request(PROVIDERS["nbkr"], Request(url), timeout=0.5).log
    assert (log.outcome, log.reason) == (Outcome.ERROR, "timeout")
    assert log.failed


def test_conditional_request_and_304(loopback, payload):
    body = payload("nbkr_daily_Date_24.05.2026.xml")
    etag, modified = 'W/"530-1779531645000"', "Sat, 23 May 2026 10:20:45 GMT"

    def handler(seen):
        if seen.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body, {"ETag": etag, "Last-Modified": modified})

    url = loopback.route("/XML/daily.xml", handler)
    first = fetch_request(PROVIDERS["nbkr"], Request(url)).log
    assert first.outcome == Outcome.STORED and first.etag == etag
    second = fetch_request(PROVIDERS["nbkr"], Request(url)).log
    assert loopback.requests[1].headers["if-none-match"] == etag
    assert loopback.requests[1].headers["if-modified-since"] == modified
    assert (second.outcome, second.reason, second.http_status) == (
        Outcome.UNCHANGED,
        "not_modified",
        304,
    )
    assert not second.failed


def _mock(payload, routes):
    def handler(request: httpx.Request) -> httpx.Response:
        for needle, name in routes.items():
            if needle in str(request.url):
                return httpx.Response(200, content=payload(name))
        return httpx.Response(404)

    return httpx.MockTransport(handler)


def test_mock_transport_all_sources(payload, settings):
    transport = _mock(
        payload,
        {
            "nationalbank.kz": "nbk_get_rates_fdate_01.04.2026.xml",
            "cbu.uz": "cbu_en_json_all_2026-04-01.json",
            "cbr.ru": "cbr_XML_daily_Date_25.04.2026.cp1251.xml",
        },
    )
    report = fetch_all(["nbk", "cbu"], NBK_DAY, transport=transport)
    assert [o.log.outcome for o in report["nbk"]] == [Outcome.STORED]
    assert [o.log.outcome for o in report["cbu"]] == [Outcome.STORED]
    # CBR's document is dated 25.04, not the requested 01.04: rejected, but not a failure.
    cbr = fetch_source("cbr", NBK_DAY, transport=transport)[0].log
    assert (cbr.outcome, cbr.reason, cbr.failed) == (Outcome.REJECTED, "wrong_date", False)


def test_cbt_feed_unreachable_falls_back_to_the_peg(settings):
    transport = httpx.MockTransport(lambda request: httpx.Response(403, content=b"Forbidden"))
    outcomes = fetch_source("cbt", date(2026, 5, 20), transport=transport)
    assert [o.log.reason for o in outcomes] == ["http_status", "peg"]
    peg = RateObservation.objects.get(source="cbt", currency="TMT")
    assert (peg.kind, peg.units_per_usd, peg.rate_date) == (
        "peg",
        Decimal("3.50"),
        date(2026, 5, 20),
    )
    settings.SILKWIRE_RATES_CBT_FEED = False
    settings.SILKWIRE_RATES_TMT_PEG = "3.50"
    outcomes = fetch_source("cbt", date(2026, 5, 21), transport=transport)
    assert [o.log.reason for o in outcomes] == ["peg"]
    assert "disabled" in outcomes[0].log.notes


def test_cbt_feed_read_when_reachable(payload):
    transport = _mock(payload, {"cbt.tm/kurs/2026/20052026.xml": "cbt_kurs_2026_20052026.xml"})
    outcomes = fetch_source("cbt", date(2026, 5, 20), transport=transport)
    assert [o.log.outcome for o in outcomes] == [Outcome.STORED]
    assert RateObservation.objects.get(source="cbt", currency="TMT").kind == "official"


def test_command_fetch_file_json_and_exit_status(capsys, tmp_path, payload):
    path = Path(__file__).resolve().parents[1] / "fixtures" / "rates"
    call_command(
        "rates",
        "fetch",
        "--file",
        str(path / "nbkr_daily_Date_24.05.2026.xml"),
        "--source",
        "nbkr",
        "--json",
    )
    report = json.loads(capsys.readouterr().out)
    assert report[0]["outcome"] == "stored" and report[0]["stored"] == 3
    assert len(report[0]["payload_sha256"]) == 64
    # --date applies the date check to a saved payload.
    call_command(
        "rates",
        "fetch",
        "--file",
        str(path / "nbt_en_export_xml_2026-05-18.xml"),
        "--source",
        "nbt",
        "--date",
        "2026-05-19",
        "--json",
    )
    assert json.loads(capsys.readouterr().out)[0]["reason"] == "wrong_date"
    challenge = tmp_path / "challenge.xml"
    challenge.write_bytes(b"<!DOCTYPE html><html><body>DDoS-Guard</body></html>")
    with pytest.raises(CommandError) as exc:
        call_command("rates", "fetch", "--file", str(challenge), "--source", "cbr", "--json")
    assert exc.value.returncode == 1
    with pytest.raises(CommandError) as exc:
        call_command("rates", "fetch", "--file", str(challenge))
    assert exc.value.returncode == 2
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("rates", "show", "--date", "24.05.2026")


def test_command_backfill_is_resumable(settings, capsys):
    settings.SILKWIRE_RATES_CBT_FEED = False
    call_command(
        "rates",
        "backfill",
        "--since",
        "2026-05-18",
        "--until",
        "2026-05-20",
        "--source",
        "cbt",
        "--json",
    )
    first = json.loads(capsys.readouterr().out)
    assert [e["requested_date"] for e in first] == ["2026-05-18", "2026-05-19", "2026-05-20"]
    call_command(
        "rates",
        "backfill",
        "--since",
        "2026-05-18",
        "--until",
        "2026-05-21",
        "--source",
        "cbt",
        "--json",
    )
    second = json.loads(capsys.readouterr().out)
    assert [e["requested_date"] for e in second] == ["2026-05-21"]
    assert RateObservation.objects.filter(source="cbt").count() == 4
    assert FetchLog.objects.filter(trigger="backfill").count() == 4


def test_backfill_over_mock_network_paces_and_skips_done(payload, monkeypatch):
    from silkwire.rates.commands import backfill

    pauses = []
    monkeypatch.setattr(backfill.time, "sleep", pauses.append)
    transport = _mock(payload, {"nbt.tj": "nbt_en_export_xml_2026-05-18.xml"})
    original = backfill.fetch_request
    monkeypatch.setattr(
        backfill,
        "fetch_request",
        lambda provider, request, **kw: original(provider, request, transport=transport, **kw),
    )
    with pytest.raises(CommandError):  # the mock answers NBK with 404: a failure, exit 1
        call_command(
            "rates",
            "backfill",
            "--since",
            "2026-05-18",
            "--until",
            "2026-05-19",
            "--source",
            "nbt",
            "--source",
            "nbk",
            "--delay-ms",
            "250",
            "--json",
        )
    assert 0.25 in pauses
    assert RateObservation.objects.filter(source="nbt", currency="TJS").count() == 1


def test_nbk_latest_reads_the_rss_feed_too():
    rss = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        b"<item><title>USD</title><pubDate>27.11.26</pubDate><description>470.10</description>"
        b"<quant>1</quant></item></channel></rss>"
    )
    empty = b'<?xml version="1.0"?><rates></rates>'

    def handler(request):
        return httpx.Response(200, content=rss if "rates_all" in str(request.url) else empty)

    outcomes = fetch_source("nbk", transport=httpx.MockTransport(handler))
    assert [o.log.outcome for o in outcomes] == [Outcome.NO_PUBLICATION, Outcome.STORED]
    stored = RateObservation.objects.get(source="nbk")
    assert (stored.rate_date, stored.units_per_usd) == (date(2026, 11, 27), Decimal("470.10"))


def test_several_sources_after_one_option():
    import argparse

    from silkwire.rates.commands import fetch

    parser = argparse.ArgumentParser()
    fetch.add_arguments(parser)
    args = parser.parse_args(["--source", "nbk", "cbr", "--source", "cbu"])
    assert args.sources == ["nbk", "cbr", "cbu"]
