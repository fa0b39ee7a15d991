"""The sanitiser: no script, event handler or dangerous URL survives; sanitising is idempotent."""

from __future__ import annotations

from hypothesis import given

from tests.property import strategies as s
from tests.property.props import SUITE, check_sanitize_inline, check_sanitize_rich


@SUITE
@given(s.hostile_html())
def test_sanitize_inline_keeps_no_dangerous_construct_and_is_idempotent(html):
    check_sanitize_inline(html)


@SUITE
@given(s.hostile_html())
def test_sanitize_rich_keeps_no_dangerous_construct_and_is_idempotent(html):
    check_sanitize_rich(html)
