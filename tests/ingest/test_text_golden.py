"""Golden tests: the structurer reproduces the expected JSON of every text fixture exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from silkwire.ingest.text import normalize_text, structure_plain_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
SAMPLES = sorted(FIXTURES.glob("sample-page-*.txt"))
LAYOUTS = sorted((FIXTURES / "layouts").glob("*.txt"))


def _read(path: Path) -> str:
    # newline="" keeps CRLF as it is on disk, so the structurer sees the real line ends.
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _expected(path: Path) -> dict:
    return json.loads(path.with_name(path.name.replace(".txt", ".expected.json")).read_text())


def test_fixtures_are_there():
    assert len(SAMPLES) == 2
    assert len(LAYOUTS) >= 5


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_shared_samples_match_exactly(path):
    # No "warnings" key at all: a clean page equals its golden file key for key.
    assert structure_plain_text(_read(path)) == _expected(path)


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.stem)
def test_layouts_match_expected_structure(path):
    result = structure_plain_text(_read(path))
    result.pop("warnings", None)
    assert result == _expected(path)


def test_crlf_fixture_really_has_crlf():
    raw = (FIXTURES / "layouts" / "crlf-nbsp.txt").read_bytes()
    assert b"\r\n" in raw and "\u00a0".encode() in raw


@pytest.mark.parametrize("path", SAMPLES + LAYOUTS, ids=lambda p: p.stem)
def test_every_text_line_lands_in_exactly_one_place(path):
    """Each non-blank line that is not a ticker or date line appears once in titles or blocks."""
    result = structure_plain_text(_read(path))
    pieces: list[str] = []
    for article in result["articles"]:
        if article["title"]:
            pieces.append(article["title"])
        for block in article["blocks"]:
            if block["type"] in {"paragraph", "heading"}:
                pieces.append(block["text"])
            elif block["type"] == "list":
                pieces.extend(block["items"])
            else:
                pieces.append(block["speaker"])
                pieces.extend(block["paragraphs"])
    output = "\n".join(pieces)
    rates = {r["pair"] for r in result["rates"]}
    for line in normalize_text(_read(path)).splitlines():
        text = line.strip(" •*–-").strip()
        if not text or any(pair in text for pair in rates) or text[:1].isdigit() and len(text) < 25:
            continue  # blank, ticker or date line
        if text.endswith(("2026", "2026 г.")):
            continue
        core = text.split(": ", 1)[-1] if ": " in text[:30] else text
        core = core.lstrip("0123456789.) ")
        assert output.count(core) == 1, f"{path.name}: {line!r}"
