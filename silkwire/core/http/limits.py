"""The limits of a fetch: the body size cap per kind of resource, the timeouts and the total
deadline (settings ``SILKWIRE_FETCH_TIMEOUT`` and ``SILKWIRE_FETCH_CONNECT_TIMEOUT``)."""

from __future__ import annotations

import time

import httpx
from django.conf import settings

from silkwire.core.http.errors import FetchFailed, FetchTimeout, ResponseTooLarge

# Body size caps per kind of resource (docs/ingest.md, "Safe fetching"; the feed, page and
# image figures come from docs/import-notes.md D.4, the rates one from docs/rates.md).
SIZE_LIMITS: dict[str, int] = {
    "feed": 15 * 1024 * 1024,  # Miniflux HTTP_CLIENT_MAX_BODY_SIZE
    "page": 5_000_000,
    "image": 25_000_000,
    "rates": 2 * 1024 * 1024,
}


def _timeouts(timeout: float | None) -> tuple[float, float]:
    """Return (connect, total) seconds from the arguments and settings."""
    total = float(
        timeout if timeout is not None else getattr(settings, "SILKWIRE_FETCH_TIMEOUT", 20)
    )
    connect = float(getattr(settings, "SILKWIRE_FETCH_CONNECT_TIMEOUT", 10))
    return min(connect, total), total


def _read_capped(response: httpx.Response, cap: int, kind: str, url: str, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise ResponseTooLarge(
            f"{url} declares {int(declared):,} bytes; the {kind} limit is {cap:,} bytes.", url=url
        )
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise ResponseTooLarge(
                    f"{url} sent more than {cap:,} bytes, the {kind} limit; stopped reading.",
                    url=url,
                )
            if time.monotonic() > deadline:
                raise FetchTimeout(f"Fetching {url} took longer than allowed.", url=url)
            chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise FetchTimeout(f"Timed out reading {url}: {exc!r}", url=url) from exc
    except httpx.HTTPError as exc:
        raise FetchFailed(f"Reading {url} failed: {exc!r}", url=url) from exc
    return b"".join(chunks)
