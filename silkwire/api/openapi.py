"""The OpenAPI 3.1 document of ``/api/v1/``: the contract schemathesis checks in CI."""

from __future__ import annotations

from copy import deepcopy

from django.conf import settings

from silkwire.news.models import ArticleKind

API_CURRENCIES = ["KGS", "KZT", "TJS", "UZS", "TMT", "RUB"]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(properties: dict, required: list[str] | None = None) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


STR = {"type": "string"}
NSTR = {"type": ["string", "null"]}
INT = {"type": "integer"}
NINT = {"type": ["integer", "null"]}
BOOL = {"type": "boolean"}
URL = {"type": "string", "format": "uri"}
NDATETIME = {"type": ["string", "null"], "format": "date-time"}
SLUG = {"type": "string", "pattern": "^[-A-Za-z0-9_]{1,100}$"}


def _block(kind: str, properties: dict) -> dict:
    return _obj({"type": {"const": kind}, **properties})


BLOCKS = {
    "ParagraphBlock": _block("paragraph", {"html": STR}),
    "HeadingBlock": _block("heading", {"text": STR, "level": {"enum": [2, 3]}}),
    "ListBlock": _block("list", {"ordered": BOOL, "items": {"type": "array", "items": STR}}),
    "TurnBlock": _block(
        "turn",
        {"speaker": STR, "paragraphs": {"type": "array", "items": STR}, "question": BOOL},
    ),
    "QuoteBlock": _block("quote", {"text": STR, "attribution": STR}),
    "ImageBlock": _block(
        "image",
        {
            "image": NINT,
            "caption": STR,
            "credit": STR,
            "url": {"type": ["string", "null"], "format": "uri"},
            "width": NINT,
            "height": NINT,
            "alt": STR,
        },
    ),
    "EmbedBlock": _block("embed", {"url": STR, "caption": STR}),
    "FactboxBlock": _block("factbox", {"title": STR, "html": STR}),
    "RichTextBlock": _block("rich_text", {"html": STR}),
}

COUNTRY_REF = _obj({"slug": STR, "code": NSTR, "title": STR})
SCHEMAS = {
    "Error": _obj({"error": STR}),
    "CountryRef": COUNTRY_REF,
    "Image": _obj(
        {
            "url": URL,
            "width": INT,
            "height": INT,
            "alt": STR,
            "caption": STR,
            "credit": STR,
        }
    ),
    "ArticleSummary": _obj(
        {
            "id": INT,
            "url": URL,
            "api_url": URL,
            "title": STR,
            "standfirst": STR,
            "kind": {"enum": list(ArticleKind.values)},
            "published_at": NDATETIME,
            "updated_at": NDATETIME,
            "country": {"oneOf": [_ref("CountryRef"), {"type": "null"}]},
            "other_countries": {"type": "array", "items": _ref("CountryRef")},
            "topics": {"type": "array", "items": _obj({"slug": STR, "name": STR})},
            "tags": {"type": "array", "items": STR},
            "authors": {"type": "array", "items": _obj({"slug": STR, "name": STR, "url": URL})},
            "byline": STR,
            "lead_image": {"oneOf": [_ref("Image"), {"type": "null"}]},
        }
    ),
    "Block": {
        "oneOf": [_ref(name) for name in BLOCKS],
        "discriminator": {
            "propertyName": "type",
            "mapping": {
                block["properties"]["type"]["const"]: f"#/components/schemas/{name}"
                for name, block in BLOCKS.items()
            },
        },
    },
    **BLOCKS,
    "Country": _obj(
        {
            "slug": STR,
            "code": NSTR,
            "title": STR,
            "is_region": BOOL,
            "url": URL,
            "articles_url": URL,
        }
    ),
    "Topic": _obj({"slug": STR, "name": STR, "description": STR, "url": URL, "articles_url": URL}),
    "Author": _obj(
        {"slug": STR, "name": STR, "role": STR, "bio": STR, "url": URL, "articles_url": URL}
    ),
    "RateRow": {
        "type": "object",
        "required": ["pair", "currency", "value", "units_per_usd", "rate_date", "source", "kind"],
        "properties": {
            "pair": STR,
            "currency": STR,
            "value": {"type": "string", "description": "Decimal as a string."},
            "units_per_usd": {"type": "string", "description": "Decimal as a string."},
            "change_pct": NSTR,
            "rate_date": {"type": "string", "format": "date"},
            "source": STR,
            "kind": STR,
            "stale": BOOL,
            "fallback": BOOL,
            "override_reason": NSTR,
            "flagged": BOOL,
        },
    },
}
SCHEMAS["Article"] = {
    "allOf": [
        _ref("ArticleSummary"),
        _obj(
            {
                "dateline": STR,
                "body": {"type": "array", "items": _ref("Block")},
                "corrections": {
                    "type": "array",
                    "items": _obj(
                        {
                            "kind": {"enum": ["correction", "update"]},
                            "created_at": {"type": "string", "format": "date-time"},
                            "text": STR,
                        }
                    ),
                },
                "source": {
                    "oneOf": [
                        _obj({"name": STR, "url": {"type": ["string", "null"]}}),
                        {"type": "null"},
                    ]
                },
            }
        ),
    ]
}


def _page_of(item: str) -> dict:
    return _obj(
        {
            "count": INT,
            "page": INT,
            "page_size": INT,
            "num_pages": INT,
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": _ref(item)},
        }
    )


EMPTY = {"type": "string", "maxLength": 0}


def _query(name: str, schema: dict, description: str) -> dict:
    """An optional query parameter; an empty value means the same as leaving it out."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": {"anyOf": [schema, EMPTY]},
        "description": description,
    }


PAGING = [
    _query(
        "page", {"type": "integer", "minimum": 1, "maximum": 1000000000}, "Page number, from 1."
    ),
    _query(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
        "Items per page (at most 100).",
    ),
]
ARTICLE_FILTERS = [
    _query(
        "country",
        SLUG,
        "Country slug or ISO code (`kazakhstan`, `KZ`); also matches articles tagged with the country.",
    ),
    _query("topic", SLUG, "Topic slug."),
    _query("kind", {"enum": list(ArticleKind.values)}, "Kind of article."),
    _query("author", SLUG, "Author slug."),
    _query(
        "since",
        {"type": "string", "format": "date-time"},
        "First published at or after this time (RFC 3339; a plain `YYYY-MM-DD` means the start of that day, Asia/Almaty).",
    ),
    _query(
        "until",
        {"type": "string", "format": "date-time"},
        "First published before this time (a plain date includes the whole day).",
    ),
    _query("q", {"type": "string", "maxLength": 200}, "Full-text search; name variants apply."),
    _query(
        "sort",
        {"enum": ["date", "relevance"], "default": "date"},
        "Order of results when `q` is given.",
    ),
]


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "400": _json(_ref("Error"), "A parameter is malformed; the message says how to fix it."),
}
NOT_FOUND = {"404": _json(_ref("Error"), "No such resource.")}
NOT_MODIFIED = {"304": {"description": "Not modified (the `If-None-Match` ETag still matches)."}}


HEADERS = {
    "ETag": {
        "required": True,
        "description": "Strong validator: a hash of the body; send it in `If-None-Match`.",
        "schema": {"type": "string"},
    },
    "Access-Control-Allow-Origin": {
        "required": True,
        "description": "`*`: any web page may read the API.",
        "schema": {"const": "*"},
    },
}
CONTENT_HEADERS = {
    **HEADERS,
    "Last-Modified": {
        "required": False,
        "description": "When anything readers see last changed (absent on an empty site).",
        "schema": {"type": "string"},
    },
}


def _get(summary: str, response: dict, parameters=(), extra=None, op_id="") -> dict:
    headers = HEADERS if op_id.endswith(("Rates", "rateHistory")) else CONTENT_HEADERS
    return {
        "get": {
            "operationId": op_id,
            "summary": summary,
            "parameters": list(parameters),
            "responses": {
                "200": {**response, "headers": headers},
                **NOT_MODIFIED,
                **(extra or {}),
            },
        }
    }


PATHS = {
    "/api/v1/articles": _get(
        "Published articles, newest first (or by relevance with `q` and `sort=relevance`).",
        _json(_page_of("ArticleSummary")),
        [*ARTICLE_FILTERS, *PAGING],
        ERRORS,
        "listArticles",
    ),
    "/api/v1/articles/{id}": _get(
        "One published article with its body as typed blocks.",
        _json(_ref("Article")),
        [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
            }
        ],
        {**ERRORS, **NOT_FOUND},
        "getArticle",
    ),
    "/api/v1/countries": _get(
        "Countries and the region.",
        _json(_obj({"results": {"type": "array", "items": _ref("Country")}})),
        op_id="listCountries",
    ),
    "/api/v1/topics": _get(
        "Topics.",
        _json(_obj({"results": {"type": "array", "items": _ref("Topic")}})),
        op_id="listTopics",
    ),
    "/api/v1/authors": _get(
        "Authors, by name.", _json(_page_of("Author")), PAGING, ERRORS, "listAuthors"
    ),
    "/api/v1/rates/latest": _get(
        "The latest official rate of each followed currency (see docs/api.md, Rates).",
        _json(
            _obj(
                {
                    "as_of": {"type": "string", "format": "date"},
                    "rates": {"type": "array", "items": _ref("RateRow")},
                }
            )
        ),
        [_query("date", {"type": "string", "format": "date"}, "As of this day (default today).")],
        ERRORS,
        "latestRates",
    ),
    "/api/v1/rates/{code}": _get(
        "The official series of one currency between two dates.",
        _json(
            {
                "type": "object",
                "required": ["currency", "pair", "from", "to", "observations"],
                "properties": {
                    "currency": STR,
                    "pair": STR,
                    "primary_source": STR,
                    "from": {"type": "string", "format": "date"},
                    "to": {"type": "string", "format": "date"},
                    "observations": {"type": "array", "items": {"type": "object"}},
                    "latest": {"oneOf": [_ref("RateRow"), {"type": "null"}]},
                },
            }
        ),
        [
            {"name": "code", "in": "path", "required": True, "schema": {"enum": API_CURRENCIES}},
            _query(
                "from", {"type": "string", "format": "date"}, "First day (default `to` − 30 days)."
            ),
            _query("to", {"type": "string", "format": "date"}, "Last day (default today)."),
        ],
        {**ERRORS, **NOT_FOUND},
        "rateHistory",
    ),
}


def document() -> dict:
    """Return the OpenAPI document (a fresh copy: callers may not mutate the shared one)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.SILKWIRE_PUBLICATION_NAME} API",
            "version": "1.0.0",
            "description": (
                "Read-only JSON. Every response carries an `ETag` (send `If-None-Match` to get "
                "`304 Not Modified`), `Cache-Control` and CORS headers for any origin. "
                "Shapes are stable within v1: fields may be added, never removed or retyped."
            ),
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
        },
        "servers": [{"url": settings.SILKWIRE_BASE_URL}],
        "paths": deepcopy(PATHS),
        "components": {"schemas": deepcopy(SCHEMAS)},
    }
