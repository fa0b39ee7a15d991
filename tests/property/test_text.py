"""Plain-text structuring: any text gives the documented shape and keeps every word (rule 8)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.property import strategies as s
from tests.property.props import SUITE, check_structure_plain_text


@SUITE
@given(st.one_of(s.plain_text_page(), s.hostile_text()))
def test_structure_plain_text_never_loses_or_invents_a_word(text):
    check_structure_plain_text(text)
