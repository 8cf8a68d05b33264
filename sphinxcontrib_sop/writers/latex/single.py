"""A document of its own for each SOP (``sop_pdf_per_sop``): ``sop-<id>.tex`` beside the manual.

Each holds one SOP as the manual prints it — its identity page with the banner
of an SOP not in force, its landscape flowchart pages, a draft's mark, the line
of an edition not in force — and nothing else: no table of contents, no index,
and a cover only with ``sop_pdf_per_sop_cover``.  Compiling every ``.tex`` of
the folder (``make``, as Sphinx's Makefile does, or ``latexmk -pdf``) gives
``sop-<id>.pdf`` for each SOP, beside the manual's PDF.

The SOP is taken from the manual's own doctree once Sphinx has resolved it
(``doctree-resolved``, after the extension has filled its back-links and
history), so it is exactly what the manual prints; links inside it to
anything outside it — another SOP, another page — become their text, as that
PDF does not hold their target.  The documents are written with the LaTeX
builder's own translator, the manual's theme and the support package, when
the build ends; the names of the files written are kept in a list in the
folder, so that a later build removes those it no longer writes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.util import logging
from sphinx.util.docutils import new_document
from sphinx.util.texescape import escape

from ...core.files import write_if_changed
from ...core.pdf_names import PREFIX, pdf_name
from ...core.wording import numbered_title
from ...doctree.nodes import sop_backlinks, sop_procedure
from ...domain import get_domain

logger = logging.getLogger(__name__)

#: The list, in the LaTeX folder, of the SOPs' documents the last build wrote.
WRITTEN_LIST = "sop-per-sop.txt"
#: Builder attribute: the SOPs taken from the manual, by file name.
_TAKEN = "_sop_single_documents"


@dataclass(frozen=True)
class SingleSOP:
    """An SOP taken from the manual: its number and name (or its id), its page, its
    doctree, and the manual it was in."""

    sop_id: str
    number: str
    title: str
    docname: str
    node: sop_procedure
    manual: tuple[Any, ...]


def register(app: Sphinx) -> None:
    """Take each SOP from the manual as it is resolved; write their documents at the end.

    The documents are written before the Graphviz pictures that no page draws are
    removed (priority 500), as they draw the same pictures as the manual.
    """
    app.connect("doctree-resolved", take_procedures, priority=900)
    app.connect("build-finished", write_documents, priority=400)


def take_procedures(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Keep a copy of each SOP of a manual being written, the first time it is met."""
    builder = app.builder
    if not isinstance(builder, LaTeXBuilder) or not app.config.sop_pdf_per_sop:
        return
    manual = next((entry for entry in builder.document_data if entry[0] == docname), None)
    if manual is None:
        return
    taken: dict[str, SingleSOP] = builder.__dict__.setdefault(_TAKEN, {})
    procedures = {
        (page, entry.anchor): entry.procedure
        for page, entries in get_domain(app.env).procedures_by_doc.items()
        for entry in entries
    }
    for page, node in _procedures(doctree, doctree.get("docname", docname)):
        name = pdf_name(node["sop_id"])
        if name in taken:
            continue
        anchor = node["ids"][0] if node["ids"] else ""
        procedure = procedures.get((page, anchor))
        number, title = (procedure.number, numbered_title(procedure)) if procedure else ("", "")
        sop_id = node["sop_id"]
        taken[name] = SingleSOP(
            sop_id, number, title or sop_id, page, _alone(node, page), tuple(manual)
        )


def write_documents(app: Sphinx, exception: Exception | None) -> None:
    """Write ``sop-<id>.tex`` for each SOP taken; remove those of an earlier build not written."""
    builder = app.builder
    if exception is not None or not isinstance(builder, LaTeXBuilder):
        return
    outdir = Path(builder.outdir)
    manuals = {entry[1] for entry in builder.document_data}
    written = []
    taken: dict[str, SingleSOP] = builder.__dict__.get(_TAKEN, {})
    for name, single in sorted(taken.items()):
        target = f"{name}.tex"
        if target in manuals:
            logger.warning(
                "the SOP %r is not written to a document of its own (sop_pdf_per_sop): its "
                "file name %s is a document of latex_documents; rename that document",
                single.sop_id,
                target,
                type="sop",
                subtype="config",
            )
            continue
        write_if_changed(outdir / target, _latex(builder, single).encode("utf-8"))
        written.append(target)
    _remove_unwritten(outdir, written)


def _procedures(node: nodes.Element, docname: str) -> Iterator[tuple[str, sop_procedure]]:
    """Each SOP in the manual's doctree, with the page it was written on.

    Read from the children lists, as the builder's toctree inlining leaves stale
    ``parent`` links; each included page starts with a ``start_of_file`` naming it.
    """
    for child in node.children:
        if isinstance(child, sop_procedure):
            yield docname, child
        elif isinstance(child, (addnodes.start_of_file, nodes.document)):
            yield from _procedures(child, child.get("docname", docname))
        elif isinstance(child, nodes.Element):
            yield from _procedures(child, docname)


def _alone(node: sop_procedure, docname: str) -> sop_procedure:
    """A copy of the SOP without its back-links (they list other SOPs), in which links
    to anything outside it are their text."""
    single = copy.deepcopy(node)
    for backlinks in list(single.findall(sop_backlinks)):
        backlinks.parent.remove(backlinks)
    inside = {id_ for element in single.findall(nodes.Element) for id_ in element["ids"]}
    for reference in list(single.findall(nodes.reference)):
        if not _leads_inside(reference, docname, inside):
            reference.replace_self(reference.children)
    for pending in list(single.findall(addnodes.pending_xref)):
        pending.replace_self(pending.children)
    return single


def _leads_inside(reference: nodes.reference, docname: str, inside: set[str]) -> bool:
    """Whether a link leads into the SOP (its own steps), or out of the handbook (a URL)."""
    if reference.get("refid"):
        return reference["refid"] in inside
    uri = reference.get("refuri", "")
    if uri.startswith("#"):
        return uri[1:] in inside
    if uri.startswith("%"):
        page, _, anchor = uri[1:].partition("#")
        return page == docname and anchor in inside
    return True


def _latex(builder: LaTeXBuilder, single: SingleSOP) -> str:
    """The LaTeX of an SOP's document, written by the builder's translator in its manual's theme.

    The builder's context and documents are set for it, and put back afterwards: no
    title page unless asked, no table of contents and no index (the builder holds no
    documents while it is written, so no domain index lists anything).  The title in
    the page headers is the SOP's number (its name when it has none), the PDF's title
    its number and name.
    """
    config = builder.config
    _, _, _, author, theme_name = single.manual[:5]
    theme = builder.themes.get(theme_name)
    document = new_document(f"<{single.sop_id}>")
    document["docname"] = single.docname
    document["docclass"] = theme.docclass
    document["contentsname"] = ""
    document["tocdepth"] = None
    document += single.node
    builder.post_process_images(document)
    title = escape(single.title, config.latex_engine)
    heading = escape(single.number, config.latex_engine) or title
    context, docnames = dict(builder.context), builder.docnames
    try:
        builder.docnames = set()
        builder.update_doc_context(heading, author, theme)
        builder.update_context()
        cover = builder.context["maketitle"] if config.sop_pdf_per_sop_cover else ""
        builder.context.update(
            maketitle=f"\\hypersetup{{pdftitle={{{title}}}, pdfauthor={{{author}}}}}\n{cover}",
            tableofcontents="",
            makeindex="",
            printindex="",
        )
        translator = builder.create_translator(document, builder, theme)
        document.walkabout(translator)
        return translator.astext()
    finally:
        builder.context.clear()
        builder.context.update(context)
        builder.docnames = docnames


def _remove_unwritten(outdir: Path, written: list[str]) -> None:
    """Remove the SOPs' documents of an earlier build that this one did not write."""
    listed = outdir / WRITTEN_LIST
    earlier = listed.read_text(encoding="utf-8").split() if listed.is_file() else []
    for name in set(earlier) - set(written):
        if name == Path(name).name and name.startswith(PREFIX) and name.endswith(".tex"):
            (outdir / name).unlink(missing_ok=True)
    if written:
        listed.write_text("".join(f"{name}\n" for name in written), encoding="utf-8")
    else:
        listed.unlink(missing_ok=True)
