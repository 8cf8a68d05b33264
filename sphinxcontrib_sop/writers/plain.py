"""Text, man and Texinfo: print-only markers left out, tables these builders can write,
what changed between editions marked as ``[-deleted-]`` and ``{+inserted+}``."""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxTranslator

from ..doctree.nodes import (
    sop_deleted,
    sop_inserted,
    sop_line_break_opportunity,
    sop_marked,
    sop_page_break,
    sop_procedure,
    sop_signature_space,
)


class RemoveLogo(SphinxPostTransform):
    """Plain-text outputs print an image as ``[image]``: leave the logo out."""

    default_priority = 200
    builders = ("text", "man")

    def run(self, **kwargs: Any) -> None:
        for procedure in self.document.findall(sop_procedure):
            for image in list(procedure.findall(nodes.image)):
                if "sop-logo" in image["classes"]:
                    image.parent.remove(image)


class UnspanTables(SphinxPostTransform):
    """Man pages cannot span table cells: give every spanned position its own cell."""

    default_priority = 200
    builders = ("man",)

    def run(self, **kwargs: Any) -> None:
        for procedure in self.document.findall(sop_procedure):
            for table in procedure.findall(nodes.tgroup):
                _unspan(table)


def visit_marked(self: SphinxTranslator, node: nodes.Element) -> None:
    """Mark the words deleted and inserted between editions as ``wdiff`` does.

    A ``[-``, ``-]``, ``{+``, ``+}`` or backslash of the text itself gets a backslash
    before it, so that every mark in the output is one of the extension's. The whole
    is written as text, escaped as each format escapes text.
    """
    self.visit_Text(nodes.Text("".join(map(_marked_text, node.children))))
    raise nodes.SkipNode


#: What a text's own marks and backslashes are escaped at: the character a backslash goes before.
_MARK_LIKE = re.compile(r"\\|[\[{](?=[-+])|[-+](?=[\]}])")
_MARKS = {sop_deleted: ("[-", "-]"), sop_inserted: ("{+", "+}")}


def _marked_text(node: nodes.Node) -> str:
    text = _MARK_LIKE.sub(lambda found: "\\" + found[0], node.astext())
    start, end = _MARKS.get(type(node), ("", ""))
    return f"{start}{text}{end}"


class UnspanEmptyCells(SphinxPostTransform):
    """Sphinx's text writer writes the next cells over an empty cell spanning rows: unspan
    the tables holding one.

    The identity table's first cell (logo, agency and unit) is one when no agency or
    unit is set.  Runs after :class:`RemoveLogo`, which may empty it.
    """

    default_priority = 201
    builders = ("text",)

    def run(self, **kwargs: Any) -> None:
        for procedure in self.document.findall(sop_procedure):
            for table in procedure.findall(nodes.tgroup):
                if any(
                    entry.get("morerows") and not entry.astext().strip()
                    for entry in table.findall(nodes.entry)
                ):
                    _unspan(table, columns=False)


def _unspan(tgroup: nodes.tgroup, columns: bool = True) -> None:
    """Give each position a spanned cell covers its own empty cell: the rows below it and,
    with ``columns``, the columns beside it.
    """
    carried: dict[int, int] = {}  # column -> rows still covered by a cell above
    for row in tgroup.findall(nodes.row):
        position, cells = 0, list(row.children)
        row.clear()
        for entry in cells:
            while carried.get(position):
                carried[position] -= 1
                row += nodes.entry()
                position += 1
            morerows = int(entry.attributes.pop("morerows", 0))
            morecols = int(
                entry.attributes.pop("morecols", 0) if columns else entry.get("morecols", 0)
            )
            row += entry
            for column in range(position, position + morecols + 1):
                if morerows:
                    carried[column] = morerows
                if columns and column > position:
                    row += nodes.entry()
            position += morecols + 1
        while position < int(tgroup["cols"]):
            if carried.get(position):
                carried[position] -= 1
            row += nodes.entry()
            position += 1


def skip(self: SphinxTranslator, node: nodes.Element) -> None:
    """Leave a print-only marker out."""
    raise nodes.SkipNode


#: The builders these visitors are for, and the visitors by node.
BUILDERS = ("text", "man", "texinfo")
VISITORS = {
    sop_page_break: (skip, None),
    sop_signature_space: (skip, None),
    sop_line_break_opportunity: (skip, None),
    sop_marked: (visit_marked, None),
}


def register(app: Sphinx) -> None:
    """Register the post-transforms."""
    app.add_post_transform(RemoveLogo)
    app.add_post_transform(UnspanTables)
    app.add_post_transform(UnspanEmptyCells)
