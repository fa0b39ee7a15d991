"""Turn what a reader typed into a search query that any spelling of a name satisfies.

Pure functions: no database. ``expand()`` takes the variant groups (lists of equivalent
spellings, see :class:`silkwire.search.models.NameVariant`) as an argument.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Longer input is cut, never refused: a pasted paragraph still gives a normal page.
MAX_QUERY_CHARS = 200
MAX_TERMS = 10
# A stem shorter than this would turn unrelated words into variants ("Tajik" → "Tadjik" is
# five letters; "Kaz" would rewrite half the dictionary).
MIN_STEM = 5
MAX_ALTERNATIVES = 12

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Return ``text`` case- and accent-folded, as SQLite FTS5 and PostgreSQL index it."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Return the words of ``text``; punctuation and symbols separate words and are dropped."""
    return [w for w in _WORD.findall(text) if w.strip("_")]


@dataclass(frozen=True)
class Term:
    """One position of the query: the word typed and the spellings that may stand for it."""

    typed: str
    alternatives: tuple[str, ...]  # each a space-separated word sequence, typed spelling first


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    terms: tuple[Term, ...] = ()
    truncated: bool = False
    expansions: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def text(self) -> str:
        """The query as it was understood, for display."""
        return " ".join(t.typed for t in self.terms)

    def highlight_words(self) -> list[str]:
        """Every word that counts as a hit, longest first."""
        found = {w for t in self.terms for alt in t.alternatives for w in words(alt)}
        return sorted(found, key=lambda w: (-len(w), w))

    def to_search_query(self):
        """Return the Wagtail search query: every term must match, in any of its spellings."""
        from wagtail.search.query import And, Or, Phrase, PlainText

        parts = []
        for term in self.terms:
            options = [
                Phrase(alt) if " " in alt else PlainText(alt, operator="and")
                for alt in term.alternatives
            ]
            parts.append(options[0] if len(options) == 1 else Or(options))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(parts)


def _spelling_words(groups: Iterable[Sequence[str]]) -> list[tuple[tuple[str, ...], list[str]]]:
    """Return (folded words of a spelling, its group's spellings) pairs, longest spelling first."""
    table = []
    for group in groups:
        clean = [" ".join(words(s)) for s in group if words(s)]
        for spelling in clean:
            table.append((tuple(fold(w) for w in spelling.split()), clean))
    table.sort(key=lambda item: -len(item[0]))
    return table


def expand(raw: str, groups: Iterable[Sequence[str]] = ()) -> ParsedQuery:
    """Parse ``raw`` into terms, each carrying the spellings from ``groups`` that match it.

    A multi-word spelling ("Alma Ata") matches consecutive words; a single-word spelling
    of at least ``MIN_STEM`` letters also matches as a stem, so "Tadjikistan" finds
    "Tajikistan" when "Tajik" and "Tadjik" are variants.
    """
    raw = raw or ""
    truncated = len(raw) > MAX_QUERY_CHARS
    tokens = words(raw[:MAX_QUERY_CHARS])
    if len(tokens) > MAX_TERMS:
        tokens, truncated = tokens[:MAX_TERMS], True
    folded = [fold(t) for t in tokens]
    table = _spelling_words(groups)
    terms: list[Term] = []
    expansions: dict[str, tuple[str, ...]] = {}
    i = 0
    while i < len(tokens):
        width, alternatives = 1, [tokens[i]]
        for spelling, group in table:
            if tuple(folded[i : i + len(spelling)]) == spelling:
                width = len(spelling)
                alternatives = [" ".join(tokens[i : i + width]), *group]
                break
        else:
            for spelling, group in table:
                stem = spelling[0]
                if len(spelling) == 1 and len(stem) >= MIN_STEM and folded[i].startswith(stem):
                    suffix = tokens[i][len(stem) :]
                    alternatives += [alt + suffix for alt in group if " " not in alt]
        # Duplicates differ only in case; accents stay, as PostgreSQL's index keeps them.
        alternatives = _unique(alternatives)
        alternatives = alternatives[:MAX_ALTERNATIVES]
        typed = " ".join(tokens[i : i + width])
        if len(alternatives) > 1:
            expansions[typed] = tuple(alternatives[1:])
        terms.append(Term(typed=typed, alternatives=tuple(alternatives)))
        i += width
    return ParsedQuery(raw=raw, terms=tuple(terms), truncated=truncated, expansions=expansions)


def highlight(text: str, query: ParsedQuery, width: int = 240) -> SafeString:
    """Return an escaped excerpt of ``text`` around the first hit, hits wrapped in ``<mark>``."""
    text = " ".join((text or "").split())
    hit_words = query.highlight_words()
    if not text:
        return mark_safe("")
    if not hit_words:
        return escape(_shorten(text, 0, width))
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in hit_words) + r")\w*", re.IGNORECASE
    )
    first = pattern.search(text)
    start = 0
    if first is not None and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 3) + 1
    excerpt = _shorten(text, start, width)
    out, last = [], 0
    for match in pattern.finditer(excerpt):
        out.append(escape(excerpt[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(excerpt[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escape()d above


def _unique(texts: list[str]) -> list[str]:
    """Drop texts that differ from an earlier one only in case, keeping the order."""
    seen: set[str] = set()
    kept = []
    for text in texts:
        if text.casefold() not in seen:
            seen.add(text.casefold())
            kept.append(text)
    return kept


def _shorten(text: str, start: int, width: int) -> str:
    end = start + width
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    excerpt = text[start:end].strip()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return f"{prefix}{excerpt}{suffix}"
