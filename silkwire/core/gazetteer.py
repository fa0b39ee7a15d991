"""Country tagging: which of our countries (and neighbours) a text is about.

One compiled regular expression over the names, capitals, major cities, demonyms and heads of
state in ``gazetteer_data`` (English, Russian and common transliterations), whole words only,
Unicode- and case-ending-aware. The wire, the text and HTML importers and the article editor's
suggestions all call :func:`detect_countries`; editors confirm what it suggests.

Evaluate it on a labelled set::

    python -m silkwire.core.gazetteer --evaluate tests/fixtures/gazetteer/labelled.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from silkwire.core.gazetteer_data import GAZETTEER, WEIGHTS

__all__ = [
    "SLUGS",
    "THRESHOLD",
    "CountryMatch",
    "detect_countries",
    "evaluate",
    "page_text",
    "suggest_countries_for_page",
]

# The order of CountryPage slugs: the five countries, the region, then the neighbours.
SLUGS: tuple[str, ...] = tuple(GAZETTEER)
# One capital or country name (1.0), one city or demonym (0.75), or two weak clues (0.5 each).
THRESHOLD = 0.75

_SPACE_OR_HYPHEN = r"[\s\u00a0\-\u2010\u2011\u2013]+"
_APOSTROPHE = r"['’ʻʼ‘`]?"
_HTML_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class CountryMatch:
    """A country found in a text: its slug, how strongly, and the words that said so."""

    slug: str
    score: float
    terms: tuple[str, ...]


def _term_pattern(term: str) -> str:
    """Translate one term of the data module's small syntax into a regular expression."""
    if term.startswith("re:"):
        return term[3:]
    case_sensitive = term.startswith("!")
    term = term.removeprefix("!")
    stem = term.endswith("*")
    term = term.removesuffix("*")
    parts = []
    for ch in term:
        if ch in " -":
            parts.append(_SPACE_OR_HYPHEN)
        elif ch in "'’ʻʼ‘`":
            parts.append(_APOSTROPHE)
        elif ch == ".":
            parts.append(r"\.?")
        else:
            parts.append(re.escape(ch))
    pattern = "".join(parts)
    if stem:
        pattern += r"\w*"
    elif term[-1].isascii() and term[-1].isalpha():
        pattern += "s?"  # Kazakhs, Uzbeks, Afghans
    return f"(?-i:{pattern})" if case_sensitive else pattern


_LEADING_ASSERTION = re.compile(r"^(?:\(\?<[!=][^)]*\)|\(\?-i:|\(\?:)+")
_WORD_START = re.compile(r"(?<!\w)\w")


def _first_letters(pattern: str) -> set[str]:
    """Return the (case-folded) letters a term's pattern can start with."""
    body = _LEADING_ASSERTION.sub("", pattern)
    letters = {body[0].casefold()}
    depth = 0
    for i, ch in enumerate(body):  # first letters of the other branches of the leading group
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0 and i + 1 < len(body):
            letters.add(body[i + 1].casefold())
    if not all(letter.isalnum() for letter in letters):
        raise ValueError(f"gazetteer term {pattern!r}: start it with a letter or digit.")
    return letters


@cache
def _compiled() -> tuple[dict[str, re.Pattern[str]], tuple[tuple[str, float], ...]]:
    """Build one regex per first letter, longest terms first, and what each group stands for.

    Dispatching on the first letter of each word keeps detection cheap: one big alternation
    of ~670 terms tried at every word was about 100 times slower.
    """
    entries = [
        (_term_pattern(term), slug, WEIGHTS[kind])
        for slug, groups in GAZETTEER.items()
        for kind, terms in groups
        for term in terms
    ]
    # Longer alternatives first, so "Kyrgyz Republic" wins over "Kyrgyz" at the same spot.
    entries.sort(key=lambda e: -len(e[0]))
    by_letter: dict[str, list[str]] = {}
    for i, (pattern, _, _) in enumerate(entries):
        for letter in _first_letters(pattern):
            by_letter.setdefault(letter, []).append(f"(?P<g{i}>{pattern})")
    regexes = {
        letter: re.compile(rf"(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)
        for letter, alternatives in by_letter.items()
    }
    return regexes, tuple((slug, weight) for _, slug, weight in entries)


def detect_countries(text: str, *, threshold: float = THRESHOLD) -> list[CountryMatch]:
    """Return the countries a text names, strongest first; equally strong: first named first."""
    regexes, meaning = _compiled()
    text = unicodedata.normalize("NFC", text)
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    terms: dict[str, dict[str, str]] = {}
    end = 0
    for start in _WORD_START.finditer(text):
        position = start.start()
        regex = regexes.get(start.group().casefold())
        if position < end or regex is None:
            continue
        match = regex.match(text, position)
        if match is None:
            continue
        end = match.end()
        slug, weight = meaning[int((match.lastgroup or "g0")[1:])]
        scores[slug] = scores.get(slug, 0.0) + weight
        first_seen.setdefault(slug, position)
        terms.setdefault(slug, {}).setdefault(match.group().casefold(), match.group())
    found = [
        CountryMatch(slug, round(score, 2), tuple(terms[slug].values()))
        for slug, score in scores.items()
        if score >= threshold
    ]
    found.sort(key=lambda m: (-m.score, first_seen[m.slug]))
    return found


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"type", "id", "image", "level", "ordered"}:
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def page_text(page: object) -> str:
    """Return the words of an article page: headline, standfirst and every text in its body."""
    pieces = [str(getattr(page, "title", "") or ""), str(getattr(page, "standfirst", "") or "")]
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", body)
    if raw is not None:
        pieces.extend(_strings(list(raw)))
    return _HTML_TAG.sub(" ", "\n".join(p for p in pieces if p))


def suggest_countries_for_page(page: object) -> list[str]:
    """Return the slugs of the countries an article's text names, strongest first."""
    return [m.slug for m in detect_countries(page_text(page))]


# --- evaluation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(frozen=True)
class Evaluation:
    per_country: dict[str, Counts]
    micro: Counts
    errors: list[dict[str, object]]


def evaluate(items: Iterable[dict[str, object]]) -> Evaluation:
    """Score detection against items ``{"text", "countries"}`` (or headline + lede)."""
    tp = dict.fromkeys(SLUGS, 0)
    fp = dict.fromkeys(SLUGS, 0)
    fn = dict.fromkeys(SLUGS, 0)
    errors = []
    for item in items:
        text = str(item.get("text") or f"{item.get('headline', '')}\n{item.get('lede', '')}")
        truth = set(item["countries"])  # type: ignore[call-overload]
        unknown = truth - set(SLUGS)
        if unknown:
            raise ValueError(f"{sorted(unknown)} in {text[:40]!r}: use slugs from {SLUGS}.")
        found = {m.slug for m in detect_countries(text)}
        for slug in found & truth:
            tp[slug] += 1
        for slug in found - truth:
            fp[slug] += 1
        for slug in truth - found:
            fn[slug] += 1
        if found != truth:
            errors.append(
                {"text": text, "missed": sorted(truth - found), "wrong": sorted(found - truth)}
            )
    per_country = {s: Counts(tp[s], fp[s], fn[s]) for s in SLUGS}
    micro = Counts(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return Evaluation(per_country, micro, errors)


def load_labelled(path: Path) -> list[dict[str, object]]:
    """Read a JSON-lines file of labelled items, naming the line of any broken one."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise SystemExit(
                f"{path}:{number}: not JSON ({exc.msg}); one object per line."
            ) from None
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m silkwire.core.gazetteer",
        description="Detect countries in text, or measure precision/recall on a labelled set.",
    )
    parser.add_argument("--evaluate", type=Path, metavar="JSONL", help="labelled items to score")
    parser.add_argument(
        "--split", help='score only items with this "split" value (e.g. dev, heldout)'
    )
    parser.add_argument("text", nargs="*", help="text to tag (default: standard input)")
    args = parser.parse_args(argv)
    if args.evaluate is None:
        text = " ".join(args.text) if args.text else sys.stdin.read()
        for m in detect_countries(text):
            print(f"{m.slug}\t{m.score}\t{', '.join(m.terms)}")
        return 0
    items = load_labelled(args.evaluate)
    if args.split:
        items = [item for item in items if item.get("split") == args.split]
    result = evaluate(items)
    print(
        f"{len(items)} items from {args.evaluate}"
        + (f" (split {args.split})" if args.split else "")
    )
    print(f"{'country':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    for slug, c in result.per_country.items():
        if c.tp + c.fp + c.fn:
            print(f"{slug:<14}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>11.3f}{c.recall:>8.3f}")
    m = result.micro
    print(f"{'micro':<14}{m.tp:>5}{m.fp:>5}{m.fn:>5}{m.precision:>11.3f}{m.recall:>8.3f}")
    for error in result.errors:
        print(f"- missed {error['missed']} wrong {error['wrong']}: {str(error['text'])[:90]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
