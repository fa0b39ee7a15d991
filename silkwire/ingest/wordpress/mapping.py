"""Where a WordPress post goes in Silkwire: slugs, and categories → countries, topics or tags."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from django.utils.text import slugify

from silkwire.ingest.wordpress.parse import WXRError
from silkwire.news.models import CountryPage, Topic

# --- Slugs ---------------------------------------------------------------------------------------
_TRANSLIT = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "ә": "a",
        "ғ": "gh",
        "қ": "q",
        "ң": "ng",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        "і": "i",
        "ў": "o",
        "ҳ": "h",
        "ҷ": "j",
        "ӣ": "i",
        "ӯ": "u",
    }
)


def make_slug(text: str, limit: int = 80) -> str:
    """Return an ASCII slug, transliterating Cyrillic (ru, kk, ky, uz, tg) first."""
    text = unquote(text or "").lower().translate(_TRANSLIT)
    return slugify(text)[:limit].strip("-")


# --- Category mapping ------------------------------------------------------------------------------
COUNTRY_ALIASES = {
    "kazakhstan": {"kazakhstan", "казахстан", "қазақстан", "qazaqstan", "kz"},
    "kyrgyzstan": {
        "kyrgyzstan",
        "кыргызстан",
        "киргизия",
        "қырғызстан",
        "qirg'iziston",
        "kg",
        "kyrgyz republic",
    },
    "tajikistan": {"tajikistan", "таджикистан", "тоҷикистон", "tojikiston", "tj"},
    "turkmenistan": {"turkmenistan", "туркменистан", "туркмения", "türkmenistan", "tm"},
    "uzbekistan": {"uzbekistan", "узбекистан", "ўзбекистон", "o'zbekiston", "ozbekiston", "uz"},
    "central-asia": {
        "central asia",
        "центральная азия",
        "орталық азия",
        "central-asia",
        "middle asia",
        "средняя азия",
    },
}
TOPIC_ALIASES = {
    "politics": {"политика", "саясат", "siyosat"},
    "economy": {"экономика", "business", "бизнес", "экономика и бизнес", "iqtisodiyot"},
    "society": {"общество", "қоғам", "jamiyat"},
    "environment": {"экология", "environment", "climate", "климат"},
    "security": {"безопасность", "қауіпсіздік", "xavfsizlik"},
    "culture": {"культура", "мәдениет", "madaniyat"},
}


class CategoryMapError(WXRError):
    """The --category-map file is unreadable or names an unknown country/topic."""


def _norm(value: str) -> str:
    return " ".join(html.unescape(value or "").casefold().split())


@dataclass
class CategoryTarget:
    kind: str  # country | topic | tag | skip
    country: CountryPage | None = None
    topic: Topic | None = None
    tag: str = ""


class CategoryMapper:
    """Map WordPress categories to countries, topics or tags.

    Default: a category whose name or slug matches a country (title, slug, code or a
    Russian/local name) or a topic (name, slug or a Russian/local name) maps to it;
    anything else becomes a tag. A ``--category-map`` JSON file overrides per category:
    ``{"<slug or name>": "country:KZ" | "topic:economy" | "tag" | "tag:Name" | "skip"}``.
    """

    def __init__(self, explicit: dict[str, str] | None = None, source: str = "category map"):
        self.countries = {c.slug: c for c in CountryPage.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self._country_names: dict[str, CountryPage] = {}
        for country in self.countries.values():
            names = {country.slug, _norm(country.title), (country.code or "").casefold()}
            names |= COUNTRY_ALIASES.get(country.slug, set())
            for name in names - {""}:
                self._country_names[_norm(name)] = country
        self._topic_names: dict[str, Topic] = {}
        for topic in self.topics.values():
            for name in {topic.slug, _norm(topic.name)} | TOPIC_ALIASES.get(topic.slug, set()):
                self._topic_names[_norm(name)] = topic
        self.explicit: dict[str, CategoryTarget] = {}
        for key, value in (explicit or {}).items():
            self.explicit[_norm(key)] = self._parse_target(key, value, source)
        self._cache: dict[tuple[str, str], CategoryTarget] = {}

    def _parse_target(self, key: str, value: str, source: str) -> CategoryTarget:
        kind, _, arg = str(value).partition(":")
        kind = kind.strip().lower()
        arg = arg.strip()
        if kind == "country":
            country = self.countries.get(arg.lower()) or next(
                (c for c in self.countries.values() if c.code and c.code.upper() == arg.upper()),
                None,
            )
            if country is None:
                valid = ", ".join(sorted(self.countries))
                raise CategoryMapError(
                    f"{source}: category {key!r} → country {arg!r} is unknown; use one of {valid} "
                    "or an ISO code such as KZ."
                )
            return CategoryTarget("country", country=country)
        if kind == "topic":
            topic = self.topics.get(arg.lower()) or self._topic_names.get(_norm(arg))
            if topic is None:
                raise CategoryMapError(
                    f"{source}: category {key!r} → topic {arg!r} is unknown; use one of "
                    f"{', '.join(sorted(self.topics))} (or create the topic first)."
                )
            return CategoryTarget("topic", topic=topic)
        if kind == "tag":
            return CategoryTarget("tag", tag=arg)
        if kind == "skip":
            return CategoryTarget("skip")
        raise CategoryMapError(
            f"{source}: category {key!r} → {value!r}: write country:CODE, topic:SLUG, tag, "
            "tag:NAME or skip."
        )

    @classmethod
    def from_file(cls, path: str | Path) -> CategoryMapper:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CategoryMapError(f"{path}: no such category map file.") from None
        except json.JSONDecodeError as exc:
            raise CategoryMapError(
                f"{path}: line {exc.lineno}, column {exc.colno}: {exc.msg}. The file is a JSON "
                'object such as {"economy": "topic:economy", "almaty": "country:KZ"}.'
            ) from None
        if not isinstance(data, dict):
            raise CategoryMapError(f"{path}: expected a JSON object of category → target.")
        return cls(data, str(path))

    def resolve(self, slug: str, name: str) -> CategoryTarget:
        key = (slug, name)
        if key in self._cache:
            return self._cache[key]
        target = self.explicit.get(_norm(slug)) or self.explicit.get(_norm(name))
        if target is None:
            country = self._country_names.get(_norm(name)) or self._country_names.get(_norm(slug))
            topic = self._topic_names.get(_norm(name)) or self._topic_names.get(_norm(slug))
            if country is not None:
                target = CategoryTarget("country", country=country)
            elif topic is not None:
                target = CategoryTarget("topic", topic=topic)
            else:
                target = CategoryTarget("tag", tag=html.unescape(name or slug))
        elif target.kind == "tag" and not target.tag:
            target = CategoryTarget("tag", tag=html.unescape(name or slug))
        self._cache[key] = target
        return target


def detect_countries_function() -> Callable[[str], list] | None:
    try:
        from silkwire.core.gazetteer import detect_countries
    except ImportError:
        return None
    return detect_countries
