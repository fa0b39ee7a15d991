"""Server-side SVG line chart of a rate history: no JavaScript, no float.

Coordinates are computed with Decimal and written with two decimals. The SVG carries a
``<title>`` and ``<desc>`` and ``role="img"``; the table beside it holds the same data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal

from django.utils.html import escape

from silkwire.rates.formatting import significant

_CTX = Context(prec=30, rounding=ROUND_HALF_EVEN)
CENT = Decimal("0.01")


def _fmt(value: Decimal) -> str:
    return f"{value.quantize(CENT, context=_CTX):f}"


def line_chart(
    points: Sequence[tuple[date, Decimal]],
    *,
    title: str,
    description: str,
    width: int = 720,
    height: int = 260,
    demo_from: int | None = None,
) -> str:
    """Return an inline SVG of ``points`` (date, value), oldest first; "" with fewer than two."""
    if len(points) < 2:
        return ""
    pad_left, pad_right, pad_top, pad_bottom = 64, 16, 16, 32
    plot_w = Decimal(width - pad_left - pad_right)
    plot_h = Decimal(height - pad_top - pad_bottom)
    values = [value for _, value in points]
    low, high = min(values), max(values)
    span = high - low or (abs(high) * Decimal("0.001")) or Decimal(1)
    first, last = points[0][0], points[-1][0]
    days = Decimal((last - first).days or 1)

    def x(day: date) -> Decimal:
        return Decimal(pad_left) + plot_w * Decimal((day - first).days) / days

    def y(value: Decimal) -> Decimal:
        return Decimal(pad_top) + plot_h - plot_h * _CTX.divide(value - low, span)

    coords = " ".join(f"{_fmt(x(day))},{_fmt(y(value))}" for day, value in points)
    bottom = pad_top + int(plot_h)
    parts = [
        f'<svg class="rates-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
        f'<line x1="{pad_left}" y1="{bottom}" x2="{width - pad_right}" y2="{bottom}" class="axis"/>',
        f'<line x1="{pad_left}" y1="{pad_top}" x2="{pad_left}" y2="{bottom}" class="axis"/>',
        f'<text x="{pad_left - 6}" y="{pad_top + 4}" text-anchor="end">{significant(high, 5)}</text>',
        f'<text x="{pad_left - 6}" y="{bottom}" text-anchor="end">{significant(low, 5)}</text>',
        f'<text x="{pad_left}" y="{height - 8}">{first.isoformat()}</text>',
        f'<text x="{width - pad_right}" y="{height - 8}" text-anchor="end">{last.isoformat()}</text>',
        f'<polyline points="{coords}" fill="none" class="line"/>',
    ]
    if demo_from is not None and demo_from < len(points):
        parts.append(
            f'<text x="{(pad_left + width - pad_right) // 2}" y="{height - 8}" '
            'text-anchor="middle" class="demo">includes demo data</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
