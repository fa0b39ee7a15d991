"""Hypothesis strategies for hostile parser input: plausible documents with mutated fields.

Pure random bytes rarely get past a parser's first check, so most strategies build a document
that looks like the real thing (a bank's XML table, a WXR export, an RSS feed, an article page)
and then poison it: a field holds a number in the wrong shape, an entity reference such as
``&#65534;`` or ``&#99999999;``, a control character, text in another encoding; the prolog
declares an encoding the body does not use; a few bytes are flipped, cut or duplicated.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from hypothesis import strategies as st

# --- building blocks -----------------------------------------------------------------------------

ENTITY_REFS = [
    "&#65534;",
    "&#1",
    "&#1;",
    "&#0;",
    "&#x0;",
    "&#99999999;",
    "&#x110000;",
    "&#xD800;",
    "&#x1F;",
    "&#8232;",
    "&#x202E;",
    "&amp;",
    "&lt;script&gt;",
    "&nbsp;",
    "&bogus;",
    "&",
    "&#",
    "&#x;",
    "&#60;script&#62;",
]
CONTROL_CHARS = [chr(c) for c in [*range(0, 32), 0x7F, 0x85]] + [
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u00a0",
    "\u202f",
    "\ufffe",
    "\uffff",
    "\u0301",  # a combining accent, so NFC has something to do
]
# Declared encodings: the real ones, near misses, codecs that are not text encodings and
# codecs that refuse the "replace" error handler.
ENCODING_NAMES = [
    "utf-8",
    "UTF-8",
    "windows-1251",
    "cp1251",
    "koi8-r",
    "latin-1",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "utf-7",
    "ascii",
    "idna",
    "punycode",
    "rot13",
    "hex",
    "base64",
    "zlib",
    "unicode_escape",
    "x-unknown",
    "",
]
REAL_ENCODINGS = ["utf-8", "cp1251", "koi8-r", "latin-1", "utf-16", "utf-16-le", "cp866"]

WORDS = (
    "Almaty Astana Bishkek Dushanbe Tashkent Ashgabat Kazakhstan tenge som rate bank "
    "National central the of and in on said minister Нацбанк курс доллара тенге сом "
    "Ташкент заявил министр Қазақстан сұрақ Savol javob oglu kyzy USD KZT 2026 1 000 4,2"
).split()

hostile_piece = st.one_of(
    st.sampled_from(ENTITY_REFS),
    st.sampled_from(CONTROL_CHARS),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.sampled_from([" ", "\n", "\r\n", "\r", "\t", "\n\n", "<", ">", '"', "'", "]]>", ";"]),
)


def hostile_text(max_pieces: int = 30) -> st.SearchStrategy[str]:
    """Return text mixing words, markup characters, entity references and control characters."""
    return st.lists(hostile_piece, max_size=max_pieces).map("".join)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@st.composite
def mixed_bytes(draw, text: str | None = None) -> bytes:
    """Return ``text`` (or drawn text) in several encodings glued together."""
    if text is None:
        text = draw(hostile_text())
    if not text:
        return b""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=3)))
    parts, start = [], 0
    for cut in [*cuts, len(text)]:
        parts.append(_encode(text[start:cut], draw(st.sampled_from(REAL_ENCODINGS))))
        start = cut
    return b"".join(parts)


@st.composite
def mutate(draw, data: bytes) -> bytes:
    """Flip, drop, duplicate or insert a few bytes of ``data`` (often leaving it unchanged)."""
    data = bytearray(data)
    for _ in range(draw(st.integers(0, 3))):
        if not data:
            data.extend(draw(st.binary(min_size=1, max_size=4)))
            continue
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "drop", "dup", "insert", "truncate"]))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "drop":
            del data[at : at + draw(st.integers(1, 8))]
        elif op == "dup":
            data[at:at] = data[at : at + draw(st.integers(1, 16))]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<", b"&"]))
        else:
            del data[at:]
    return bytes(data)


@st.composite
def xml_document(draw, body: str) -> bytes:
    """Encode an XML body with a (possibly lying) prolog and BOM, then maybe mutate it."""
    declared = draw(st.sampled_from(ENCODING_NAMES))
    actual = draw(st.sampled_from(["utf-8", "utf-8", "cp1251", "koi8-r", "utf-16"]))
    prolog = draw(
        st.sampled_from(
            [
                "",
                '<?xml version="1.0"?>',
                f'<?xml version="1.0" encoding="{declared}"?>',
                f"<?xml version='1.0' encoding='{declared}' ?>\n",
            ]
        )
    )
    data = _encode(prolog + body, actual)
    if draw(st.booleans()) and actual == "utf-8":
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutate(data))
    return data


# --- field values --------------------------------------------------------------------------------

good_number = st.one_of(
    st.decimals(min_value="0.0001", max_value="99999", places=4).map(str),
    st.decimals(min_value="0.0001", max_value="99999", places=4).map(
        lambda d: str(d).replace(".", ",")
    ),
    st.sampled_from(["1", "10", "100", "1000", "87,4500", "0,0073", "12194.21"]),
)
bad_number = st.sampled_from(
    [
        "",
        " ",
        "0",
        "0,0000",
        "-1",
        "-87,45",
        "1e5",
        "1E-400",
        "NaN",
        "Infinity",
        "1,2,3",
        "1..2",
        "٣٫٥",
        "٣",
        "１２",
        "12\u00a0345,67",
        "1 000",
        "0x10",
        "+5",
        "9" * 400,
        "0." + "0" * 400 + "1",
        "1" + "0" * 5000,
        "0." + "0" * 120 + "1",
        "87,45\n",
        "&#49;",
    ]
)
number_field = st.one_of(good_number, good_number, bad_number, hostile_text(4))
day_field = st.one_of(
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["31.02.2026", "00.00.0000", "25.04.26", "", "2026-13-01", "99.99.9999"]),
    hostile_text(4),
)
CODES = ["USD", "EUR", "RUB", "KZT", "KGS", "TJS", "UZS", "TMT", "CNY", "GBP", "AUD"]
code_field = st.one_of(st.sampled_from(CODES), st.sampled_from(CODES), hostile_text(3))


def _text_node(value: str, raw: bool) -> str:
    # raw: the value goes in unescaped, so entity references and "<" reach the parser as-is.
    return value if raw else escape(value)


@st.composite
def _rows(draw, min_size: int = 0) -> list[tuple[str, str, str]]:
    rows = draw(st.lists(st.tuples(code_field, number_field, number_field), max_size=6))
    if draw(st.booleans()):
        rows.insert(0, ("USD", draw(good_number), "1"))
    return rows


@st.composite
def valcurs_payload(draw) -> bytes:
    """A CBR/NBT ``<ValCurs>`` daily table."""
    raw = draw(st.booleans())
    valutes = "".join(
        f'<Valute ID="R0{i}"><NumCode>840</NumCode><CharCode>{_text_node(code, raw)}</CharCode>'
        f"<Nominal>{_text_node(nominal, raw)}</Nominal><Name>Доллар</Name>"
        f"<Value>{_text_node(value, raw)}</Value></Valute>"
        for i, (code, value, nominal) in enumerate(draw(_rows()))
    )
    body = f'<ValCurs Date={quoteattr(draw(day_field))} name="Foreign Currency Market">{valutes}</ValCurs>'
    return draw(xml_document(body))


@st.composite
def valcurs_dynamic_payload(draw) -> bytes:
    """A CBR ``XML_dynamic`` series of records."""
    records = "".join(
        f'<Record Date={quoteattr(draw(day_field))} Id="R01710A"><Nominal>{escape(nominal)}</Nominal>'
        f"<Value>{escape(value)}</Value></Record>"
        for _, value, nominal in draw(_rows())
    )
    return draw(xml_document(f'<ValCurs ID="R01710A" name="Dynamic">{records}</ValCurs>'))


@st.composite
def nbk_payload(draw) -> bytes:
    """NBK's ``<rates>`` document or its ``rates_all.xml`` RSS feed."""
    raw = draw(st.booleans())
    rows = draw(_rows())
    if draw(st.booleans()):
        items = "".join(
            f"<item><fullname>ДОЛЛАР</fullname><title>{_text_node(code, raw)}</title>"
            f"<description>{_text_node(value, raw)}</description>"
            f"<quant>{_text_node(nominal, raw)}</quant><index>UP</index></item>"
            for code, value, nominal in rows
        )
        body = (
            f"<rates><title>Official</title><date>{escape(draw(day_field))}</date>{items}</rates>"
        )
    else:
        items = "".join(
            f"<item><title>{_text_node(code, raw)}</title><pubDate>{escape(draw(day_field))}</pubDate>"
            f"<description>{_text_node(value, raw)}</description><quant>{escape(nominal)}</quant></item>"
            for code, value, nominal in rows
        )
        body = f'<rss version="2.0"><channel><title>NBK</title>{items}</channel></rss>'
    return draw(xml_document(body))


@st.composite
def nbkr_payload(draw) -> bytes:
    """NBKR's ``daily.xml`` / ``weekly.xml``."""
    raw = draw(st.booleans())
    currencies = "".join(
        f"<Currency ISOCode={quoteattr(code)}><Nominal>{_text_node(nominal, raw)}</Nominal>"
        f"<Value>{_text_node(value, raw)}</Value></Currency>"
        for code, value, nominal in draw(_rows())
    )
    body = f'<CurrencyRates Name="Daily" Date={quoteattr(draw(day_field))}>{currencies}</CurrencyRates>'
    return draw(xml_document(body))


@st.composite
def nbkr_history_payload(draw) -> bytes:
    """NBKR's HTML history page: ``<!--date-->…<!--value-->`` rows in a table."""
    rows = "".join(
        f"<tr><td><!--date-->{draw(day_field)}<!--date--></td>"
        f"<td><!--value-->{value}<!--value--></td></tr>"
        for _, value, _ in draw(_rows())
    )
    text = f"<html><body><table>{rows}</table></body></html>"
    return draw(st.one_of(st.just(text.encode()), mixed_bytes(text)))


@st.composite
def cbt_payload(draw) -> bytes:
    """CBT's ``<cbt_currency_rate>`` document."""
    raw = draw(st.booleans())
    rates = "".join(
        f"<rate code={quoteattr(code)}><name>DOLLAR</name><rate_usd>1</rate_usd>"
        f"<multiplier>{_text_node(nominal, raw)}</multiplier>"
        f"<rate_tmt>{_text_node(value, raw)}</rate_tmt></rate>"
        for code, value, nominal in draw(_rows())
    )
    body = f"<cbt_currency_rate><date>{escape(draw(day_field))}</date>{rates}</cbt_currency_rate>"
    return draw(xml_document(body))


json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    number_field,
)


@st.composite
def cbu_payload(draw) -> bytes:
    """CBU's JSON list; values are strings in the real feed, anything here."""
    day = draw(day_field)
    entries = []
    for code, value, nominal in draw(_rows()):
        entry = {
            "id": 69,
            "Code": "840",
            "Ccy": draw(st.one_of(st.just(code), json_scalar)),
            "Nominal": draw(st.one_of(st.just(nominal), json_scalar)),
            "Rate": draw(st.one_of(st.just(value), json_scalar)),
            "Diff": "-16.5",
            "Date": draw(st.one_of(st.just(day), day_field, json_scalar)),
        }
        for key in draw(st.lists(st.sampled_from(list(entry)), max_size=2, unique=True)):
            del entry[key]
        entries.append(entry)
    text = json.dumps(entries, ensure_ascii=draw(st.booleans()))
    text = draw(
        st.sampled_from(
            [
                text,
                text.replace('"1"', "1"),  # numbers instead of strings
                text.replace('"1"', "1.0e400"),
                text.replace('"1"', "NaN"),
                "[" * 50_000,
                '{"error": "not found"}',
                "<!DOCTYPE html><html><body>DDoS-Guard</body></html>",
                "[" + "9" * 5000 + "]",
            ]
        )
    )
    data = _encode(text, draw(st.sampled_from(["utf-8", "utf-8", "cp1251", "utf-16"])))
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutate(data))
    return data


# --- articles, feeds, exports ---------------------------------------------------------------------

DANGEROUS_MARKUP = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.test/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" &#106;avascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<svg onload="alert(1)"><circle/></svg>',
    '<iframe src="https://evil.test/"></iframe>',
    '<p onclick="alert(1)" style="x">p</p>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<a href="https://example.com/" onmouseover="alert(1)">ok</a>',
    '<object data="data:text/html,x"></object>',
    '<table><tr><td><a href="mailto:x@example.com">m</a></td></tr></table>',
    "<template><script>alert(1)</script></template>",
    "<xmp><script>alert(1)</script></xmp>",
    '<a href="https://example.com/?q=<script>">q</a>',
]
SAFE_MARKUP = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<i>",
    "<em>",
    "<strong>",
    "<br>",
    "<h2>",
    "</h2>",
    "<ul><li>",
    "</li></ul>",
    "<ol><li>",
    "<blockquote>",
    "</blockquote>",
    "<table><tr><td>",
    "</td></tr></table>",
    '<a href="https://example.com/a">',
    "</a>",
    "<figure><figcaption>",
    "</figcaption></figure>",
    "<pre><code>",
    "<div>",
    "</div>",
    "<span>",
    "<h1>",
    "<hr>",
    "<sub>",
    "<sup>",
]
markup_piece = st.one_of(
    st.sampled_from(DANGEROUS_MARKUP),
    st.sampled_from(SAFE_MARKUP),
    hostile_piece,
    st.sampled_from(WORDS),
)


def hostile_html(max_pieces: int = 25) -> st.SearchStrategy[str]:
    """Return an HTML fragment mixing safe structure, XSS vectors and hostile characters."""
    return st.lists(markup_piece, max_size=max_pieces).map("".join)


PROSE = (
    "The National Bank of Kazakhstan kept its base rate unchanged on Friday, citing slowing "
    "inflation and a stable tenge. Analysts in Almaty had expected the decision. "
)


@st.composite
def article_page(draw) -> bytes:
    """An article page: JSON-LD, OpenGraph, a body of paragraphs and hostile bits."""
    ld = {
        "@context": "https://schema.org",
        "@type": draw(st.sampled_from(["NewsArticle", "WebPage", ["NewsArticle"], 7, None])),
        "headline": draw(st.one_of(st.just("Bank holds rate"), hostile_html(5))),
        "author": draw(
            st.one_of(st.just({"name": "Aigerim S."}), st.just([{"name": 1}, "B"]), json_scalar)
        ),
        "datePublished": draw(
            st.one_of(st.just("2026-03-03T10:00:00+05:00"), day_field, hostile_text(3))
        ),
        "url": draw(
            st.sampled_from(
                ["https://example.com/a", "/relative", "http://[::1", "https://[bad/", "", 5]
            )
        ),
    }
    ld_text = draw(
        st.sampled_from(
            [json.dumps(ld), json.dumps(ld)[:-3], "[" * 20_000, json.dumps({"@graph": [ld]})]
        )
    )
    paras = draw(st.lists(st.one_of(st.just(PROSE * 2), hostile_html(10)), min_size=0, max_size=6))
    body = "".join(f"<p>{p}</p>" for p in paras)
    canonical = draw(st.sampled_from(["https://example.com/c", "http://[", "javascript:x", ""]))
    charset = draw(st.sampled_from(ENCODING_NAMES))
    head = (
        f'<meta charset="{charset}"><title>{escape(draw(hostile_text(4)))}</title>'
        f'<link rel="canonical" href="{canonical}">'
        f'<meta property="og:title" content={quoteattr(draw(hostile_text(4)))}>'
        f'<script type="application/ld+json">{ld_text}</script>'
    )
    image = draw(st.sampled_from(["https://example.com/i.jpg", "http://[x/i.jpg", "", "data:x"]))
    html = (
        f'<!DOCTYPE html><html lang="{draw(st.sampled_from(["ru", "en_US", "", "x" * 40]))}">'
        f"<head>{head}</head><body><nav>Home | News</nav><article><h1>Bank holds rate</h1>"
        f'{body}<img src="{image}"></article><footer>© 2026</footer></body></html>'
    )
    data = _encode(html, draw(st.sampled_from(["utf-8", "utf-8", "cp1251", "utf-16"])))
    if draw(st.integers(0, 3)) == 0:
        data = draw(mutate(data))
    return data


@st.composite
def feed_payload(draw) -> bytes:
    """An RSS 2.0 or Atom feed with hostile titles, links and dates."""
    link = st.sampled_from(
        ["https://example.com/1", "/2", "javascript:alert(1)", "http://[::1", "http://[x", ""]
    )
    date = st.one_of(
        st.sampled_from(
            [
                "Tue, 03 Mar 2026 10:00:00 +0500",
                "2026-03-03T10:00:00Z",
                "20 ноября 2026 10:30",
                "31 февраля 2026",
                "Mon, 99 Foo 2026 99:99:99 +9999",
                "0001-01-01T00:00:00",
                "9999-12-31T23:59:59-23:59",
            ]
        ),
        hostile_text(3),
    )
    raw = draw(st.booleans())
    items = "".join(
        f"<item><title>{_text_node(draw(hostile_html(6)), raw)}</title>"
        f"<link>{escape(draw(link))}</link><guid>{escape(draw(link))}</guid>"
        f"<pubDate>{escape(draw(date))}</pubDate>"
        f"<description>{_text_node(draw(hostile_html(8)), raw)}</description></item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    ttl = draw(st.sampled_from(["60", "-1", "abc", "9" * 30, "٣"]))
    if draw(st.booleans()):
        body = f'<rss version="2.0"><channel><title>Wire</title><link>{escape(draw(link))}</link><ttl>{ttl}</ttl>{items}</channel></rss>'
    else:
        entries = "".join(
            f'<entry><title type="html">{escape(draw(hostile_html(6)))}</title>'
            f"<link href={quoteattr(draw(link))}/><id>{escape(draw(link))}</id>"
            f"<updated>{escape(draw(date))}</updated></entry>"
            for _ in range(draw(st.integers(0, 3)))
        )
        body = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{entries}</feed>'
    return draw(xml_document(body))


WP = "http://wordpress.org/export/1.2/"
ENTITY_EXPANSION = "EXPANDED-ENTITY"


@st.composite
def wxr_payload(draw) -> bytes:
    """A WXR export: channel header, authors, terms and items with hostile fields."""
    raw = draw(st.booleans())

    def field(strategy) -> str:
        return _text_node(draw(strategy), raw)

    def cdata(strategy) -> str:
        value = draw(strategy)
        return f"<![CDATA[{value}]]>" if draw(st.booleans()) else escape(value)

    number = st.one_of(st.integers(-5, 10**6).map(str), hostile_text(3), st.just("9" * 30))
    wp_date = st.one_of(
        st.just("2026-03-03 10:00:00"),
        st.just("0000-00-00 00:00:00"),
        st.just("2026-02-31 25:61:00"),
        hostile_text(3),
    )
    items = "".join(
        "<item>"
        f"<title>{field(hostile_text(6))}{draw(st.sampled_from(['', '&a;']))}</title>"
        "<link>https://example.com/?p=1</link>"
        f"<dc:creator>{cdata(hostile_text(3))}</dc:creator>"
        f"<content:encoded>{cdata(hostile_html(12))}</content:encoded>"
        f"<excerpt:encoded>{cdata(hostile_text(4))}</excerpt:encoded>"
        + (f"<wp:post_id>{field(number)}</wp:post_id>" if draw(st.integers(0, 5)) else "")
        + f"<wp:post_date>{field(wp_date)}</wp:post_date>"
        f"<wp:post_date_gmt>{field(wp_date)}</wp:post_date_gmt>"
        f"<wp:post_type>{field(st.sampled_from(['post', 'page', 'attachment', '']))}</wp:post_type>"
        f"<wp:status>publish</wp:status><wp:post_parent>{field(number)}</wp:post_parent>"
        f'<category domain="category" nicename={quoteattr(draw(hostile_text(2)))}>News</category>'
        f"<wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>{cdata(hostile_text(3))}</wp:meta_value></wp:postmeta>"
        "</item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    version = draw(st.sampled_from(["1.2", "1.1", "1.0", "1.3", "abc", ""]))
    ns = draw(st.sampled_from([WP, "https://wordpress.org/export/1.1/", "http://example.com/wp/"]))
    prolog = draw(
        st.sampled_from(
            ["", "<!DOCTYPE rss>", f'<!DOCTYPE rss [<!ENTITY a "{ENTITY_EXPANSION}">]>']
        )
    )
    body = (
        f'{prolog}<rss version="2.0" xmlns:excerpt="{ns}excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:wp="{ns}"><channel><title>{field(hostile_text(4))}</title>'
        f"<wp:wxr_version>{version}</wp:wxr_version>"
        f"<wp:base_site_url>https://example.com</wp:base_site_url>"
        f"<wp:author><wp:author_id>{field(number)}</wp:author_id>"
        f"<wp:author_login>{cdata(hostile_text(2))}</wp:author_login></wp:author>"
        f"<wp:category><wp:category_nicename>{field(hostile_text(2))}</wp:category_nicename>"
        f"<wp:cat_name>{cdata(hostile_text(2))}</wp:cat_name></wp:category>"
        f"{items}</channel></rss>"
    )
    return draw(xml_document(body))


@st.composite
def wp_content(draw) -> str:
    """Post content: classic HTML, shortcodes and (broken) Gutenberg block comments."""
    block = st.one_of(
        hostile_html(8),
        st.sampled_from(
            [
                "<!-- wp:paragraph --><p>Text</p><!-- /wp:paragraph -->",
                '<!-- wp:image {"id":"x"} --><figure><img src="javascript:x" onerror="a()"/></figure><!-- /wp:image -->',
                '<!-- wp:embed {"url":"javascript:alert(1)"} --><figure><figcaption>c</figcaption></figure><!-- /wp:embed -->',
                '<!-- wp:gallery {"ids":[1,"2",null,{"a":1}]} /-->',
                "<!-- wp:group --><div><!-- wp:heading --><h2>H</h2><!-- /wp:heading --></div>",
                "<!-- wp:columns {bad json} -->",
                "<!-- /wp:quote -->",
                '<!-- wp:html --><script>alert(1)</script><iframe src="https://www.youtube.com/embed/"></iframe><!-- /wp:html -->',
                '[caption id="attachment_1" align="alignnone" width="300"]<img src="a.jpg" /> Cap[/caption]',
                '[gallery ids="1,2,x"]',
                "[embed]https://youtu.be/x[/embed]",
                "[caption]unclosed",
                '<iframe src="//player.vimeo.com/video/"></iframe>',
                '<video><source src="javascript:alert(1)"></video>',
                '<figure class="wp-block-embed"><div>https://twitter.com/x</div></figure>',
                "<ul><li>a<ul><li>b</li></ul></li></ul>",
                "<blockquote><p>q</p><p>— Someone</p></blockquote>",
            ]
        ),
    )
    return "".join(draw(st.lists(block, max_size=8)))


@st.composite
def plain_text_page(draw) -> str:
    """A page dump: headlines, date lines, ticker lines, lists, interview turns, junk."""
    line = st.one_of(
        st.sampled_from(
            [
                "Kazakhstan raises its base rate for the first time in two years",
                "ECONOMY",
                "3 March 2026",
                "Tuesday, 3 March 2026",
                "31 February 2026",
                "2026-03-03",
                "03.03.2026",
                "3 марта 2026 г.",
                "• KZT/USD = 0.00194 -0.52% | KGS/USD = 0.01145 +0,09%",
                "KZT/USD = 0.00195 −0.50%",
                "• First point of the list",
                "1. Numbered item",
                "a) lettered item",
                "1991. The year",
                "SW: How do you see the year ahead?",
                "Q — And the tenge?",
                "Aigerim Sadykova: It will be stable.",
                "Photo: Silkwire",
                "By Aigerim Sadykova",
                "She added: nothing more.",
                "— Прямая речь по-русски.",
                "",
                "",
                "   ",
                "\u00a0\u00a0",
                PROSE.strip(),
                "Is the tenge stable?",
            ]
        ),
        hostile_text(8),
    )
    lines = draw(st.lists(line, max_size=20))
    return draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028"])).join(lines)
