"""Convert between USD, KZT, KGS, TJS, UZS, TMT and RUB at the official cross rates of a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal, InvalidOperation

from silkwire.rates.currencies import CONVERTER_CURRENCIES
from silkwire.rates.readings import RateRow, rate_row

_CTX = Context(prec=40)
MAX_AMOUNT = Decimal("1e15")


@dataclass(frozen=True)
class Conversion:
    amount: Decimal
    source: str
    target: str
    on: date
    result: Decimal
    rate: Decimal  # target units per one source unit
    rows: tuple[RateRow, ...]  # the rates used (not USD)


class ConversionError(ValueError):
    pass


def parse_amount(text: str | None) -> Decimal:
    cleaned = (text or "").strip().replace(" ", "").replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ConversionError(f"{text!r} is not an amount: write it like 100 or 2500.50") from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise ConversionError("Give an amount between 0 and 1,000,000,000,000,000.")
    return amount


def _units(code: str, on: date) -> tuple[Decimal, RateRow | None]:
    if code == "USD":
        return Decimal(1), None
    row = rate_row(code, on)
    if row is None:
        raise ConversionError(f"No official {code} rate is stored on or before {on.isoformat()}.")
    return row.units_per_usd, row


def convert(amount: Decimal, source: str, target: str, on: date) -> Conversion:
    for code in (source, target):
        if code not in CONVERTER_CURRENCIES:
            raise ConversionError(f"{code!r} is not one of {', '.join(CONVERTER_CURRENCIES)}.")
    source_units, source_row = _units(source, on)
    target_units, target_row = _units(target, on)
    rate = _CTX.divide(target_units, source_units)
    result = _CTX.multiply(amount, rate)
    rows = tuple(row for row in (source_row, target_row) if row is not None)
    return Conversion(amount, source, target, on, result, rate, rows)
