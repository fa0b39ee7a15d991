"""Every use of a private Wagtail or django-treebeard API, in one place.

pyproject.toml allows any Wagtail from 7.1 to before 9 (and whatever django-treebeard it
brings), and these names are not part of either project's public API: a minor release may
rename or change them without notice. Each one is wrapped here, and
tests/core/test_wagtail_compat.py checks each wrapper against what the library really does, so
an upgrade that changes one fails that test, by name, instead of corrupting the page tree or the
reference index at run time. Code elsewhere calls these functions, never the private names.

Checked against Wagtail 8.0 and django-treebeard 5.3.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from wagtail.models import Page, ReferenceIndex

__all__ = [
    "content_path_hash",
    "extract_references",
    "first_child_path",
    "next_sibling_path",
    "set_cached_parent",
]


class WagtailCompatError(RuntimeError):
    """A private API this module wraps is gone: the installed Wagtail/treebeard changed it."""


def _private(owner: object, name: str):
    try:
        return getattr(owner, name)
    except AttributeError:
        raise WagtailCompatError(
            f"{getattr(owner, '__name__', owner)}.{name} no longer exists in the installed "
            "Wagtail/django-treebeard; update silkwire/core/wagtail_compat.py "
            "(tests/core/test_wagtail_compat.py shows what it must do)."
        ) from None


def set_cached_parent(page: Page, parent: Page) -> None:
    """Tell ``page`` its parent, so ``page.get_parent()`` answers without a query.

    treebeard's ``MP_Node.get_parent`` caches the parent in ``_cached_parent_obj``; the page
    routes set it because they have just read the parent, saving a query per request.
    """
    page._cached_parent_obj = parent


def first_child_path(parent_path: str) -> str:
    """Return the treebeard ``path`` of the first child of the page at ``parent_path``."""
    return parent_path + _private(Page, "_get_path")("", 1, 1)


def next_sibling_path(path: str) -> str:
    """Return the treebeard ``path`` of the sibling right after the page at ``path``."""
    return _private(Page(path=path), "_inc_path")()


def extract_references(obj) -> Iterable[tuple[int, str, str, str]]:
    """Yield what ``obj`` references, as Wagtail's reference index records it.

    Each item is ``(to_content_type_id, to_object_id, model_path, content_path)``: the fields
    of a ``ReferenceIndex`` row besides the object's own. Used to write the rows of new
    pages in bulk instead of one ``create_or_update_for_object`` per page.
    """
    return _private(ReferenceIndex, "_extract_references_from_object")(obj)


def content_path_hash(content_path: str) -> uuid.UUID:
    """Return the ``content_path_hash`` Wagtail stores with a reference at ``content_path``."""
    return _private(ReferenceIndex, "_get_content_path_hash")(content_path)
