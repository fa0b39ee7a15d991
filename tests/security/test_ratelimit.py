"""Rate limits on search and the converter: a burst is served, a flood gets 429, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def flood(url: str, times: int, address: str = "203.0.113.7", **extra):
    client = Client(REMOTE_ADDR=address)
    return [client.get(url, **extra) for _ in range(times)]


def test_search_burst_is_served_and_a_flood_gets_429(settings, make_article):
    settings.SILKWIRE_RATELIMIT_SEARCH = (30, 60)
    make_article("Tashkent metro extension opens")
    burst = flood("/search/?q=metro", 30)
    assert [r.status_code for r in burst] == [200] * 30
    assert b"Tashkent metro" in burst[-1].content
    over = flood("/search/?q=metro", 20)
    assert {r.status_code for r in over} == {429}
    last = over[-1]
    assert 1 <= int(last["Retry-After"]) <= 60
    assert last["Content-Type"].startswith("text/html")
    assert b"Too many requests" in last.content and b"try again" in last.content
    assert "no-store" in last["Cache-Control"]
    # Another client is not held back by the first one's flood.
    assert flood("/search/?q=metro", 1, address="198.51.100.9")[0].status_code == 200


def test_converter_is_limited_per_client(settings):
    settings.SILKWIRE_RATELIMIT_CONVERTER = (5, 60)
    statuses = [r.status_code for r in flood("/rates/convert/?amount=1", 8)]
    assert statuses[:5] != [429] * 5 and 429 not in statuses[:5]
    assert statuses[5:] == [429, 429, 429]
    assert flood("/rates/convert/?amount=1", 1, address="2001:db8:1::1")[0].status_code != 429


def test_ipv6_clients_are_limited_per_64(settings):
    settings.SILKWIRE_RATELIMIT_SEARCH = (3, 60)
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:5:6::{n:x}").get("/search/?q=x").status_code
        for n in range(1, 6)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_zero_turns_a_limit_off(settings):
    settings.SILKWIRE_RATELIMIT_SEARCH = (0, 0)
    assert {r.status_code for r in flood("/search/?q=x", 40)} == {200}


def test_forwarded_address_is_used_only_behind_a_trusted_proxy(settings):
    settings.SILKWIRE_RATELIMIT_SEARCH = (2, 60)
    # Untrusted peer: a forged X-Forwarded-For does not buy a fresh budget.
    forged = [
        Client(REMOTE_ADDR="203.0.113.7").get("/search/?q=x", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}")
        for n in range(3)
    ]
    assert [r.status_code for r in forged] == [200, 200, 429]
    # Behind our proxy every reader has their own budget.
    settings.SILKWIRE_TRUSTED_PROXIES = ["10.0.0.0/8"]
    behind = [
        Client(REMOTE_ADDR="10.0.0.2").get(
            "/search/?q=x", HTTP_X_FORWARDED_FOR=f"6.6.6.6, 198.51.100.{n}, 10.0.0.3"
        )
        for n in range(3)
    ]
    assert [r.status_code for r in behind] == [200, 200, 200]


def test_client_ip_rules(rf, settings):
    from silkwire.core.clientip import client_ip

    settings.SILKWIRE_TRUSTED_PROXIES = "10.0.0.0/8, 192.168.1.1"
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="1.2.3.4, 192.168.1.1")
    assert client_ip(request) == "1.2.3.4"
    request = rf.get("/", REMOTE_ADDR="8.8.8.8", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "8.8.8.8"
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="garbage")
    assert client_ip(request) == "10.1.2.3"
    settings.SILKWIRE_TRUSTED_PROXIES = []
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.1.2.3"


def test_a_bad_trusted_proxy_names_the_setting(rf, settings):
    from django.core.exceptions import ImproperlyConfigured

    from silkwire.core.clientip import client_ip

    settings.SILKWIRE_TRUSTED_PROXIES = "10.0.0.0/8, proxy.example"
    with pytest.raises(ImproperlyConfigured, match="SILKWIRE_TRUSTED_PROXIES: 'proxy.example'"):
        client_ip(rf.get("/", REMOTE_ADDR="10.1.2.3"))
