"""Query expansion is pure: spellings in, Wagtail query terms out."""

from __future__ import annotations

from silkwire.search.query import MAX_TERMS, expand, fold, highlight

GROUPS = [
    ["Kyrgyzstan", "Kirghizia", "Kyrgyz Republic"],
    ["Tajik", "Tadjik"],
    ["Almaty", "Alma-Ata"],
    ["Turkmenbashi", "Türkmenbaşy"],
]


def test_fold_strips_case_and_accents():
    assert fold("Türkmenbaşy") == "turkmenbasy"


def test_single_word_variant_expands_to_group():
    q = expand("kirghizia elections", GROUPS)
    assert [t.typed for t in q.terms] == ["kirghizia", "elections"]
    assert set(q.terms[0].alternatives) == {"kirghizia", "Kyrgyzstan", "Kyrgyz Republic"}
    assert q.terms[1].alternatives == ("elections",)


def test_multi_word_spelling_matches_consecutive_words():
    q = expand("Alma-Ata metro", GROUPS)
    assert q.terms[0].typed == "Alma Ata"
    assert set(q.terms[0].alternatives) == {"Alma Ata", "Almaty"}


def test_stem_variant_rewrites_longer_words():
    q = expand("Tadjikistan", GROUPS)
    assert "Tajikistan" in q.terms[0].alternatives


def test_accented_and_plain_spellings_are_one():
    q = expand("Turkmenbashi port", GROUPS)
    assert "Türkmenbaşy" in q.terms[0].alternatives


def test_typed_word_stays_first_and_accented_spelling_is_kept():
    # PostgreSQL does not fold accents: "turkmenbasy" must still send "Türkmenbaşy".
    q = expand("turkmenbasy", GROUPS)
    assert q.terms[0].alternatives == ("turkmenbasy", "Turkmenbashi", "Türkmenbaşy")
    assert q.expansions == {"turkmenbasy": ("Turkmenbashi", "Türkmenbaşy")}
    assert expand("KIRGHIZIA", GROUPS).terms[0].alternatives[0] == "KIRGHIZIA"


def test_punctuation_only_and_empty_queries_have_no_terms():
    for raw in ["", "   ", "?!*\"'()", "---", '"', "\x00"]:
        assert not expand(raw, GROUPS), raw


def test_long_query_is_cut_not_refused():
    q = expand(" ".join(f"word{i}" for i in range(100)), GROUPS)
    assert len(q.terms) == MAX_TERMS and q.truncated


def test_quotes_and_fts_syntax_never_reach_the_backend():
    q = expand('foo" OR bar* NEAR(x) -baz', GROUPS)
    assert all('"' not in a and "*" not in a for t in q.terms for a in t.alternatives)


def test_highlight_marks_variants_and_escapes():
    q = expand("kirghizia", GROUPS)
    out = highlight("<b>News</b> from Kyrgyzstan’s capital & more", q)
    assert "<mark>Kyrgyzstan</mark>" in out
    assert "&lt;b&gt;News&lt;/b&gt;" in out and "&amp; more" in out


def test_highlight_centres_on_late_hit():
    text = "filler " * 200 + "Almaty tram " + "tail " * 50
    out = highlight(text, expand("alma-ata", GROUPS), width=120)
    assert out.startswith("… ") and "<mark>Almaty</mark>" in out and len(out) < 200
