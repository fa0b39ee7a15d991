"""The Gutenberg block grammar: split post content into freeform HTML and (nested) blocks.

As WordPress serialises blocks (``get_comment_delimited_block_content``):
``<!-- wp:name {json} /-->`` for a void block and
``<!-- wp:name {json} -->…<!-- /wp:name -->`` for one with inner HTML; the ``core/``
namespace is dropped, attributes are a JSON object, blocks nest.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

# --- Gutenberg block grammar -------------------------------------------------------------------
# '<!-- wp:%s %s/-->' and '<!-- wp:%s %s-->%s<!-- /wp:%s -->' (get_comment_delimited_block_content)
_BLOCK_RE = re.compile(
    r"<!--\s+(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)


@dataclass
class GBlock:
    name: str
    attrs: dict
    parts: list[str | GBlock] = field(default_factory=list)

    def html(self) -> str:
        """Return the block's serialised inner HTML, inner blocks included."""
        return "".join(p if isinstance(p, str) else p.html() for p in self.parts)

    def own_html(self) -> list[str]:
        return [p for p in self.parts if isinstance(p, str)]


def parse_blocks(content: str) -> list[str | GBlock]:
    """Split ``content`` into freeform strings and (nested) Gutenberg blocks."""
    root = GBlock("__root__", {})
    stack = [root]
    pos = 0
    for match in _BLOCK_RE.finditer(content):
        if match.start() > pos:
            stack[-1].parts.append(content[pos : match.start()])
        pos = match.end()
        name = match.group("name")
        if name.startswith("core/"):
            name = name[5:]
        if match.group("close"):
            # Close the innermost open block of that name; stray closers are ignored.
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].name == name:
                    del stack[depth:]
                    break
            continue
        attrs: dict = {}
        if match.group("attrs"):
            try:
                loaded = json.loads(match.group("attrs"))
                attrs = loaded if isinstance(loaded, dict) else {}
            except ValueError:
                attrs = {}
        block = GBlock(name, attrs)
        stack[-1].parts.append(block)
        if not match.group("void"):
            stack.append(block)
    if pos < len(content):
        stack[-1].parts.append(content[pos:])
    return root.parts
