"""Central Bank of Turkmenistan (cbt.tm): the official TMT rate.

USD/TMT has been fixed administratively at 3.50 TMT per USD since 2015-01-01. The bank
publishes ``kurs/YYYY/DDMMYYYY.xml`` (``<cbt_currency_rate><date><rate code><rate_usd>…``),
but the feed refuses clients without a browser User-Agent and is mostly unreachable from
abroad (docs/rate-sources.md §5). When it cannot be read, the peg is stored as a configured official
rate, labelled ``peg``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from silkwire.rates.providers.base import (
    KIND_PEG,
    Provider,
    Quote,
    Request,
    Row,
    ShapeError,
    child_text,
    load_xml,
    parse_day,
    quotes_from_table,
    significant_digits,
)

CODE = "cbt"
BASE_URL = "https://cbt.tm/kurs/"
PEG_UNITS_PER_USD = Decimal("3.50")
PEG_SINCE = date(2015, 1, 1)
# frankfurter issue #392: the default curl User-Agent gets a 403.
HEADERS = (
    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"),
    ("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1"),
)


def parse(payload: bytes) -> list[Quote]:
    root = load_xml(payload, ("cbt_currency_rate",))
    rates = root.findall("rate")
    if not rates:
        return []
    rate_date = parse_day(root.findtext("date"), "CBT <date>")
    # rate_tmt = TMT per `multiplier` units; crossing through it treats every currency alike
    # (rate_usd is inverted for EUR, GBP and AUD).
    rows = []
    for rate in rates:
        code = (rate.get("code") or "").strip()
        rows.append(
            Row(code, child_text(rate, "rate_tmt", code), child_text(rate, "multiplier", code))
        )
    return quotes_from_table(CODE, "TMT", rate_date, rows)


def peg_quote(day: date, units_per_usd: Decimal = PEG_UNITS_PER_USD) -> Quote:
    """Return the configured official TMT rate for ``day`` (the peg), labelled as such."""
    if day < PEG_SINCE:
        raise ShapeError(
            f"the TMT peg applies since {PEG_SINCE.isoformat()}, not {day.isoformat()}"
        )
    return Quote(
        CODE,
        "TMT",
        day,
        units_per_usd,
        KIND_PEG,
        f"official peg {units_per_usd} TMT per USD since {PEG_SINCE.isoformat()}",
        significant_digits(str(units_per_usd)),
    )


class CentralBankOfTurkmenistan(Provider):
    code = CODE
    name = "Central Bank of Turkmenistan"
    short_name = "CBT"
    home_currency = "TMT"
    timezone = "Asia/Ashgabat"
    homepage = "https://cbt.tm/kurs/kurs_today_en.html"

    def requests_for(self, day: date) -> list[Request]:
        return [Request(f"{BASE_URL}{day:%Y}/{day:%d%m%Y}.xml", day, "", HEADERS)]

    def parse(self, payload: bytes) -> list[Quote]:
        return parse(payload)
