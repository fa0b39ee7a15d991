"""The records a WXR export is read into (channel, authors, terms, items) and the read errors."""

from __future__ import annotations

from dataclasses import dataclass, field


class WXRError(Exception):
    """The export cannot be read; the message names the file, the place and the fix."""


class WXRSecurityError(WXRError):
    """The export contains a construct we refuse (DOCTYPE, ENTITY): a bomb or XXE attempt."""


@dataclass
class WXRAuthor:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    author_id: int | None = None


@dataclass
class WXRTerm:
    taxonomy: str  # category | post_tag | custom taxonomy
    slug: str
    name: str
    parent: str = ""  # the parent's slug
    description: str = ""


@dataclass
class WXRChannel:
    title: str = ""
    link: str = ""
    language: str = ""
    wxr_version: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    authors: dict[str, WXRAuthor] = field(default_factory=dict)
    categories: dict[str, WXRTerm] = field(default_factory=dict)
    tags: dict[str, WXRTerm] = field(default_factory=dict)
    terms: list[WXRTerm] = field(default_factory=list)

    @property
    def site_key(self) -> str:
        """Return the key that identifies the source site for idempotency."""
        return (self.base_blog_url or self.base_site_url or self.link).rstrip("/")


@dataclass
class WXRItem:
    post_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified: str = ""
    post_modified_gmt: str = ""
    post_parent: int = 0
    menu_order: int = 0
    password: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, slug, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    line: int | None = None
    needs_review: bool = False

    def categories(self) -> list[tuple[str, str]]:
        return [(slug, name) for domain, slug, name in self.terms if domain == "category"]

    def tags(self) -> list[tuple[str, str]]:
        # WXR 1.0 writes tags with domain="tag" (docs/import-notes.md A.1).
        return [(slug, name) for domain, slug, name in self.terms if domain in {"post_tag", "tag"}]
