"""Country tagging: specific cases first, then the labelled set's precision and recall."""

from __future__ import annotations

import json
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from silkwire.core.gazetteer import (
    SLUGS,
    CountryMatch,
    detect_countries,
    evaluate,
    main,
    page_text,
    suggest_countries_for_page,
)

LABELLED = Path(__file__).resolve().parent.parent / "fixtures" / "gazetteer" / "labelled.jsonl"


def slugs(text: str) -> set[str]:
    return {m.slug for m in detect_countries(text)}


def test_slugs_match_the_country_pages():
    assert SLUGS[:6] == (
        "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan", "central-asia"
    )  # fmt: skip
    assert set(SLUGS[6:]) == {"afghanistan", "russia", "china", "iran", "azerbaijan", "mongolia"}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Экспорт из Казахстана вырос", "kazakhstan"),
        ("в Казахстане", "kazakhstan"),
        ("Премьер Киргизии", "kyrgyzstan"),
        ("встреча в Ташкенте", "uzbekistan"),
        ("из Бишкека", "kyrgyzstan"),
        ("в Душанбе", "tajikistan"),
        ("в Ашхабаде", "turkmenistan"),
        ("Қазақстан Республикасы", "kazakhstan"),
        ("Kirghizia in 1990", "kyrgyzstan"),
        ("the Kyrgyz Republic", "kyrgyzstan"),
        ("Alma-Ata", "kazakhstan"),
        ("Alma Ata", "kazakhstan"),
        ("Alma\u00a0Ata", "kazakhstan"),
        ("Алма-Аты", "kazakhstan"),
        ("Алматы", "kazakhstan"),
        ("Turkmenbashi port", "turkmenistan"),
        ("Türkmenbaşy port", "turkmenistan"),
        ("Oʻzbekiston", "uzbekistan"),
        ("O’zbekiston", "uzbekistan"),
        ("Nur-Sultan", "kazakhstan"),
        ("Kazakhstan’s largest city", "kazakhstan"),
        ("Uzbeks and Tajiks", "uzbekistan"),
        ("Kazakh-Chinese border", "kazakhstan"),
        ("Центральной Азии", "central-asia"),
        ("Central Asian states", "central-asia"),
        ("в Казани", "russia"),
        ("Kazan", "russia"),
        ("в Ферганской долине", "central-asia"),
        ("Fergana Valley", "central-asia"),
        ("the city of Fergana", "uzbekistan"),
        ("Gorno-Badakhshan", "tajikistan"),
        ("Badakhshan province", "afghanistan"),
        ("Jalal-Abad", "kyrgyzstan"),
        ("Jalalabad", "afghanistan"),
        ("в Оше", "kyrgyzstan"),
        ("Osh bazaar", "kyrgyzstan"),
        ("Бухара", "uzbekistan"),
        ("Mary province", "turkmenistan"),
    ],
)
def test_names_forms_and_spellings(text, slug):
    assert slug in slugs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Georgia peach farmers",  # the US state; Georgia is not in scope either way
        "Turkey prices before Thanksgiving",
        "a set of fine china",
        "Chinatown and Indochina",
        "OSH inspectors",
        "Oshkosh trucks",
        "Ошибка в расчетах",
        "выставка в Бухаресте",
        "число многодетных семей",
        "Mary Johnson said",
        "classes taught in Russian-language schools",
        "русский язык",
        "a crochet afghan",
        "Kazanskaya",
        "Oral arguments",
        "сумма сделки",
        "The sum to be paid",
        "East Turkestan activists",
    ],
)
def test_traps_are_not_countries(text):
    found = slugs(text)
    assert not found & {"kazakhstan", "kyrgyzstan", "uzbekistan", "china", "afghanistan", "russia"}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Қазақстанда", "kazakhstan"),  # Kazakh, locative ending
        ("Өзбекстанның", "uzbekistan"),  # Kazakh/Kyrgyz, genitive
        ("Oʻzbekistonning", "uzbekistan"),  # Uzbek Latin
        ("Qozogʻistonda", "kazakhstan"),
        ("Тоҷикистон", "tajikistan"),  # Tajik
        ("Ресейге", "russia"),  # Kazakh
        ("Xitoy", "china"),  # Uzbek
        ("Türkmenistanyň", "turkmenistan"),  # Turkmen
    ],
)
def test_country_names_in_the_regions_languages(text, slug):
    assert slugs(text) == {slug}


def test_fergana_valley_is_the_region_not_uzbekistan():
    assert slugs("Border talks in the Fergana Valley") == {"central-asia"}


def test_weak_clue_alone_is_not_enough_but_two_are():
    assert slugs("Prices in tenge rose") == set()
    assert slugs("The tenge fell; tenge deposits shrank") == {"kazakhstan"}


def test_matches_are_ordered_and_carry_score_and_surface_terms():
    text = "Ministers met in Tashkent. Uzbekistan and Kyrgyzstan agreed. В Ташкенте — тоже."
    found = detect_countries(text)
    assert found[0] == CountryMatch("uzbekistan", 3.0, ("Tashkent", "Uzbekistan", "Ташкенте"))
    assert found[1] == CountryMatch("kyrgyzstan", 1.0, ("Kyrgyzstan",))
    # Equally strong countries come in the order the text names them.
    assert [m.slug for m in detect_countries("Bishkek and Astana")] == ["kyrgyzstan", "kazakhstan"]
    assert [m.slug for m in detect_countries("Astana and Bishkek")] == ["kazakhstan", "kyrgyzstan"]


def test_threshold_can_be_raised():
    assert slugs("Kazakh") == {"kazakhstan"}
    assert detect_countries("Kazakh", threshold=1.0) == []


def test_detection_is_cheap_on_long_text():
    text = ("Kazakhstan and its neighbours agreed on a plan for the region. " * 2000) + "Ташкент"
    detect_countries("warm up")
    started = time.perf_counter()
    found = detect_countries(text)
    assert time.perf_counter() - started < 2.0
    assert {m.slug for m in found} == {"kazakhstan", "uzbekistan"}


def test_page_text_reads_title_standfirst_and_body_blocks():
    page = SimpleNamespace(
        title="Headline about Almaty",
        standfirst="",
        body=[
            {"type": "paragraph", "value": {"text": "Ministers met in Dushanbe."}, "id": "x"},
            {"type": "list", "value": {"items": ["<b>Osh</b> market"], "ordered": False}},
            {"type": "turn", "value": {"speaker": "Q", "paragraphs": ["Why Kabul?"]}},
        ],
    )
    text = page_text(page)
    assert "Ministers met in Dushanbe." in text and "<b>" not in text and "Osh" in text
    # Capitals (1.0) before cities (0.75); equally strong ones in the order of the text.
    assert suggest_countries_for_page(page) == [
        "tajikistan", "afghanistan", "kazakhstan", "kyrgyzstan"
    ]  # fmt: skip


# --- the labelled set ----------------------------------------------------------------------------


def _labelled() -> list[dict]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]


def test_labelled_set_is_big_enough_and_valid():
    items = _labelled()
    assert len(items) >= 60
    assert {item["lang"] for item in items} == {"en", "ru"}
    assert sum(1 for item in items if not item["countries"]) >= 10  # hard negatives
    for item in items:
        assert set(item["countries"]) <= set(SLUGS), item


def test_precision_and_recall_on_the_labelled_set():
    result = evaluate(_labelled())
    assert result.micro.precision >= 0.95, result.errors
    assert result.micro.recall >= 0.9, result.errors
    for slug in SLUGS[:5]:
        assert result.per_country[slug].precision >= 0.95, slug
        assert result.per_country[slug].recall >= 0.9, slug


def test_evaluate_rejects_unknown_slugs():
    with pytest.raises(ValueError, match="georgia"):
        evaluate([{"text": "Tbilisi", "countries": ["georgia"]}])


def test_command_line_evaluation_prints_the_table(capsys):
    assert main(["--evaluate", str(LABELLED), "--split", "heldout2"]) == 0
    out = capsys.readouterr().out
    assert "(split heldout2)" in out
    assert out.splitlines()[1].split() == ["country", "tp", "fp", "fn", "precision", "recall"]
    assert any(line.startswith("micro") for line in out.splitlines())


def test_command_line_tags_text(capsys):
    assert main(["Встреча", "в", "Бишкеке"]) == 0
    assert capsys.readouterr().out.startswith("kyrgyzstan\t1.0\tБишкеке")
