"""National Bank of Tajikistan (nbt.tj): the official TJS rate.

``kurs/export_xml.php?date=YYYY-MM-DD&export=xmlout`` answers ``<ValCurs Date="YYYY-MM-DD">``
with ``Value`` = TJS per ``Nominal`` units. Out-of-range dates silently return today's
table, so an answer dated differently from the request is rejected (docs/rate-sources.md §3). Trust
``CharCode``, not ``ID`` (RUB carries the Soviet code 810).
"""

from __future__ import annotations

from datetime import date

from silkwire.rates.providers.base import (
    Provider,
    Quote,
    Request,
    parse_valcurs,
)

CODE = "nbt"
BASE_URL = "https://www.nbt.tj/en/kurs/export_xml.php"


def parse(payload: bytes) -> list[Quote]:
    return parse_valcurs(payload, CODE, "TJS", "NBT")


class NationalBankOfTajikistan(Provider):
    code = CODE
    name = "National Bank of Tajikistan"
    short_name = "NBT"
    home_currency = "TJS"
    timezone = "Asia/Dushanbe"
    homepage = "https://www.nbt.tj/en/kurs/"

    def requests_for(self, day: date) -> list[Request]:
        return [Request(f"{BASE_URL}?date={day:%Y-%m-%d}&export=xmlout", day)]

    def parse(self, payload: bytes) -> list[Quote]:
        return parse(payload)
