"""National Bank of the Kyrgyz Republic (nbkr.kg): the official KGS rate.

``XML/daily.xml`` (USD, EUR, CNY, KZT, RUB) and ``XML/weekly.xml`` (TJS, UZS, TMT…) only
ever hold the latest publication: windows-1251, comma decimals, ``Value`` = KGS per
``Nominal`` units, ``@Date`` = effective date (docs/rate-sources.md §2). History comes from the HTML
page ``index1.jsp?item=1562`` one currency at a time, without nominals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from silkwire.rates.providers.base import (
    KIND_OFFICIAL,
    Provider,
    Quote,
    Request,
    Row,
    ShapeError,
    check_date,
    child_text,
    decode_payload,
    load_xml,
    parse_day,
    quotes_from_table,
    significant_digits,
)

CODE = "nbkr"
BASE_URL = "https://www.nbkr.kg/"
# valuta_id of the history page and the nominal it implies (frankfurter nbkr.rb CURRENCIES).
HISTORY_IDS = {"USD": 15, "KZT": 40, "TJS": 45, "UZS": 46, "TMT": 108}
HISTORY_NOMINALS = {"USD": "1", "KZT": "1", "TJS": "1", "UZS": "1", "TMT": "1"}
_HISTORY_ROW = re.compile(
    r"<!--date-->(\d{2}\.\d{2}\.\d{4})<!--date-->.*?<!--value-->(\d+(?:,\d+)?)<!--value-->",
    re.DOTALL,
)


def _rows(root) -> list[Row]:
    rows = []
    for currency in root.findall("Currency"):
        code = (currency.get("ISOCode") or "").strip()
        if not code:
            raise ShapeError("NBKR <Currency> without ISOCode")
        rows.append(
            Row(code, child_text(currency, "Value", code), child_text(currency, "Nominal", code))
        )
    return rows


def parse(payload: bytes, *, kgs_per_usd_row: Row | None = None) -> list[Quote]:
    """Parse daily.xml (or weekly.xml, given the daily USD row to cross through)."""
    root = load_xml(payload, ("CurrencyRates",))
    rows = _rows(root)
    if not rows:
        return []
    rate_date = parse_day(root.get("Date"), "NBKR @Date")
    if kgs_per_usd_row is None and not any(row.code == "USD" for row in rows):
        return []  # weekly.xml alone has no USD row: nothing to express against USD
    quotes = quotes_from_table(CODE, "KGS", rate_date, rows, usd_row=kgs_per_usd_row)
    if kgs_per_usd_row is not None and not any(row.code == "USD" for row in rows):
        quotes = [q for q in quotes if q.kind != KIND_OFFICIAL]  # the USD came from daily.xml
    return quotes


def parse_history(payload: bytes, currency: str = "USD") -> list[Quote]:
    """Parse the HTML history page of one currency (only USD gives a KGS official value)."""
    if currency != "USD":
        raise ShapeError("NBKR history: only the USD page is turned into quotes")
    text = decode_payload(payload)
    if "<table" not in text.lower():
        raise ShapeError("NBKR history: no <table> in the page")
    quotes = []
    for day_text, value_text in _HISTORY_ROW.findall(text):
        row = Row("USD", value_text, HISTORY_NOMINALS[currency])
        quotes.append(
            Quote(
                CODE,
                "KGS",
                parse_day(day_text),
                row.per_unit(),
                KIND_OFFICIAL,
                f"USD {value_text} KGS per 1 (history page)",
                significant_digits(value_text),
            )
        )
    return sorted(quotes, key=lambda q: q.rate_date)


def history_url(currency: str, since: date, until: date) -> str:
    return (
        f"{BASE_URL}index1.jsp?item=1562&lang=ENG&valuta_id={HISTORY_IDS[currency]}"
        f"&beg_day={since:%d}&beg_month={since:%m}&beg_year={since:%Y}"
        f"&end_day={until:%d}&end_month={until:%m}&end_year={until:%Y}"
    )


class NationalBankOfKyrgyzRepublic(Provider):
    code = CODE
    name = "National Bank of the Kyrgyz Republic"
    short_name = "NBKR"
    home_currency = "KGS"
    timezone = "Asia/Bishkek"
    homepage = "https://www.nbkr.kg/index.jsp?lang=ENG"

    def latest_requests(self, today: date) -> list[Request]:
        # No date parameter exists: the feeds only hold the latest publication.
        return [
            Request(f"{BASE_URL}XML/daily.xml", None, "daily"),
            Request(f"{BASE_URL}XML/weekly.xml", None, "weekly"),
        ]

    def requests_for(self, day: date) -> list[Request]:
        return [Request(history_url("USD", day, day), day, "history:USD")]

    def history_requests(self, since: date, until: date) -> Iterator[Request]:
        # One request per year at most; the site drops bursts of connections (docs/rate-sources.md §2).
        start = since
        while start <= until:
            end = min(until, date(start.year, 12, 31))
            yield Request(history_url("USD", start, end), None, "history:USD")
            start = date(start.year + 1, 1, 1)

    def parse(self, payload: bytes) -> list[Quote]:
        return parse(payload)

    def parse_request(self, payload: bytes, request: Request, earlier: list[Quote]) -> list[Quote]:
        if request.variant.startswith("history:"):
            quotes = parse_history(payload, request.variant.split(":", 1)[1])
            if request.requested_date is not None:
                quotes = [q for q in quotes if q.rate_date == request.requested_date]
            return quotes
        if request.variant == "weekly":
            usd = [q for q in earlier if q.source == CODE and q.kind == KIND_OFFICIAL]
            row = Row("USD", f"{usd[-1].units_per_usd:f}") if usd else None
            return check_date(parse(payload, kgs_per_usd_row=row), request.requested_date)
        return check_date(parse(payload), request.requested_date)
