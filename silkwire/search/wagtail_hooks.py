from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from silkwire.search.models import NameVariant


class NameVariantViewSet(SnippetViewSet):
    model = NameVariant
    icon = "search"
    menu_label = "Name variants"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "variants", "note"]
    search_fields = ["name", "variants"]


register_snippet(NameVariantViewSet)
