"""The currencies Silkwire follows, their official sources and display order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    code: str
    name: str
    country: str
    primary_source: str  # provider code of the official (national-bank) rate
    symbol: str = ""


# Ticker order is fixed (docs/rates.md): KGS, KZT, TJS, UZS, TMT.
TICKER_ORDER: tuple[str, ...] = ("KGS", "KZT", "TJS", "UZS", "TMT")

CURRENCIES: dict[str, Currency] = {
    "KGS": Currency("KGS", "Kyrgyz som", "Kyrgyzstan", "nbkr"),
    "KZT": Currency("KZT", "Kazakhstani tenge", "Kazakhstan", "nbk", "₸"),
    "TJS": Currency("TJS", "Tajikistani somoni", "Tajikistan", "nbt"),
    "UZS": Currency("UZS", "Uzbekistani som", "Uzbekistan", "cbu"),
    "TMT": Currency("TMT", "Turkmenistan manat", "Turkmenistan", "cbt"),
    "RUB": Currency("RUB", "Russian rouble", "Russia", "cbr", "₽"),
}

# Every currency any provider may quote against USD (USD itself is the base).
QUOTED: frozenset[str] = frozenset(CURRENCIES)

# The converter offers USD plus every followed currency.
CONVERTER_CURRENCIES: tuple[str, ...] = ("USD", "KZT", "KGS", "TJS", "UZS", "TMT", "RUB")

# The cross-check and, clearly labelled, fallback source for all five.
CROSS_CHECK_SOURCE = "cbr"
FALLBACK_SOURCES: tuple[str, ...] = ("cbr",)

# Trust rules (docs/rates.md, "Trust rules"): a value older than this many days is stale, and
# cross-checks look this far either side. The other thresholds live, once, where they are
# read: ``readings.FLAG_ABOVE_PCT`` (cross-check flag) and ``storage.MAX_DAILY_MOVE``,
# ``storage.CONFIRM_WITHIN``, ``storage.PEG_TOLERANCE`` (what is stored).
STALE_AFTER_DAYS = 3
