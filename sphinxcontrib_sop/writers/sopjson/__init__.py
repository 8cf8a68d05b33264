"""The handbook's data as JSON: the ``sopjson`` builder, and ``sop.json`` beside the HTML pages.

Both write ``sop.json`` — every SOP of the handbook (:mod:`sphinxcontrib_sop.core.export`)
— with its schema ``sop.schema.json`` beside it, so a portal can fetch and check it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ... import __version__
from ...config import labels_language, review_months
from ...core.export import (
    SCHEMA_PATH,
    SCHEMA_VERSION,
    Handbook,
    Publication,
    PublishedSOP,
    data_order,
    handbook_fields,
    json_parts,
    sop_json,
)
from ...core.files import write_if_changed
from ...domain import ProcedureEntry, get_domain
from ...i18n.labels import ProjectLabels
from .cache import LineCache

#: The files written into the output folder.
DATA_FILE = "sop.json"
SCHEMA_FILE = "sop.schema.json"


class SOPJSONBuilder(Builder):
    """``sphinx-build -b sopjson``: reads the handbook and writes only its data."""

    name = "sopjson"
    format = "sopjson"
    epilog = "The SOP data is in %(outdir)s/" + DATA_FILE + "."
    allow_parallel = True

    def init(self) -> None:
        pass

    def get_outdated_docs(self) -> list[str]:
        """No page is written: the data comes from what the pages' SOPs were read into."""
        return []

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        """A page's URL in the HTML build: ``docname`` and the HTML file suffix."""
        return docname + (self.config.html_file_suffix or ".html")

    def prepare_writing(self, docnames: set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: object) -> None:
        pass

    def finish(self) -> None:
        write_data(self)


def write_data(builder: Builder) -> None:
    """Write ``sop.json`` — the data of every SOP the builder's environment holds — and
    its schema into the builder's output folder.

    Each SOP's line is encoded again only when the SOP or where it is published
    changed since the build before, and the file is written only when a line changed
    (:class:`~.cache.LineCache`).
    """
    outdir = Path(builder.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    config = builder.config
    handbook = Handbook(
        project=config.project,
        language=labels_language(config),
        edition=config.sop_edition,
        generator=f"sphinxcontrib-sop {__version__}",
    )
    labels, months = ProjectLabels(config.sop_labels), review_months(config)
    settings = (SCHEMA_VERSION, handbook, repr(config.sop_labels), config.language, months)
    cache = LineCache(builder, outdir / DATA_FILE, settings)
    entries = sorted(
        get_domain(builder.env).definitions(),
        key=lambda entry: data_order(entry.heading),
    )
    keys = [(entry.digest, _publication(builder, entry)) for entry in entries]
    if not cache.holds(keys):
        lines = []
        for entry, key in zip(entries, keys, strict=True):
            line = cache.kept(key)
            if line is None:
                sop = PublishedSOP(entry.procedure, entry.total, publication=key[1])
                line = sop_json(sop, labels, months).encode("utf-8")
            lines.append(line)
        cache.write(keys, json_parts(handbook_fields(handbook), lines))
    write_if_changed(outdir / SCHEMA_FILE, SCHEMA_PATH.read_bytes())


def _publication(builder: Builder, entry: ProcedureEntry) -> Publication:
    docname = entry.heading.docname
    url = f"{builder.get_target_uri(docname)}#{entry.anchor}"
    if builder.config.html_baseurl:
        url = urljoin(builder.config.html_baseurl.rstrip("/") + "/", url)
    source = Path(builder.env.doc2path(docname, False))
    return Publication(docname, url, source.as_posix())


def write_beside_pages(app: Sphinx, exception: Exception | None) -> None:
    """After a successful HTML build with ``sop_html_json``: ``sop.json`` beside the pages.

    Not into an EPUB, whose book is already packed when the build finishes.
    """
    builder = app.builder
    is_html = builder.format == "html" and not builder.name.startswith("epub")
    if exception is None and is_html and app.config.sop_html_json:
        write_data(builder)


def register(app: Sphinx) -> None:
    """Add the ``sopjson`` builder, and ``sop.json`` to HTML builds."""
    app.add_builder(SOPJSONBuilder)
    app.connect("build-finished", write_beside_pages)
