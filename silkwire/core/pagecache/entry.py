"""A cached response: its bytes in every encoding, its validators and ready-made headers."""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime

import brotli

# Headers the cache computes itself (or never replays) for every variant.
_OWN_HEADERS = {
    "content-length",
    "content-encoding",
    "etag",
    "last-modified",
    "date",
    "vary",
    "x-silkwire-cache",
    "age",
    "expires",
}
_COMPRESSIBLE = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/javascript",
    "application/feed+json",
    "image/svg+xml",
)
ENCODINGS = ("br", "gzip", "identity")
_LEN = struct.Struct("<I")


@dataclass
class Entry:
    """One stored response. ``bodies`` maps an encoding to its bytes."""

    status: str
    headers: list[tuple[str, str]]
    bodies: dict[str, bytes]
    etag: str  # of the identity body, without quotes
    last_modified: float
    stored_at: float
    deps: list[tuple[int, int]]  # (slot, version) pairs
    nonce: bytes
    vary: tuple[str, ...] = ()  # request headers (lower-case) that select this variant
    size: int = 0
    _ready: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.size = sum(len(b) for b in self.bodies.values()) + 512
        last_modified = formatdate(self.last_modified, usegmt=True)
        vary = "Accept-Encoding, Cookie"
        for encoding, body in self.bodies.items():
            headers = list(self.headers)
            headers.append(("Content-Length", str(len(body))))
            if encoding != "identity":
                headers.append(("Content-Encoding", encoding))
            headers.append(("ETag", self.etag_for(encoding)))
            headers.append(("Last-Modified", last_modified))
            headers.append(("Vary", vary))
            self._ready[encoding] = headers

    def etag_for(self, encoding: str) -> str:
        # Strong validators must differ between representations (RFC 9110 §8.8.3).
        return f'"{self.etag}"' if encoding == "identity" else f'"{self.etag}-{encoding}"'

    def response_headers(self, encoding: str) -> list[tuple[str, str]]:
        return self._ready[encoding]

    def not_modified_headers(self, encoding: str) -> list[tuple[str, str]]:
        return [
            (k, v)
            for k, v in self._ready[encoding]
            if k.lower() in ("etag", "last-modified", "vary", "cache-control")
        ]

    # --- serialisation (no pickle: the shared store may be reachable by others) ------------
    def dumps(self) -> bytes:
        meta = {
            "status": self.status,
            "headers": self.headers,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "stored_at": self.stored_at,
            "deps": self.deps,
            "nonce": self.nonce.hex(),
            "vary": list(self.vary),
            "encodings": list(self.bodies),
        }
        head = json.dumps(meta, separators=(",", ":")).encode()
        parts = [_LEN.pack(len(head)), head]
        for body in self.bodies.values():
            parts += [_LEN.pack(len(body)), body]
        return b"".join(parts)

    @classmethod
    def loads(cls, data: bytes) -> Entry:
        (n,) = _LEN.unpack_from(data, 0)
        meta = json.loads(data[4 : 4 + n])
        offset = 4 + n
        bodies = {}
        for encoding in meta["encodings"]:
            (m,) = _LEN.unpack_from(data, offset)
            bodies[encoding] = data[offset + 4 : offset + 4 + m]
            offset += 4 + m
        return cls(
            status=meta["status"],
            headers=[tuple(h) for h in meta["headers"]],
            bodies=bodies,
            etag=meta["etag"],
            last_modified=meta["last_modified"],
            stored_at=meta["stored_at"],
            deps=[tuple(d) for d in meta["deps"]],
            nonce=bytes.fromhex(meta["nonce"]),
            vary=tuple(meta["vary"]),
        )


def storable(status: str, headers: list[tuple[str, str]]) -> tuple[bool, tuple[str, ...]]:
    """Say whether a response may be shared, and which request headers it varies on.

    Only ``200`` answers without cookies, without ``private``/``no-store``/``no-cache`` and
    not already encoded are stored. ``Vary: *`` is never stored; ``Accept-Encoding`` is
    served from the stored variants and ``Cookie`` by the request rules in
    :mod:`silkwire.core.pagecache.wsgi` (a request with a session cookie never reaches the
    cache); any other header named in ``Vary`` becomes part of the key.
    """
    if not status.startswith("200"):
        return False, ()
    vary: list[str] = []
    for name, value in headers:
        lower = name.lower()
        if lower == "set-cookie" or lower == "content-encoding":
            return False, ()
        if lower == "cache-control":
            directives = {d.strip().split("=")[0].lower() for d in value.split(",")}
            if directives & {"private", "no-store", "no-cache"}:
                return False, ()
        elif lower == "vary":
            for header in value.split(","):
                header = header.strip().lower()
                if header == "*":
                    return False, ()
                if header and header not in ("accept-encoding", "cookie") and header not in vary:
                    vary.append(header)
    return True, tuple(sorted(vary))


def build_entry(
    status: str,
    headers: list[tuple[str, str]],
    body: bytes,
    *,
    deps: list[tuple[int, int]],
    nonce: bytes,
    vary: tuple[str, ...],
    cache_control: str,
    brotli_quality: int,
) -> Entry:
    """Make an entry from a rendered response: compress it and compute its validators."""
    now = time.time()
    kept: list[tuple[str, str]] = []
    last_modified = now
    content_type = ""
    has_cache_control = False
    for name, value in headers:
        lower = name.lower()
        if lower == "last-modified":
            try:
                last_modified = min(parsedate_to_datetime(value).timestamp(), now)
            except (TypeError, ValueError):
                pass
            continue
        if lower in _OWN_HEADERS:
            continue
        if lower == "content-type":
            content_type = value.lower()
        if lower == "cache-control":
            has_cache_control = True
        kept.append((name, value))
    if not has_cache_control and cache_control:
        kept.append(("Cache-Control", cache_control))
    bodies = {"identity": body}
    if len(body) >= 256 and content_type.startswith(_COMPRESSIBLE):
        bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        bodies["br"] = brotli.compress(body, quality=brotli_quality)
    return Entry(
        status=status,
        headers=kept,
        bodies=bodies,
        etag=hashlib.blake2b(body, digest_size=12).hexdigest(),
        last_modified=float(int(last_modified)),
        stored_at=now,
        deps=deps,
        nonce=nonce,
        vary=vary,
    )


def choose_encoding(accept: str | None, entry: Entry) -> str:
    """Pick ``br``, then ``gzip``, then identity, as the request's ``Accept-Encoding`` allows."""
    if not accept or len(entry.bodies) == 1:
        return "identity"
    wanted: dict[str, float] = {}
    for item in accept.split(","):
        token, _, params = item.strip().partition(";")
        q = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                q = float(params[2:])
            except ValueError:
                q = 0.0
        wanted[token.strip().lower()] = q
    star = wanted.get("*", 0.0)
    for encoding in ("br", "gzip"):
        if wanted.get(encoding, star) > 0 and encoding in entry.bodies:
            return encoding
    return "identity"


def not_modified(environ_get, entry: Entry) -> bool:
    """Apply ``If-None-Match`` (weak comparison, RFC 9110 §13.1.2), else ``If-Modified-Since``."""
    inm = environ_get("HTTP_IF_NONE_MATCH")
    if inm is not None:
        if inm.strip() == "*":
            return True
        ours = {entry.etag_for(e) for e in entry.bodies}
        for tag in inm.split(","):
            tag = tag.strip()
            if tag.startswith("W/"):
                tag = tag[2:]
            if tag in ours:
                return True
        return False
    ims = environ_get("HTTP_IF_MODIFIED_SINCE")
    if ims:
        try:
            return int(entry.last_modified) <= parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError, OverflowError):
            return False
    return False
