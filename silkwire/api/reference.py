"""The browsable API reference at /api/v1/docs, generated from the OpenAPI document."""

from __future__ import annotations

from silkwire.api.openapi import EMPTY, PATHS, SCHEMAS


def operations() -> list[dict]:
    """Return one entry per operation, for the browsable docs page."""
    found = []
    for path, methods in PATHS.items():
        for method, op in methods.items():
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op["summary"],
                    "parameters": [
                        {**p, "shape": _describe(p["schema"])} for p in op["parameters"]
                    ],
                    "responses": sorted(op["responses"].items()),
                }
            )
    return found


def _describe(schema: dict) -> str:
    if "const" in schema:
        return f"“{schema['const']}”"
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "oneOf" in schema:
        return " or ".join(_describe(s) for s in schema["oneOf"])
    if "anyOf" in schema:
        return " or ".join(_describe(s) for s in schema["anyOf"] if s is not EMPTY)
    kind = schema.get("type", "object")
    kind = " or ".join(kind) if isinstance(kind, list) else kind
    if kind == "array":
        return f"array of {_describe(schema.get('items', {}))}"
    return kind + (f" ({schema['format']})" if "format" in schema else "")


def shapes() -> list[tuple[str, list[tuple[str, str]]]]:
    """Return (schema name, [(field, description)]) for the browsable docs page."""
    found = []
    for name, schema in SCHEMAS.items():
        parts = schema.get("allOf", [schema])
        fields = [
            (field, _describe(sub))
            for part in parts
            for field, sub in part.get("properties", {}).items()
        ]
        if "oneOf" in schema:
            fields = [("one of", _describe(schema))]
        found.append((name, fields))
    return found
