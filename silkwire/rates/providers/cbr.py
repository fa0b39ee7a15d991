"""Central Bank of Russia (cbr.ru): RUB, and the cross-check/fallback for all five.

``scripts/XML_daily.asp[?date_req=DD/MM/YYYY]`` answers ``<ValCurs Date="DD.MM.YYYY">``
in windows-1251 with comma decimals; ``Value`` = RUB per ``Nominal`` units, and nominals
change over time (KGS was 10 in 2023, 100 in 2026). ``@Date`` is the date the rates are in
force, often the next business day (docs/rate-sources.md §6). Since 2022 the site sits behind
DDoS-Guard, whose challenge page arrives with HTTP 200.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from silkwire.rates.providers.base import (
    Provider,
    Quote,
    Request,
    Row,
    child_text,
    load_xml,
    parse_day,
    parse_valcurs,
)

CODE = "cbr"
BASE_URL = "https://www.cbr.ru/scripts/"
# The browser-like Accept header CBR's filter expects (docs/rate-sources.md §6 mitigations).
HEADERS = (("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1"),)


def parse(payload: bytes) -> list[Quote]:
    return parse_valcurs(payload, CODE, "RUB", "CBR")


def parse_dynamic(payload: bytes) -> list[tuple[date, Decimal]]:
    """Parse an XML_dynamic series: (date, RUB per one unit) for each record."""
    root = load_xml(payload, ("ValCurs",))
    series = []
    for record in root.findall("Record"):
        row = Row(
            record.get("Id") or "?",
            child_text(record, "Value", "CBR <Record>"),
            child_text(record, "Nominal", "CBR <Record>"),
        )
        series.append((parse_day(record.get("Date"), "CBR <Record> @Date"), row.per_unit()))
    return series


class CentralBankOfRussia(Provider):
    code = CODE
    name = "Central Bank of the Russian Federation"
    short_name = "CBR"
    home_currency = "RUB"
    timezone = "Europe/Moscow"
    homepage = "https://www.cbr.ru/eng/currency_base/daily/"

    def latest_requests(self, today: date) -> list[Request]:
        # The dateless document is the one in force now, possibly dated tomorrow.
        return [Request(f"{BASE_URL}XML_daily.asp", None, "", HEADERS)]

    def requests_for(self, day: date) -> list[Request]:
        return [Request(f"{BASE_URL}XML_daily.asp?date_req={day:%d/%m/%Y}", day, "", HEADERS)]

    def parse(self, payload: bytes) -> list[Quote]:
        return parse(payload)
