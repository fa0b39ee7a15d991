"""WordPress content → body blocks: classic HTML, Gutenberg comments, shortcodes, hostile markup."""

from __future__ import annotations

import json
from pathlib import Path

from silkwire.ingest.wordpress.content import (
    convert_content,
    embed_url,
    parse_blocks,
    plain_text,
    wpautop,
)
from silkwire.ingest.wordpress.parse import iter_export

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"

GUTENBERG = """<!-- wp:paragraph -->
<p>Первый абзац.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":611,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="https://news.example.kz/wp-content/uploads/2024/06/bazaar-1024x683.jpg" alt="Прилавки Зелёного базара" class="wp-image-611"/><figcaption class="wp-element-caption">Фото: А. Сейтова</figcaption></figure>
<!-- /wp:image -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Что говорят продавцы</h2>
<!-- /wp:heading -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=XXXXXXXXXXX","type":"video","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=XXXXXXXXXXX
</div></figure>
<!-- /wp:embed -->"""

CLASSIC = """Первый абзац классического редактора.

[caption id="attachment_611" align="aligncenter" width="640"]<img class="size-large wp-image-611" src="https://news.example.kz/wp-content/uploads/2024/06/bazaar-640x427.jpg" alt="" width="640" height="427" /> Подпись к фото[/caption]

<strong>Вопрос:</strong> Как дела?
Второй абзац."""


def test_gutenberg_sample_from_import_notes():
    blocks = convert_content(GUTENBERG).blocks
    assert [b["type"] for b in blocks] == ["paragraph", "_image", "heading", "embed"]
    assert blocks[0] == {"type": "paragraph", "text": "Первый абзац."}
    assert blocks[1]["attachment_id"] == 611
    assert blocks[1]["caption"] == "Фото: А. Сейтова"
    assert blocks[1]["alt"] == "Прилавки Зелёного базара"
    assert blocks[2] == {"type": "heading", "text": "Что говорят продавцы", "level": 2}
    assert blocks[3]["url"] == "https://www.youtube.com/watch?v=XXXXXXXXXXX"


def test_classic_sample_from_import_notes():
    blocks = convert_content(CLASSIC).blocks
    assert [b["type"] for b in blocks] == ["paragraph", "_image", "paragraph"]
    assert blocks[0]["text"] == "Первый абзац классического редактора."
    assert blocks[1]["attachment_id"] == 611 and blocks[1]["caption"] == "Подпись к фото"
    # <strong> kept inline; wpautop turned the single newline into a line break.
    assert blocks[2]["html"] == "<strong>Вопрос:</strong> Как дела?<br>\nВторой абзац."


def test_wpautop_paragraphs_and_blocks():
    html = wpautop("One\n\nTwo\nlines\n\n<ul><li>a</li></ul>\n\nThree")
    assert "<p>One</p>" in html and "<p>Two<br />\nlines</p>" in html
    assert "<p><ul>" not in html and "<p>Three</p>" in html


def test_parse_blocks_nested_and_void():
    parts = parse_blocks(
        "<!-- wp:group --><div><!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->"
        '<!-- wp:latest-posts {"postsToShow":3} /--></div><!-- /wp:group -->'
    )
    (group,) = parts
    assert group.name == "group"
    names = [p.name for p in group.parts if not isinstance(p, str)]
    assert names == ["paragraph", "latest-posts"]
    assert group.parts[2].attrs == {"postsToShow": 3}


def test_scripts_iframes_and_handlers_never_survive():
    content = (
        '<p>Hello <a href="javascript:alert(1)" onclick="x()">link</a></p>\n\n'
        "<script>alert(1)</script>\n\n"
        '<iframe src="https://evil.example/x"></iframe>\n\n'
        '<iframe src="https://www.youtube.com/embed/abc123"></iframe>\n\n'
        '<table><tr><td onmouseover="x()">cell<script>bad()</script></td></tr></table>\n\n'
        "<!-- wp:html --><div><style>p{}</style><img src=x onerror=alert(1)></div><!-- /wp:html -->"
    )
    result = convert_content(content)
    dumped = json.dumps(result.blocks)
    for bad in ("script", "iframe", "onclick", "onerror", "javascript:", "onmouseover", "style"):
        assert bad not in dumped
    assert {"type": "embed", "url": "https://www.youtube.com/watch?v=abc123", "caption": ""} in (
        result.blocks
    )
    assert any(b["type"] == "rich_text" and "<td>cell</td>" in b["html"] for b in result.blocks)
    assert result.warnings["<iframe> from evil.example removed"] == 1
    assert result.warnings["<script> removed"] >= 1


def test_lists_quotes_and_headings():
    blocks = convert_content(
        "<h1>Top</h1><h4>Deep</h4><ol><li>one<ul><li>sub</li></ul></li><li>two</li></ol>"
        "<blockquote><p>Words.</p><cite>Someone</cite></blockquote>"
    ).blocks
    assert blocks[0] == {"type": "heading", "text": "Top", "level": 2}
    assert blocks[1] == {"type": "heading", "text": "Deep", "level": 3}
    assert blocks[2] == {"type": "list", "items": ["one", "– sub", "two"], "ordered": True}
    assert blocks[3] == {"type": "quote", "text": "Words.", "attribution": "Someone"}


def test_gallery_shortcode_and_embed_shortcode_and_unknown():
    result = convert_content(
        '[gallery ids="3,4"]\n\n[gallery columns="2"]\n\n[embed]https://vimeo.com/22439234[/embed]'
        '\n\n[contact-form-7 id="1"]'
    )
    assert result.blocks[0] == {"type": "_gallery", "ids": [3, 4]}
    assert result.blocks[1] == {"type": "_gallery", "ids": None}
    assert result.blocks[2]["type"] == "embed" and result.blocks[2]["url"].endswith("22439234")
    assert result.blocks[3]["type"] == "paragraph"  # the unknown shortcode's text is kept
    assert result.warnings["unknown shortcode [contact-form-7] kept as text"] == 1


def test_bare_provider_url_becomes_embed():
    blocks = convert_content(
        "Text\n\nhttps://twitter.com/x/status/1\n\nhttps://example.com/"
    ).blocks
    assert blocks[1] == {"type": "embed", "url": "https://twitter.com/x/status/1", "caption": ""}
    assert blocks[2]["type"] == "paragraph"


def test_embed_url_normalises_players():
    assert embed_url("//player.vimeo.com/video/42") == "https://vimeo.com/42"
    assert embed_url("https://example.com/video") is None


def test_plain_text_excerpt():
    assert (
        plain_text("<p>An <b>excerpt</b> &amp; more<script>x()</script></p>") == "An excerpt & more"
    )


def _posts(path: Path) -> dict[int, object]:
    return {it.post_id: it for _, it in iter_export(path) if it.post_type == "post"}


def test_theme_unit_selected_posts():
    posts = _posts(FIXTURES / "themeunittestdata.wordpress.xml")
    # Markup: Image Alignment (classic + [caption] shortcodes)
    blocks = convert_content(posts[1177].content).blocks
    images = [b for b in blocks if b["type"] == "_image"]
    assert images[0]["attachment_id"] == 906 and images[0]["caption"] == ""
    captioned = [b for b in images if b["caption"]]
    assert captioned and captioned[0]["caption"].startswith("Look at 580x300 getting some")
    # Post Format: Gallery ([gallery] without ids: the children of the post)
    gallery = convert_content(posts[555].content).blocks
    assert gallery[0] == {"type": "_gallery", "ids": None}
    # Edge Case: Nested And Mixed Lists
    lists = [b for b in convert_content(posts[1000].content).blocks if b["type"] == "list"]
    assert lists[1]["ordered"] is True and "– unordered" in lists[1]["items"]


def test_every_fixture_post_converts_to_known_blocks():
    known = {"paragraph", "heading", "list", "quote", "_image", "_gallery", "embed", "rich_text"}
    for name in ("themeunittestdata.wordpress.xml", "64-block-test-data.xml"):
        for post in _posts(FIXTURES / name).values():
            blocks = convert_content(post.content).blocks
            assert {b["type"] for b in blocks} <= known
            dumped = json.dumps(blocks)
            assert "<script" not in dumped and "<iframe" not in dumped


def test_block_test_data_gutenberg_posts():
    posts = {p.title: p for p in _posts(FIXTURES / "64-block-test-data.xml").values()}
    assert len(posts) == 61

    def kinds(title: str) -> set[str]:
        return {b["type"] for b in convert_content(posts[title].content).blocks}

    assert kinds("Quote") == {"heading", "quote"}
    assert "quote" in kinds("Pullquote")
    assert kinds("Heading") == {"heading"}
    assert "list" in kinds("List")
    assert "_image" in kinds("Image") and "_image" in kinds("Gallery")
    assert "rich_text" in kinds("Table") and "rich_text" in kinds("Code")
    assert kinds("Shortcode") == {"paragraph", "_gallery"}
    first_quote = next(
        b for b in convert_content(posts["Quote"].content).blocks if b["type"] == "quote"
    )
    assert first_quote == {
        "type": "quote",
        "text": "Quote, default (no alignment)",
        "attribution": "Citation",
    }
    # Dynamic blocks (latest posts, archives…) store no content: nothing imported, a warning.
    latest = convert_content(posts["Latest posts"].content)
    assert {b["type"] for b in latest.blocks} <= {"heading", "paragraph"}
    assert any("latest-posts" in w for w in latest.warnings)
