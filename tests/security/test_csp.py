"""Content-Security-Policy: on every response, one policy per part of the site."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
HEADER = "Content-Security-Policy"


def directives(response, header: str = HEADER) -> dict[str, list[str]]:
    assert header in response, f"no {header} on {response.status_code} response"
    out = {}
    for part in response[header].split(";"):
        name, *values = part.split()
        out[name] = values
    return out


COMMON = {
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "default-src": ["'self'"],
}


def assert_common(policy: dict) -> None:
    for name, values in COMMON.items():
        assert policy[name] == values, name


def test_public_pages_strict_policy(make_article):
    article = make_article()
    for url in ["/", article.url, "/search/?q=water", "/api/v1/docs", "/no-such-page/"]:
        response = Client().get(url)
        policy = directives(response)
        assert_common(policy)
        for name in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in policy[name] and "'unsafe-eval'" not in policy[name]
            assert not any(v.startswith("'nonce-") for v in policy[name])  # cached pages
        assert "frame-src" not in policy  # embeds are link cards: no third-party frames


def test_public_html_has_nothing_inline_that_the_policy_would_block(make_article):
    article = make_article(
        blocks=[{"type": "embed", "url": "https://www.youtube.com/watch?v=x", "caption": "V"}]
    )
    for url in ["/", article.url, "/api/v1/docs"]:
        html = Client().get(url).content.decode()
        scripts = re.findall(r"<script\b([^>]*)>", html)
        assert all("src=" in a or "application/ld+json" in a for a in scripts), url
        assert "<style" not in html and " style=" not in html, url
        assert "<iframe" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url


def test_the_500_page_style_is_allowed_by_its_hash():
    import base64
    import hashlib

    from silkwire.core.csp import HASHED_TEMPLATES, policies

    text = HASHED_TEMPLATES[0].read_text()
    style = re.search(r"<style>(.*?)</style>", text, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policies()["public"]["style-src"]


def test_admin_policy(admin_client):
    for url in ["/admin/", "/admin/login/", "/admin/wire/"]:
        response = admin_client.get(url)
        policy = directives(response)
        assert_common(policy)
        assert policy["frame-src"] == ["'self'"]  # the preview panel
        assert "'unsafe-eval'" not in policy["script-src"]
        assert all(v in ("'self'", "'unsafe-inline'") for v in policy["script-src"])


def test_api_policy():
    for url in ["/api/v1/", "/api/v1/articles", "/api/v1/openapi.json", "/api/v1/rates/"]:
        policy = directives(Client().get(url))
        assert policy["default-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]


def test_report_only_and_report_uri(settings):
    settings.SILKWIRE_CSP_REPORT_ONLY = True
    settings.SILKWIRE_CSP_REPORT_URI = "https://reports.example.com/csp"
    response = Client().get("/")
    assert HEADER not in response
    policy = directives(response, "Content-Security-Policy-Report-Only")
    assert policy["report-uri"] == ["https://reports.example.com/csp"]
    assert_common(policy)
