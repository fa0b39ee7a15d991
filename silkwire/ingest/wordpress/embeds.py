"""Recognise a known video/social provider's URL or iframe src and give its canonical URL."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

EMBED_HOSTS = (
    "youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "vimeo.com",
    "facebook.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "t.me",
    "soundcloud.com",
    "spotify.com",
    "tiktok.com",
    "flickr.com",
    "dailymotion.com",
)


def embed_url(src: str) -> str | None:
    """Return the canonical public URL for a known provider's URL or iframe src, else None."""
    src = (src or "").strip()
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.").removeprefix("m.")
    if not any(host == h or host.endswith("." + h) for h in EMBED_HOSTS):
        return None
    if "youtube" in host and parts.path.startswith("/embed/"):
        video = parts.path.split("/")[2]
        return f"https://www.youtube.com/watch?v={video}" if video else None
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.split('/')[2]}"
    if "youtube" in host and parts.path == "/watch":
        video = parse_qs(parts.query).get("v", [""])[0]
        return f"https://www.youtube.com/watch?v={video}" if video else None
    return src
