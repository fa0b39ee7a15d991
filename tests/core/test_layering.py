"""The import directions docs/architecture.md promises, read from the source (no Django needed)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "silkwire"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def offenders(files, forbidden) -> list[str]:
    return sorted(
        f"{module_name(path)} imports {name}"
        for path in files
        for name in imports(path)
        if forbidden(name)
    )


def test_ingest_never_imports_the_wire():
    """Country tagging and extraction live in ingest; the wire uses them, not the other way."""
    files = (PACKAGE / "ingest").rglob("*.py")
    assert offenders(files, lambda name: name.startswith("silkwire.wire")) == []


@pytest.mark.parametrize("app", ["ingest", "wire", "rates", "news", "core"])
def test_no_view_imports_a_command(app):
    """Admin views and commands share service modules; a view never imports a command."""
    root = PACKAGE / app
    files = [p for p in root.rglob("*.py") if p.name.startswith("views") or "views" in p.parts]
    assert offenders(files, lambda name: ".commands." in f"{name}.") == []


def test_rate_models_do_not_import_the_readings():
    """``rates.readings`` reads the models; the models must not import it back (a cycle)."""
    models = [PACKAGE / "rates" / "models.py"]
    assert offenders(models, lambda name: name.startswith("silkwire.rates.readings")) == []
