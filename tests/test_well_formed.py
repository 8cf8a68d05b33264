"""The HTML the extension writes is well-formed XML: a strict parser reads every page body.

Browsers forgive much, but XHTML readers, EPUB and tools that parse the pages do
not: entities only HTML knows (``&shy;``) or control characters make the page
unreadable to them.
"""

from __future__ import annotations

import pytest
from defusedxml import ElementTree
from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="escaping")
def test_page_body_is_well_formed_xml(app: SphinxTestApp) -> None:
    bodies: dict[str, str] = {}

    def keep_body(app: SphinxTestApp, name: str, template: str, context: dict, doctree) -> None:
        if "body" in context:
            bodies[name] = context["body"]

    app.connect("html-page-context", keep_body)
    app.build()
    body = bodies["index"]
    assert 'class="sop-word"' in body  # a long word, given soft hyphens
    ElementTree.fromstring(f"<div>{body}</div>")
