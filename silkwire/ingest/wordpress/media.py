"""Images of a WordPress export, read from a local copy of ``wp-content/uploads``; never fetched."""

from __future__ import annotations

import hashlib
import html
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from silkwire.ingest.models import WordPressImportRecord
from silkwire.ingest.wordpress.content import plain_text
from silkwire.ingest.wordpress.parse import WXRItem
from silkwire.ingest.wordpress.report import ImportReport
from silkwire.ingest.wordpress.safety import is_disk_full

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 25 * 1024 * 1024  # WAGTAILIMAGES_MAX_UPLOAD_SIZE
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}

_SIZE_SUFFIX_RE = re.compile(r"-\d+x\d+$")


@dataclass
class Attachment:
    post_id: int
    url: str
    attached_file: str = ""
    title: str = ""
    alt: str = ""
    caption: str = ""
    parent: int = 0


def _upload_path(url: str) -> str:
    """Return the path of an uploads URL relative to ``wp-content/uploads``."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if "/wp-content/uploads/" in path:
        return path.split("/wp-content/uploads/", 1)[1]
    if "/uploads/" in path:
        return path.rsplit("/uploads/", 1)[1]
    return path.lstrip("/")  # WordPress.com: https://site.files.wordpress.com/2008/06/x.jpg


def _stub(rel: str) -> str:
    """Return ``2024/06/name`` for ``2024/06/name-1024x683.jpg``: the key of all sizes of a file."""
    p = Path(rel)
    return str(p.parent / _SIZE_SUFFIX_RE.sub("", p.stem)).lower()


class MediaLibrary:
    """Resolve attachments and image URLs to Wagtail images, from a copy of wp-content/uploads.

    Images are created while an item is planned, each in its own small transaction: an
    image is a whole object by itself, and the attachment record makes the next run reuse it.

    Never fetches over the network: without ``--media`` (or when a file is missing) the
    original URL is reported and the article is imported without that image.
    """

    def __init__(
        self, media_dir: Path | None, site: str, report: ImportReport, dry_run: bool, user=None
    ):
        self.media_dir = media_dir.resolve() if media_dir else None
        self.site = site
        self.report = report
        self.dry_run = dry_run
        self.user = user
        self.attachments: dict[int, Attachment] = {}
        self.children: dict[int, list[int]] = defaultdict(list)
        self.by_stub: dict[str, int] = {}
        self.images: dict[int, int] = {}  # attachment post_id → Image id
        self.by_path: dict[str, int] = {}  # relative path → Image id (URL-only images)
        self.missing: set[str] = set()
        self.Image = get_image_model()

    def add_attachment(self, item: WXRItem) -> None:
        url = item.attachment_url or item.guid
        att = Attachment(
            post_id=item.post_id,
            url=url,
            attached_file=item.meta.get("_wp_attached_file", ""),
            title=html.unescape(item.title),
            alt=item.meta.get("_wp_attachment_image_alt", ""),
            caption=plain_text(item.excerpt, 500),
            parent=item.post_parent,
        )
        self.attachments[item.post_id] = att
        if item.post_parent:
            self.children[item.post_parent].append(item.post_id)
        rel = att.attached_file or _upload_path(url)
        if rel:
            self.by_stub.setdefault(_stub(rel), item.post_id)

    def preload(self) -> None:
        for post_id, image_id in WordPressImportRecord.objects.filter(
            site=self.site, kind=WordPressImportRecord.Kind.ATTACHMENT, image__isnull=False
        ).values_list("post_id", "image_id"):
            self.images[post_id] = image_id

    def _file_for(self, rels: Iterable[str]) -> Path | None:
        if self.media_dir is None:
            return None
        for rel in rels:
            if not rel:
                continue
            candidate = (self.media_dir / rel).resolve()
            # Never read outside the media folder, whatever the export says.
            if not candidate.is_relative_to(self.media_dir):
                continue
            if candidate.is_file() and candidate.suffix.lower() in IMAGE_SUFFIXES:
                return candidate
        return None

    def _missing(self, url: str, post_id: int) -> None:
        if url not in self.missing:
            self.missing.add(url)
            self.report.images_missing += 1
            where = "no file under --media" if self.media_dir else "no --media folder given"
            self.report.warn(f"post {post_id}: image not imported ({where}): {url}")

    def image_id(self, attachment_id: int | None, src: str, post_id: int) -> int | None:
        """Return the Wagtail image id for an attachment or uploads URL, importing it if needed."""
        att = self.attachments.get(attachment_id) if attachment_id is not None else None
        if att is None and src:
            found = self.by_stub.get(_stub(_upload_path(src.split("?")[0])))
            att = self.attachments.get(found) if found is not None else None
        if att is not None and att.post_id in self.images:
            return self.images[att.post_id]
        rels: list[str] = []
        if att is not None:
            rels += [att.attached_file, _upload_path(att.url)]
        if src:
            rels.append(_upload_path(src.split("?")[0]))
        url = att.url if att is not None else src
        path = self._file_for(rels)
        if path is None:
            if url:
                self._missing(url, post_id)
            return None
        key = str(path.relative_to(self.media_dir))  # type: ignore[arg-type]
        if att is None and key in self.by_path:
            return self.by_path[key]
        if self.dry_run:
            self.report.images += 1
            return -1
        image_id = self._create_image(path, att, post_id)
        if image_id is None:
            return None
        if att is not None:
            self.images[att.post_id] = image_id
            WordPressImportRecord.objects.update_or_create(
                site=self.site,
                post_id=att.post_id,
                defaults={
                    "kind": WordPressImportRecord.Kind.ATTACHMENT,
                    "image_id": image_id,
                    "source_url": att.url[:1000],
                },
            )
        else:
            self.by_path[key] = image_id
        return image_id

    def _create_image(self, path: Path, att: Attachment | None, post_id: int) -> int | None:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            self.report.warn(f"post {post_id}: image over 25 MB not imported: {path.name}")
            return None
        # SHA-1 because Wagtail's Image.file_hash is a SHA-1 (a de-duplication key, not security).
        sha1 = hashlib.sha1(path.read_bytes(), usedforsecurity=False).hexdigest()
        existing = self.Image.objects.filter(file_hash=sha1).values_list("pk", flat=True).first()
        if existing:
            return existing
        title = (att.title if att and att.title else path.stem)[:255]
        try:
            with path.open("rb") as fh:
                image = self.Image(
                    title=title,
                    uploaded_by_user=self.user,
                    description=(att.alt if att else "")[:255],
                )
                image.file = ImageFile(fh, name=path.name)
                image._set_image_file_metadata()
                image.save()
        except Exception as exc:  # a corrupt file must not abort the article
            if is_disk_full(exc):
                raise  # but a full disk stops the import (safety.py)
            logger.warning("image %s not imported: %s", path, exc)
            self.report.warn(f"post {post_id}: unreadable image {path.name}: {exc}")
            return None
        self.report.images += 1
        return image.pk

    def caption_for(self, attachment_id: int | None) -> str:
        att = self.attachments.get(attachment_id) if attachment_id is not None else None
        return att.caption if att else ""
