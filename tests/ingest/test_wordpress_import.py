"""WordPress import end to end: golden counts on real exports, idempotency, failures, media."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision

from silkwire.ingest.models import WordPressImportRecord
from silkwire.ingest.wordpress.importer import (
    CategoryMapError,
    ImportOptions,
    import_wordpress,
    make_slug,
)
from silkwire.ingest.wordpress.parse import WXRSecurityError
from silkwire.ingest.wordpress.writer import BatchWriter
from silkwire.news.blocks import from_stream_value
from silkwire.news.models import ArticlePage, Author, CountryPage

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"
THEME = FIXTURES / "themeunittestdata.wordpress.xml"
BLOCKS = FIXTURES / "64-block-test-data.xml"
SAMPLE = FIXTURES / "news-example-kz.xml"

pytestmark = pytest.mark.django_db


def page_for(post_id: int) -> ArticlePage:
    record = WordPressImportRecord.objects.get(post_id=post_id)
    return ArticlePage.objects.get(pk=record.page_id)


def test_theme_unit_test_data_golden():
    report = import_wordpress([THEME]).as_dict()
    assert report["failed"] == []
    assert report["created"] == 58
    assert report["articles"] == {"live": 56, "draft": 1, "scheduled": 1}
    assert report["authors"] == 2
    assert report["skipped"]["type: nav_menu_item"] == 70
    assert report["skipped"]["page (use --pages)"] == 21
    assert report["skipped"]["comments"] > 0
    assert ArticlePage.objects.count() == 58
    assert ArticlePage.objects.live().count() == 56
    assert set(Author.objects.values_list("slug", flat=True)) >= {"themedemos", "themereviewteam"}

    # Every page sits in the tree where treebeard expects it.
    assert Page.find_problems() == ([], [], [], [], [])

    scheduled = page_for(1153)
    assert scheduled.title == "Scheduled" and not scheduled.live
    assert scheduled.go_live_at == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)
    assert scheduled.latest_revision.approved_go_live_at == scheduled.go_live_at

    draft = page_for(1164)
    assert not draft.live and draft.has_unpublished_changes and draft.go_live_at is None

    markup = page_for(1177)  # Markup: Image Alignment, post_date_gmt 2013-01-11 03:15:40
    assert markup.live and markup.title == "Markup: Image Alignment"
    assert markup.first_published_at == datetime(2013, 1, 11, 3, 15, 40, tzinfo=UTC)
    assert markup.latest_revision == markup.live_revision
    body = from_stream_value(markup.body)
    assert body[0]["type"] == "paragraph" and body[0]["html"].startswith(
        "<p>Welcome to image alignment"
    )
    assert {b["type"] for b in body} <= {"paragraph", "heading", "image", "rich_text"}
    assert [a.slug for a in markup.authors] == ["themedemos"]
    assert set(markup.tags.names()) >= {"alignment", "captions"}

    # The revision holds the relations (an editor edits the revision), the indexes are written.
    content = markup.latest_revision.content
    assert [a["author"] for a in content["article_authors"]] == [markup.authors[0].pk]
    assert markup in ArticlePage.objects.search("alignment")
    from wagtail.models import ReferenceIndex

    assert ReferenceIndex.get_references_for_object(markup).exists()

    protected = page_for(1168)  # "Password protected", password "enter"
    assert protected.live
    restriction = PageViewRestriction.objects.get(page=protected)
    assert restriction.password == "enter"

    # Old permalinks and ?p=ID lead to the new page.
    assert Redirect.objects.get(old_path="/?p=1177").redirect_page_id == markup.pk
    old = Redirect.normalise_path(
        "https://wpthemetestdata.wordpress.com/2013/01/10/markup-image-alignment/"
    )
    assert Redirect.objects.get(old_path=old).redirect_page_id == markup.pk
    assert report["redirects"] == Redirect.objects.count()


def test_redirects_answer_with_the_new_url(client):
    import_wordpress([THEME], ImportOptions(only={1177}))
    markup = page_for(1177)
    response = client.get("/?p=1177")
    assert response.status_code == 301
    assert response["Location"].endswith(markup.url)
    response = client.get("/2013/01/10/markup-image-alignment/")
    assert response.status_code == 301 and response["Location"].endswith(markup.url)


def test_second_run_creates_nothing_and_changed_items_update(tmp_path):
    import_wordpress([THEME])
    counts = (Page.objects.count(), Redirect.objects.count(), Revision.objects.count())
    again = import_wordpress([THEME]).as_dict()
    assert again["created"] == 0 and again["updated"] == 0 and again["unchanged"] == 58
    assert (Page.objects.count(), Redirect.objects.count(), Revision.objects.count()) == counts

    changed = tmp_path / "changed.xml"
    changed.write_text(
        THEME.read_text(encoding="utf-8").replace(
            "<title>Markup: Image Alignment</title>", "<title>Markup: Image Alignment (v2)</title>"
        ),
        encoding="utf-8",
    )
    third = import_wordpress([changed]).as_dict()
    assert third["updated"] == 1 and third["unchanged"] == 57 and third["created"] == 0
    markup = page_for(1177)
    assert markup.title == "Markup: Image Alignment (v2)" and markup.live
    assert Page.objects.count() == counts[0]
    assert Page.find_problems() == ([], [], [], [], [])


def test_only_reruns_chosen_items():
    report = import_wordpress([THEME], ImportOptions(only={1177, 1164})).as_dict()
    assert report["created"] == 2
    assert report["skipped"]["not in --only"] == 56
    assert ArticlePage.objects.count() == 2


def test_broken_item_rolls_back_alone(monkeypatch):
    """An item that fails half-way leaves nothing behind; the others import."""
    original = BatchWriter._insert_redirects

    def explode(self, plans, by_post, written):
        if any(plan.post_id == 1177 for plan in plans):
            raise RuntimeError("disk on fire")
        return original(self, plans, by_post, written)

    monkeypatch.setattr(BatchWriter, "_insert_redirects", explode)
    report = import_wordpress([THEME]).as_dict()
    assert report["failed"] == [{"post_id": 1177, "error": "RuntimeError: disk on fire"}]
    assert report["created"] == 57
    assert not ArticlePage.objects.filter(title="Markup: Image Alignment").exists()
    assert not WordPressImportRecord.objects.filter(post_id=1177).exists()
    assert not Redirect.objects.filter(old_path="/?p=1177").exists()
    assert Page.find_problems() == ([], [], [], [], [])
    monkeypatch.undo()
    rerun = import_wordpress([THEME], ImportOptions(only={1177})).as_dict()
    assert rerun["created"] == 1 and rerun["failed"] == []


def test_malformed_item_among_good_ones_is_kept_for_review(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    broken = text.replace(
        "<title><![CDATA[Черновик: интервью]]></title>",
        "<title><![CDATA[Черновик: интервью]]></title><b>",
    )
    path = tmp_path / "broken.xml"
    path.write_text(broken, encoding="utf-8")
    report = import_wordpress([path]).as_dict()
    assert report["created"] == 2
    assert 12 in report["needs_review"]
    assert not page_for(12).live
    assert any("recovery mode" in w for w in report["warnings"])


@pytest.mark.parametrize(
    "payload",
    [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b"<rss><channel><item><title>&b;</title></item></channel></rss>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><title>&x;</title></item></channel></rss>",
    ],
)
def test_malicious_xml_is_refused_before_any_write(tmp_path, payload):
    path = tmp_path / "evil.xml"
    path.write_bytes(payload)
    with pytest.raises(WXRSecurityError):
        import_wordpress([path])
    assert ArticlePage.objects.count() == 0
    with pytest.raises(CommandError, match="DOCTYPE"):
        call_command("ingest", "wordpress", str(path), stdout=StringIO())


def test_dry_run_writes_nothing_and_predicts_the_counts():
    dry = import_wordpress([THEME], ImportOptions(dry_run=True)).as_dict()
    assert dry["dry_run"] is True
    assert (
        ArticlePage.objects.count() == 0 and Author.objects.filter(slug="themedemos").count() == 0
    )
    real = import_wordpress([THEME]).as_dict()
    for key in ("items", "created", "articles", "authors", "redirects", "skipped"):
        assert dry[key] == real[key], key


def test_sample_export_golden_with_media(tmp_path):
    media = tmp_path / "uploads"
    (media / "2024" / "06").mkdir(parents=True)
    PILImage.new("RGB", (64, 48), "green").save(media / "2024" / "06" / "bazaar.jpg")
    report = import_wordpress([SAMPLE], ImportOptions(media_dir=media)).as_dict()
    assert report["created"] == 2 and report["failed"] == []
    assert report["images"] == 1 and report["images_missing"] == 0
    assert report["skipped"]["comments"] == 1

    image = get_image_model().objects.get()
    assert image.title == "bazaar-photo" and image.width == 64

    post = page_for(10)
    assert post.live and post.title == "Цены на рынке выросли"
    assert post.first_published_at == datetime(2024, 6, 5, 10, 4, 48, tzinfo=UTC)
    assert post.last_published_at == datetime(2024, 6, 10, 12, 28, 55, tzinfo=UTC)
    assert post.lead_image_id == image.pk
    assert post.lead_image_caption == "Зелёный базар, утро"
    body = from_stream_value(post.body)
    assert [b["type"] for b in body] == ["paragraph", "image", "heading", "embed"]
    assert body[1] == {
        "type": "image",
        "image": image.pk,
        "caption": "Фото: А. Сейтова",
        "credit": "",
    }
    assert body[3]["url"] == "https://www.youtube.com/watch?v=XXXXXXXXXXX"
    assert [t.slug for t in post.topics.all()] == ["economy"]  # "Экономика" matches the topic
    assert list(post.tags.names()) == ["Алматы"]
    assert [a.name for a in post.authors] == ["Айгерим Сейтова"]
    assert isinstance(post.get_parent().specific, CountryPage)

    draft = page_for(12)
    assert not draft.live and draft.first_published_at is None
    assert draft.slug == "chernovik-intervyu"  # post_name empty: transliterated title
    draft_body = from_stream_value(draft.body)
    assert [b["type"] for b in draft_body] == ["paragraph", "image", "paragraph"]
    assert draft_body[1]["caption"] == "Подпись к фото" and draft_body[1]["image"] == image.pk
    assert draft_body[2]["html"].startswith("<p><strong>Вопрос:</strong> Как дела?<br>")

    # The same image again is not imported twice.
    again = import_wordpress([SAMPLE], ImportOptions(media_dir=media)).as_dict()
    assert again["unchanged"] == 2 and get_image_model().objects.count() == 1


def test_missing_media_is_reported_never_fatal(tmp_path):
    report = import_wordpress([SAMPLE], ImportOptions(media_dir=tmp_path)).as_dict()
    assert report["created"] == 2 and report["failed"] == []
    assert report["images"] == 0 and report["images_missing"] == 1
    assert any("bazaar.jpg" in w for w in report["warnings"])
    assert page_for(10).lead_image_id is None


def test_category_map_file(tmp_path):
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"economy": "country:KZ"}), encoding="utf-8")
    import_wordpress([SAMPLE], ImportOptions(category_map=mapping))
    assert page_for(10).get_parent().slug == "kazakhstan"
    # A re-run with another mapping moves the article (no country named: Central Asia).
    import_wordpress([SAMPLE])
    assert page_for(10).get_parent().slug == "central-asia"
    mapping.write_text(json.dumps({"economy": "country:UZ"}), encoding="utf-8")
    again = import_wordpress([SAMPLE], ImportOptions(category_map=mapping)).as_dict()
    assert again["updated"] == 2
    moved = page_for(10)
    assert moved.get_parent().slug == "uzbekistan" and moved.url_path.startswith(
        "/home/uzbekistan/"
    )
    assert Page.find_problems() == ([], [], [], [], [])
    mapping.write_text('{"economy": "country:XX"}', encoding="utf-8")
    with pytest.raises(CategoryMapError, match="country 'XX' is unknown"):
        import_wordpress([SAMPLE], ImportOptions(category_map=mapping))
    mapping.write_text('{"economy": \n oops}', encoding="utf-8")
    with pytest.raises(CategoryMapError, match="line 2"):
        import_wordpress([SAMPLE], ImportOptions(category_map=mapping))


def test_block_test_data_imports():
    report = import_wordpress([BLOCKS]).as_dict()
    assert report["failed"] == [] and report["created"] == 61
    quote = ArticlePage.objects.get(title="Quote")
    kinds = {b["type"] for b in from_stream_value(quote.body)}
    assert kinds == {"heading", "quote"}
    table = ArticlePage.objects.get(title="Table")
    assert any(
        b["type"] == "rich_text" and "<table>" in b["html"] for b in from_stream_value(table.body)
    )
    assert ArticlePage.objects.filter(title="Media & Text").exists()


def test_pages_flag_imports_wordpress_pages():
    report = import_wordpress([THEME], ImportOptions(pages=True)).as_dict()
    assert report["created"] == 58 + 21
    assert ArticlePage.objects.filter(kind="feature").count() == 21


def test_command_json_report(tmp_path):
    out = StringIO()
    shutil.copy(SAMPLE, tmp_path / "export.xml")
    call_command("ingest", "wordpress", str(tmp_path / "export.xml"), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) >= {
        "items",
        "created",
        "updated",
        "unchanged",
        "skipped",
        "failed",
        "articles",
        "authors",
        "images",
        "redirects",
        "warnings",
    }
    assert data["created"] == 2
    with pytest.raises(CommandError, match="no such file"):
        call_command("ingest", "wordpress", str(tmp_path / "nope.xml"), stdout=StringIO())


def test_make_slug_transliterates():
    assert make_slug("Черновик: интервью") == "chernovik-intervyu"
    assert make_slug("%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82") == "privet"
    assert make_slug("Қазақстан ғылымы") == "qazaqstan-ghylymy"


def test_parallel_reader_gives_the_same_result():
    """The helper-process reader (used on big exports) imports exactly what the serial one does."""
    parallel = import_wordpress([BLOCKS], ImportOptions(parallel=True, dry_run=True)).as_dict()
    serial = import_wordpress([BLOCKS], ImportOptions(parallel=False, dry_run=True)).as_dict()
    for key in ("items", "created", "articles", "skipped", "redirects", "warnings_total"):
        assert parallel[key] == serial[key], key
    real = import_wordpress([BLOCKS], ImportOptions(parallel=True)).as_dict()
    assert real["created"] == 61 and real["failed"] == []
