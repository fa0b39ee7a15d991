"""Malformed posts and XML-forbidden characters: reported per item, never a stopped run.

The helper process (prefetch.py) is used from ``PARALLEL_MIN_BYTES`` on (8 MB); the tests
lower that to one byte so a small export takes the same path as an 8 MB one.
"""

from __future__ import annotations

import io
import json
import textwrap
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from silkwire.ingest.models import WordPressImportRecord
from silkwire.ingest.wordpress import prefetch
from silkwire.ingest.wordpress.parse import WXRReader
from silkwire.news.blocks import from_stream_value
from silkwire.news.models import ArticlePage
from tests.ingest.test_wordpress_parse import HEADER, item

# What WordPress exports and XML forbids, in a post's HTML, before a linked image.
BAD_REFS = ["&#65534;", "&#1", "&#xFFFE;", "&#xD800;", "&#0;", "&#1114112;"]


def export(tmp_path, posts: dict[int, str], name: str = "export.xml"):
    body = "".join(
        item(post_id, title=f"Post {post_id}", content=c) for post_id, c in posts.items()
    )
    path = tmp_path / name
    path.write_text(HEADER + body + "</channel></rss>", encoding="utf-8")
    return path


def run_cli(path, *args) -> tuple[int, dict]:
    out = StringIO()
    try:
        call_command("ingest", "wordpress", str(path), "--json", *args, stdout=out)
        status = 0
    except CommandError as exc:
        status = exc.returncode
    return status, json.loads(out.getvalue())


def posts_with_bad_refs() -> dict[int, str]:
    posts = {n: f"<p>Plain post {n}.</p>" for n in range(1, 41)}
    for n, ref in enumerate(BAD_REFS, start=10):
        posts[n] = (
            f'Intro {ref} text <a href="https://e.x/{n}.jpg"><img src="https://e.x/{n}.jpg"></a> end'
        )
    return posts


@pytest.mark.django_db
@pytest.mark.parametrize("helper_process", [True, False], ids=["prefetch", "in-process"])
def test_forbidden_references_in_post_html_never_stop_the_import(
    tmp_path, monkeypatch, helper_process
):
    monkeypatch.setattr(prefetch, "PARALLEL_MIN_BYTES", 1 if helper_process else 1 << 40)
    status, report = run_cli(export(tmp_path, posts_with_bad_refs()))
    assert status == 0, report["failed"]
    assert report["failed"] == [] and report["created"] == 40
    record = WordPressImportRecord.objects.get(post_id=10)
    body = from_stream_value(ArticlePage.objects.get(pk=record.page_id).body)
    text = " ".join(b.get("html", b.get("text", "")) for b in body)
    assert "Intro" in text and "end" in text and "\ufffe" not in text
    assert any("XML-illegal" in w for w in report["warnings"])


SITECUSTOMIZE = """
    # Loaded by every Python started with this folder on PYTHONPATH, the import's helper
    # process included: its converter now fails on one post, as a real bug would.
    import silkwire.ingest.wordpress.prefetch as prefetch

    _real = prefetch.convert_content

    def convert_content(content):
        if "EXPLODE" in content:
            raise ValueError("All strings must be XML compatible")
        return _real(content)

    prefetch.convert_content = convert_content
"""


@pytest.mark.django_db
def test_a_post_failing_in_the_helper_process_is_reported_and_the_rest_imported(
    tmp_path, monkeypatch
):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(textwrap.dedent(SITECUSTOMIZE))
    monkeypatch.setenv("PYTHONPATH", str(hook))
    monkeypatch.setattr(prefetch, "PARALLEL_MIN_BYTES", 1)
    posts = {n: f"<p>Post {n}.</p>" for n in range(1, 201)}
    posts[77] = "<p>EXPLODE</p>"
    status, report = run_cli(export(tmp_path, posts))
    assert status == 1  # a failed item makes the exit status non-zero, with the full report
    assert report["failed"] == [
        {"post_id": 77, "error": "ValueError: All strings must be XML compatible"}
    ]
    assert report["created"] == 199
    assert not WordPressImportRecord.objects.filter(post_id=77).exists()


def test_forbidden_characters_in_the_xml_itself_are_removed_not_recovered():
    title = "A&#xFFFE;B&#65535;C&#xD800;D\ufffeE"
    data = (HEADER + item(1, title=title) + item(2) + "</channel></rss>").encode()
    reader = WXRReader(io.BytesIO(data), "test.xml")
    items = list(reader.items())
    assert [it.title for it in items] == ["ABCDE", "Title"]
    assert not any(it.needs_review for it in items)
    assert not any("recovery mode" in w for w in reader.warnings)
    assert any("4 XML-illegal character" in w for w in reader.warnings)


def test_raw_surrogate_bytes_and_a_sequence_cut_by_the_read_are_removed():
    head = (HEADER + "<item><title>").encode()
    # Put U+FFFE's three bytes across the reader's 64 KiB read boundary.
    pad = b"x" * ((1 << 16) - len(head) - 1)
    title = pad + "\ufffe".encode() + b"y\xed\xa0\x80z"
    tail = item(1).split("</title>", 1)[1].encode()
    data = head + title + b"</title>" + tail + b"</channel></rss>"
    reader = WXRReader(io.BytesIO(data), "test.xml")
    (only,) = list(reader.items())
    assert only.title == "x" * len(pad) + "yz"
    assert not only.needs_review
