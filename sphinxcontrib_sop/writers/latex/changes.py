"""What changed between editions, in print: deleted words struck through, inserted ones
underlined (``\\sopdeleted``, ``\\sopinserted`` of the support package).

Each word is marked on its own, so that a marked text still breaks between its words;
inserted words right after deleted ones stand a thin space apart.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ...doctree.nodes import sop_deleted


def _marked_words(translator: LaTeXTranslator, node: nodes.Element, macro: str) -> None:
    words = re.split(r"(\s+)", node.astext())
    position = node.parent.index(node)
    after_deleted = position > 0 and isinstance(node.parent[position - 1], sop_deleted)
    translator.body.append(
        ("\\," if after_deleted else "")
        + "".join(
            " " if word.isspace() else f"\\{macro}{{{translator.encode(word)}}}"
            for word in words
            if word
        )
    )
    raise nodes.SkipNode


def visit_deleted(translator: LaTeXTranslator, node: nodes.Element) -> None:
    _marked_words(translator, node, "sopdeleted")


def visit_inserted(translator: LaTeXTranslator, node: nodes.Element) -> None:
    _marked_words(translator, node, "sopinserted")
