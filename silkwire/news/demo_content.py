"""Read the demo content of ``silkwire demo`` from the JSON files in ``demo_data/``.

Everything in those files is invented for demonstration: the events, the people and the
quotes. ``demo_data/README.md`` describes the format for editors. A malformed file is reported
as a :class:`DemoDataError` naming the file and the field, and only that file is skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from silkwire.news.models import ArticleKind

DATA_DIR = Path(__file__).with_name("demo_data")
ARTICLE_FILE = re.compile(r"^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.json$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DemoDataError(ValueError):
    """A demo data file that cannot be used, with the file and the field that is wrong."""

    def __init__(self, path: Path, field: str, message: str):
        self.path, self.field, self.message = path, field, message
        where = f"{path}: {field}" if field else str(path)
        super().__init__(f"{where}: {message}")


@dataclass
class DemoData:
    """The authors and articles that are usable, and an error for each file or entry that is not."""

    authors: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    errors: list[DemoDataError] = field(default_factory=list)


class _Invalid(Exception):
    """Raised inside a file's checks; carries the field path and what is wrong with it."""

    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where, self.message = where, message


# --- field checks: each takes (value, where) and returns the value or raises _Invalid


def text(value, where):
    if not isinstance(value, str):
        raise _Invalid(where, f"expected text, got {_describe(value)}")
    return value


def nonempty_text(value, where):
    if not text(value, where).strip():
        raise _Invalid(where, "must not be empty")
    return value


def slug(value, where):
    if not SLUG.match(text(value, where)):
        raise _Invalid(where, f"{value!r} is not a slug (lowercase letters, digits and hyphens)")
    return value


def boolean(value, where):
    if not isinstance(value, bool):
        raise _Invalid(where, f"expected true or false, got {_describe(value)}")
    return value


def number(low: int, high: int | None = None):
    def check(value, where):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid(where, f"expected a whole number, got {_describe(value)}")
        if value < low or (high is not None and value > high):
            upper = f" and {high}" if high is not None else " or more"
            raise _Invalid(where, f"{value} is out of range: use {low}{upper}")
        return value

    return check


def one_of(*choices: str):
    def check(value, where):
        if text(value, where) not in choices:
            raise _Invalid(where, f"{value!r} is not one of {', '.join(choices)}")
        return value

    return check


def list_of(item, *, nonempty: bool = False):
    def check(value, where):
        if not isinstance(value, list):
            raise _Invalid(where, f"expected a list, got {_describe(value)}")
        if nonempty and not value:
            raise _Invalid(where, "must not be empty")
        return [item(v, f"{where}[{i}]") for i, v in enumerate(value)]

    return check


def record(required: dict, optional: dict | None = None):
    """Check an object: every required field present, no unknown field (typos show up)."""
    optional = optional or {}

    def check(value, where):
        if not isinstance(value, dict):
            raise _Invalid(where, f"expected an object, got {_describe(value)}")
        prefix = f"{where}." if where else ""
        for name in value:
            if name not in required and name not in optional:
                known = ", ".join([*required, *optional])
                raise _Invalid(f"{prefix}{name}", f"unknown field (known fields: {known})")
        out = {}
        for name, rule in required.items():
            if name not in value:
                raise _Invalid(f"{prefix}{name}", "missing")
            out[name] = rule(value[name], f"{prefix}{name}")
        for name, (rule, default) in optional.items():
            out[name] = rule(value[name], f"{prefix}{name}") if name in value else default
        return out

    return check


def nullable(rule):
    def check(value, where):
        return None if value is None else rule(value, where)

    return check


# Block shapes follow docs/content-model.md (the contract ``create_article`` accepts).
BLOCKS = {
    "paragraph": record({}, {"text": (text, None), "html": (text, None)}),
    "heading": record({"text": nonempty_text}, {"level": (number(2, 4), 2)}),
    "list": record({"items": list_of(nonempty_text, nonempty=True)}, {"ordered": (boolean, False)}),
    "turn": record({"speaker": nonempty_text, "paragraphs": list_of(text, nonempty=True)}),
    "quote": record({"text": nonempty_text}, {"attribution": (text, "")}),
    "embed": record({"url": nonempty_text}, {"caption": (text, "")}),
    "factbox": record({"title": text, "html": nonempty_text}),
    "rich_text": record({"html": nonempty_text}),
}


def block(value, where):
    if not isinstance(value, dict):
        raise _Invalid(where, f"expected an object, got {_describe(value)}")
    kind = one_of(*BLOCKS)(value.get("type"), f"{where}.type")
    fields = {k: v for k, v in value.items() if k != "type"}
    checked = BLOCKS[kind](fields, where)
    if kind == "paragraph":
        if (checked["text"] is None) == (checked["html"] is None):
            raise _Invalid(where, "a paragraph needs exactly one of text or html")
    # Pass on only what the file says, so optional fields keep create_article's defaults.
    return {"type": kind, **{k: checked[k] for k in fields}}


AUTHOR = record({"name": nonempty_text, "slug": slug, "role": text, "bio": text})

ARTICLE = record(
    {
        "title": nonempty_text,
        "country": slug,
        "kind": one_of(*ArticleKind.values),
        "authors": list_of(slug, nonempty=True),
        "standfirst": text,
        "days_ago": number(0),
        "hour": number(0, 23),
        "blocks": list_of(block, nonempty=True),
    },
    {
        "other_countries": (list_of(slug), []),
        "topics": (list_of(slug), []),
        "tags": (list_of(nonempty_text), []),
        "byline": (text, ""),
        "dateline": (text, ""),
        "image": (nullable(record({"caption": text, "credit": text})), None),
        "corrections": (
            list_of(
                record(
                    {
                        "kind": one_of("correction", "update"),
                        "text": nonempty_text,
                        "hours_after": number(0),
                    }
                )
            ),
            [],
        ),
    },
)


def load(data_dir: Path = DATA_DIR) -> DemoData:
    """Return the demo authors and articles of ``data_dir``; malformed ones become errors."""
    data = DemoData()
    authors_path = data_dir / "authors.json"
    try:
        entries = _read(authors_path)
        if not isinstance(entries, list):
            raise _Invalid("", f"expected a list of authors, got {_describe(entries)}")
    except _Invalid as exc:
        data.errors.append(DemoDataError(authors_path, exc.where, exc.message))
        entries = []
    for i, entry in enumerate(entries):
        try:
            author = AUTHOR(entry, f"[{i}]")
            if any(a["slug"] == author["slug"] for a in data.authors):
                raise _Invalid(f"[{i}].slug", f"{author['slug']!r} is used by another author")
        except _Invalid as exc:
            data.errors.append(DemoDataError(authors_path, exc.where, exc.message))
            continue
        data.authors.append(author)

    known_authors = {a["slug"] for a in data.authors}
    seen: dict[tuple[str, str], str] = {}
    for path in _article_files(data_dir / "articles", data.errors):
        try:
            article = _article(path, known_authors)
            key = (article["country"], article["slug"])
            if key in seen:
                raise _Invalid("", f"slug {key[1]!r} is used by {seen[key]} in the same country")
        except _Invalid as exc:
            data.errors.append(DemoDataError(path, exc.where, exc.message))
            continue
        seen[key] = path.name
        data.articles.append(article)
    return data


def _article_files(folder: Path, errors: list[DemoDataError]) -> list[Path]:
    """Return the article files in the order of their number (the first leads the home page)."""
    if not folder.is_dir():
        errors.append(DemoDataError(folder, "", "folder not found"))
        return []
    files = []
    for path in folder.glob("*.json"):
        if ARTICLE_FILE.match(path.name):
            files.append(path)
        else:
            message = "file name must be NN-slug.json, e.g. 07-osh-bazaar-at-dawn.json"
            errors.append(DemoDataError(path, "", message))
    return sorted(files, key=lambda p: (int(ARTICLE_FILE.match(p.name)[1]), p.name))


def _article(path: Path, known_authors: set[str]) -> dict:
    article = ARTICLE(_read(path), "")
    for i, author in enumerate(article["authors"]):
        if author not in known_authors:
            raise _Invalid(f"authors[{i}]", f"no author {author!r} in authors.json")
    return {"slug": ARTICLE_FILE.match(path.name)[2], "source": path, **article}


def _read(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise _Invalid(f"line {exc.lineno} column {exc.colno}", f"invalid JSON: {exc.msg}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _Invalid("", f"cannot read the file: {exc}") from exc


def _describe(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return {dict: "an object", list: "a list", str: "text"}.get(type(value), type(value).__name__)
