"""Line-level rules of the plain-text structurer: clean the text, take ticker and date lines out,
recognise list items and sentence ends (docs/ingest.md, "Plain text", rules 1–3 and 5)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NO_BREAK_SPACE = re.compile(r"[\u00a0\u2007\u202f]")
_WS = " \t\u00a0\u2007\u202f"

_TERMINAL = ".!?…:;,"
_CLOSERS = "\"'”’»)]"
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[•·▪●◦‣∙○■►▸\-–*][ \t]+(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?:\d{1,3}|[a-zа-яё])[.)][ \t]+(?P<text>\S.*)$")

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
    ("100\u00a0km", "1\u00a0000"), where it keeps the number and its unit together (docs/import-notes.md D.5 rule 1).
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
