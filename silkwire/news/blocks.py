"""Article body blocks: the one contract shared by the editor, importers, templates and API.

The plain-dict shapes accepted by :func:`to_stream_data` are documented in
``docs/content-model.md``; importers produce them, the API emits them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from html import escape

from django.conf import settings
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


class EmbedBlock(blocks.StructBlock):
    """An external post or video, shown as a link card: no third-party script reaches readers."""

    url = blocks.URLBlock()
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "doc-full"
        label = "Fact box"
        template = "news/blocks/factbox.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=INLINE_FEATURES, template="news/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    list = ListBlock()
    quote = QuoteBlock(label="Pull quote")
    turn = InterviewTurnBlock()
    image = ImageBlock()
    embed = EmbedBlock()
    factbox = FactBoxBlock()
    rich_text = blocks.RichTextBlock(
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
