"""The editions of the site in HTML: a switcher on every page, and a note on editions not in force.

Both are written into each page when it is built, from the site
``sphinx-sop-site`` passes the build (:func:`~sphinxcontrib_sop.editions.site`),
at the top of the page's content: a ``<details>`` menu of every edition, which
needs no script, then the note of an old or a working edition.  Their links are
relative, so the site works from a web server and opened from disk alike.

Pages Sphinx makes without a document (the general index, the search page, the
actor index) have no content to write into: they carry the same parts in a
``<template>``, which the extension's own small script puts at the top of the
page's main content.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from sphinx.application import Sphinx

from ...core.editions import Edition, Site
from ...editions import site
from ...i18n.labels import ProjectLabels

SCRIPT = "sop-editions.js"
#: The ``<template>`` of a page without a document, which the script fills in.
TEMPLATE_ID = "sop-edition-parts"
#: The builder whose pages are ``<docname>.html`` files, as ``Site.link`` addresses them.
BUILDER = "html"

EDITION = "Edition"
IN_FORCE = "in force"
WORKING = "working edition, not in force"
OLD_NOTE = "This edition is no longer in force."
WORKING_NOTE = "This is the working edition, not yet in force."
#: ``{edition}`` stands for the name of the edition in force.
SAME_PAGE = "Read this page in the edition in force, {edition}."
START_PAGE = "Go to the edition in force, {edition}: this page is not in it."


def add_edition_parts(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Write the switcher and the note of this edition at the top of the page."""
    this_site = site(app)
    if this_site is None or app.builder.name != BUILDER:
        return
    labels = ProjectLabels(app.config.sop_labels)
    from_document = "body" in context
    # A page Sphinx makes without a document (index, search) is in every edition; in an
    # edition without a document's page, a link leads to its start page.
    links = Links(this_site, pagename, pagename if not from_document else app.config.root_doc)
    parts = switcher(links, labels) + edition_note(links, labels)
    if from_document:
        context["body"] = parts + context["body"]
    else:
        context["metatags"] = (
            f'{context.get("metatags", "")}\n<template id="{TEMPLATE_ID}">{parts}</template>'
        )
        app.add_js_file(SCRIPT)


@dataclass(frozen=True)
class Links:
    """The page being written and where it is in each edition of the site."""

    site: Site
    page: str
    #: The page a link leads to in an edition without this page.
    start: str

    def href(self, edition: str) -> str:
        """The escaped ``href`` of this page in ``edition``, else of its ``start`` page."""
        return escape(quote(self.site.link(self.page, edition, start=self.start)))

    def is_in(self, edition: Edition) -> bool:
        return self.page in edition.pages or self.page == self.start


def switcher(links: Links, labels: ProjectLabels) -> str:
    """``nav.sop-editions``: every edition, newest first, each linking to this page there."""
    current, newest = links.site.this, links.site.newest
    items = []
    for edition in links.site.editions:
        state = labels(WORKING) if edition.working else ""
        if newest is not None and edition.name == newest.name:
            state = labels(IN_FORCE)
        is_current = current is not None and edition.name == current.name
        mark = ' class="sop-edition-current" aria-current="page"' if is_current else ""
        note = f' <span class="sop-edition-state">{escape(state)}</span>' if state else ""
        items.append(
            f'<li><a href="{links.href(edition.name)}" data-edition="{escape(edition.name)}"'
            f'{mark}><span class="sop-edition-name">{escape(edition.name)}</span>{note}</a></li>'
        )
    shown = f" <strong>{escape(current.name)}</strong>" if current else ""
    label = escape(labels(EDITION))
    return (
        f'<nav class="sop-editions" aria-label="{label}"><details>'
        f'<summary><span class="sop-editions-label">{label}:</span>{shown}</summary>'
        f'<ul class="sop-editions-list">{"".join(items)}</ul></details></nav>\n'
    )


def edition_note(links: Links, labels: ProjectLabels) -> str:
    """The note of an old edition (``div.sop-old-edition``) or of the working edition
    (``div.sop-working-edition``), linking to this page in the edition in force.
    """
    current, newest = links.site.this, links.site.newest
    if links.site.is_old():
        kind, heading = "sop-old-edition", labels(OLD_NOTE)
    elif current is not None and current.working:
        kind, heading = "sop-working-edition", labels(WORKING_NOTE)
    else:
        return ""
    link = ""
    if newest is not None:
        sentence = labels(SAME_PAGE if links.is_in(newest) else START_PAGE)
        text = escape(sentence.replace("{edition}", newest.name))
        link = f' <a href="{links.href(newest.name)}">{text}</a>'
    heading = f"<strong>{escape(heading)}</strong>"
    return f'<div class="{kind}" role="note"><p>{heading}{link}</p></div>\n'
