"""National Bank of Kazakhstan (nationalbank.kz): the official KZT rate.

``rss/get_rates.cfm?fdate=DD.MM.YYYY`` answers ``<rates><date>…<item>…`` for the date
the rate is effective on; ``rss/rates_all.xml`` is an RSS 2.0 feed whose items carry a
``pubDate`` each and keep dead currencies with old dates (docs/rate-sources.md §1). ``description``
is KZT per ``quant`` units. Crosses from NBK have two decimals only, so they are kept
for reference and never used as KGS/TJS/UZS official values.
"""

from __future__ import annotations

from datetime import date

from silkwire.rates.providers.base import (
    Provider,
    Quote,
    Request,
    Row,
    ShapeError,
    child_text,
    load_xml,
    parse_day,
    quotes_from_table,
)

CODE = "nbk"
BASE_URL = "https://nationalbank.kz/rss/"


def _row(item) -> Row:
    code = child_text(item, "title", "NBK item")
    return Row(code, child_text(item, "description", code), child_text(item, "quant", code))


def parse(payload: bytes) -> list[Quote]:
    """Parse either NBK document into quotes; an empty ``<rates></rates>`` means no publication."""
    root = load_xml(payload, ("rates", "rss"))
    if root.tag == "rates":
        items = root.findall("item")
        date_text = root.findtext("date")
        if not items:
            return []  # weekends and dates outside the window (docs/rate-sources.md §1 quirks)
        rate_date = parse_day(date_text, "NBK <date>")
        return quotes_from_table(CODE, "KZT", rate_date, (_row(item) for item in items))
    channel = root.find("channel")
    items = channel.findall("item") if channel is not None else []
    if not items:
        return []
    dated = [(parse_day(item.findtext("pubDate"), "NBK <pubDate>"), item) for item in items]
    usd_dates = [day for day, item in dated if (item.findtext("title") or "").strip() == "USD"]
    if not usd_dates:
        raise ShapeError("NBK rates_all.xml: no USD item")
    # Dead currencies keep their last pubDate: keep only the USD row's publication.
    rate_date = usd_dates[0]
    rows = [_row(item) for day, item in dated if day == rate_date]
    return quotes_from_table(CODE, "KZT", rate_date, rows)


class NationalBankOfKazakhstan(Provider):
    code = CODE
    name = "National Bank of Kazakhstan"
    short_name = "NBK"
    home_currency = "KZT"
    timezone = "Asia/Almaty"
    homepage = (
        "https://nationalbank.kz/en/exchangerates/ezhednevnye-oficialnye-rynochnye-kursy-valyut"
    )

    def latest_requests(self, today: date) -> list[Request]:
        # The dated document for today, then the RSS feed, which already carries the next
        # working day's rate once NBK has set it in the afternoon (docs/rate-sources.md §1).
        return [*self.requests_for(today), Request(f"{BASE_URL}rates_all.xml", None, "rss")]

    def requests_for(self, day: date) -> list[Request]:
        return [Request(f"{BASE_URL}get_rates.cfm?fdate={day:%d.%m.%Y}", day)]

    def parse(self, payload: bytes) -> list[Quote]:
        return parse(payload)
