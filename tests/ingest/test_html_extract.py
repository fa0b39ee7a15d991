"""Article page → metadata and blocks (pure; fixtures in tests/fixtures/html)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from silkwire.ingest.html import (
    ExtractionError,
    decode_html,
    extract_page,
    looks_like_html,
    plain_text,
)
from silkwire.news.blocks import to_stream_data

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def page(name: str, url: str = "https://mirror.example.org/story"):
    return extract_page((FIXTURES / name).read_bytes(), url=url)


def test_russian_news_page_metadata_comes_from_structured_data():
    result = page("news_ru.html")
    assert result.title == "В Алматы открыли новую линию метро"
    assert result.author == "Айгерим Сейтова, Данияр Абенов"
    assert result.published == datetime(2026, 11, 20, 10, 30, tzinfo=timezone(timedelta(hours=5)))
    assert result.canonical_url == "https://step-news.example.kz/ru/news/2026/11/almaty-metro"
    assert result.source_url == result.canonical_url
    assert result.language == "ru"
    assert result.site_name == "Степь Ньюс"
    assert result.description.startswith("Новая ветка")
    assert result.images == ["https://mirror.example.org/media/2026/11/metro.jpg"]


def test_russian_news_page_blocks_keep_structure_and_drop_boilerplate():
    blocks = page("news_ru.html").blocks
    assert [b["type"] for b in blocks] == [
        "paragraph",
        "paragraph",
        "heading",
        "list",
        "quote",
        "paragraph",
        "paragraph",
    ]
    assert blocks[2] == {"type": "heading", "text": "Что изменится для пассажиров", "level": 2}
    assert blocks[3]["items"][0] == "Интервал движения в часы пик составит шесть минут."
    assert blocks[3]["ordered"] is False
    assert blocks[4]["text"].startswith("Мы ждали эту линию")
    text = page("news_ru.html").text
    for boilerplate in ("Главная", "Все права защищены", "Читайте также", "injected"):
        assert boilerplate not in text
    # The page's own <h1> is the title, not a body heading.
    assert blocks[0]["type"] == "paragraph"


def test_inline_markup_is_sanitised():
    html = page("news_ru.html").blocks[1]["html"]
    assert "<b>всем пассажирам</b>" in html
    assert 'href="https://mirror.example.org/ru/news/2026/11/metro-tariffs"' in html
    assert "onclick" not in html and "steal" not in html
    assert "javascript" not in html
    assert "на сайте перевозчика" in html  # the javascript: link is unwrapped, its text kept
    for block in page("news_ru.html").blocks:
        for value in block.values():
            assert "<script" not in str(value) and "<iframe" not in str(value)


def test_english_analysis_with_table_ordered_list_and_h3():
    result = page("analysis_en.html")
    assert result.title == "Why the Kambarata-1 dam matters for Central Asia"
    assert result.author == "Jane Doe"
    assert result.published == datetime(2026, 10, 2, 8, 0, tzinfo=UTC)
    assert result.canonical_url == "https://review.example.com/analysis/kambarata-1"
    types = [b["type"] for b in result.blocks]
    assert types == ["paragraph", "heading", "paragraph", "list", "rich_text", "paragraph"]
    assert result.blocks[1]["level"] == 3
    assert result.blocks[3]["ordered"] is True
    assert "<th>Country</th>" in result.blocks[4]["html"]
    assert "<i>international lenders</i>" in result.blocks[2]["html"]
    assert "cheap pills" not in result.text


def test_legacy_cp1251_page_is_decoded_from_its_meta_charset():
    raw = (FIXTURES / "legacy_cp1251.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    result = extract_page(raw, url="https://old.example.kg/news/1")
    assert result.encoding == "windows-1251"
    assert result.title == "Курс сома укрепился к доллару"
    assert "Национальный банк Кыргызской Республики" in result.text
    assert result.published == datetime(2026, 11, 18, 9, 15, tzinfo=timezone(timedelta(hours=6)))


def test_http_charset_wins_over_guessing():
    raw = "<html><body><p>Привет</p></body></html>".encode("koi8-r")
    assert decode_html(raw, "koi8-r") == ("<html><body><p>Привет</p></body></html>", "koi8-r")


def test_index_page_is_refused():
    with pytest.raises(ExtractionError, match="index or menu"):
        page("index.html")


def test_empty_and_non_html_input_is_refused():
    with pytest.raises(ExtractionError):
        extract_page(b"   ")
    assert not looks_like_html("%PDF-1.7 binary")
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("  <p>A fragment</p>")


def test_plain_text_strips_markup_scripts_and_entities():
    assert plain_text("<b>Bold</b> news &amp; <script>alert(1)</script>views\u200b") == (
        "Bold news & views"
    )


def test_blocks_fit_the_stream_contract():
    for name in ("news_ru.html", "analysis_en.html", "legacy_cp1251.html"):
        data = to_stream_data(page(name).blocks)
        assert len(data) == len(page(name).blocks)


def test_report_is_json_serialisable():
    import json

    report = page("news_ru.html").as_report()
    assert json.loads(json.dumps(report))["block_counts"] == {
        "paragraph": 4,
        "heading": 1,
        "list": 1,
        "quote": 1,
    }
    assert report["extractor"].startswith("trafilatura ")
