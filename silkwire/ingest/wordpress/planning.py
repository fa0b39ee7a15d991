"""Plan one WordPress item: countries, topics, tags, authors, status, dates, images, redirects."""

from __future__ import annotations

import hashlib
import html
import json

from django.utils import timezone
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect

from silkwire.ingest.wordpress.content import clean_text, convert_content, plain_text
from silkwire.ingest.wordpress.creating import author_for, tag_for
from silkwire.ingest.wordpress.mapping import make_slug
from silkwire.ingest.wordpress.parse import WXRItem, item_datetime
from silkwire.ingest.wordpress.prefetch import Prepared, detection_text
from silkwire.ingest.wordpress.writer import PagePlan
from silkwire.news.models import Author, CountryPage


def _digest(plan: PagePlan) -> str:
    """Hash what the import would write, so an unchanged item is left alone on a re-run."""
    data = [
        plan.title,
        plan.slug,
        plan.standfirst,
        plan.blocks,
        plan.state,
        str(plan.first_published_at),
        str(plan.last_published_at),
        str(plan.go_live_at),
        plan.country.pk,
        plan.other_countries,
        plan.topics,
        plan.tag_ids,
        plan.authors,
        plan.lead_image_id,
        plan.lead_image_caption,
        plan.kind,
        plan.redirects,
        plan.password,
    ]
    raw = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


class ItemPlanning:
    """Map one WXR item to a ``PagePlan``; mixed into ``WordPressImporter``, whose
    ``_setup`` provides the state used here (mapper, detect, region, media, offset,
    tags, writer, report, options)."""

    def _author_id(self, login: str, display_name: str = "") -> int | None:
        """Return the Silkwire author for a WordPress login, creating it (by slug) if needed."""
        login = (login or "").strip()
        if not login:
            return None
        if login in self._authors_by_login:
            return self._authors_by_login[login]
        name = (display_name or login).strip()[:120]
        slug = make_slug(login, 120) or make_slug(name, 120) or "author"
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            if self.options.dry_run:
                self.report.authors_created += 1
            else:
                author, created = author_for(name, slug)
                self.report.authors_created += int(created)
        found = author.pk if author is not None else -len(self._authors_by_login) - 1
        if author is not None:
            self.writer.authors[author.pk] = author
        self._authors_by_login[login] = found
        self.report.authors = len(self._authors_by_login)
        return found

    def _tag_ids(self, names: list[str]) -> list[int]:
        ids = []
        for name in names:
            key = name.casefold()
            if key not in self.tags:
                if self.options.dry_run:
                    self.tags[key] = -len(self.tags) - 1
                else:
                    slug = make_slug(name, 100) or slugify(name, allow_unicode=True)[:100] or "tag"
                    self.tags[key] = tag_for(name, slug, self.tag_slugs)
            if self.tags[key] not in ids:
                ids.append(self.tags[key])
        return ids

    # -- mapping --------------------------------------------------------------------------------
    def _plan(self, item: WXRItem, prepared: Prepared) -> tuple[PagePlan, list[str], list[str]]:
        notes: list[str] = []  # status decisions, reported per item
        title = (
            clean_text(html.unescape(item.title))[:255] or f"Untitled (WordPress #{item.post_id})"
        )
        conversion = prepared.conversion or convert_content(item.content)
        blocks = self._resolve_media(conversion.blocks, item)

        countries: list[CountryPage] = []
        topics: list[int] = []
        tags: list[str] = []
        for slug, name in item.categories():
            target = self.mapper.resolve(slug, name)
            if target.kind == "country" and target.country not in countries:
                countries.append(target.country)  # type: ignore[arg-type]
            elif target.kind == "topic" and target.topic.pk not in topics:  # type: ignore[union-attr]
                topics.append(target.topic.pk)  # type: ignore[union-attr]
            elif target.kind == "tag" and target.tag:
                tags.append(target.tag)
        tags += [html.unescape(name or slug) for slug, name in item.tags()]
        tags = list(dict.fromkeys(t.strip()[:100] for t in tags if t.strip()))
        if not countries:
            detected = prepared.detected
            if detected is None and self.detect is not None:
                # CountryMatch(slug, score, terms), strongest first.
                matches = self.detect(detection_text(item, title)) or []
                detected = [str(getattr(m, "slug", m)) for m in matches]
            for slug in detected or []:
                country = self.mapper.countries.get(slug)
                if country is not None and country not in countries:
                    countries.append(country)
        country = countries[0] if countries else self.region

        # Status (docs/import-notes.md A.3.4).
        status = item.status
        published = item_datetime(item.post_date_gmt, item.post_date, self.offset)
        modified = item_datetime(item.post_modified_gmt, item.post_modified, self.offset)
        now = timezone.now()
        go_live_at = None
        if status == "publish":
            state = "live"
        elif status == "future":
            state = "scheduled" if published and published > now else "live"
            go_live_at = published if state == "scheduled" else None
        elif status == "private":
            state = "draft"
            notes.append("private in WordPress: imported as a draft")
        else:
            state = "draft"
        if item.password:
            # Kept behind the same password (a Wagtail view restriction), never made public.
            notes.append("password-protected in WordPress: kept behind the same password")
        if item.needs_review and state != "draft":
            state, go_live_at = "draft", None
            notes.append("read in XML recovery mode: imported as a draft for review")
        if published is None and state == "live":
            published = modified or now
            notes.append("no publication date: using the modification date")

        lead_id = None
        lead_caption = ""
        thumb = item.meta.get("_thumbnail_id", "").strip()
        if thumb.isdigit():
            lead_id = self.media.image_id(int(thumb), "", item.post_id)
            lead_caption = self.media.caption_for(int(thumb)) if lead_id else ""

        # Some real exports carry stray brackets around the login (theme unit test data).
        authors = [
            a for a in [self._author_id(item.creator.strip().strip("<>").strip())] if a is not None
        ]
        slug_base = make_slug(item.post_name) or make_slug(title) or f"post-{item.post_id}"
        plan = PagePlan(
            post_id=item.post_id,
            post_type=item.post_type,
            link=item.link,
            title=title,
            slug=slug_base,
            standfirst=prepared.standfirst
            if prepared.standfirst is not None
            else plain_text(item.excerpt, 2000),
            blocks=blocks,
            state=state,
            first_published_at=published if state == "live" else None,
            last_published_at=(max(modified, published) if modified and published else published)
            if state == "live"
            else None,
            go_live_at=go_live_at,
            country=country,
            other_countries=[c.pk for c in countries[1:] if c.pk != country.pk],
            topics=topics,
            tag_ids=self._tag_ids(tags),
            authors=authors,
            lead_image_id=lead_id if lead_id and lead_id > 0 else None,
            lead_image_caption=lead_caption[:500],
            kind="feature" if item.post_type == "page" else "news",
            redirects=self._redirect_paths(item),
            password=item.password,
            warnings=notes + conversion.warning_lines(),
        )
        plan.digest = _digest(plan)
        return plan, notes, list(conversion.warnings)

    def _resolve_media(self, blocks: list[dict], item: WXRItem) -> list[dict]:
        out: list[dict] = []
        for block in blocks:
            if block["type"] == "_gallery":
                ids = block["ids"] if block["ids"] else self.media.children.get(item.post_id, [])
                for att_id in ids:
                    image_id = self.media.image_id(att_id, "", item.post_id)
                    if image_id:
                        caption = self.media.caption_for(att_id)
                        out.append(
                            {"type": "image", "image": image_id, "caption": caption, "credit": ""}
                        )
            elif block["type"] == "_image":
                image_id = self.media.image_id(block["attachment_id"], block["src"], item.post_id)
                if image_id:
                    caption = block["caption"] or self.media.caption_for(block["attachment_id"])
                    out.append(
                        {"type": "image", "image": image_id, "caption": caption[:500], "credit": ""}
                    )
            else:
                out.append(block)
        return out

    @staticmethod
    def _redirect_paths(item: WXRItem) -> list[str]:
        """Return the old permalink path and ``/?p=ID`` (WordPress answers both)."""
        paths = []
        if item.link:
            path = Redirect.normalise_path(item.link)
            if path and path != "/":
                paths.append(path)
        paths.append(Redirect.normalise_path(f"/?p={item.post_id}"))
        return list(dict.fromkeys(paths))
