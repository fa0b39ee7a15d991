"""Central Bank of the Republic of Uzbekistan (cbu.uz): the official UZS rate.

``arkhiv-kursov-valyut/json/all/YYYY-MM-DD/`` answers a JSON list of objects whose values
are strings: ``Rate`` = UZS per ``Nominal`` units, ``Date`` = the date the rate is in force
(docs/rate-sources.md §4). ``[]`` means no publication; a carried-forward list with another ``Date``
is rejected by the date check. The TMT cross of 01.04.2026 is a known glitch (3.02 TMT per
USD against the 3.50 peg) that the trust rules must catch, not the parser.
"""

from __future__ import annotations

from datetime import date

from silkwire.rates.providers.base import (
    Provider,
    Quote,
    Request,
    Row,
    ShapeError,
    load_json,
    parse_day,
    quotes_from_table,
)

CODE = "cbu"
BASE_URL = "https://cbu.uz/en/arkhiv-kursov-valyut/json/"


def parse(payload: bytes) -> list[Quote]:
    data = load_json(payload)
    if not isinstance(data, list):
        raise ShapeError(f"CBU: expected a JSON list, got {type(data).__name__}")
    if not data:
        return []
    rows, dates = [], set()
    for index, entry in enumerate(data):
        if not isinstance(entry, dict) or not {"Ccy", "Rate", "Nominal", "Date"} <= entry.keys():
            raise ShapeError(f"CBU entry {index}: expected an object with Ccy, Rate, Nominal, Date")
        code = str(entry["Ccy"]).strip()
        rows.append(Row(code, str(entry["Rate"]), str(entry["Nominal"])))
        dates.add(parse_day(str(entry["Date"]), f"CBU {code} Date"))
    if len(dates) != 1:
        raise ShapeError(f"CBU: entries carry {len(dates)} different dates")
    return quotes_from_table(CODE, "UZS", dates.pop(), rows)


class CentralBankOfUzbekistan(Provider):
    code = CODE
    name = "Central Bank of the Republic of Uzbekistan"
    short_name = "CBU"
    home_currency = "UZS"
    timezone = "Asia/Tashkent"
    homepage = "https://cbu.uz/en/arkhiv-kursov-valyut/"

    def requests_for(self, day: date) -> list[Request]:
        return [Request(f"{BASE_URL}all/{day:%Y-%m-%d}/", day)]

    def parse(self, payload: bytes) -> list[Quote]:
        return parse(payload)
