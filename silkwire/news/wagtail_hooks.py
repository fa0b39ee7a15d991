from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from silkwire.news.models import Author, Topic


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "slug"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug"]


register_snippet(AuthorViewSet)
register_snippet(TopicViewSet)


@hooks.register("before_edit_page")
def refuse_stale_save(request, page):
    """Refuse a save made from an outdated editor: never overwrite a colleague's newer revision.

    Wagtail warns about concurrent editors in the page while it is open and guards its
    autosave; a plain form POST from an editor that loaded an older revision would
    still overwrite silently, so it is refused here with a message naming who saved.
    """
    if request.method != "POST" or request.headers.get("accept", "").startswith("application/json"):
        return None
    loaded = request.POST.get("loaded_revision_id")
    latest = page.get_latest_revision()
    if not loaded or latest is None or loaded == str(latest.pk):
        return None
    who = latest.user.get_full_name() or latest.user.get_username() if latest.user else "someone"
    when = timezone.localtime(latest.created_at).strftime("%d %b %Y %H:%M")
    messages.error(
        request,
        f"Not saved: {who} saved a newer version of “{page.get_admin_display_title()}” at {when} "
        "after you opened it. Your changes would have overwritten theirs. The editor now shows "
        "their version; compare revisions in the History tab and re-apply your changes.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
