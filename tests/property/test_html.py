"""HTML extraction: any page → ExtractionError or a titled article of safe blocks."""

from __future__ import annotations

from hypothesis import given

from tests.property import strategies as s
from tests.property.props import SUITE_SLOW, check_extract_page


@SUITE_SLOW
@given(s.article_page())
def test_extract_page_gives_an_extraction_error_or_safe_blocks(payload):
    check_extract_page(payload)
