"""How rates are written for readers (documented in docs/rates.md, "Display format").

- ``XXX/USD`` values: 4 significant digits (``0.01144``, ``0.002089``, ``0.00008236``), so
  a typical day's move of 0.1–0.5 % changes the last digit even for UZS.
- Units per USD: 2 decimals from 10 units up (``87.45``, ``12194.21``), 4 significant
  digits below (``3.500``).
- Change %: a sign and an arrow, two decimals (``▲ +0.59%``, ``▼ −0.12%``); no change is
  ``0%`` (``—`` when there is no previous publication).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal

from silkwire.rates.providers import PROVIDERS

_CTX = Context(prec=40, rounding=ROUND_HALF_EVEN)
MINUS = "\u2212"
SOURCE_NAMES = {code: p.short_name for code, p in PROVIDERS.items()} | {
    "override": "Editor override",
    "demo": "Demo data",
}


def significant(value: Decimal, digits: int = 4) -> str:
    """Round ``value`` to ``digits`` significant digits and write it without exponent."""
    if value == 0:
        return "0"
    exponent = value.adjusted() - digits + 1
    rounded = value.quantize(Decimal(1).scaleb(exponent), context=_CTX)
    return f"{rounded:f}" if exponent < 0 else f"{rounded.quantize(Decimal(1), context=_CTX):f}"


def units(value: Decimal) -> str:
    if value >= 10:
        return f"{value.quantize(Decimal('0.01'), context=_CTX):,f}"
    return significant(value, 4)


def change(pct: Decimal | None) -> tuple[str, str, str]:
    """Return (text, direction, words) for a change in %: direction is up, down, flat or none."""
    if pct is None:
        return "—", "none", "no previous publication"
    if pct == 0:
        return "0%", "flat", "unchanged"
    if pct > 0:
        return f"▲ +{pct}%", "up", f"up {pct} percent"
    return f"▼ {MINUS}{abs(pct)}%", "down", f"down {abs(pct)} percent"


def source_name(code: str) -> str:
    return SOURCE_NAMES.get(code, code.upper())


def row_source(row) -> str:
    """Name where a shown value comes from: ``NBKR``, ``CBT (official peg)``, ``CBR (fallback)``."""
    name = source_name(row.source)
    if row.kind == "peg":
        return f"{name} (official peg)"
    if row.fallback and not row.is_demo:
        return f"{name} (fallback)"
    return name


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
