"""What every rate provider shares: the Quote, payload errors and the parsing helpers.

A provider is split in two (STYLE.md "separate what from how"): a pure
``parse(payload: bytes) -> list[Quote]`` that only reads bytes, and the fetch plan
(URLs per date) that ``silkwire.rates.fetching`` executes through ``silkwire.core.http``.
Numbers go from the raw text to :class:`~decimal.Decimal`; nothing here uses binary
floating point.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any, ClassVar
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree as SafeElementTree

from silkwire.rates.currencies import QUOTED

# Division precision: far beyond the 10 significant digits docs/rates.md ("Semantics") asks observations to keep.
PRECISION = 28

KIND_OFFICIAL = "official"  # the bank's own currency against USD
KIND_CROSS = "cross"  # another currency, crossed through the bank's own currency
KIND_PEG = "peg"  # a configured official rate (the TMT peg), not a parsed publication


class PayloadError(ValueError):
    """The payload cannot be trusted; nothing from it may be stored."""


class ShapeError(PayloadError):
    """The payload is not the document the source serves (HTML challenge, maintenance page…)."""


class WrongDate(PayloadError):
    """The payload is dated differently from the date that was requested."""


@dataclass(frozen=True)
class Quote:
    """One currency's rate against USD as a source states it for ``rate_date``."""

    source: str
    currency: str
    rate_date: date
    units_per_usd: Decimal
    kind: str = KIND_OFFICIAL
    raw: str = ""  # the source's own figures, e.g. "USD 87,4500 KGS per 1"
    significant_digits: int = 0  # precision of the raw figures it was computed from

    @property
    def usd_value(self) -> Decimal:
        """Return the US-dollar value of one unit (``XXX/USD``)."""
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return Decimal(1) / self.units_per_usd


@dataclass(frozen=True)
class Request:
    """One HTTP request of a fetch plan; ``variant`` tells the parser which document it is."""

    url: str
    requested_date: date | None = None
    variant: str = ""
    headers: tuple[tuple[str, str], ...] = ()


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
# Longer figures are no rate: "0.000…1" with a million zeros would overflow the division.
MAX_NUMBER_CHARS = 40
_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.:-]+)[\"']", re.IGNORECASE)


def to_decimal(text: str | None, what: str = "value") -> Decimal:
    """Turn a source's number (dot or comma decimals) into a positive Decimal, or raise ShapeError."""
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not _NUMBER.match(cleaned):
        raise ShapeError(f"{what}: {(text or '')[:60]!r} is not a positive decimal number")
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise ShapeError(
            f"{what}: {cleaned[:20]}… has {len(cleaned)} characters; a rate has at most "
            f"{MAX_NUMBER_CHARS}"
        )
    try:
        number = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        raise ShapeError(f"{what}: {text!r} is not a decimal number") from None
    if number <= 0:
        raise ShapeError(f"{what}: {text!r} must be greater than zero")
    return number


def significant_digits(text: str) -> int:
    """Count the significant digits of a raw figure: ``0,0073`` has 2, ``87,4500`` has 6."""
    digits = re.sub(r"\D", "", text or "").lstrip("0")
    return len(digits)


def divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return numerator / denominator


def parse_day(text: str | None, what: str = "date") -> date:
    """Parse ``DD.MM.YYYY``, ``DD.MM.YY`` or ``YYYY-MM-DD``."""
    value = (text or "").strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ShapeError(f"{what}: {text!r} is not a date (expected DD.MM.YYYY or YYYY-MM-DD)")


def decode_payload(payload: bytes) -> str:
    """Decode bytes whatever the prolog claims: UTF-8 first, then the declared encoding.

    NBT has been seen declaring windows-1251 while serving UTF-8 (docs/rate-sources.md §3) and a
    UTF-8 prolog over windows-1251 bytes is the mirror mistake; real cp1251 Cyrillic is
    practically never valid UTF-8, so trying strict UTF-8 first is safe. A bad byte is
    replaced rather than taking the source offline (frankfurter commit 464cfd0).
    """
    if payload.startswith(b"\xef\xbb\xbf"):
        payload = payload[3:]
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _DECLARED.match(payload)
    declared = match.group(1).decode("ascii").lower() if match else "utf-8"
    if declared.replace("_", "-") in {"utf-8", "utf8"}:
        declared = "cp1251"  # the only other encoding these sources use
    try:
        return payload.decode(declared, errors="replace")
    except LookupError:
        raise ShapeError(f"unknown encoding {declared!r} declared in the XML prolog") from None
    except ValueError as exc:  # idna, punycode: codecs that refuse errors="replace"
        raise ShapeError(
            f"the body cannot be read as {declared!r}, the encoding its XML prolog declares: {exc}"
        ) from None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<head" in head or "<body" in head


def load_xml(payload: bytes, expected_roots: Iterable[str]) -> Element:
    """Parse an XML payload safely and check its root element, or raise ShapeError."""
    expected = tuple(expected_roots)
    if not payload.strip():
        raise ShapeError("empty body where an XML document was expected")
    text = decode_payload(payload)
    if looks_like_html(text):
        raise ShapeError(
            "an HTML page was served instead of XML (maintenance or anti-DDoS challenge page)"
        )
    try:
        root = SafeElementTree.fromstring(_PROLOG.sub("", text, count=1))
    except ParseError as exc:
        raise ShapeError(f"not well-formed XML: {exc}") from None
    except Exception as exc:  # defusedxml refuses entities, DTDs and external references
        raise ShapeError(f"refused XML: {exc.__class__.__name__}: {exc}") from None
    if root.tag not in expected:
        raise ShapeError(f"root element <{root.tag}>, expected <{'> or <'.join(expected)}>")
    return root


def load_json(payload: bytes) -> Any:
    if not payload.strip():
        raise ShapeError("empty body where a JSON document was expected")
    text = decode_payload(payload)
    if looks_like_html(text):
        raise ShapeError(
            "an HTML page was served instead of JSON (maintenance or anti-DDoS challenge page)"
        )
    try:
        # parse_float keeps any JSON number exact; CBU sends strings anyway.
        return json.loads(text, parse_float=Decimal)
    except ValueError as exc:
        raise ShapeError(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise ShapeError("not valid JSON: arrays or objects nested too deeply") from None


def child_text(element: Element, tag: str, what: str) -> str:
    found = element.find(tag)
    if found is None or found.text is None:
        raise ShapeError(f"{what}: missing <{tag}>")
    return found.text.strip()


@dataclass(frozen=True)
class Row:
    """One row of a bank's table: ``value`` home-currency units per ``nominal`` units of ``code``."""

    code: str
    value_text: str
    nominal_text: str = "1"

    def per_unit(self) -> Decimal:
        value = to_decimal(self.value_text, f"{self.code} value")
        nominal = to_decimal(self.nominal_text, f"{self.code} nominal")
        return divide(value, nominal)


def quotes_from_table(
    source: str, home: str, rate_date: date, rows: Iterable[Row], *, usd_row: Row | None = None
) -> list[Quote]:
    """Turn a home-currency table into USD quotes: the home currency, then crosses via USD.

    ``home`` per USD = the USD row's value / its nominal; a cross X per USD = home per USD /
    home per one X. Always divide by the nominal, never hard-code it (docs/rate-sources.md §9).
    """
    table = {row.code: row for row in rows}
    usd = usd_row or table.get("USD")
    if usd is None:
        raise ShapeError(f"{source}: no USD row in the table for {rate_date:%d.%m.%Y}")
    home_per_usd = usd.per_unit()
    usd_digits = significant_digits(usd.value_text)
    quotes = [
        Quote(
            source,
            home,
            rate_date,
            home_per_usd,
            KIND_OFFICIAL,
            f"USD {usd.value_text} {home} per {usd.nominal_text}",
            usd_digits,
        )
    ]
    for code in sorted(QUOTED - {home}):
        row = table.get(code)
        if row is None:
            continue
        home_per_unit = row.per_unit()
        quotes.append(
            Quote(
                source,
                code,
                rate_date,
                divide(home_per_usd, home_per_unit),
                KIND_CROSS,
                f"{code} {row.value_text} {home} per {row.nominal_text}; "
                f"USD {usd.value_text} {home} per {usd.nominal_text}",
                significant_digits(row.value_text),
            )
        )
    return quotes


def parse_valcurs(payload: bytes, source: str, home: str, what: str) -> list[Quote]:
    """Parse the CBR-style ``<ValCurs Date><Valute><CharCode><Nominal><Value>`` table (CBR, NBT)."""
    root = load_xml(payload, ("ValCurs",))
    if root.find("Record") is not None:
        raise ShapeError(
            f"{what} XML_dynamic holds one currency over time, not a daily table: "
            "use parse_dynamic()"
        )
    valutes = root.findall("Valute")
    if not valutes:
        return []
    rate_date = parse_day(root.get("Date"), f"{what} @Date")
    rows = []
    for valute in valutes:
        code = child_text(valute, "CharCode", f"{what} <Valute>")  # not the ID (NBT's RUB is 810)
        rows.append(
            Row(code, child_text(valute, "Value", code), child_text(valute, "Nominal", code))
        )
    return quotes_from_table(source, home, rate_date, rows)


def check_date(quotes: list[Quote], requested: date | None) -> list[Quote]:
    """Raise WrongDate when the payload is dated differently from the requested date."""
    if requested is None:
        return quotes
    for quote in quotes:
        if quote.rate_date != requested:
            raise WrongDate(
                f"payload dated {quote.rate_date.isoformat()}, requested {requested.isoformat()}"
            )
    return quotes


def days(since: date, until: date) -> Iterator[date]:
    day = since
    while day <= until:
        yield day
        day += timedelta(days=1)


class Provider:
    """A source of official rates: its identity, its fetch plan and its pure parser."""

    code: ClassVar[str]
    name: ClassVar[str]
    short_name: ClassVar[str]
    home_currency: ClassVar[str]
    timezone: ClassVar[str]
    homepage: ClassVar[str]
    offers_history: ClassVar[bool] = True

    def latest_requests(self, today: date) -> list[Request]:
        """Return the requests that fetch the latest publication (``today`` in the bank's zone)."""
        return self.requests_for(today)

    def requests_for(self, day: date) -> list[Request]:
        """Return the requests that fetch the publication effective on ``day``."""
        raise NotImplementedError

    def history_requests(self, since: date, until: date) -> Iterator[Request]:
        """Yield the requests that fetch every publication between two dates (for backfill)."""
        for day in days(since, until):
            yield from self.requests_for(day)

    def parse(self, payload: bytes) -> list[Quote]:
        raise NotImplementedError

    def parse_request(self, payload: bytes, request: Request, earlier: list[Quote]) -> list[Quote]:
        """Parse the answer to ``request``; ``earlier`` holds the quotes parsed before it in the run."""
        return check_date(self.parse(payload), request.requested_date)
