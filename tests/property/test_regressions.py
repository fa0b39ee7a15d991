"""The minimal inputs the property tests found, kept as plain examples (each failed before its fix)."""

from __future__ import annotations

import pytest

from silkwire.rates.providers import cbr, cbu, nbk
from silkwire.rates.providers.base import ShapeError

# --- rates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["idna", "punycode"])
def test_rates_prolog_declaring_a_codec_that_refuses_replace_is_a_shape_error(encoding):
    # Not UTF-8, so the declared codec is tried; idna/punycode raise UnicodeError with
    # errors="replace", which escaped as a crash instead of the documented ShapeError.
    payload = (
        f'<?xml version="1.0" encoding="{encoding}"?><rates><date>01.04.2026</date>'
        "<item><fullname>\xc4</fullname><title>USD</title><description>505.5</description>"
        "<quant>1</quant></item></rates>"
    ).encode("latin-1")
    with pytest.raises(ShapeError, match=encoding):
        nbk.parse(payload)


def test_rates_json_nested_too_deeply_is_a_shape_error():
    # json.loads raises RecursionError (not ValueError) on deep nesting.
    with pytest.raises(ShapeError, match="nested too deeply"):
        cbu.parse(b"[" * 100_000)


def test_rates_figure_with_a_million_digits_is_a_shape_error_not_an_overflow():
    # 1 / 1E-1000001 exceeded Decimal's Emax: decimal.Overflow escaped the parser.
    nominal = "0," + "0" * 1_000_000 + "1"
    payload = (
        '<ValCurs Date="25.04.2026"><Valute ID="R01235"><CharCode>USD</CharCode>'
        f"<Nominal>{nominal}</Nominal><Value>81,1234</Value></Valute></ValCurs>"
    ).encode()
    with pytest.raises(ShapeError, match="USD nominal: .* characters"):
        cbr.parse(payload)


def test_rates_ordinary_long_figures_still_parse():
    payload = (
        b'<ValCurs Date="25.04.2026"><Valute ID="R01235"><CharCode>USD</CharCode>'
        b"<Nominal>10000</Nominal><Value>811234,123456789012345</Value></Valute></ValCurs>"
    )
    (quote,) = cbr.parse(payload)
    assert str(quote.units_per_usd) == "81.1234123456789012345"
