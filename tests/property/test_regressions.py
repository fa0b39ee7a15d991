"""The minimal inputs the property tests found, kept as plain examples (each failed before its fix)."""

from __future__ import annotations

import pytest

from silkwire.core.sanitize import sanitize_inline, sanitize_rich
from silkwire.ingest.html import extract_page
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


# --- HTML extraction ---------------------------------------------------------------------------

_PROSE = (
    "The National Bank of Kazakhstan kept its base rate unchanged on Friday, citing slowing "
    "inflation and a stable tenge. Analysts in Almaty had expected the decision. "
) * 3


def _page(head: str = "", body: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Bank holds rate</title>{head}</head>"
        f"<body><article><h1>Bank holds rate</h1><p>{_PROSE}</p><p>{_PROSE}</p>{body}"
        "</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "href", ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "data:text/html,x"]
)
def test_html_canonical_link_that_is_not_http_is_ignored(href):
    # The canonical URL becomes the draft's source link, rendered as <a href> on the public page.
    page = extract_page(_page(f'<link rel="canonical" href="{href}">'), url="https://ex.com/a")
    assert page.canonical_url == ""
    assert page.source_url == "https://ex.com/a"


@pytest.mark.parametrize(
    "head, body",
    [
        ('<link rel="canonical" href="http://[">', ""),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "url": "http://[::1"}</script>',
            "",
        ),
        ("", '<img src="http://[x/i.jpg">'),
    ],
)
def test_html_unparseable_urls_are_left_out_not_a_crash(head, body):
    # urljoin raised ValueError("Invalid IPv6 URL") out of extract_page.
    page = extract_page(_page(head, body), url="https://ex.com/a")
    assert page.canonical_url == ""
    assert all(image.startswith("https://") for image in page.images)


def test_html_json_ld_nested_too_deeply_is_skipped():
    # json.loads raised RecursionError, which the JSON-LD reader did not catch.
    head = '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
    page = extract_page(_page(head), url="https://ex.com/a")
    assert page.title == "Bank holds rate"


def test_html_meta_charset_naming_a_codec_that_raises_unicodeerror_falls_back():
    # idna raises UnicodeError — no UnicodeDecodeError — on a bad "xn--" label, and that
    # escaped decode_html; the page is now read as UTF-8 instead.
    page = extract_page(
        _page('<meta charset="idna">', "<p>Mirror: www.xn--zz.com</p>"), url="https://ex.com/a"
    )
    assert page.encoding == "utf-8"
    assert "stable tenge" in page.text


@pytest.mark.parametrize("ref", ["&#65534;", "&#xFFFF;", "&#1;", "&#x0000001F", "&#99999999;"])
def test_html_reference_to_a_character_xml_forbids_is_dropped(ref):
    # lxml decoded it, then trafilatura's XML output refused it: ValueError, page lost.
    page = extract_page(_page(body=f"<p>Tenge{ref} steady at 505.</p>"), url="https://ex.com/a")
    assert "Tenge steady at 505." in page.text


# --- sanitiser -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sanitize, html",
    [
        # The removed <img> left a leading U+FEFF, which the next pass dropped.
        (sanitize_inline, '<img src=x onerror="alert(1)">\ufeff'),
        # <h2><h2></h2></h2> came out of the first pass; the second made them siblings.
        (sanitize_rich, "<h2><div><h2>"),
    ],
)
def test_sanitising_sanitised_html_changes_nothing(sanitize, html):
    once = sanitize(html)
    assert sanitize(once) == once
    assert "onerror" not in once
