"""Every rates provider: any bytes → PayloadError or quotes with positive, finite Decimals."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.property import strategies as s
from tests.property.props import (
    SUITE,
    _rates_check,
    check_cbr_dynamic,
    check_nbkr_history,
    check_nbkr_weekly,
)


@SUITE
@given(st.one_of(s.valcurs_payload(), st.binary()))
def test_cbr_daily_gives_a_shape_error_or_decimal_quotes(payload):
    _rates_check("cbr")(payload)


@SUITE
@given(s.valcurs_dynamic_payload())
def test_cbr_dynamic_gives_a_shape_error_or_decimal_series(payload):
    check_cbr_dynamic(payload)


@SUITE
@given(s.valcurs_payload())
def test_nbt_gives_a_shape_error_or_decimal_quotes(payload):
    _rates_check("nbt")(payload)


@SUITE
@given(s.nbk_payload())
def test_nbk_gives_a_shape_error_or_decimal_quotes(payload):
    _rates_check("nbk")(payload)


@SUITE
@given(s.nbkr_payload())
def test_nbkr_daily_gives_a_shape_error_or_decimal_quotes(payload):
    _rates_check("nbkr")(payload)


@SUITE
@given(s.nbkr_payload())
def test_nbkr_weekly_crossed_through_the_daily_usd_gives_decimal_quotes(payload):
    check_nbkr_weekly(payload)


@SUITE
@given(s.nbkr_history_payload())
def test_nbkr_history_page_gives_a_shape_error_or_decimal_quotes(payload):
    check_nbkr_history(payload)


@SUITE
@given(s.cbt_payload())
def test_cbt_gives_a_shape_error_or_decimal_quotes(payload):
    _rates_check("cbt")(payload)


@SUITE
@given(st.one_of(s.cbu_payload(), st.binary()))
def test_cbu_gives_a_shape_error_or_decimal_quotes(payload):
    _rates_check("cbu")(payload)
