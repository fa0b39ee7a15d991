"""The import report: counts, failures and warnings, as JSON and as a terminal table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

MAX_WARNINGS = 500  # keep the report small on a 100,000-post export; the total is still counted


@dataclass
class ImportReport:
    dry_run: bool = False
    site: str = ""
    items: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)
    failed: list[dict] = field(default_factory=list)
    articles: Counter = field(default_factory=Counter)
    authors: int = 0
    authors_created: int = 0
    images: int = 0
    images_missing: int = 0
    redirects: int = 0
    needs_review: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warnings_total: int = 0
    seconds: float = 0.0

    def warn(self, message: str) -> None:
        self.warnings_total += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] += n

    def fail(self, post_id: int, error: str) -> None:
        self.failed.append({"post_id": post_id, "error": error})

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "site": self.site,
            "items": self.items,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": dict(sorted(self.skipped.items())),
            "failed": self.failed,
            "articles": {k: self.articles.get(k, 0) for k in ("live", "draft", "scheduled")},
            "authors": self.authors,
            "authors_created": self.authors_created,
            "images": self.images,
            "images_missing": self.images_missing,
            "redirects": self.redirects,
            "needs_review": self.needs_review,
            "warnings": self.warnings,
            "warnings_total": self.warnings_total,
            "seconds": round(self.seconds, 2),
        }

    def summary_rows(self) -> list[tuple[str, str]]:
        d = self.as_dict()
        rows = [
            ("items read", str(d["items"])),
            ("created", str(d["created"])),
            ("updated", str(d["updated"])),
            ("unchanged", str(d["unchanged"])),
            ("failed", str(len(d["failed"]))),
            (
                "articles live / draft / scheduled",
                "{live} / {draft} / {scheduled}".format(**d["articles"]),
            ),
            ("authors (created)", f"{d['authors']} ({d['authors_created']})"),
            ("images imported / missing", f"{d['images']} / {d['images_missing']}"),
            ("redirects", str(d["redirects"])),
        ]
        rows += [(f"skipped: {reason}", str(n)) for reason, n in d["skipped"].items()]
        rows.append(("warnings", str(d["warnings_total"])))
        return rows
