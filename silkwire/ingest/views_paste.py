"""Admin: "Paste copy" (text → preview → drafts) and country suggestions for an article.

Both views call the same service modules as ``silkwire ingest text``: the pure structurer,
:mod:`silkwire.ingest.countries` and :mod:`silkwire.ingest.text_drafts`.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from silkwire.ingest.countries import choose_countries, detect_countries, page_text
from silkwire.ingest.text_drafts import article_text, create_articles, fallback_title, structure

MAX_PASTE_CHARS = 2_000_000  # docs/import-notes.md D.4: body at most 2 MB per article


class PasteForm(forms.Form):
    text = forms.CharField(
        label="Copy",
        strip=False,
        max_length=MAX_PASTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
        help_text="One article or a whole page dump: headline, paragraphs, lists, interview "
        "turns (“Name: text”). Ticker and date lines are recognised and left out.",
    )
    country = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="Detect from the text",
        help_text="Home country of every article; by default the strongest one in its text.",
    )
    author = forms.CharField(required=False, max_length=255, help_text="Created if new.")
    date = forms.DateField(
        required=False,
        help_text="YYYY-MM-DD. Replaces the date line of the copy, if it has one.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        from silkwire.news.models import CountryPage

        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = CountryPage.objects.order_by("path")

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("Paste some text first.")
        return text


def _country_names() -> dict[str, str]:
    from silkwire.news.models import CountryPage

    return dict(CountryPage.objects.values_list("slug", "title"))


def _preview(result: dict, forced) -> list[dict]:
    """Return what each article would become: title, blocks and countries."""
    names = _country_names()
    previews = []
    for article in result["articles"]:
        text = article_text(article)
        choice = choose_countries(text, forced)
        matches = detect_countries(text)
        previews.append(
            {
                "title": article["title"],
                "fallback_title": "" if article["title"] else fallback_title(article),
                "blocks": article["blocks"],
                "home": choice.home,
                "others": choice.others,
                "countries": [
                    {"slug": m.slug, "name": names.get(m.slug, m.slug), "terms": m.terms}
                    for m in matches
                ],
                "warning": choice.warning,
            }
        )
    return previews


def paste(request):
    """Paste text, preview the detected structure, create the drafts."""
    form = PasteForm(request.POST or None)
    context = {"form": form, "title": "Paste copy"}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = structure(data["text"], date_override=data["date"])
        previews = _preview(result, data["country"])
        context.update(result=result, previews=previews)
        if request.POST.get("action") == "create" and previews:
            denied = sorted(
                {
                    p["home"].title
                    for p in previews
                    if not p["home"].permissions_for_user(request.user).can_add_subpage()
                }
            )
            if denied:
                messages.error(
                    request,
                    "You may not add articles under " + ", ".join(denied) + ": choose a country "
                    "you can write for, or ask an editor.",
                )
            else:
                created = create_articles(
                    result, country=data["country"], author_name=data["author"], user=request.user
                )
                return TemplateResponse(
                    request,
                    "ingest/paste_done.html",
                    {"created": created, "result": result, "title": "Paste copy"},
                )
    return TemplateResponse(request, "ingest/paste.html", context)


# --- country suggestions for one article ---------------------------------------------------


def _article_for_editing(request, page_id: int):
    from silkwire.news.models import ArticlePage

    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ArticlePage):
        raise Http404("Country suggestions exist for articles only.")
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def country_suggestions_for(page) -> tuple[object, list[dict]]:
    """Return the latest draft of an article and one row per country found in its text."""
    from silkwire.news.models import CountryPage

    draft = page.get_latest_revision_as_object()
    home = page.get_parent().specific
    assigned = {home.slug} | {c.slug for c in draft.other_countries.all()}
    pages = {p.slug: p for p in CountryPage.objects.all()}
    rows = []
    for match in detect_countries(page_text(draft)):
        country = pages.get(match.slug)
        if match.slug == home.slug:
            status = "home"
        elif match.slug in assigned:
            status = "set"
        elif country is None:
            status = "no-page"
        else:
            status = "suggested"
        rows.append(
            {
                "slug": match.slug,
                "name": country.title if country else match.slug.replace("-", " ").title(),
                "terms": match.terms,
                "score": match.score,
                "status": status,
            }
        )
    return draft, rows


def country_suggestions(request, page_id: int):
    """Show the countries an article's text names; add the ones the editor ticks."""
    from silkwire.news.models import CountryPage

    page = _article_for_editing(request, page_id)
    draft, rows = country_suggestions_for(page)
    if request.method == "POST":
        allowed = {row["slug"] for row in rows if row["status"] == "suggested"}
        chosen = [slug for slug in request.POST.getlist("country") if slug in allowed]
        if chosen:
            current = list(draft.other_countries.all())
            added = list(CountryPage.objects.filter(slug__in=chosen).order_by("path"))
            draft.other_countries = current + added
            draft.save_revision(user=request.user, log_action=True)
            messages.success(
                request,
                "Added " + ", ".join(c.title for c in added) + " to the article's countries in "
                "a new draft revision; publish it when ready.",
            )
        else:
            messages.warning(request, "No country ticked: nothing changed.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "ingest/paste_country_suggestions.html",
        {
            "page": page,
            "rows": rows,
            "title": "Countries in the text",
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
