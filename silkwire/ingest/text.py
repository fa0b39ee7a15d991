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
("Plain text"); the design comes from IMPORT_NOTES.md section D.5.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "DEFAULT_INTERVIEWER_LABELS",
    "NON_SPEAKER_LABELS",
    "QA_LABELS",
    "normalize_text",
    "structure_plain_text",
]

# The outlet's own labels in interviews; the command adds SILKWIRE_INTERVIEWER_LABEL.
DEFAULT_INTERVIEWER_LABELS: tuple[str, ...] = ("Silkwire", "SW")

# Question/answer prefixes (IMPORT_NOTES D.5 rule 4): en, ru, kk, ky, uz (Latin and Cyrillic), tg.
QA_LABELS: frozenset[str] = frozenset(
    "q a в о вопрос ответ сұрақ жауап суроо жооп savol javob савол жавоб ҷавоб".split()
)

# Labels that introduce captions, credits and notes, never speech (D.5 rule 4, "guard against
# false positives"). Compared with the label's first word(s), case-insensitively.
NON_SPEAKER_LABELS: frozenset[str] = frozenset(
    [
        # English
        *"photo photos photograph image images picture video audio source sources credit".split(),
        *"credits caption note notes update updated correction related tags tag keywords".split(),
        *"author authors by translation translated reporting writing editing contact email".split(),
        *"e-mail tel phone website web address date time location where when disclaimer".split(),
        *"background reference map chart graphic graphics illustration infographic cover".split(),
        *"share follow attention warning ps p.s read see also more listen watch".split(),
        "editor's note",
        "editor’s note",
        # Russian
        *"фото фотография фотографии видео аудио источник источники справка примечание".split(),
        *"прим обновлено обновление исправление автор авторы теги тег перевод".split(),
        *"иллюстрация инфографика карта коллаж кадр скриншот подпись редакция читайте".split(),
        *"смотрите см подробнее адрес телефон дата место внимание".split(),
        # Kazakh, Kyrgyz, Uzbek, Tajik: photo / source
        *"сурет дереккөз булак манба manba surat foto сурат акс манбаъ".split(),
    ]
)

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NO_BREAK_SPACE = re.compile(r"[\u00a0\u2007\u202f]")
_WS = " \t\u00a0\u2007\u202f"

_TERMINAL = ".!?…:;,"
_CLOSERS = "\"'”’»)]"
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[•·▪●◦‣∙○■►▸\-–*][ \t]+(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?:\d{1,3}|[a-zа-яё])[.)][ \t]+(?P<text>\S.*)$")
_LABEL = re.compile(
    r"^(?P<label>[^\W\d_][\w.’'\-]*(?: [\w.’'\-]+){0,3}?)"
    r"(?:\s*:|(?P<dash>\s+[—–-]))(?:\s+(?P<rest>\S.*)|\s*)$"
)
_BYLINE = re.compile(r"^(?:by|автор|авторы|текст)\b", re.IGNORECASE)
_RATE = re.compile(
    r"(?P<pair>[A-Z]{3}\s*/\s*[A-Z]{3})\s*=\s*(?P<value>\d+(?:[.,]\d+)?)"
    r"(?:\s+(?P<change>[+\-−]?\d+(?:[.,]\d+)?)\s*%)?"
)
_RATE_SEPARATORS = re.compile(r"[\s•·▪●◦|,;*\-–—]*")

_EN_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_RU_MONTHS = {
    name: number
    for number, name in enumerate(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
        start=1,
    )
}
_MONTHS = {**_EN_MONTHS, **_RU_MONTHS}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|понедельник|вторник"
    r"|среда|четверг|пятница|суббота|воскресенье)\.?,?\s+"
)
_TIME_RE = r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?"
_DATE_PATTERNS = [
    (
        re.compile(
            rf"^(?:{_WEEKDAY_RE})?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\.?,?\s+"
            rf"(?P<y>\d{{4}})(?:\s*(?:г\.?|года))?{_TIME_RE}$",
            re.IGNORECASE,
        ),
        "name",
    ),
    (
        re.compile(
            rf"^(?:{_WEEKDAY_RE})?(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            rf"(?P<y>\d{{4}}){_TIME_RE}$",
            re.IGNORECASE,
        ),
        "name",
    ),
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$"), "number"),
    (re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?:\s*г\.?)?$"), "number"),
]

# Words too common to show that a headline and the paragraph after it share a subject.
_STOPWORDS = frozenset(
    "that this with from what will have been were their there they about after over into than "
    "more most said says also which while when where would could should other some such only "
    "year years first last month week новый после также будет было были этот этой который "
    "которые более года году".split()
)


@dataclass
class _Unit:
    """One paragraph-sized piece of the input: a text, a list item or a labelled line."""

    kind: str  # "text" | "item"
    text: str
    line: int
    lines: int = 1
    ordered: bool = False
    indent: int = 0
    label: str | None = None  # "Label" of "Label: rest"
    rest: str = ""
    speaker: bool = False
    non_speaker: bool = False  # "Photo: …", "Source: …": a caption or credit line
    joined_at_sentence_end: bool = False


@dataclass
class _Report:
    warnings: list[dict[str, object]] = field(default_factory=list)

    def warn(self, line: int, code: str, message: str) -> None:
        self.warnings.append({"line": line, "code": code, "message": message})


def normalize_text(text: str) -> str:
    """Return text with \\n line ends, NFC, no zero-width or control characters.

    A no-break space becomes a plain space except between a digit and what follows it
    ("100\u00a0km", "1\u00a0000"), where it keeps the number and its unit together (D.5 rule 1).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _CONTROL.sub("", text)

    def space(match: re.Match[str]) -> str:
        i = match.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before.isdigit() and after and not after.isspace():
            return match.group()
        return " "

    return _NO_BREAK_SPACE.sub(space, text)


def _parse_rates(line: str) -> list[dict[str, str | None]] | None:
    """Return the ticker rates on a line made only of ticker items, else None."""
    found = list(_RATE.finditer(line))
    if not found:
        return None
    rest = _RATE.sub("", line)
    if _RATE_SEPARATORS.fullmatch(rest) is None:
        return None
    rates = []
    for m in found:
        change = m.group("change")
        if change is not None:
            change = change.replace("−", "-").replace(",", ".").lstrip("+")
        rates.append(
            {
                "pair": re.sub(r"\s+", "", m.group("pair")),
                "value": m.group("value").replace(",", "."),
                "change_pct": change,
            }
        )
    return rates


def _parse_date_line(line: str) -> date | None | bool:
    """Return the date a whole line states, False for a date-shaped line that is no real date."""
    for pattern, month_kind in _DATE_PATTERNS:
        m = pattern.match(line)
        if m is None:
            continue
        month_text = m.group("m").lower()
        month = _MONTHS[month_text] if month_kind == "name" else int(month_text)
        try:
            return date(int(m.group("y")), month, int(m.group("d")))
        except ValueError:
            return False
    return None


def _ends_sentence(text: str) -> bool:
    # Look through closing quotes: «…» ends a headline, “….” ends a sentence.
    stripped = text.rstrip(_CLOSERS + _WS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(_WS))


def _list_item(raw: str, line: int) -> _Unit | None:
    for pattern, ordered in ((_BULLET, False), (_NUMBERED, True)):
        m = pattern.match(raw)
        if m:
            return _Unit(
                "item", m.group("text").strip(_WS), line, ordered=ordered, indent=_indent(raw)
            )
    return None


def _match_label(text: str) -> re.Match[str] | None:
    m = _LABEL.match(text)
    if m is None or not m.group("label")[0].isupper():
        return None
    label = m.group("label").rstrip(".")
    if m.group("dash") and label.casefold() not in QA_LABELS:
        return None  # "Name — text" is too common in prose; only Q/A prefixes take a dash
    return m


def _is_non_speaker(label: str) -> bool:
    folded = label.casefold().rstrip(".")
    words = folded.split()
    return (
        folded in NON_SPEAKER_LABELS
        or words[0].rstrip(".") in NON_SPEAKER_LABELS
        or " ".join(words[:2]) in NON_SPEAKER_LABELS
    )


# Lower-case words that may sit inside a person's name ("Ilham Heydar oglu Aliyev").
_NAME_PARTICLES = frozenset(
    "de da del van von der al el bin ibn bint uly kyzy ogly oglu ugli qizi кызы улы оглы угли "
    "кизи ибн бин аль эль".split()
)


def _could_be_speaker(label: str) -> bool:
    """A Q/A prefix, or a name-like label: "Aigerim Sadykova", "SW" — not "She added"."""
    if _label_key(label) in QA_LABELS:
        return True
    return all(word[0].isupper() or word in _NAME_PARTICLES for word in label.split())


def _label_key(label: str) -> str:
    return label.rstrip(".").casefold()


def _split_block(block: list[tuple[int, str]], speakerish: set[str]) -> list[_Unit]:
    """Split one blank-line-separated block into units (D.5 rules 2–4)."""
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


def _collect_lines(
    lines: list[str], report: _Report
) -> tuple[date | None, list[dict[str, str | None]], list[list[tuple[int, str]]]]:
    """Take ticker and date lines out; return the date, the rates and the remaining blocks."""
    found_date: date | None = None
    rates: list[dict[str, str | None]] = []
    seen_rates: dict[str, dict[str, str | None]] = {}
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip(_WS)
        if not stripped:
            blocks.append([])
            continue
        line_rates = _parse_rates(stripped)
        if line_rates is not None:
            for rate in line_rates:
                previous = seen_rates.get(str(rate["pair"]))
                if previous is None:
                    seen_rates[str(rate["pair"])] = rate
                    rates.append(rate)
                elif previous != rate:
                    report.warn(
                        number,
                        "rate-conflict",
                        f"{rate['pair']} = {rate['value']} differs from the first "
                        f"{previous['pair']} = {previous['value']} on this page; kept the first.",
                    )
            blocks.append([])
            continue
        parsed = _parse_date_line(stripped)
        if parsed is False:
            report.warn(
                number, "bad-date", f"{stripped!r} looks like a date but is not a real day."
            )
        elif parsed is not None:
            if found_date is None:
                found_date = parsed
            elif parsed != found_date:
                report.warn(
                    number,
                    "second-date",
                    f"Another date line ({parsed.isoformat()}); the page date stays "
                    f"{found_date.isoformat()}.",
                )
            blocks.append([])
            continue
        blocks[-1].append((number, raw))
    return found_date, rates, [b for b in blocks if b]


def _resolve_speakers(units: list[_Unit], interviewer_labels: set[str], report: _Report) -> None:
    """Mark which "Label: text" units are interview turns (D.5 rule 4)."""
    candidates = [u for u in units if u.label is not None]
    counts = Counter(_label_key(u.label or "") for u in candidates)
    for u in candidates:
        key = _label_key(u.label or "")
        u.speaker = key in QA_LABELS or key in interviewer_labels or counts[key] >= 2
    # A name used once still speaks when it answers (or asks) a confirmed speaker.
    for i, u in enumerate(candidates):
        if u.speaker or not _ends_sentence(u.text):
            continue  # "Interview: A Title Without a Full Stop" is a headline, not a turn
        neighbours = candidates[max(i - 1, 0) : i] + candidates[i + 1 : i + 2]
        if any(
            n.speaker and _label_key(n.label or "") != _label_key(u.label or "") for n in neighbours
        ):
            u.speaker = True
    any_speaker = any(u.speaker for u in candidates)
    for u in candidates:
        if not u.speaker and any_speaker and _ends_sentence(u.text):
            report.warn(
                u.line,
                "label-not-speaker",
                f"{u.label + ':'!r} looks like a speaker label but is used once, away from the "
                "other speakers; kept as paragraph text.",
            )


class _Assembler:
    """Turn the sequence of units into articles: headlines, subheadings and blocks (rules 5–7)."""

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
