"""Article body blocks: the one contract shared by the editor, importers, templates and API.

The plain-dict shapes accepted by :func:`to_stream_data` are documented in
``docs/content-model.md``; importers produce them, the API emits them.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from functools import cache
from html import escape, unescape

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link"]
RICH_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul", "blockquote", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("2", "Heading (h2)"), ("3", "Subheading (h3)")], default="2"
    )

    class Meta:
        icon = "title"
        template = "news/blocks/heading.html"


class ListBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(required=False, help_text="Numbered instead of bulleted.")
    items = blocks.ListBlock(blocks.CharBlock(max_length=2000), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "news/blocks/list.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


class InterviewTurnBlock(blocks.StructBlock):
    """One speaker's turn. The outlet's own label marks the turn as the question."""

    speaker = blocks.CharBlock(max_length=120)
    paragraphs = blocks.ListBlock(blocks.TextBlock(), min_num=1)

    class Meta:
        icon = "openquote"
        label = "Interview turn"
        template = "news/blocks/turn.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["is_question"] = is_interviewer(value["speaker"])
        return context


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"


# --- Links: http, https and mailto only (docs/security.md, "Validating input at the door") ---
LINK_SCHEMES = ("http", "https", "mailto")
# What browsers ignore in a URL before reading its scheme: leading C0 controls and spaces,
# and tabs and newlines anywhere ("java\tscript:" is "javascript:").
_URL_IGNORED = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def link_scheme_allowed(url: str, *, relative: bool = False) -> bool:
    """Return True when a browser would open ``url`` with an allowed scheme.

    ``relative`` allows URLs without a scheme (a link to our own pages in rich text).
    """
    text = _URL_IGNORED.sub("", str(url or "")).lstrip(_C0_AND_SPACE).rstrip()
    match = _SCHEME.match(text)
    if match is None:
        return relative and bool(text) and not text.startswith("\\")
    return match.group(1).lower() in LINK_SCHEMES


def safe_link_url(url: str) -> str:
    """Return ``url`` when it is an absolute http/https/mailto URL, else ""."""
    return str(url).strip() if link_scheme_allowed(url) else ""


def safe_rich_html(html: str) -> str:
    """Return rendered rich text with every link to another scheme (javascript:…) dropped.

    For rendering and the API: whatever wrote the stored HTML, no such link leaves us.
    """
    from silkwire.core.sanitize import ATTRIBUTES, RICH_TAGS, URL_SCHEMES

    return nh3.clean(
        str(html),
        tags=RICH_TAGS,
        attributes={**ATTRIBUTES, "a": ATTRIBUTES["a"] | {"rel"}},  # the stored rel is kept
        generic_attribute_prefixes={"data-"},
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )


class LinkURLBlock(blocks.URLBlock):
    """A URL field that takes http, https and mailto addresses only."""

    def clean(self, value):
        value = super().clean(value)
        if value and not link_scheme_allowed(value):
            raise ValidationError("Only http, https and mailto links are allowed.")
        return value

    def deconstruct(self):
        # Same stored data as URLBlock: keep migrations unchanged.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.URLBlock", args, kwargs


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text whose template gets ``safe_html``: the rendered HTML, links checked."""

    def deconstruct(self):
        # Same stored data as RichTextBlock: keep migrations unchanged.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.RichTextBlock", args, kwargs

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        from wagtail.rich_text import expand_db_html

        context["safe_html"] = mark_safe(safe_rich_html(expand_db_html(value.source)))  # noqa: S308 - nh3 output
        return context


class EmbedBlock(blocks.StructBlock):
    """An external post or video, shown as a link card: no third-party script reaches readers."""

    url = LinkURLBlock()
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["safe_url"] = safe_link_url(value["url"])  # never a javascript: href
        return context


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "doc-full"
        label = "Fact box"
        template = "news/blocks/factbox.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        from wagtail.rich_text import expand_db_html

        context["safe_body"] = mark_safe(  # noqa: S308 - nh3 output
            safe_rich_html(expand_db_html(value["body"].source))
        )
        return context


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = SafeRichTextBlock(features=INLINE_FEATURES, template="news/blocks/paragraph.html")
    heading = HeadingBlock()
    list = ListBlock()
    quote = QuoteBlock(label="Pull quote")
    turn = InterviewTurnBlock()
    image = ImageBlock()
    embed = EmbedBlock()
    factbox = FactBoxBlock()
    rich_text = SafeRichTextBlock(
        features=RICH_FEATURES, label="Rich text", template="news/blocks/rich_text.html"
    )


def interviewer_labels() -> set[str]:
    """The labels marked up as questions: the outlet's own (comma-separated setting) and Q/Вопрос."""
    own = {label.strip().casefold() for label in settings.SILKWIRE_INTERVIEWER_LABEL.split(",")}
    return (own - {""}) | {"q", "question", "вопрос"}


def is_interviewer(speaker: str) -> bool:
    return speaker.strip().rstrip(":").casefold() in interviewer_labels()


def _paragraph_html(block: dict) -> str:
    if "html" in block:
        from silkwire.core.sanitize import sanitize_inline

        return f"<p>{sanitize_inline(block['html'])}</p>"
    return f"<p>{escape(block['text'], quote=False)}</p>"


def to_stream_data(items: Iterable[dict]) -> list[dict]:
    """Return StreamField raw data for contract block dicts (see docs/content-model.md)."""
    data = []
    for block in items:
        kind = block["type"]
        if kind == "paragraph":
            value: object = _paragraph_html(block)
        elif kind == "heading":
            value = {"text": block["text"], "level": str(block.get("level", 2))}
        elif kind == "list":
            value = {"ordered": bool(block.get("ordered", False)), "items": list(block["items"])}
        elif kind == "turn":
            value = {"speaker": block["speaker"], "paragraphs": list(block["paragraphs"])}
        elif kind == "quote":
            value = {"text": block["text"], "attribution": block.get("attribution", "")}
        elif kind == "image":
            value = {
                "image": block["image"],
                "caption": block.get("caption", ""),
                "credit": block.get("credit", ""),
            }
        elif kind == "embed":
            value = {"url": block["url"], "caption": block.get("caption", "")}
        elif kind == "factbox":
            from silkwire.core.sanitize import sanitize_rich

            value = {"title": block["title"], "body": sanitize_rich(block["html"])}
        elif kind == "rich_text":
            from silkwire.core.sanitize import sanitize_rich

            value = sanitize_rich(block["html"])
        else:
            raise ValueError(f"Unknown block type {kind!r}: see docs/content-model.md")
        data.append({"type": kind, "value": value, "id": str(uuid.uuid4())})
    return data


def from_stream_value(body) -> list[dict]:
    """Return the contract dicts for a StreamField value (the API's block shape)."""
    out: list[dict] = []
    for child in body:
        kind = child.block_type
        value = child.value
        if kind == "paragraph":
            out.append({"type": "paragraph", "html": value.source})
        elif kind == "heading":
            out.append({"type": "heading", "text": value["text"], "level": int(value["level"])})
        elif kind == "list":
            out.append({"type": "list", "ordered": value["ordered"], "items": list(value["items"])})
        elif kind == "turn":
            out.append(
                {
                    "type": "turn",
                    "speaker": value["speaker"],
                    "paragraphs": list(value["paragraphs"]),
                }
            )
        elif kind == "quote":
            out.append(
                {"type": "quote", "text": value["text"], "attribution": value["attribution"]}
            )
        elif kind == "image":
            image = value["image"]
            out.append(
                {
                    "type": "image",
                    "image": image.pk if image else None,
                    "caption": value["caption"],
                    "credit": value["credit"],
                }
            )
        elif kind == "embed":
            out.append({"type": "embed", "url": value["url"], "caption": value["caption"]})
        elif kind == "factbox":
            out.append({"type": "factbox", "title": value["title"], "html": value["body"].source})
        elif kind == "rich_text":
            out.append({"type": "rich_text", "html": value.source})
    return out


_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def link_errors(body) -> list[str]:
    """Return a message for each link in an article body with a scheme we do not allow."""
    errors = []
    for index, child in enumerate(body, start=1):
        kind, value = child.block_type, child.value
        if kind == "embed" and not link_scheme_allowed(value["url"]):
            errors.append(
                f"Block {index} (embed): the URL {str(value['url'])[:80]!r} is not http, https or mailto."
            )
        sources = []
        if kind in ("paragraph", "rich_text"):
            sources = [value.source]
        elif kind == "factbox":
            sources = [value["body"].source]
        for source in sources:
            for match in _HREF.finditer(source):
                href = unescape(next(g for g in match.groups() if g is not None))
                if not link_scheme_allowed(href, relative=True):
                    errors.append(
                        f"Block {index} ({kind}): the link {href[:80]!r} is not http, https or mailto."
                    )
    return errors


@cache
def _body_fields(model) -> tuple[str, ...]:
    from wagtail.fields import StreamField

    return tuple(
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, StreamField) and isinstance(f.stream_block, ArticleBodyBlock)
    )


def _refuse_bad_links(sender, instance, raw=False, **kwargs) -> None:
    """Refuse to save an article body with a javascript: (or other) link, whoever saves it."""
    if raw:  # loaddata: fixtures are ours
        return
    for name in _body_fields(type(instance)):
        errors = link_errors(getattr(instance, name))
        if errors:
            raise ValidationError({name: errors})


pre_save.connect(
    _refuse_bad_links, dispatch_uid="silkwire.news.blocks.refuse_bad_links", weak=False
)
