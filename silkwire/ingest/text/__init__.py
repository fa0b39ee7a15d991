"""Plain text → structured articles: the pure structurer behind ``silkwire ingest text``.

``structure_plain_text(text)`` turns a page dump or a pasted article into::

    {"date": "YYYY-MM-DD" | None,
     "rates": [{"pair", "value", "change_pct"}],
     "articles": [{"title": str | None, "blocks": [...]}],
     "warnings": [{"line", "code", "message"}]}   # only when there is something to say

Blocks are ``paragraph`` (text), ``heading`` (text), ``list`` (items, plus ``"ordered": True``
for numbered lists only) and ``turn`` (speaker, paragraphs). Keys that would carry a default
value (no warnings, an unordered list) are left out, so the output of a clean page equals the
golden ``*.expected.json`` files exactly. The rules and their limits are in docs/ingest.md
("Plain text").

The package: :mod:`.lines` (clean-up, ticker and date lines, list items), :mod:`.speakers`
(interview turns), :mod:`.assembler` (headlines, subheadings, blocks); this module splits the
text into units and runs the three.
"""

from __future__ import annotations

from collections import Counter

from silkwire.ingest.text.assembler import _Assembler
from silkwire.ingest.text.lines import (
    _WS,
    _collect_lines,
    _ends_sentence,
    _indent,
    _list_item,
    _Report,
    _Unit,
    normalize_text,
)
from silkwire.ingest.text.speakers import (
    DEFAULT_INTERVIEWER_LABELS,
    NON_SPEAKER_LABELS,
    QA_LABELS,
    _could_be_speaker,
    _is_non_speaker,
    _label_key,
    _match_label,
    _resolve_speakers,
)

__all__ = [
    "DEFAULT_INTERVIEWER_LABELS",
    "NON_SPEAKER_LABELS",
    "QA_LABELS",
    "normalize_text",
    "structure_plain_text",
]


def _split_block(block: list[tuple[int, str]], speakerish: set[str]) -> list[_Unit]:
    """Split one blank-line-separated block into units (docs/import-notes.md D.5 rules 2–4)."""
    width = max(len(raw.strip(_WS)) for _, raw in block)
    hard_wrapped = len(block) >= 2 and width <= 90
    units: list[_Unit] = []
    for position, (line, raw) in enumerate(block):
        stripped = raw.strip(_WS)
        item = _list_item(raw, line)
        if item is not None:
            units.append(item)
            continue
        label = _match_label(stripped)
        starts_turn = label is not None and (
            _label_key(label.group("label")) in speakerish or _is_non_speaker(label.group("label"))
        )
        if not units or starts_turn:
            units.append(_Unit("text", stripped, line))
            continue
        prev = units[-1]
        prev_line = block[position - 1][1].strip(_WS)
        if prev.kind == "item":
            if _indent(raw) > prev.indent or not _ends_sentence(prev_line):
                prev.text += " " + stripped  # a continuation line of the list item
                prev.lines += 1
            else:
                units.append(_Unit("text", stripped, line))
            continue
        if _ends_sentence(prev_line):
            if hard_wrapped and len(prev_line) >= 0.75 * width:
                prev.text += " " + stripped
                prev.lines += 1
                prev.joined_at_sentence_end = True
            else:
                units.append(_Unit("text", stripped, line))
        elif prev.lines == 1 and len(prev_line) < 0.6 * len(stripped):
            units.append(_Unit("text", stripped, line))  # a title line over its paragraph
        else:
            prev.text += " " + stripped
            prev.lines += 1
    return units


def structure_plain_text(
    text: str, *, interviewer_labels: tuple[str, ...] | list[str] = DEFAULT_INTERVIEWER_LABELS
) -> dict[str, object]:
    """Return the date, ticker rates and articles (with blocks) found in plain text."""
    report = _Report()
    found_date, rates, blocks = _collect_lines(normalize_text(text).split("\n"), report)
    interviewers = {_label_key(label) for label in interviewer_labels if label}

    # Count labels over the whole text first: a line break before a known speaker's label
    # starts a new turn even without a blank line.
    label_counts: Counter[str] = Counter()
    for block in blocks:
        for _, raw in block:
            m = _match_label(raw.strip(_WS))
            if m and not _is_non_speaker(m.group("label")) and _could_be_speaker(m.group("label")):
                label_counts[_label_key(m.group("label"))] += 1
    speakerish = {k for k, n in label_counts.items() if n >= 2} | QA_LABELS | interviewers

    units: list[_Unit] = []
    for block in blocks:
        units.extend(_split_block(block, speakerish))
    for unit in units:
        if unit.kind != "text":
            continue
        m = _match_label(unit.text)
        if m and _is_non_speaker(m.group("label")):
            unit.non_speaker = True
        elif m and _could_be_speaker(m.group("label")):
            unit.label = m.group("label").rstrip(".") if m.group("dash") else m.group("label")
            unit.rest = m.group("rest") or ""
        if unit.joined_at_sentence_end:
            report.warn(
                unit.line,
                "joined-lines",
                f"Lines {unit.line}–{unit.line + unit.lines - 1} have single line breaks after "
                "full sentences; joined them into one paragraph as wrapped text.",
            )
    _resolve_speakers(units, interviewers, report)

    assembler = _Assembler(report)
    for i, unit in enumerate(units):
        assembler.add(unit, units[i + 1] if i + 1 < len(units) else None, first=i == 0)
    articles = assembler.finish()

    result: dict[str, object] = {
        "date": found_date.isoformat() if found_date else None,
        "rates": rates,
        "articles": articles,
    }
    if report.warnings:
        result["warnings"] = report.warnings
    return result
