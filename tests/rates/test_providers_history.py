"""History and backfill fetch plans, and the CBR dynamic series, on the banks' documented URLs.

The URLs are the ones SOURCES.md §2 and §6 record for the real payloads in tests/fixtures/rates
(and docs/rates.md summarises): a wrong parameter here fetches the wrong publication silently.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from silkwire.rates.providers import PROVIDERS, base, cbr
from silkwire.rates.providers.base import KIND_OFFICIAL, Request, ShapeError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rates"
NBKR_JUNE_2005 = "nbkr_index1_item1562_USD_2005-06.html"
CBR_DYNAMIC = "cbr_XML_dynamic_R01710A_TMT_01-05.03.2026.xml"


def payload(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def nbkr_history_url(beg: str, end: str) -> str:
    """Build the NBKR history URL for USD (valuta_id 15) from ``DD.MM.YYYY`` bounds."""
    beg_day, beg_month, beg_year = beg.split(".")
    end_day, end_month, end_year = end.split(".")
    return (
        "https://www.nbkr.kg/index1.jsp?item=1562&lang=ENG&valuta_id=15"
        f"&beg_day={beg_day}&beg_month={beg_month}&beg_year={beg_year}"
        f"&end_day={end_day}&end_month={end_month}&end_year={end_year}"
    )


# --- NBKR: the HTML history page, one request per calendar year at most ---------------------


def test_nbkr_history_of_june_2005_is_the_recorded_request():
    # The exact URI frankfurter recorded for tests/fixtures/rates/nbkr_index1_item1562_USD_2005-06.html.
    recorded = (
        "https://www.nbkr.kg/index1.jsp?item=1562&lang=ENG&valuta_id=15"
        "&beg_day=01&beg_month=06&beg_year=2005&end_day=30&end_month=06&end_year=2005"
    )
    requests = list(PROVIDERS["nbkr"].history_requests(date(2005, 6, 1), date(2005, 6, 30)))
    assert requests == [Request(recorded, None, "history:USD")]


def test_nbkr_backfill_splits_at_new_year_and_keeps_the_last_day():
    requests = list(PROVIDERS["nbkr"].history_requests(date(2024, 6, 1), date(2026, 1, 1)))
    assert requests == [
        Request(nbkr_history_url("01.06.2024", "31.12.2024"), None, "history:USD"),
        Request(nbkr_history_url("01.01.2025", "31.12.2025"), None, "history:USD"),
        # until = 1 January: the last year's request covers that single day.
        Request(nbkr_history_url("01.01.2026", "01.01.2026"), None, "history:USD"),
    ]


def test_nbkr_backfill_of_one_day_and_of_an_empty_range():
    provider = PROVIDERS["nbkr"]
    one_day = list(provider.history_requests(date(2026, 5, 20), date(2026, 5, 20)))
    assert [r.url for r in one_day] == [nbkr_history_url("20.05.2026", "20.05.2026")]
    assert list(provider.history_requests(date(2026, 5, 21), date(2026, 5, 20))) == []


def test_nbkr_backfill_answers_parse_into_the_whole_page():
    provider = PROVIDERS["nbkr"]
    (request,) = provider.history_requests(date(2005, 6, 1), date(2005, 6, 30))
    quotes = provider.parse_request(payload(NBKR_JUNE_2005), request, [])
    assert [(q.rate_date, q.units_per_usd) for q in quotes][-1] == (
        date(2005, 6, 25),
        Decimal("40.9614"),
    )
    assert len(quotes) == 4
    assert {(q.source, q.currency, q.kind) for q in quotes} == {("nbkr", "KGS", KIND_OFFICIAL)}


def test_nbkr_fetch_of_one_day_asks_the_history_page_for_that_day():
    # `silkwire rates fetch --date` goes through requests_for: the XML feeds have no date.
    day = date(2005, 6, 18)
    requests = PROVIDERS["nbkr"].requests_for(day)
    assert requests == [Request(nbkr_history_url("18.06.2005", "18.06.2005"), day, "history:USD")]


def test_nbkr_fetch_of_one_day_keeps_only_that_day():
    provider = PROVIDERS["nbkr"]
    (request,) = provider.requests_for(date(2005, 6, 18))
    quotes = provider.parse_request(payload(NBKR_JUNE_2005), request, [])
    assert [(q.rate_date, q.currency) for q in quotes] == [(date(2005, 6, 18), "KGS")]
    (other,) = provider.requests_for(date(2005, 6, 19))  # no publication that day
    assert provider.parse_request(payload(NBKR_JUNE_2005), other, []) == []


# --- CBR: XML_dynamic, one currency over a date range ----------------------------------------


def dynamic_record(inner: str, attrs: str = 'Date="03.03.2026" Id="R01710A"') -> bytes:
    return (
        '<?xml version="1.0" encoding="windows-1251"?>'
        '<ValCurs ID="R01710A" DateRange1="01.03.2026" DateRange2="05.03.2026" '
        f'name="Foreign Currency Market Dynamic"><Record {attrs}>{inner}</Record></ValCurs>'
    ).encode("cp1251")


def test_cbr_dynamic_real_payload_values():
    series = cbr.parse_dynamic(payload(CBR_DYNAMIC))
    assert series == [
        (date(2026, 3, 3), Decimal("22.0495")),
        (date(2026, 3, 4), Decimal("22.1741")),
        (date(2026, 3, 5), Decimal("22.2288")),
    ]


def test_cbr_dynamic_divides_by_the_nominal():
    # KZT comes per 100 in CBR's tables (SOURCES.md §6): the series is RUB per one unit.
    raw = payload(CBR_DYNAMIC).replace(
        b"<Nominal>1</Nominal><Value>22,0495</Value>",
        b"<Nominal>100</Nominal><Value>17,4012</Value>",
    )
    assert cbr.parse_dynamic(raw)[0] == (date(2026, 3, 3), Decimal("0.174012"))


def test_cbr_dynamic_bad_value_names_the_record_id():
    raw = payload(CBR_DYNAMIC).replace(b"<Value>22,1741</Value>", b"<Value>22,17,41</Value>")
    with pytest.raises(ShapeError, match=r"^R01710A value: '22,17,41' is not a positive"):
        cbr.parse_dynamic(raw)


def test_cbr_dynamic_bad_value_without_id_is_marked_unknown():
    raw = dynamic_record("<Nominal>1</Nominal><Value>n/a</Value>", 'Date="03.03.2026"')
    with pytest.raises(ShapeError, match=r"^\? value: 'n/a' is not a positive"):
        cbr.parse_dynamic(raw)


@pytest.mark.parametrize("tag", ["Value", "Nominal"])
def test_cbr_dynamic_missing_figure_names_the_record(tag):
    inner = "<Nominal>1</Nominal><Value>22,0495</Value>".replace(f"<{tag}>", "<Other>")
    inner = inner.replace(f"</{tag}>", "</Other>")
    with pytest.raises(ShapeError, match=rf"^CBR <Record>: missing <{tag}>$"):
        cbr.parse_dynamic(dynamic_record(inner))


def test_cbr_dynamic_bad_date_names_the_attribute():
    raw = payload(CBR_DYNAMIC).replace(b'Date="04.03.2026"', b'Date="2026/03/04"')
    with pytest.raises(ShapeError, match=r"^CBR <Record> @Date: '2026/03/04' is not a date"):
        cbr.parse_dynamic(raw)


# --- Decoding a body without an XML prolog ---------------------------------------------------


def test_windows_1251_body_without_prolog_is_read_as_windows_1251():
    # A proxy or a truncated answer can drop the prolog; the bytes are still CBR's cp1251.
    raw = payload("cbr_XML_daily_Date_25.04.2026.cp1251.xml")
    prolog_end = raw.index(b"?>") + 2
    bare = raw[prolog_end:]
    assert not bare.lstrip().startswith(b"<?xml")
    assert "Доллар США" in base.decode_payload(bare)
    usd = [q for q in cbr.parse(bare) if q.currency == "RUB"]
    assert usd[0].units_per_usd == Decimal("75.5273")
