"""``{% load fragment_tags %}``: the ``{% fragment %}`` tag (silkwire.core.pagecache.fragments)."""

from silkwire.core.pagecache.fragments import register

__all__ = ["register"]
