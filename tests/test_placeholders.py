"""The nodes filled when a page is written are found in one walk, as ``findall`` finds them."""

from __future__ import annotations

import gc
import weakref

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from sphinxcontrib_sop.doctree import nodes as sop
from sphinxcontrib_sop.doctree.placeholders import KINDS, placeholders


def page() -> nodes.document:
    """A page holding every kind, some nested in others' containers, some twice."""
    document = new_document("<page>", get_default_settings(Parser))
    section = nodes.section("", nodes.title("", "SOP"))
    procedure = nodes.container(
        "",
        sop.sop_graphviz(),
        nodes.paragraph("", "Langkah"),
        sop.sop_backlinks(),
        sop.sop_history(),
        sop.sop_diff(),
    )
    section += [
        procedure,
        sop.sop_registry(),
        nodes.container("", sop.sop_map(), sop.sop_registry()),
    ]
    document += [section, sop.sop_forms(), sop.sop_changes(), sop.sop_backlinks()]
    return document


def test_each_kind_is_found_in_document_order() -> None:
    document = page()
    for kind in KINDS:
        assert placeholders(document, kind) == list(document.findall(kind)), kind
    assert len(placeholders(document, sop.sop_registry)) == 2
    assert len(placeholders(document, sop.sop_backlinks)) == 2


def test_the_page_is_walked_once() -> None:
    document = page()
    registries = placeholders(document, sop.sop_registry)
    # Another handler's change to its own kind is not seen: the walk is not repeated.
    document += sop.sop_registry()
    assert placeholders(document, sop.sop_registry) == registries
    # Each caller gets its own list.
    placeholders(document, sop.sop_map).clear()
    assert len(placeholders(document, sop.sop_map)) == 1


def test_a_page_is_let_go_once_the_next_is_walked() -> None:
    document = page()
    placeholders(document, sop.sop_map)
    gone = weakref.ref(document)
    placeholders(page(), sop.sop_map)
    del document
    gc.collect()
    assert gone() is None
