"""Rule-by-rule tests of the plain-text structurer on layouts the samples do not show."""

from __future__ import annotations

import pytest

from silkwire.ingest.text import normalize_text, structure_plain_text


def _only_article(text: str, **kwargs) -> dict:
    result = structure_plain_text(text, **kwargs)
    assert len(result["articles"]) == 1, result
    return result["articles"][0]


def _codes(result: dict) -> list[str]:
    return [w["code"] for w in result.get("warnings", [])]


# --- normalisation -------------------------------------------------------------------------


def test_crlf_and_lone_cr_line_ends_are_blank_line_aware():
    text = (
        "Kazakhstan Opens New Border Crossing With China\r\n\r\nThe crossing opened.\r\rIt is busy."
    )
    article = _only_article(text)
    assert article["title"] == "Kazakhstan Opens New Border Crossing With China"
    assert [b["text"] for b in article["blocks"]] == ["The crossing opened.", "It is busy."]


def test_zero_width_and_control_characters_are_dropped():
    assert normalize_text("Alma\u200b-Ata\ufeff\x07") == "Alma-Ata"


def test_no_break_space_kept_only_between_a_number_and_its_unit():
    assert (
        normalize_text("a\u00a0b 100\u00a0km 1\u00a0000 5\u00a0") == "a b 100\u00a0km 1\u00a0000 5 "
    )


def test_line_of_no_break_spaces_separates_paragraphs():
    article = _only_article("First paragraph here.\n\u00a0\u00a0\nSecond paragraph here.")
    assert [b["text"] for b in article["blocks"]] == [
        "First paragraph here.",
        "Second paragraph here.",
    ]


def test_typographic_quotes_and_apostrophes_are_kept():
    text = "Kyrgyzstan’s «new» “rules” — and ‘old’ ones…"
    assert _only_article(text)["blocks"] == [{"type": "paragraph", "text": text}]


# --- ticker and date lines -----------------------------------------------------------------


def test_ticker_lines_repeated_many_times_appear_once():
    text = ("• KZT/USD = 0.00194 -0.52%\n" * 20) + "KZT/USD = 0.00194 -0.52%\n\nSome text."
    result = structure_plain_text(text)
    assert result["rates"] == [{"pair": "KZT/USD", "value": "0.00194", "change_pct": "-0.52"}]
    assert result["articles"][0]["blocks"] == [{"type": "paragraph", "text": "Some text."}]


def test_ticker_items_on_one_line_and_signs_are_normalised():
    result = structure_plain_text(
        "USD/KZT = 512,30 +0.15% | RUB/KZT = 5.61 −1.2% | EUR/KZT = 560.1"
    )
    assert result["rates"] == [
        {"pair": "USD/KZT", "value": "512.30", "change_pct": "0.15"},
        {"pair": "RUB/KZT", "value": "5.61", "change_pct": "-1.2"},
        {"pair": "EUR/KZT", "value": "560.1", "change_pct": None},
    ]
    assert result["articles"] == []


def test_conflicting_ticker_values_keep_the_first_and_warn():
    result = structure_plain_text("KZT/USD = 0.00194 -0.52%\nKZT/USD = 0.00200 1%")
    assert [r["value"] for r in result["rates"]] == ["0.00194"]
    assert _codes(result) == ["rate-conflict"]


def test_sentence_mentioning_a_rate_is_article_text():
    text = "The tenge closed at USD/KZT = 512.30 on Friday, the bank said."
    result = structure_plain_text(text)
    assert result["rates"] == []
    assert result["articles"][0]["blocks"][0]["text"] == text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3 March 2026", "2026-03-03"),
        ("Tuesday, 3 March 2026", "2026-03-03"),
        ("March 3, 2026", "2026-03-03"),
        ("Mar 3rd, 2026, 14:05", "2026-03-03"),
        ("2026-03-03", "2026-03-03"),
        ("03.03.2026", "2026-03-03"),
        ("3 марта 2026 г.", "2026-03-03"),
        ("вторник, 3 марта 2026 года", "2026-03-03"),
    ],
)
def test_date_lines(line, expected):
    result = structure_plain_text(f"{line}\n\nText of the story.")
    assert result["date"] == expected
    assert result["articles"][0]["blocks"] == [{"type": "paragraph", "text": "Text of the story."}]


def test_impossible_date_is_kept_as_text_with_a_warning():
    result = structure_plain_text("31 February 2026\n\nText.")
    assert result["date"] is None
    assert "bad-date" in _codes(result)


def test_second_different_date_line_warns_and_keeps_the_first():
    result = structure_plain_text(
        "3 March 2026\n\nA Headline About Almaty Traffic Jams Today\n\nText.\n\n4 March 2026"
    )
    assert result["date"] == "2026-03-03"
    assert "second-date" in _codes(result)


def test_date_inside_a_sentence_is_not_a_date_line():
    result = structure_plain_text("The law takes effect on 3 March 2026.")
    assert result["date"] is None


# --- lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bullet", ["•", "-", "*", "–", "·", "▪"])
def test_bullet_characters(bullet):
    text = f"The rules:\n\n{bullet} one;\n{bullet} two."
    assert _only_article(text)["blocks"] == [
        {"type": "paragraph", "text": "The rules:"},
        {"type": "list", "items": ["one;", "two."]},
    ]


@pytest.mark.parametrize("marker", ["1.", "1)", "a)"])
def test_numbered_lists_are_ordered_and_lose_their_numbers(marker):
    second = marker.replace("1", "2").replace("a", "b")
    article = _only_article(f"Steps:\n\n{marker} apply online;\n{second} wait ten days.")
    assert article["blocks"][1] == {
        "type": "list",
        "items": ["apply online;", "wait ten days."],
        "ordered": True,
    }


def test_list_items_separated_by_blank_lines_form_one_list():
    article = _only_article("Exceptions:\n\n  • seeds;\n\n  • aid.\n\nEnd of story.")
    assert article["blocks"][1] == {"type": "list", "items": ["seeds;", "aid."]}
    assert article["blocks"][2] == {"type": "paragraph", "text": "End of story."}


def test_indented_continuation_line_joins_its_item():
    article = _only_article("Changes:\n\n- a long item that\n  wraps onto a second line;\n- short.")
    assert article["blocks"][1]["items"] == ["a long item that wraps onto a second line;", "short."]


def test_bullet_list_then_numbered_list_are_two_lists():
    article = _only_article("Lists:\n\n- one\n- two\n\n1. first\n2. second")
    assert [b.get("ordered", False) for b in article["blocks"][1:]] == [False, True]


def test_em_dash_dialogue_is_not_a_list():
    text = "— Мы не знаем, — сказал он.\n\n— Когда узнаете?"
    blocks = _only_article(text)["blocks"]
    assert [b["type"] for b in blocks] == ["paragraph", "paragraph"]


def test_four_digit_year_is_not_a_list_number():
    text = "1991. The year everything changed for Central Asia."
    assert _only_article(text)["blocks"][0]["type"] == "paragraph"


# --- interviews ------------------------------------------------------------------------------


def test_q_and_a_turns_and_continuation_paragraphs():
    text = (
        "Q: Why now?\n\nA: Because prices rose.\n\nAnd wages did not.\n\nQ: What next?\n\nA: Talks."
    )
    blocks = _only_article(text)["blocks"]
    assert blocks == [
        {"type": "turn", "speaker": "Q", "paragraphs": ["Why now?"]},
        {
            "type": "turn",
            "speaker": "A",
            "paragraphs": ["Because prices rose.", "And wages did not."],
        },
        {"type": "turn", "speaker": "Q", "paragraphs": ["What next?"]},
        {"type": "turn", "speaker": "A", "paragraphs": ["Talks."]},
    ]


def test_turns_on_consecutive_lines_without_blank_lines():
    blocks = _only_article("Q: Why now?\nA: Because prices rose.\nQ: And then?\nA: Talks.")[
        "blocks"
    ]
    assert [(b["speaker"], b["paragraphs"]) for b in blocks] == [
        ("Q", ["Why now?"]),
        ("A", ["Because prices rose."]),
        ("Q", ["And then?"]),
        ("A", ["Talks."]),
    ]


def test_russian_question_answer_labels_and_dash_separator():
    text = "Вопрос: Почему сейчас?\n\nОтвет: Потому что цены выросли.\n\nВопрос — А дальше?\n\nОтвет — Переговоры."
    blocks = _only_article(text)["blocks"]
    assert [(b["speaker"], b["paragraphs"]) for b in blocks] == [
        ("Вопрос", ["Почему сейчас?"]),
        ("Ответ", ["Потому что цены выросли."]),
        ("Вопрос", ["А дальше?"]),
        ("Ответ", ["Переговоры."]),
    ]


def test_name_labels_used_exactly_twice_are_speakers():
    # No Q/A labels, no interviewer label: only the rule "a label used twice or more speaks".
    text = (
        "Border Talks Stall Again\n\n"
        "Dana Abenova: Why did the crossing close?\n\n"
        "Timur Sadykov: The road was flooded.\n\n"
        "It will take a week to repair.\n\n"
        "Dana Abenova: When will it reopen?\n\n"
        "Timur Sadykov: Next Monday."
    )
    article = _only_article(text)
    assert article["title"] == "Border Talks Stall Again"
    assert article["blocks"] == [
        {"type": "turn", "speaker": "Dana Abenova", "paragraphs": ["Why did the crossing close?"]},
        {
            "type": "turn",
            "speaker": "Timur Sadykov",
            "paragraphs": ["The road was flooded.", "It will take a week to repair."],
        },
        {"type": "turn", "speaker": "Dana Abenova", "paragraphs": ["When will it reopen?"]},
        {"type": "turn", "speaker": "Timur Sadykov", "paragraphs": ["Next Monday."]},
    ]


def test_interviewer_label_makes_a_name_used_once_a_speaker():
    text = "TCA: Why did you leave?\n\nAsel Nurova: Because the job ended."
    blocks = _only_article(text, interviewer_labels=["TCA"])["blocks"]
    assert [b["speaker"] for b in blocks] == ["TCA", "Asel Nurova"]


def test_label_used_once_without_other_speakers_is_paragraph_text():
    text = "Update: The ministry later confirmed the figures.\n\nBishkek: Officials said nothing."
    blocks = _only_article(text)["blocks"]
    assert [b["type"] for b in blocks] == ["paragraph", "paragraph"]


@pytest.mark.parametrize(
    "label", ["Photo", "Source", "Фото", "Источник", "Note", "Photo credit", "Читайте также"]
)
def test_caption_and_credit_labels_are_never_speakers(label):
    text = (
        f"Q: Why?\n\nA: Because.\n\n{label}: Someone Somewhere.\n\nMore text.\n\n"
        f"{label}: Someone Else.\n\nQ: And?\n\nA: Done."
    )
    blocks = _only_article(text)["blocks"]
    assert {"type": "paragraph", "text": f"{label}: Someone Somewhere."} in blocks
    assert all(b.get("speaker") != label for b in blocks)
    # The caption ends the answer's turn: the paragraph after it is not speech.
    assert {"type": "paragraph", "text": "More text."} in blocks


def test_speaker_label_on_its_own_line():
    blocks = _only_article("SW:\nWhy now?\n\nAsel:\nBecause.\n\nSW:\nThanks.\n\nAsel:\nBye.")[
        "blocks"
    ]
    assert blocks[0] == {"type": "turn", "speaker": "SW", "paragraphs": ["Why now?"]}
    assert blocks[1] == {"type": "turn", "speaker": "Asel", "paragraphs": ["Because."]}


def test_time_of_day_is_not_a_label():
    text = "At 10:30 the session opened.\n\n10:45: The minister spoke."
    assert [b["type"] for b in _only_article(text)["blocks"]] == ["paragraph", "paragraph"]


# --- headlines, subheadings, paragraphs ------------------------------------------------------


def test_single_article_without_headline_or_date():
    text = "Dushanbe approved a budget on Wednesday.\n\nThe vote was 51 to 8."
    result = structure_plain_text(text)
    assert result["date"] is None
    assert result["articles"] == [
        {
            "title": None,
            "blocks": [
                {"type": "paragraph", "text": "Dushanbe approved a budget on Wednesday."},
                {"type": "paragraph", "text": "The vote was 51 to 8."},
            ],
        }
    ]
    assert _codes(result) == ["no-headline"]


def test_question_headline_at_the_start_is_taken_with_a_warning():
    text = "Will Kazakhstan Raise Rates Again?\n\nThe National Bank meets on Friday to decide on rates."
    result = structure_plain_text(text)
    assert result["articles"][0]["title"] == "Will Kazakhstan Raise Rates Again?"
    assert "question-headline" in _codes(result)


def test_short_title_lines_inside_an_article_are_subheadings():
    text = (
        "Uzbekistan Raises Electricity Tariffs for Households From April\n\n"
        "The government raised tariffs on Monday.\n\nBackground\n\nTariffs were frozen in 2019."
    )
    blocks = _only_article(text)["blocks"]
    assert blocks[1] == {"type": "heading", "text": "Background"}


def test_all_caps_line_is_a_subheading_kept_as_written():
    text = "A Long Headline About Water Sharing in the Fergana Valley Basin\n\nText.\n\nWHAT COMES NEXT\n\nMore."
    blocks = _only_article(text)["blocks"]
    assert blocks[1] == {"type": "heading", "text": "WHAT COMES NEXT"}


def test_uncertain_headline_or_subheading_is_reported():
    text = (
        "Kyrgyzstan Opens New Airport Terminal in Osh After Two Years of Work\n\n"
        "The terminal opened on Friday.\n\n"
        "Tajik Farmers Expect Record Cotton Harvest\n\n"
        "Farmers in the Khatlon region expect a record cotton harvest this year."
    )
    result = structure_plain_text(text)
    warning = next(w for w in result["warnings"] if w["code"] == "headline-or-heading")
    assert warning["line"] == 5
    assert "Tajik Farmers Expect Record Cotton Harvest" in warning["message"]
    # The shared words with the lede tip it towards a headline.
    assert [a["title"] for a in result["articles"]][
        1
    ] == "Tajik Farmers Expect Record Cotton Harvest"


def test_headline_over_paragraph_without_blank_line():
    text = "Kazakhstan Extends Grain Export Quota Into Spring\nKazakhstan’s Ministry of Agriculture said on Friday it would extend the quota on wheat exports by road."
    article = _only_article(text)
    assert article["title"] == "Kazakhstan Extends Grain Export Quota Into Spring"
    assert len(article["blocks"]) == 1


def test_hard_wrapped_paragraph_is_joined_without_rewrapping_words():
    text = (
        "Energy ministers of Uzbekistan and Kyrgyzstan signed a protocol in\n"
        "Tashkent on Monday that sets out a construction timetable for a\n"
        "jointly owned hydropower plant.\n\nSecond paragraph."
    )
    blocks = _only_article(text)["blocks"]
    assert blocks[0]["text"] == (
        "Energy ministers of Uzbekistan and Kyrgyzstan signed a protocol in Tashkent on Monday "
        "that sets out a construction timetable for a jointly owned hydropower plant."
    )


def test_one_paragraph_per_line_without_blank_lines():
    first = "The lower house of Tajikistan’s parliament on Tuesday began debating a draft law on digital payments, the first of its kind."
    second = "The bill requires payment providers to obtain a license from the National Bank and to keep customer funds apart."
    blocks = _only_article(f"{first}\n{second}")["blocks"]
    assert [b["text"] for b in blocks] == [first, second]


def test_empty_text_gives_no_articles():
    assert structure_plain_text("  \n\n \u00a0\n") == {"date": None, "rates": [], "articles": []}


def test_headline_without_text_is_warned_about():
    result = structure_plain_text("Kazakhstan Extends Grain Export Quota Into Spring")
    assert result["articles"] == [
        {"title": "Kazakhstan Extends Grain Export Quota Into Spring", "blocks": []}
    ]
    assert "empty-article" in _codes(result)


def test_output_is_deterministic():
    text = "Q: Why?\n\nA: Because.\n\nSome Heading Here\n\nMore."
    assert structure_plain_text(text) == structure_plain_text(text)


def test_caption_without_full_stop_is_a_paragraph_not_a_heading():
    text = "A Long Headline About Water Sharing in the Fergana Valley Basin\n\nText.\n\nPhoto: Vlad Ushakov\n\nMore."
    assert _only_article(text)["blocks"][1] == {"type": "paragraph", "text": "Photo: Vlad Ushakov"}


def test_byline_and_trailing_sign_off_are_paragraphs():
    text = (
        "A Long Headline About Water Sharing in the Fergana Valley Basin\n\n"
        "By Aigerim Sadykova\n\nText.\n\nReporting from Khujand"
    )
    blocks = _only_article(text)["blocks"]
    assert blocks == [
        {"type": "paragraph", "text": "By Aigerim Sadykova"},
        {"type": "paragraph", "text": "Text."},
        {"type": "paragraph", "text": "Reporting from Khujand"},
    ]


def test_kicker_above_headlines_is_kept_as_first_subheading():
    text = (
        "KAZAKHSTAN\n\nAstana Raises Minimum Wage for the Second Time This Year\n\n"
        "The government raised the minimum wage to 90,000 tenge.\n\n"
        "ECONOMY\n\nUzbekistan Lifts Ban on Cotton Exports After Twenty Years of Controls\n\n"
        "Uzbekistan lifted the ban on cotton exports by presidential decree on Monday."
    )
    result = structure_plain_text(text)
    assert [a["title"] for a in result["articles"]] == [
        "Astana Raises Minimum Wage for the Second Time This Year",
        "Uzbekistan Lifts Ban on Cotton Exports After Twenty Years of Controls",
    ]
    assert [a["blocks"][0] for a in result["articles"]] == [
        {"type": "heading", "text": "KAZAKHSTAN"},
        {"type": "heading", "text": "ECONOMY"},
    ]
    assert _codes(result).count("kicker") == 2


def test_reported_speech_with_a_colon_is_not_a_speaker():
    text = (
        "SW: Why parks?\n\nAigerim: Because people need them.\n\n"
        "She added: people will use them.\n\nSW: Thank you.\n\nAigerim: Thanks."
    )
    blocks = _only_article(text)["blocks"]
    assert [b["speaker"] for b in blocks] == ["SW", "Aigerim", "SW", "Aigerim"]
    # Not a label: it continues the answer like any paragraph without one.
    assert blocks[1]["paragraphs"] == [
        "Because people need them.",
        "She added: people will use them.",
    ]


def test_name_particles_are_allowed_in_speaker_labels():
    text = "Q: Why?\n\nIlham Heydar oglu Aliyev: Because.\n\nQ: And?\n\nIlham Heydar oglu Aliyev: Done."
    assert [b["speaker"] for b in _only_article(text)["blocks"]][1] == "Ilham Heydar oglu Aliyev"
