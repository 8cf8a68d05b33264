"""A link to each SOP's own PDF on its HTML page, where that file is (``sop_pdf_folder``).

``sop_pdf_folder`` names the folder, relative to the configuration folder,
holding the SOPs' own PDFs (the LaTeX build's folder with
``sop_pdf_per_sop``).  When a page is read, each SOP whose ``sop-<id>.pdf`` is
there gets a paragraph of the class ``sop-pdf-download`` at its top, above its
banner and identity table, with a link to download it.  The link is a Sphinx
download link, so the HTML build copies the file into ``_downloads/``; it is
kept to HTML builders (an ``only`` node), so no other output shows it.  An SOP
without its file gets no link; a folder that does not exist is a warning.

A page is read again when one of its SOPs' files appears or goes; Sphinx reads
it again when a file it links changes.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging

from ..core.pdf_names import pdf_name
from ..domain import get_domain
from ..i18n.labels import ProjectLabels
from .nodes import sop_page_break, sop_procedure

logger = logging.getLogger(__name__)

#: The class of the paragraph holding the link.
LINK_CLASS = "sop-pdf-download"
#: Environment attribute: the PDFs each page links, by docname.
LINKED = "sop_pdf_links"


def pdf_folder(app: Sphinx) -> Path | None:
    """The folder of the SOPs' own PDFs, or ``None`` when ``sop_pdf_folder`` is not set."""
    folder = app.config.sop_pdf_folder
    return Path(app.confdir, folder).resolve() if folder else None


def warn_missing_folder(app: Sphinx) -> None:
    """Warn, for an HTML build, when ``sop_pdf_folder`` names no folder."""
    folder = pdf_folder(app)
    if app.builder.format == "html" and folder is not None and not folder.is_dir():
        logger.warning(
            "sop_pdf_folder %r is not a folder (relative to the configuration folder): "
            "build the SOPs' PDFs there first (a LaTeX build with sop_pdf_per_sop = True, then "
            "make in its folder), or fix the setting; no SOP links its PDF meanwhile",
            app.config.sop_pdf_folder,
            type="sop",
            subtype="config",
        )


def add_pdf_links(app: Sphinx, doctree: nodes.document) -> None:
    """Give each SOP of a page just read whose PDF is in the folder a link to it.

    Runs before Sphinx notes the page's downloads (its collector, priority 500).
    """
    folder = pdf_folder(app)
    if folder is None:
        return
    labels = ProjectLabels(app.config.sop_labels)
    for procedure in doctree.findall(sop_procedure):
        pdf = folder / f"{pdf_name(procedure['sop_id'])}.pdf"
        if not pdf.is_file():
            continue
        # Sphinx reads a download's path from "/" as relative to the source folder.
        target = "/" + Path(os.path.relpath(pdf, app.srcdir)).as_posix()
        text = labels("Download this SOP as PDF")
        link = addnodes.download_reference(
            "", "", nodes.inline(text, text), reftarget=target, refexplicit=True
        )
        paragraph = nodes.paragraph("", "", link, classes=[LINK_CLASS])
        position = 1 if procedure.children and isinstance(procedure[0], sop_page_break) else 0
        procedure.insert(position, addnodes.only("", paragraph, expr="format_html"))


class PdfLinkCollector(EnvironmentCollector):
    """Notes the PDFs each page links, so that a page is read again when one appears."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        linked(env).pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
    ) -> None:
        theirs = linked(other)
        linked(env).update({name: theirs[name] for name in docnames if name in theirs})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        found = {
            Path(link["reftarget"]).name
            for paragraph in doctree.findall(nodes.paragraph)
            if LINK_CLASS in paragraph["classes"]
            for link in paragraph.findall(addnodes.download_reference)
        }
        if found:
            linked(app.env)[app.env.docname] = frozenset(found)

    def get_outdated_docs(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        added: set[str],
        changed: set[str],
        removed: set[str],
    ) -> list[str]:
        """The pages whose SOPs' PDFs are not those they link: one appeared, or went."""
        folder = pdf_folder(app)
        if folder is None:
            return []
        outdated = []
        for docname, entries in get_domain(env).procedures_by_doc.items():
            present = {
                name
                for entry in entries
                if (folder / (name := f"{pdf_name(entry.heading.id)}.pdf")).is_file()
            }
            if present != linked(env).get(docname, frozenset()):
                outdated.append(docname)
        return sorted(outdated)


def linked(env: BuildEnvironment) -> dict[str, frozenset[str]]:
    """The names of the PDFs each page links, by docname."""
    return env.__dict__.setdefault(LINKED, {})


def register(app: Sphinx) -> None:
    """Add the links when a page is read; warn about a folder that is not there."""
    app.connect("builder-inited", warn_missing_folder)
    app.connect("doctree-read", add_pdf_links, priority=400)
    app.add_env_collector(PdfLinkCollector)
