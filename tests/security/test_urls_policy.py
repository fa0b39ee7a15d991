"""One URL validator at the door: `wire add`, the feed form, `ingest html` and the fetch client."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from silkwire.core.http import AddressNotAllowed, fetch
from silkwire.wire.models import Feed


def check_url(url, **kwargs):
    from silkwire.core.urls_policy import check_url

    return check_url(url, **kwargs)


def url_refused():
    from silkwire.core.urls_policy import URLRefused

    return URLRefused


# Every spelling of a loopback/private/link-local/reserved address a browser or libc accepts.
HOSTILE_LITERALS = [
    "http://127.0.0.1/feed.xml",
    "http://0177.0.0.1/feed.xml",  # octal
    "http://2130706433/feed.xml",  # one decimal number
    "http://0x7f000001/feed.xml",  # one hex number
    "http://0x7f.1/feed.xml",  # hex, short form
    "http://127.1/feed.xml",  # short form
    "http://0177.1/feed.xml",
    "http://127.0.0.1./feed.xml",  # trailing dot
    "http://%31%32%37.0.0.1/feed.xml",  # percent-encoded host
    "http://\uff11\uff12\uff17.0.0.1/feed.xml",  # full-width digits
    "http://127\u30020.0.1/feed.xml",  # ideographic full stop
    "http://[::1]/feed.xml",
    "http://[::ffff:127.0.0.1]/feed.xml",  # IPv4-mapped
    "http://[::ffff:7f00:1]/feed.xml",
    "http://[0:0:0:0:0:ffff:169.254.169.254]/feed.xml",
    "http://0/feed.xml",  # 0.0.0.0
    "http://10.1/feed.xml",  # 10.0.0.1
    "http://0xa9.0xfe.0xa9.0xfe/latest/meta-data",  # 169.254.169.254
    "http://2852039166/latest/meta-data",  # 169.254.169.254
    "http://192.168.1.1/feed.xml",
    "http://100.64.0.1/feed.xml",  # CGNAT
    "http://[fe80::1]/feed.xml",
    "http://[fc00::1]/feed.xml",
    "http://[64:ff9b::7f00:1]/feed.xml",  # NAT64 of 127.0.0.1
    "http://localhost/feed.xml",
    "http://feeds.localhost/feed.xml",
]
OTHER_RULES = [
    ("http://user:pass@feeds.example.com/rss", "credentials"),
    ("https://token@feeds.example.com/rss", "credentials"),
    ("ftp://feeds.example.com/rss", "scheme"),
    ("file:///etc/passwd", "scheme"),
    ("http://feeds.example.com:22/rss", "port"),
    ("http://feeds.example.com:99999/rss", "port"),
    ("http://feeds.example.com\\@127.0.0.1/rss", "syntax"),
    ("http://1.2.3.4.5/rss", "syntax"),  # ends in a number, not an IPv4 address
    ("http://0x7g.1/rss", "syntax"),
    ("http://08.0.0.1/rss", "syntax"),  # 08 is not octal
]


@pytest.mark.parametrize("url", HOSTILE_LITERALS)
def test_every_ip_literal_form_is_refused(url, settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(url_refused()) as refused:
        check_url(url)
    assert refused.value.rule == "address"


@pytest.mark.parametrize(
    "url, normalised",
    [
        ("http://0177.0.0.1:8080/x", "http://127.0.0.1:8080/x"),
        ("http://2130706433/x", "http://127.0.0.1/x"),
        ("http://0x7f.1/x", "http://127.0.0.1/x"),
        ("http://[::ffff:127.0.0.1]/x", "http://[::ffff:7f00:1]/x"),
        ("HTTPS://Feeds.Example.COM/rss?a=1", "https://feeds.example.com/rss?a=1"),
        ("https://b\u00fccher.example/rss", "https://xn--bcher-kva.example/rss"),
        ("https://feeds.example.com:8443/rss", "https://feeds.example.com:8443/rss"),
    ],
)
def test_hosts_are_read_as_browsers_read_them(url, normalised):
    assert check_url(url, allow_private=True).url == normalised


@pytest.mark.parametrize("url, rule", OTHER_RULES)
def test_scheme_credentials_port_and_syntax_rules(url, rule, settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(url_refused()) as refused:
        check_url(url)
    assert refused.value.rule == rule
    assert f"rule: {rule}" in str(refused.value)


def test_configured_ports(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    settings.SILKWIRE_FETCH_ALLOWED_PORTS = frozenset({9000})
    assert check_url("https://feeds.example.com:9000/rss").port == 9000
    assert check_url("https://feeds.example.com/rss").port == 443  # the default always
    with pytest.raises(url_refused(), match="rule: port"):
        check_url("https://feeds.example.com:8080/rss")


def test_public_addresses_pass(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    assert check_url("http://93.184.215.14/rss").host == "93.184.215.14"
    assert check_url("https://feeds.example.com/rss").address is None


# --- wire add: exit status 2, the rule named, nothing stored ---------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", HOSTILE_LITERALS + [u for u, _ in OTHER_RULES if u.startswith("http")]
)
def test_wire_add_refuses_with_exit_2_and_stores_nothing(url, settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(CommandError) as refused:
        call_command("wire", "add", url)
    assert refused.value.returncode == 2
    assert "rule:" in str(refused.value)
    assert not Feed.objects.exists()


@pytest.mark.django_db
def test_wire_add_stores_the_normalised_url(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = True  # an intranet deployment
    call_command("wire", "add", "http://0177.0.0.1:8080/feed.xml")
    assert Feed.objects.get().url == "http://127.0.0.1:8080/feed.xml"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, message",
    [
        ("http://0177.0.0.1/feed.xml", "loopback"),
        ("http://user:pass@feeds.example.com/rss", "credentials"),
        ("http://feeds.example.com:22/rss", "port 22"),
        ("http://2130706433/feed.xml", "loopback"),
    ],
)
def test_feed_form_refuses(url, message, settings):
    from silkwire.wire.forms import FeedForm

    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    form = FeedForm(data={"url": url, "name": "X", "timezone": "UTC", "unicity": "guid"})
    assert not form.is_valid()
    errors = " ".join(form.errors["url"])
    assert message in errors.lower() and "rule:" in errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["http://0177.0.0.1/news/1", "http://[::1]/news/1", "http://u:p@example.com/a"]
)
def test_ingest_html_refuses_with_exit_2(url, settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(CommandError) as refused:
        call_command("ingest", "html", url)
    assert refused.value.returncode == 2 and "rule:" in str(refused.value)


# --- the fetch client: the same rules, before any connection ---------------------------------


@pytest.mark.parametrize("url", HOSTILE_LITERALS)
def test_fetch_refuses_every_ip_literal_form(url, settings, loopback):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(AddressNotAllowed):
        fetch(url.replace("/feed.xml", f":{loopback.port}/feed.xml") if "/feed.xml" in url else url)
    assert loopback.requests == []


def test_fetch_still_resolves_names_and_refuses_private_answers(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(AddressNotAllowed, match="resolves to 127.0.0.1"):
        fetch("http://rebind.example/feed", resolver=lambda host, port: ["127.0.0.1"])


def test_fetch_normalises_literals_when_private_addresses_are_allowed(loopback):
    loopback.route("/feed.xml", body=b"ok", headers={"Content-Type": "text/plain"})
    result = fetch(f"http://0177.0.0.1:{loopback.port}/feed.xml")
    assert result.status == 200 and result.content == b"ok"
