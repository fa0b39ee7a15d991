"""Admin: upload a WordPress export, read the dry-run report, run the import in the background."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from silkwire.ingest.models import ImportRun
from silkwire.ingest.wordpress import jobs

ALLOWED_SUFFIXES = (".xml", ".xml.gz", ".zip")


class WordPressUploadForm(forms.Form):
    export = forms.FileField(
        label="WordPress export",
        help_text="The file from Tools → Export in WordPress (.xml, .xml.gz or .zip).",
    )
    pages = forms.BooleanField(
        required=False,
        label="Also import pages",
        help_text="WordPress pages become feature articles.",
    )
    category_map = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Category map (optional JSON)",
        help_text='E.g. {"economy": "topic:economy", "almaty": "country:KZ", "misc": "skip"}. '
        "Without it, categories named like a country or topic map to it; the rest become tags.",
    )

    def clean_export(self):
        upload = self.cleaned_data["export"]
        if not upload.name.lower().endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError("Upload a .xml, .xml.gz or .zip WordPress export.")
        return upload

    def clean_category_map(self):
        text = self.cleaned_data["category_map"].strip()
        if not text:
            return ""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                f"Line {exc.lineno}, column {exc.colno}: {exc.msg}."
            ) from None
        if not isinstance(data, dict):
            raise forms.ValidationError("Write a JSON object: category → target.")
        return text


def _require_admin(request) -> None:
    # Imports write pages, authors, images and redirects site-wide: administrators only.
    if not request.user.is_superuser:
        raise PermissionDenied


def index(request):
    _require_admin(request)
    if request.method == "POST":
        form = WordPressUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["export"]
            run = ImportRun.objects.create(
                kind="wordpress",
                source=upload,
                source_name=upload.name[:255],
                options={
                    "pages": form.cleaned_data["pages"],
                    "category_map": form.cleaned_data["category_map"],
                },
                created_by=request.user,
            )
            jobs.start(run)
            return redirect("ingest_wordpress_run", run.pk)
    else:
        form = WordPressUploadForm()
    runs = ImportRun.objects.filter(kind="wordpress")[:20]
    return TemplateResponse(
        request, "ingest/wordpress.html", {"form": form, "runs": runs, "title": "WordPress import"}
    )


def detail(request, run_id: int):
    _require_admin(request)
    run = get_object_or_404(ImportRun, pk=run_id, kind="wordpress")
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "status": run.status,
                "percent": run.percent,
                "done": run.progress_done,
                "total": run.progress_total,
                "error": run.error,
            }
        )
    report = run.report or run.dry_run_report
    return TemplateResponse(
        request,
        "ingest/wordpress_run.html",
        {
            "run": run,
            "report": report,
            "report_json": json.dumps(report, ensure_ascii=False, indent=2) if report else "",
            "title": f"WordPress import #{run.pk}",
        },
    )


@require_POST
def start_import(request, run_id: int):
    _require_admin(request)
    run = get_object_or_404(ImportRun, pk=run_id, kind="wordpress")
    updated = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.ANALYSED).update(
        status=ImportRun.Status.QUEUED, progress_done=0
    )
    if updated:
        run.refresh_from_db()
        jobs.start(run)
        messages.success(request, "Import started; this page follows its progress.")
    else:
        messages.error(request, f"This import is {run.get_status_display().lower()}: not started.")
    return redirect("ingest_wordpress_run", run.pk)
