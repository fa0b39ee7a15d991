"""The safe HTTP client: address rules, redirects, caps and timeouts, against loopback servers.

No test sends traffic to a non-loopback address: public-looking names are simulated with the
``resolver=`` hook and ``httpx.MockTransport``.
"""

from __future__ import annotations

import gzip
import socket
import time

import httpx
import pytest

from silkwire import __version__
from silkwire.core.http import (
    SIZE_LIMITS,
    AddressNotAllowed,
    FetchFailed,
    FetchTimeout,
    ResponseTooLarge,
    TooManyRedirects,
    address_refusal,
    fetch,
)
from tests.conftest_http import loopback_fixture  # noqa: F401 - provides `loopback`


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "10.255.255.254",
        "172.16.0.1",
        "172.31.255.1",
        "192.168.1.1",
        "100.64.0.1",
        "100.127.255.254",
        "169.254.169.254",
        "127.0.0.1",
        "127.8.8.8",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.10",
        "::1",
        "::",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "ff02::1",
        "ff0e::1",
        "::ffff:10.0.0.1",
        "::ffff:8.8.8.8",
        "64:ff9b::a00:1",
        "2002:a00:1::1",
        "2001:0:4136:e378::1",
    ],
)
def test_non_public_addresses_are_refused(address):
    assert address_refusal(address) is not None


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "93.184.216.34", "195.210.46.1", "2001:4860:4860::8888"]
)
def test_public_addresses_are_allowed(address):
    assert address_refusal(address) is None


def test_refusal_reasons_name_the_kind_of_address():
    assert "metadata" in address_refusal("169.254.169.254")
    assert "carrier-grade NAT" in address_refusal("100.64.0.1")
    assert "loopback" in address_refusal("::1")
    assert "multicast" in address_refusal("224.0.0.1")
    assert "private" in address_refusal("192.168.0.1")


def test_size_caps_per_kind():
    assert SIZE_LIMITS == {
        "feed": 15 * 1024 * 1024,
        "page": 5_000_000,
        "image": 25_000_000,
        "rates": 2 * 1024 * 1024,
    }


# --- against the loopback server ----------------------------------------------------------------


def test_fetch_returns_status_headers_body_and_sends_user_agent(loopback, settings):
    settings.SILKWIRE_BASE_URL = "https://news.example.kz"
    url = loopback.route(
        "/a", body=b"hello", headers={"Content-Type": "text/plain; charset=koi8-r"}
    )
    result = fetch(url)
    assert (result.status, result.content, result.url, result.history) == (200, b"hello", url, [])
    assert result.content_type == "text/plain"
    assert result.charset == "koi8-r"
    assert loopback.requests[0].headers["user-agent"] == (
        f"Silkwire/{__version__} (+https://news.example.kz)"
    )


def test_http_error_statuses_are_returned_not_raised(loopback):
    url = loopback.route("/gone", status=410, body=b"gone")
    assert fetch(url).status == 410
    assert fetch(loopback.url("/missing")).status == 404


def test_loopback_is_refused_when_private_fetching_is_off(loopback, settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    url = loopback.route("/a", body=b"secret")
    with pytest.raises(AddressNotAllowed, match="loopback"):
        fetch(url)
    with pytest.raises(AddressNotAllowed, match="loopback"):
        fetch(loopback.url("/a", host="localhost"))  # a name that resolves to loopback
    assert loopback.requests == []


def test_pinned_connection_keeps_the_name_in_the_host_header(loopback):
    url = loopback.route("/feed", body=b"ok")
    resolved = []

    def resolver(host, port):
        resolved.append((host, port))
        return ["127.0.0.1"]

    name_url = url.replace("127.0.0.1", "feeds.silkwire.test")
    result = fetch(name_url, resolver=resolver)
    assert result.content == b"ok"
    assert result.url == name_url
    assert resolved == [("feeds.silkwire.test", loopback.port)]
    assert loopback.requests[0].headers["host"] == f"feeds.silkwire.test:{loopback.port}"


def test_redirects_are_followed_up_to_the_limit(loopback):
    loopback.route("/r1", status=301, headers={"Location": "/r2"})
    loopback.route("/r2", status=302, headers={"Location": loopback.url("/r3")})
    loopback.route("/r3", status=307, headers={"Location": "final"})
    loopback.route("/final", body=b"done")
    result = fetch(loopback.url("/r1"))
    assert result.content == b"done"
    assert result.url == loopback.url("/final")
    assert result.history == [loopback.url(p) for p in ("/r1", "/r2", "/r3")]
    assert result.redirect_statuses == [301, 302, 307] and not result.moved_permanently
    loopback.route("/old", status=308, headers={"Location": "/final"})
    assert fetch(loopback.url("/old")).moved_permanently
    assert not fetch(loopback.url("/final")).moved_permanently

    with pytest.raises(TooManyRedirects):
        fetch(loopback.url("/r1"), max_redirects=2)


def test_redirect_loop_stops(loopback):
    loopback.route("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(TooManyRedirects):
        fetch(loopback.url("/loop"))
    assert loopback.hits("/loop") == 4  # the first request and three redirects


def test_slow_server_times_out(loopback):
    url = loopback.route("/slow", body=b"late", delay=3)
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch(url, timeout=0.5)
    assert time.monotonic() - started < 2


def test_dripping_server_hits_the_total_deadline(loopback):
    url = loopback.route("/drip", body=b"x" * 200, drip=0.05)
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch(url, timeout=1)
    assert time.monotonic() - started < 2.5


def test_oversized_body_with_content_length_is_refused_before_reading(loopback):
    url = loopback.route("/big", body=b"x" * 2000)
    with pytest.raises(ResponseTooLarge, match="declares 2,000 bytes"):
        fetch(url, max_bytes=1000)


def test_oversized_chunked_body_is_cut_off_at_the_cap(loopback):
    url = loopback.route("/big", body=b"x" * (SIZE_LIMITS["rates"] + 1), chunked=True)
    with pytest.raises(ResponseTooLarge, match="rates limit"):
        fetch(url, kind="rates")


def test_gzip_bomb_is_cut_off_after_decompression(loopback):
    bomb = gzip.compress(b"\0" * 3_000_000)
    assert len(bomb) < 10_000
    url = loopback.route("/bomb", body=bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(ResponseTooLarge):
        fetch(url, max_bytes=1_000_000)


def test_not_modified_is_a_result(loopback):
    url = loopback.route("/feed", status=304, headers={"ETag": '"v1"'})
    result = fetch(url, headers={"If-None-Match": '"v1"'}, kind="feed")
    assert result.not_modified and result.content == b""
    assert loopback.requests[0].headers["if-none-match"] == '"v1"'


def test_connection_refused_is_fetch_failed(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = True
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(FetchFailed):
        fetch(f"http://127.0.0.1:{port}/")


# --- simulated public names (MockTransport + resolver hook) --------------------------------------

PUBLIC = {"news.example.com": ["93.184.216.34"], "cdn.example.net": ["151.101.1.1"]}


def fake_dns(table):
    def resolver(host, port):
        if host not in table:
            raise socket.gaierror(f"no such host {host}")
        return table[host]

    return resolver


def test_redirect_from_public_name_to_private_address_is_refused(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    sent = []

    def handler(request):
        sent.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://internal.example.com/admin"})

    dns = fake_dns({**PUBLIC, "internal.example.com": ["10.0.0.7"]})
    with pytest.raises(AddressNotAllowed, match="10.0.0.7, a private-network address"):
        fetch(
            "http://news.example.com/story",
            transport=httpx.MockTransport(handler),
            resolver=dns,
        )
    assert sent == ["http://news.example.com/story"]


def test_redirect_to_metadata_ip_is_refused_even_without_a_resolver(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    sent = []

    def handler(request):
        sent.append(str(request.url))
        return httpx.Response(301, headers={"Location": "http://169.254.169.254/latest/meta-data"})

    with pytest.raises(AddressNotAllowed, match="link-local"):
        fetch("http://news.example.com/", transport=httpx.MockTransport(handler))
    assert sent == ["http://news.example.com/"]


def test_a_name_with_any_private_answer_is_refused(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    dns = fake_dns({"mixed.example.com": ["93.184.216.34", "192.168.0.10"]})
    transport = httpx.MockTransport(lambda r: httpx.Response(200))
    with pytest.raises(AddressNotAllowed, match="192.168.0.10"):
        fetch("http://mixed.example.com/", transport=transport, resolver=dns)


@pytest.mark.parametrize(
    "url, match",
    [
        ("ftp://news.example.com/x", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http://user:pw@news.example.com/", "credentials"),
        ("http://news.example.com:22/", "port 22"),
        ("/relative/path", "not an absolute"),
    ],
)
def test_bad_urls_are_refused_before_connecting(settings, url, match):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False

    def handler(request):
        raise AssertionError("no request may be sent")

    with pytest.raises(AddressNotAllowed, match=match):
        fetch(url, transport=httpx.MockTransport(handler), resolver=fake_dns(PUBLIC))


def test_credentials_are_not_forwarded_to_another_host(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    seen = {}

    def handler(request):
        seen[request.url.host] = request.headers
        if request.url.host == "news.example.com":
            return httpx.Response(302, headers={"Location": "https://cdn.example.net/x"})
        return httpx.Response(200, content=b"ok")

    result = fetch(
        "http://news.example.com/",
        headers={"Authorization": "Bearer t", "If-None-Match": '"e"'},
        transport=httpx.MockTransport(handler),
        resolver=fake_dns(PUBLIC),
    )
    assert result.content == b"ok" and result.url == "https://cdn.example.net/x"
    assert seen["news.example.com"]["authorization"] == "Bearer t"
    assert "authorization" not in seen["cdn.example.net"]


def test_see_other_after_post_becomes_get(settings):
    methods = []

    def handler(request):
        methods.append(request.method)
        if request.url.path == "/form":
            return httpx.Response(303, headers={"Location": "/result"})
        return httpx.Response(200, content=b"done")

    result = fetch(
        "https://news.example.com/form",
        method="POST",
        data={"date": "2026-11-25"},
        transport=httpx.MockTransport(handler),
    )
    assert result.content == b"done" and methods == ["POST", "GET"]


def test_unresolvable_name_is_fetch_failed(settings):
    with pytest.raises(FetchFailed, match="Could not resolve"):
        fetch(
            "http://nowhere.example.com/",
            transport=httpx.MockTransport(lambda r: httpx.Response(200)),
            resolver=fake_dns(PUBLIC),
        )


# --- TLS through a pinned connection ---------------------------------------------------------


@pytest.fixture
def tls_loopback(tmp_path, settings):
    """A loopback HTTPS server whose self-signed certificate names feeds.silkwire.test."""
    import shutil
    import ssl
    import subprocess

    from tests.conftest_http import LoopbackServer

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=feeds.silkwire.test",
            "-addext", "subjectAltName=DNS:feeds.silkwire.test",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = True
    server = LoopbackServer(tls=server_context).start()
    server.route("/feed", body=b"over tls")
    yield server, ssl.create_default_context(cafile=str(cert))
    server.stop()


def test_pinned_https_checks_the_certificate_against_the_name(tls_loopback):
    server, trust = tls_loopback
    to_loopback = fake_dns(
        {"feeds.silkwire.test": ["127.0.0.1"], "evil.silkwire.test": ["127.0.0.1"]}
    )
    url = f"https://feeds.silkwire.test:{server.port}/feed"
    result = fetch(url, resolver=to_loopback, verify=trust)
    assert result.content == b"over tls" and result.url == url
    assert server.requests[0].headers["host"] == f"feeds.silkwire.test:{server.port}"
    # The same address under a name the certificate does not cover is refused by TLS.
    with pytest.raises(FetchFailed, match="(?i)hostname mismatch|doesn't match|not valid for"):
        fetch(f"https://evil.silkwire.test:{server.port}/feed", resolver=to_loopback, verify=trust)
    # And the default trust store does not know the self-signed certificate at all.
    with pytest.raises(FetchFailed, match="CERTIFICATE_VERIFY_FAILED"):
        fetch(url, resolver=to_loopback)
