"""Trust rules, change %, staleness, fallbacks, overrides and cross-checks, on SQLite."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from silkwire.rates.fetching import ingest_payload
from silkwire.rates.models import FetchLog, Outcome, RateObservation, RateOverride
from silkwire.rates.providers import PROVIDERS
from silkwire.rates.providers.base import KIND_CROSS, KIND_OFFICIAL, Quote, Request
from silkwire.rates.readings import change_pct, rate_row, ticker_rows
from silkwire.rates.signals import rates_published
from silkwire.rates.storage import Rejected, store_quotes

pytestmark = pytest.mark.django_db


def q(source, currency, day, units, kind=KIND_OFFICIAL, digits=6):
    return Quote(source, currency, day, Decimal(units), kind, "test", digits)


def test_change_pct_arithmetic():
    # NBK 475.09 → 472.31 KZT per USD: the tenge gained (475.09 / 472.31 − 1) × 100 = 0.588…%
    assert change_pct(Decimal("475.09"), Decimal("472.31")) == Decimal("0.59")
    assert change_pct(Decimal("478.77"), Decimal("475.09")) == Decimal("0.77")
    assert change_pct(Decimal("87.45"), Decimal("87.45")) == Decimal("0.00")
    assert change_pct(Decimal("12142.10"), Decimal("12194.21")) == Decimal("-0.43")
    assert type(change_pct(Decimal("1"), Decimal("3"))) is Decimal


def test_observation_keeps_ten_significant_digits(payload):
    ingest_payload(
        PROVIDERS["cbr"], payload("cbr_XML_daily_Date_25.04.2026.cp1251.xml"), Request("f")
    )
    stored = RateObservation.objects.get(source="cbr", currency="UZS")
    exact = Decimal("75.5273") / (Decimal("62.8322") / Decimal(10000))
    assert type(stored.units_per_usd) is Decimal
    assert abs(stored.units_per_usd / exact - 1) < Decimal("1e-10")
    assert stored.rate_date == date(2026, 4, 25)
    assert stored.raw.startswith("UZS 62,8322 RUB per 10000")


def test_real_payloads_store_and_report(payload):
    outcome = ingest_payload(
        PROVIDERS["nbk"],
        payload("nbk_get_rates_fdate_01.04.2026.xml"),
        Request("f", date(2026, 4, 1)),
    )
    assert outcome.log.outcome == Outcome.STORED
    assert outcome.log.stored_count == 5
    assert len(outcome.log.payload_sha256) == 64
    second = ingest_payload(
        PROVIDERS["nbk"],
        payload("nbk_get_rates_fdate_02.04.2026.xml"),
        Request("f", date(2026, 4, 2)),
    )
    assert second.log.outcome == Outcome.STORED
    row = rate_row("KZT", date(2026, 4, 2))
    assert row.units_per_usd == Decimal("475.09")
    assert row.change_pct == Decimal("0.77")  # 478.77 / 475.09 − 1
    again = ingest_payload(
        PROVIDERS["nbk"], payload("nbk_get_rates_fdate_02.04.2026.xml"), Request("f")
    )
    assert again.log.outcome == Outcome.UNCHANGED


def test_wrong_date_is_rejected_but_kept(payload):
    outcome = ingest_payload(
        PROVIDERS["nbt"],
        payload("nbt_en_export_xml_2026-05-18.xml"),
        Request("f", date(2026, 5, 20)),
    )
    log = outcome.log
    assert (log.outcome, log.reason) == (Outcome.REJECTED, "wrong_date")
    assert not log.failed  # carry-forward, not an unexpected failure
    assert RateObservation.objects.count() == 0
    from pathlib import Path

    assert Path(log.payload_path).read_bytes() == payload("nbt_en_export_xml_2026-05-18.xml")


def test_challenge_page_is_rejected_and_logged():
    outcome = ingest_payload(
        PROVIDERS["cbr"], b"<!DOCTYPE html><html><body>DDoS-Guard</body></html>", Request("f")
    )
    assert (outcome.log.outcome, outcome.log.reason) == (Outcome.REJECTED, "shape")
    assert outcome.log.failed
    assert "HTML page" in outcome.log.error
    assert RateObservation.objects.count() == 0


def test_empty_payloads_are_no_publication():
    for code, body in (("nbk", b"<rates></rates>"), ("cbu", b"[]")):
        outcome = ingest_payload(PROVIDERS[code], body, Request("f"))
        assert outcome.log.outcome == Outcome.NO_PUBLICATION
        assert not outcome.log.failed


def test_cbu_tmt_outlier_is_dropped(payload):
    """The recorded 01.04.2026 CBU TMT cross (3.02 TMT per USD) is 14 % off the peg."""
    outcome = ingest_payload(
        PROVIDERS["cbu"],
        payload("cbu_en_json_all_2026-04-01.json"),
        Request("f", date(2026, 4, 1)),
    )
    assert outcome.log.outcome == Outcome.STORED
    assert "TMT" in outcome.log.notes and "peg" in outcome.log.notes
    assert not RateObservation.objects.filter(source="cbu", currency="TMT").exists()
    assert RateObservation.objects.get(source="cbu", currency="UZS").units_per_usd == Decimal(
        "12194.21"
    )
    # The next day's cross is back at 3.500 and is stored.
    ingest_payload(
        PROVIDERS["cbu"],
        payload("cbu_en_json_all_2026-04-02.json"),
        Request("f", date(2026, 4, 2)),
    )
    assert RateObservation.objects.filter(source="cbu", currency="TMT").count() == 1


def test_big_move_of_official_rate_rejects_the_payload():
    day = date(2026, 5, 1)
    store_quotes([q("nbkr", "KGS", day, "87.45")])
    with pytest.raises(Rejected) as exc:
        store_quotes([q("nbkr", "KGS", day + timedelta(days=1), "97.00")])
    assert exc.value.reason == "implausible_move"
    assert "10.92 %" in str(exc.value)
    # A second source that agrees within 1.5 % confirms the move.
    store_quotes([q("cbr", "KGS", day + timedelta(days=1), "96.50", KIND_CROSS)])
    result = store_quotes([q("nbkr", "KGS", day + timedelta(days=1), "97.00")])
    assert len(result.stored) == 1
    assert "confirmed by cbr" in result.notes[0]


def test_move_of_cross_is_dropped_not_the_payload():
    day = date(2026, 5, 1)
    store_quotes([q("nbt", "TJS", day, "9.345"), q("nbt", "KGS", day, "87.45", KIND_CROSS)])
    result = store_quotes(
        [
            q("nbt", "TJS", day + timedelta(1), "9.34"),
            q("nbt", "KGS", day + timedelta(1), "70", KIND_CROSS),
        ]
    )
    assert [o.currency for o in result.stored] == ["TJS"]
    assert "dropped" in result.notes[0]


def test_rates_published_is_sent_after_commit(django_capture_on_commit_callbacks):
    seen = []

    def receiver(sender, **kwargs):
        seen.append(kwargs)

    rates_published.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            store_quotes([q("nbkr", "KGS", date(2026, 5, 24), "87.45")])
        with django_capture_on_commit_callbacks(execute=True):
            store_quotes([q("nbkr", "KGS", date(2026, 5, 24), "87.45")])  # nothing new
    finally:
        rates_published.disconnect(receiver)
    assert seen == [
        {"currencies": {"KGS"}, "dates": {date(2026, 5, 24)}, "signal": rates_published}
    ]


def test_stale_fallback_and_missing_currency():
    today = date(2026, 5, 24)
    store_quotes([q("nbkr", "KGS", today - timedelta(days=3), "87.45")])
    row = rate_row("KGS", today)
    assert (row.source, row.stale, row.fallback) == ("nbkr", False, False)
    assert rate_row("KGS", today + timedelta(days=1)).stale is True
    # A fresher CBR cross takes over a stale primary, named as a fallback.
    store_quotes([q("cbr", "KGS", today, "87.40", KIND_CROSS)])
    row = rate_row("KGS", today + timedelta(days=1))
    assert (row.source, row.fallback, row.stale) == ("cbr", True, False)
    assert rate_row("UZS", today) is None
    assert [r.currency for r in ticker_rows(today)] == ["KGS"]
    # Dated on or before the day asked for: nothing before the first publication.
    assert rate_row("KGS", today - timedelta(days=10)) is None


def test_cross_check_flags_deviation_above_1_5_pct():
    day = date(2026, 4, 25)
    store_quotes([q("cbr", "KZT", day, "462.87", KIND_CROSS), q("nbk", "KZT", day, "470.00")])
    row = rate_row("KZT", day)
    # Our value 1/470 vs CBR's 1/462.87: (462.87 / 470 − 1) × 100 = −1.52 %
    assert row.cross_check.source == "cbr"
    assert row.cross_check.deviation_pct == Decimal("-1.52")
    assert row.flagged
    assert row.as_json()["cross_check"]["deviation_pct"] == "-1.52"
    store_quotes([q("nbk", "KZT", day + timedelta(1), "465.00")])
    assert not rate_row("KZT", day + timedelta(1)).flagged


@pytest.mark.parametrize(
    ("cbr_units", "deviation", "flagged"),
    [("406.00", "1.50", False), ("394.00", "-1.50", False), ("406.04", "1.51", True)],
)
def test_cross_check_flags_only_above_exactly_1_5_pct(cbr_units, deviation, flagged):
    from silkwire.rates.ticker import ticker_item

    day = date(2026, 4, 25)
    store_quotes([q("cbr", "KZT", day, cbr_units, KIND_CROSS), q("nbk", "KZT", day, "400.00")])
    row = rate_row("KZT", day)
    # (406 / 400 − 1) × 100 = 1.50 exactly: on the threshold, "more than 1.5 %" is false.
    assert row.cross_check.deviation_pct == Decimal(deviation)
    assert row.flagged is flagged
    assert row.as_json()["cross_check"]["flagged"] is flagged
    assert ("differs from the cross-check" in ticker_item(row)["tooltip"]) is flagged


def test_coarse_crosses_do_not_flag():
    day = date(2026, 5, 23)
    store_quotes(
        [q("cbu", "UZS", day, "12014.27"), q("nbkr", "UZS", day, "11979.45", KIND_CROSS, 2)]
    )
    assert rate_row("UZS", day).other_checks == ()


def test_override_wins_and_is_labelled(django_user_model):
    day = date(2026, 5, 24)
    store_quotes([q("nbkr", "KGS", day - timedelta(1), "87.45"), q("nbkr", "KGS", day, "87.45")])
    editor = django_user_model.objects.create(username="ed")
    RateOverride.objects.create(
        currency="KGS",
        rate_date=day,
        units_per_usd=Decimal("87.50"),
        reason="NBKR published a typo",
        created_by=editor,
    )
    row = rate_row("KGS", day)
    assert (row.source, row.units_per_usd, row.override_reason) == (
        "override",
        Decimal("87.50"),
        "NBKR published a typo",
    )
    assert row.change_pct == Decimal("-0.06")  # 87.45 / 87.50 − 1
    assert row.as_json()["source"] == "override"


def test_fetch_log_failed_property():
    assert FetchLog(outcome=Outcome.ERROR).failed
    assert FetchLog(outcome=Outcome.REJECTED, reason="http_status").failed
    assert not FetchLog(outcome=Outcome.REJECTED, reason="wrong_date").failed
    assert not FetchLog(outcome=Outcome.UNCHANGED, reason="not_modified").failed


def test_history_payload_is_checked_day_by_day(payload):
    provider = PROVIDERS["nbkr"]
    good = ingest_payload(
        provider,
        payload("nbkr_index1_item1562_USD_2005-06.html"),
        Request("f", None, "history:USD"),
    )
    assert (good.log.outcome, good.log.stored_count) == (Outcome.STORED, 4)
    assert rate_row("KGS", date(2005, 6, 25)).change_pct == Decimal("0.26")  # 41.0685 / 40.9614
    jump = (
        b"<table><tr><td><!--date-->02.07.2005<!--date--></td><td><!--value-->41,0000<!--value-->"
        b"</td></tr><tr><td><!--date-->09.07.2005<!--date--></td><td><!--value-->49,9000"
        b"<!--value--></td></tr></table>"
    )
    bad = ingest_payload(provider, jump, Request("g", None, "history:USD"))
    assert (bad.log.outcome, bad.log.reason) == (Outcome.REJECTED, "implausible_move")
    assert "21.71 %" in bad.log.error
    # The whole payload is rejected, the plausible 02.07 too.
    assert not RateObservation.objects.filter(rate_date=date(2005, 7, 2)).exists()


def test_peg_is_not_invented_before_2015():
    from silkwire.rates.fetching import store_peg

    before = store_peg(date(2014, 12, 31), trigger="backfill", why="test")
    assert (before.log.outcome, before.log.reason) == (Outcome.NO_PUBLICATION, "before_peg")
    after = store_peg(date(2015, 1, 1), trigger="backfill", why="test")
    assert after.log.outcome == Outcome.STORED


@pytest.mark.parametrize(
    ("confirmer", "confirmed"),
    [("100.00", True), ("101.50", True), ("99.99", False)],
)
@pytest.mark.parametrize("where", ["stored", "same run"])
def test_a_big_move_is_confirmed_by_a_second_source_within_exactly_1_5_pct(
    confirmer, confirmed, where
):
    """101.50 vs 100.00 is +1.5 % exactly: confirmed. 101.50 vs 99.99 is +1.51 %: not."""
    day = date(2026, 5, 1)
    store_quotes([q("nbkr", "KGS", day, "87.45")])
    second = q("cbr", "KGS", day + timedelta(days=1), confirmer, KIND_CROSS)
    others = ()
    if where == "stored":
        store_quotes([second])
    else:
        others = (second,)
    move = q("nbkr", "KGS", day + timedelta(days=1), "101.50")
    if confirmed:
        result = store_quotes([move], others=others)
        assert [o.units_per_usd for o in result.stored] == [Decimal("101.50")]
        assert "confirmed by cbr" in result.notes[0]
    else:
        with pytest.raises(Rejected):
            store_quotes([move], others=others)
        assert not RateObservation.objects.filter(source="nbkr", rate_date=day + timedelta(1))
