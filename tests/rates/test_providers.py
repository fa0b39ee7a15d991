"""Every parser on the real recorded payloads, against values worked out by hand here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from silkwire.rates.providers import PROVIDERS, base, cbr, cbt, cbu, nbk, nbkr, nbt
from silkwire.rates.providers.base import (
    KIND_CROSS,
    KIND_OFFICIAL,
    KIND_PEG,
    Request,
    ShapeError,
    WrongDate,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rates"


def payload(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def by_currency(quotes):
    return {q.currency: q for q in quotes}


def assert_all_decimal(quotes):
    assert quotes
    for quote in quotes:
        assert type(quote.units_per_usd) is Decimal
        assert type(quote.usd_value) is Decimal


def test_nbk_get_rates_real_payload():
    quotes = by_currency(nbk.parse(payload("nbk_get_rates_fdate_01.04.2026.xml")))
    kzt = quotes["KZT"]
    assert (kzt.source, kzt.rate_date, kzt.kind) == ("nbk", date(2026, 4, 1), KIND_OFFICIAL)
    assert kzt.units_per_usd == Decimal("478.77")
    assert round(kzt.usd_value, 11) == Decimal("0.00208868559")  # 1 / 478.77
    # UZS is quoted per 100 (quant): 3.93 KZT per 100 UZS → 478.77 / 0.0393 UZS per USD.
    assert quotes["UZS"].units_per_usd == Decimal("478.77") / Decimal("0.0393")
    assert quotes["UZS"].kind == KIND_CROSS
    assert quotes["UZS"].significant_digits == 3  # too coarse to cross-check with
    assert quotes["KGS"].units_per_usd == Decimal("478.77") / Decimal("5.47")
    assert "TMT" not in quotes  # NBK does not publish TMT
    assert_all_decimal(quotes.values())


def test_nbk_second_day_and_rss_shape():
    quotes = by_currency(nbk.parse(payload("nbk_get_rates_fdate_02.04.2026.xml")))
    assert quotes["KZT"].rate_date == date(2026, 4, 2)
    assert quotes["KZT"].units_per_usd == Decimal("475.09")
    rss = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        b"<item><title>USD</title><pubDate>18.04.16</pubDate><description>334.41</description><quant>1</quant></item>"
        b"<item><title>KGS</title><pubDate>18.04.16</pubDate><description>4.78</description><quant>1</quant></item>"
        b"<item><title>TJS</title><pubDate>31.12.13</pubDate><description>99.99</description><quant>1</quant></item>"
        b"</channel></rss>"
    )
    quotes = by_currency(nbk.parse(rss))
    assert quotes["KZT"].rate_date == date(2016, 4, 18)
    assert quotes["KZT"].units_per_usd == Decimal("334.41")
    assert "TJS" not in quotes  # a dead item with an old pubDate is dropped


def test_nbk_empty_rates_is_no_publication():
    assert nbk.parse(b'<?xml version="1.0"?><rates></rates>') == []


def test_nbkr_daily_real_payload():
    quotes = by_currency(nbkr.parse(payload("nbkr_daily_Date_24.05.2026.xml")))
    kgs = quotes["KGS"]
    assert (kgs.rate_date, kgs.kind) == (date(2026, 5, 24), KIND_OFFICIAL)
    assert kgs.units_per_usd == Decimal("87.45")  # "87,4500": comma decimals
    assert round(kgs.usd_value, 7) == Decimal("0.0114351")
    assert quotes["KZT"].units_per_usd == Decimal("87.45") / Decimal("0.1859")
    assert_all_decimal(quotes.values())


def test_nbkr_weekly_needs_the_daily_usd():
    weekly = payload("nbkr_weekly_Date_23.05.2026.xml")
    assert nbkr.parse(weekly) == []  # no USD row in weekly.xml
    provider = PROVIDERS["nbkr"]
    daily = provider.parse(payload("nbkr_daily_Date_24.05.2026.xml"))
    quotes = by_currency(provider.parse_request(weekly, Request("w", None, "weekly"), daily))
    assert "KGS" not in quotes
    assert quotes["TMT"].units_per_usd == Decimal("87.45") / Decimal("24.9857")
    assert quotes["TMT"].rate_date == date(2026, 5, 23)
    assert quotes["UZS"].significant_digits == 2  # "0,0073"


def test_nbkr_history_page():
    quotes = nbkr.parse_history(payload("nbkr_index1_item1562_USD_2005-06.html"))
    assert [q.rate_date for q in quotes] == [date(2005, 6, d) for d in (4, 11, 18, 25)]
    assert quotes[-1].units_per_usd == Decimal("40.9614")
    assert quotes[-1].currency == "KGS"


def test_nbt_real_payloads():
    quotes = by_currency(nbt.parse(payload("nbt_en_export_xml_2026-05-18.xml")))
    assert quotes["TJS"].rate_date == date(2026, 5, 18)
    assert quotes["TJS"].units_per_usd == Decimal("9.3450")
    # KGS per 10: 1.0686 TJS per 10 KGS → 9.345 / 0.10686 KGS per USD.
    assert quotes["KGS"].units_per_usd == Decimal("9.345") / Decimal("0.10686")
    assert quotes["TMT"].units_per_usd == Decimal("9.345") / Decimal("2.67")  # = 3.5
    assert quotes["TMT"].units_per_usd == Decimal("3.5")
    assert quotes["RUB"].raw.startswith("RUB 0.1277")  # CharCode trusted over ID 810
    nineteenth = by_currency(nbt.parse(payload("nbt_en_export_xml_2026-05-19.xml")))
    assert nineteenth["TJS"].units_per_usd == Decimal("9.3371")


def test_nbt_wrong_date_is_rejected():
    provider = PROVIDERS["nbt"]
    request = provider.requests_for(date(2026, 5, 20))[0]
    assert "date=2026-05-20&export=xmlout" in request.url
    with pytest.raises(WrongDate, match="dated 2026-05-18, requested 2026-05-20"):
        provider.parse_request(payload("nbt_en_export_xml_2026-05-18.xml"), request, [])


def test_cbu_real_payloads_and_tmt_outlier():
    quotes = by_currency(cbu.parse(payload("cbu_en_json_all_2026-04-01.json")))
    assert quotes["UZS"].units_per_usd == Decimal("12194.21")
    assert quotes["UZS"].rate_date == date(2026, 4, 1)
    # The recorded glitch: 4037.68 UZS per TMT → 3.02 TMT per USD, 14 % off the 3.50 peg.
    # The parser reports what the bank said; the trust rules reject it (test_storage).
    assert quotes["TMT"].units_per_usd == Decimal("12194.21") / Decimal("4037.68")
    assert round(quotes["TMT"].units_per_usd, 4) == Decimal("3.0201")
    nxt = by_currency(cbu.parse(payload("cbu_en_json_all_2026-04-02.json")))
    assert round(nxt["TMT"].units_per_usd, 3) == Decimal("3.500")
    assert nxt["UZS"].units_per_usd == Decimal("12142.10")


def test_cbu_empty_list_is_no_publication():
    assert cbu.parse(b"[]") == []


def test_cbr_real_payload_windows_1251_and_nominals():
    raw = payload("cbr_XML_daily_Date_25.04.2026.cp1251.xml")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    quotes = by_currency(cbr.parse(raw))
    usd = Decimal("75.5273")
    assert quotes["RUB"].units_per_usd == usd
    assert quotes["RUB"].rate_date == date(2026, 4, 25)
    assert quotes["KGS"].units_per_usd == usd / (Decimal("86.4125") / 100)
    assert round(quotes["KGS"].usd_value, 7) == Decimal("0.0114412")
    assert round(quotes["UZS"].usd_value, 10) == Decimal("0.0000831914")
    assert round(quotes["TMT"].units_per_usd, 4) == Decimal("3.5000")


def test_cbr_changed_nominal_is_divided():
    raw = payload("cbr_XML_daily_Date_25.04.2026.cp1251.xml")
    # 2023 shape: KGS per 10, no VunitRate.
    changed = raw.replace(
        b"<Nominal>100</Nominal><Name>\xd1\xee\xec\xee\xe2</Name><Value>86,4125</Value>"
        b"<VunitRate>0,864125</VunitRate>",
        b"<Nominal>10</Nominal><Name>\xd1\xee\xec\xee\xe2</Name><Value>8,64125</Value>",
    )
    assert changed != raw
    assert (
        by_currency(cbr.parse(changed))["KGS"].units_per_usd
        == by_currency(cbr.parse(raw))["KGS"].units_per_usd
    )


def test_cbr_dynamic_series():
    raw = payload("cbr_XML_dynamic_R01710A_TMT_01-05.03.2026.xml")
    series = cbr.parse_dynamic(raw)
    assert series[0] == (date(2026, 3, 3), Decimal("22.0495"))
    assert [day for day, _ in series] == [date(2026, 3, d) for d in (3, 4, 5)]
    with pytest.raises(ShapeError, match="XML_dynamic"):
        cbr.parse(raw)


def test_cbt_real_payload_and_peg():
    quotes = by_currency(cbt.parse(payload("cbt_kurs_2026_20052026.xml")))
    assert quotes["TMT"].units_per_usd == Decimal("3.5")
    assert quotes["TMT"].rate_date == date(2026, 5, 20)
    assert quotes["KZT"].units_per_usd == Decimal("3.5") / Decimal("0.007424")
    assert round(quotes["KZT"].usd_value, 8) == Decimal("0.00212114")
    peg = cbt.peg_quote(date(2026, 11, 25))
    assert (peg.kind, peg.units_per_usd, peg.currency) == (KIND_PEG, Decimal("3.50"), "TMT")
    assert "peg" in peg.raw
    with pytest.raises(ShapeError):
        cbt.peg_quote(date(2014, 12, 31))


CHALLENGE = (
    b"<!DOCTYPE html><html><head><title>DDoS-Guard</title></head>"
    b"<body>Checking your browser before accessing</body></html>"
)
XML_PARSERS = [nbk.parse, nbkr.parse, nbt.parse, cbr.parse, cbt.parse]


@pytest.mark.parametrize("parse", XML_PARSERS + [cbu.parse])
@pytest.mark.parametrize(
    "body",
    [CHALLENGE, b"", b"   ", b"<html>maintenance</html>", b"<ValCurs><Valute", b"\x00\xff\xfe"],
)
def test_garbage_is_a_shape_error(parse, body):
    with pytest.raises(ShapeError):
        parse(body)


@pytest.mark.parametrize("parse", XML_PARSERS)
def test_wrong_root_is_a_shape_error(parse):
    with pytest.raises(ShapeError, match="root element"):
        parse(b'<?xml version="1.0"?><error>Service unavailable</error>')


def test_malformed_numbers_and_dates():
    bad_value = payload("nbkr_daily_Date_24.05.2026.xml").replace(b"87,4500", b"87.4.5")
    with pytest.raises(ShapeError, match="USD value"):
        nbkr.parse(bad_value)
    bad_date = payload("nbkr_daily_Date_24.05.2026.xml").replace(b"24.05.2026", b"tomorrow")
    with pytest.raises(ShapeError, match="date"):
        nbkr.parse(bad_date)
    zero = payload("nbt_en_export_xml_2026-05-18.xml").replace(
        b"<Value>9.3450</Value>", b"<Value>0.0000</Value>"
    )
    with pytest.raises(ShapeError, match="greater than zero"):
        nbt.parse(zero)
    with pytest.raises(ShapeError, match="JSON list"):
        cbu.parse(b'{"error": "not found"}')
    with pytest.raises(ShapeError, match="Ccy"):
        cbu.parse(b'[{"Ccy": "USD"}]')


def test_misdeclared_encoding():
    # NBT /ru/ declares windows-1251 but serves UTF-8 bytes (docs/rate-sources.md §3).
    utf8 = (
        payload("nbt_en_export_xml_2026-05-18.xml")
        .replace(b'encoding="utf-8"', b'encoding="windows-1251"')
        .replace(b"US Dollar", "Доллар США".encode())
    )
    assert by_currency(nbt.parse(utf8))["TJS"].units_per_usd == Decimal("9.345")
    assert base.decode_payload(utf8).count("Доллар США") == 1
    # And the mirror mistake: a UTF-8 prolog over windows-1251 bytes.
    cp1251 = payload("cbr_XML_daily_Date_25.04.2026.cp1251.xml").replace(
        b'encoding="windows-1251"', b'encoding="utf-8"'
    )
    assert by_currency(cbr.parse(cp1251))["RUB"].units_per_usd == Decimal("75.5273")
    assert "Доллар США" in base.decode_payload(cp1251)


def test_entities_are_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]>'
        b"<CurrencyRates Date='24.05.2026'>&a;</CurrencyRates>"
    )
    with pytest.raises(ShapeError):
        nbkr.parse(bomb)


def test_every_provider_plans_requests():
    for code, provider in PROVIDERS.items():
        requests = provider.latest_requests(date(2026, 5, 24))
        assert requests, code
        assert all(r.url.startswith("https://") for r in requests)
    assert PROVIDERS["nbk"].requests_for(date(2026, 4, 1))[0].url.endswith("fdate=01.04.2026")
    assert PROVIDERS["cbu"].requests_for(date(2026, 4, 1))[0].url.endswith("/all/2026-04-01/")
    assert PROVIDERS["cbr"].requests_for(date(2026, 4, 25))[0].url.endswith("date_req=25/04/2026")
    assert PROVIDERS["cbt"].requests_for(date(2026, 5, 20))[0].url.endswith("2026/20052026.xml")
    years = list(PROVIDERS["nbkr"].history_requests(date(2024, 6, 1), date(2026, 2, 1)))
    assert len(years) == 3


def test_no_binary_float_in_the_rates_app():
    """Rates are Decimal end to end: no float() call or float literal parsing in the app."""
    app = Path(__file__).resolve().parents[2] / "silkwire" / "rates"
    offenders = [
        f"{path.relative_to(app)}:{number}"
        for path in app.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "float(" in line or "=float" in line
    ]
    assert offenders == []
