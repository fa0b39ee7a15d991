"""Feeds are tested by parsing the XML, as Django's own syndication tests do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
}
BASE = "http://127.0.0.1:8000"


def parse(response):
    assert response.status_code == 200, response.status_code
    return ElementTree.fromstring(response.content)


@pytest.fixture
def image(db):
    import wagtail_factories

    return wagtail_factories.ImageFactory(title="Dam at dawn")


@pytest.fixture
def story(make_article, image):
    from tests.factories import AuthorFactory

    authors = [AuthorFactory(name="Dana Nurpeis"), AuthorFactory(name="Timur Valiev")]
    page = make_article(
        "Dam timetable agreed",
        standfirst="Two governments sign <today> & agree.",
        blocks=[
            {"type": "paragraph", "html": 'See <a href="/kazakhstan/">more</a> & <b>bold</b>.'},
            {"type": "heading", "text": "Water", "level": 2},
        ],
        authors=authors,
        topics=["economy"],
        tags=["Rogun"],
        lead_image=image,
        first_published_at=timezone.now() - timedelta(hours=5),
    )
    return page


def test_rss_item_has_guid_dates_authors_enclosure_and_categories(story):
    root = parse(Client().get("/feeds/all.rss"))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == "Silkwire"
    assert channel.findtext("link") == f"{BASE}/"
    assert channel.findtext("language") == "en"
    assert channel.find("atom:link", NS).get("href") == f"{BASE}/feeds/all.rss"
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Dam timetable agreed"
    assert item.findtext("link") == f"{BASE}/kazakhstan/dam-timetable-agreed/"
    assert item.findtext("description") == "Two governments sign &lt;today&gt; &amp; agree."
    guid = item.find("guid")
    assert guid.get("isPermaLink") == "false"
    assert guid.text == f"tag:127.0.0.1,2026:article/{story.pk}"
    assert item.findtext("pubDate").endswith(("+0000", "GMT", "+0500"))
    assert item.find("atom:updated", NS) is not None
    assert [c.text for c in item.findall("dc:creator", NS)] == ["Dana Nurpeis", "Timur Valiev"]
    enclosure = item.find("enclosure")
    assert enclosure.get("url").startswith(f"{BASE}/media/images/")
    assert int(enclosure.get("length")) > 0
    assert enclosure.get("type").startswith("image/")
    assert [c.text for c in item.findall("category")] == ["Kazakhstan", "Economy", "Rogun"]
    assert item.find("content:encoded", NS) is None


def test_full_content_is_an_option_with_absolute_links(story):
    root = parse(Client().get("/feeds/all.rss?full=1"))
    content = root.find("channel/item").findtext("content:encoded", namespaces=NS)
    assert f'href="{BASE}/kazakhstan/"' in content
    assert "<h2>Water</h2>" in content and "&amp;" in content


def test_atom_entry(story):
    root = parse(Client().get("/feeds/all.atom?full=1"))
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    assert root.findtext(f"{atom}id") == f"{BASE}/feeds/all.atom"
    assert root.find(f"{atom}updated") is not None
    (entry,) = root.findall(f"{atom}entry")
    assert entry.findtext(f"{atom}id") == f"tag:127.0.0.1,2026:article/{story.pk}"
    assert entry.find(f"{atom}published") is not None
    assert entry.find(f"{atom}updated") is not None
    names = [a.findtext(f"{atom}name") for a in entry.findall(f"{atom}author")]
    assert names == ["Dana Nurpeis", "Timur Valiev"]
    uris = [a.findtext(f"{atom}uri") for a in entry.findall(f"{atom}author")]
    assert uris == [f"{BASE}/authors/dana-nurpeis/", f"{BASE}/authors/timur-valiev/"]
    rels = {link.get("rel"): link for link in entry.findall(f"{atom}link")}
    assert rels["alternate"].get("href") == f"{BASE}/kazakhstan/dam-timetable-agreed/"
    assert rels["enclosure"].get("type").startswith("image/")
    assert entry.find(f"{atom}content").get("type") == "html"
    assert entry.findtext(f"{atom}summary") == "Two governments sign &lt;today&gt; &amp; agree."


def test_feed_parses_with_feedparser(story):
    import feedparser

    for url in ["/feeds/all.rss", "/feeds/all.atom"]:
        parsed = feedparser.parse(Client().get(url).content)
        assert not parsed.bozo, (url, parsed.bozo_exception)
        entry = parsed.entries[0]
        assert entry.title == "Dam timetable agreed"
        assert entry.summary == "Two governments sign &lt;today&gt; &amp; agree."  # shown as typed
        assert entry.published_parsed and entry.updated_parsed
        assert entry.enclosures[0]["href"].startswith(BASE)


def titles(url):
    root = parse(Client().get(url))
    if root.tag == "rss":
        return [i.findtext("title") for i in root.findall("channel/item")]
    atom = "{http://www.w3.org/2005/Atom}"
    return [e.findtext(f"{atom}title") for e in root.findall(f"{atom}entry")]


def test_scoped_feeds(make_article):
    from tests.factories import AuthorFactory

    dana = AuthorFactory(name="Dana Nurpeis", slug="dana-nurpeis")
    make_article("KZ economy", topics=["economy"], authors=[dana])
    make_article("KZ politics", topics=["politics"], kind="opinion")
    make_article(
        "KG economy",
        country="kyrgyzstan",
        topics=["economy"],
        other_countries=[],
        kind="interview",
    )
    from silkwire.news.models import CountryPage

    make_article(
        "UZ about KZ", country="uzbekistan", other_countries=[CountryPage.objects.get(code="KZ")]
    )
    make_article("KZ draft", publish=False, topics=["economy"])
    assert set(titles("/feeds/country/kazakhstan.rss")) == {
        "KZ economy",
        "KZ politics",
        "UZ about KZ",
    }
    assert titles("/feeds/country/kazakhstan/economy.atom") == ["KZ economy"]
    assert set(titles("/feeds/topic/economy.rss")) == {"KZ economy", "KG economy"}
    assert titles("/feeds/author/dana-nurpeis.rss") == ["KZ economy"]
    assert titles("/feeds/kind/interview.atom") == ["KG economy"]
    assert titles("/feeds/kind/opinion.rss") == ["KZ politics"]
    root = parse(Client().get("/feeds/country/kazakhstan/economy.rss"))
    assert root.findtext("channel/title") == "Kazakhstan: Economy — Silkwire"
    assert root.findtext("channel/link") == f"{BASE}/kazakhstan/economy/"


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/country/atlantis.rss",
        "/feeds/country/kazakhstan/nope.rss",
        "/feeds/topic/nope.atom",
        "/feeds/author/nobody.rss",
        "/feeds/kind/poem.rss",
        "/feeds/all.json",
    ],
)
def test_unknown_feed_is_404(db, url):
    assert Client().get(url).status_code == 404


def test_latest_fifty_newest_first(make_article, django_assert_max_num_queries):
    now = timezone.now()
    for i in range(55):
        make_article(
            f"Story {i:02d}",
            first_published_at=now - timedelta(minutes=i),
            topics=["economy"],
            tags=["t"],
        )
    client = Client()
    client.get("/feeds/all.rss")
    with django_assert_max_num_queries(14):
        found = titles("/feeds/all.rss")
    assert len(found) == 50 and found[0] == "Story 00" and found[-1] == "Story 49"
    with django_assert_max_num_queries(14):
        titles("/feeds/topic/economy.atom")


def test_etag_and_last_modified_give_304(story):
    client = Client()
    first = client.get("/feeds/all.rss")
    assert first["ETag"] and first["Last-Modified"]
    assert not first.has_header("Cache-Control")  # the page cache sets its own policy
    again = client.get("/feeds/all.rss", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get("/feeds/all.rss", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert client.post("/feeds/all.rss").status_code == 405


def test_unpublishing_changes_the_etag(story, make_article):
    client = Client()
    etag = client.get("/feeds/all.rss")["ETag"]
    last_modified = client.get("/feeds/all.rss")["Last-Modified"]
    import time

    time.sleep(1.1)  # HTTP dates have whole seconds
    story.unpublish()
    response = client.get("/feeds/all.rss", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    # A client that only sends If-Modified-Since must not be told "unchanged" either.
    assert client.get("/feeds/all.rss", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200
    assert titles("/feeds/all.rss") == []
