"""Units → articles: headlines, kickers, subheadings and blocks (docs/ingest.md, "Plain text",
rule 7)."""

from __future__ import annotations

import re
from typing import Any

from silkwire.ingest.text.lines import _ends_sentence, _Report, _Unit

_BYLINE = re.compile(r"^(?:by|автор|авторы|текст)\b", re.IGNORECASE)

# Words too common to show that a headline and the paragraph after it share a subject.
_STOPWORDS = frozenset(
    "that this with from what will have been were their there they about after over into than "
    "more most said says also which while when where would could should other some such only "
    "year years first last month week новый после также будет было были этот этой который "
    "которые более года году".split()
)


def _title_like(unit: _Unit) -> bool:
    text = unit.text
    return (
        unit.kind == "text"
        and not unit.speaker
        and not unit.non_speaker
        and _BYLINE.match(text) is None
        and unit.lines == 1
        and len(text) <= 200
        and len(text.split()) <= 30
        and not _ends_sentence(text)
        and any(ch.isalpha() for ch in text)
        and not text[0].islower()
    )


def _words(text: str) -> int:
    return len(text.split())


def _is_kicker(text: str) -> bool:
    """A section label such as "ECONOMY" or "Central Asia" printed above a headline."""
    return _words(text) <= 3 or text.isupper()


def _stems(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]{4,}", text.casefold())
    return {w[:5] for w in words if w not in _STOPWORDS}


def _unit_text(unit: _Unit) -> str:
    return unit.rest if unit.speaker else unit.text


def _headline_score(unit: _Unit, following: _Unit | None) -> int:
    """Score how much a title-like line looks like a headline (>0) rather than a subheading."""
    words = _words(unit.text)
    score = 2 if words >= 9 else (-3 if words <= 5 else 0)
    if len(unit.text) >= 60:
        score += 1
    if following is None or following.kind == "item" or following.speaker:
        score -= 1  # a headline is followed by its lede paragraph
    else:
        shared = len(_stems(unit.text) & _stems(_unit_text(following)))
        score += 1 if shared >= 2 else (-1 if shared == 0 else 0)
    return score


class _Assembler:
    """Turn the sequence of units into articles: headlines, subheadings and blocks (docs/import-notes.md D.5 rules 5–7)."""

    def __init__(self, report: _Report) -> None:
        self.report = report
        self.articles: list[dict[str, Any]] = []
        self.title_lines: list[int] = []

    @property
    def current(self) -> dict[str, Any] | None:
        return self.articles[-1] if self.articles else None

    def start(
        self, title: str | None, line: int, blocks: list[dict[str, Any]] | None = None
    ) -> None:
        self.articles.append({"title": title, "blocks": blocks or []})
        self.title_lines.append(line)

    def add(self, unit: _Unit, following: _Unit | None, *, first: bool) -> None:
        if _title_like(unit):
            self.add_title_like(unit, following)
        elif first and _question_headline(unit, following):
            self.start(unit.text, unit.line)
            self.report.warn(
                unit.line, "question-headline", f"Took the question {unit.text!r} as the headline."
            )
        else:
            self.add_block(unit, following)

    def add_title_like(self, unit: _Unit, following: _Unit | None) -> None:
        current = self.current
        if current is None:
            self.start(unit.text, unit.line)
            return
        blocks = current["blocks"]
        title = current["title"] or ""
        if following is None and blocks:
            # A title-like last line (a credit, a sign-off) heads nothing.
            blocks.append({"type": "paragraph", "text": unit.text})
        elif not blocks and _is_kicker(title) and _words(unit.text) > _words(title):
            # "KAZAKHSTAN" over the real headline: the first line was a kicker.
            blocks.append({"type": "heading", "text": title})
            self.report.warn(
                self.title_lines[-1],
                "kicker",
                f"{title!r} looks like a kicker above the headline {unit.text!r}; "
                "kept it as the first subheading.",
            )
            current["title"] = unit.text
            self.title_lines[-1] = unit.line
        elif unit.text.isupper() or not blocks:
            blocks.append({"type": "heading", "text": unit.text})
        elif self.is_headline(unit, following):
            kicker = []
            if blocks[-1]["type"] == "heading" and _is_kicker(blocks[-1]["text"]):
                # A heading right before a headline heads nothing: it is that one's kicker.
                kicker = [blocks.pop()]
                self.report.warn(
                    unit.line,
                    "kicker",
                    f"{kicker[0]['text']!r} right before the headline {unit.text!r} moved to "
                    "that article as its first subheading (a kicker).",
                )
            self.start(unit.text, unit.line, kicker)
        else:
            blocks.append({"type": "heading", "text": unit.text})

    def is_headline(self, unit: _Unit, following: _Unit | None) -> bool:
        score = _headline_score(unit, following)
        if -1 < score < 3:
            self.report.warn(
                unit.line,
                "headline-or-heading",
                f"{unit.text!r}: unsure whether this is a new article's headline or a "
                f"subheading; treated it as a {'headline' if score >= 1 else 'subheading'}.",
            )
        return score >= 1

    def add_block(self, unit: _Unit, following: _Unit | None) -> None:
        if self.current is None:
            self.start(None, unit.line)
            self.report.warn(
                unit.line,
                "no-headline",
                "The text does not start with a headline; the article has no title.",
            )
        blocks = self.current["blocks"]  # type: ignore[index]
        last = blocks[-1] if blocks else None
        if unit.kind == "item":
            if last and last["type"] == "list" and bool(last.get("ordered")) == unit.ordered:
                last["items"].append(unit.text)
            else:
                blocks.append({"type": "list", "items": [unit.text]})
                if unit.ordered:
                    blocks[-1]["ordered"] = True
        elif unit.speaker:
            blocks.append({"type": "turn", "speaker": unit.label, "paragraphs": []})
            if unit.rest:
                blocks[-1]["paragraphs"].append(unit.rest)
            elif following is None or _title_like(following) or following.kind != "text":
                self.report.warn(unit.line, "empty-turn", f"{unit.label}: has no words after it.")
        elif last and last["type"] == "turn" and unit.label is None and not unit.non_speaker:
            last["paragraphs"].append(unit.text)  # no label: the current speaker goes on
        else:
            blocks.append({"type": "paragraph", "text": unit.text})

    def finish(self) -> list[dict[str, Any]]:
        for article, line in zip(self.articles, self.title_lines, strict=True):
            if not article["blocks"]:
                self.report.warn(
                    line,
                    "empty-article",
                    f"The headline {article['title']!r} has no text under it.",
                )
        return self.articles


def _question_headline(unit: _Unit, following: _Unit | None) -> bool:
    """A short question as the text's very first line, over a longer paragraph."""
    return (
        unit.kind == "text"
        and unit.label is None
        and unit.lines == 1
        and unit.text.endswith("?")
        and _words(unit.text) <= 15
        and following is not None
        and len(_unit_text(following)) > len(unit.text)
    )
