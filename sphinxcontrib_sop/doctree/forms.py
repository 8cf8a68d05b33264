"""The monitoring and evaluation forms, filled in when a page is written.

The ``sop-monitoring`` and ``sop-evaluation`` directives leave a
:class:`sop_forms` holding their query; :func:`fill_forms` puts in one form
per SOP the query names, from the ``sop`` domain, so a form always shows its
SOP as it is now — also in incremental builds, where the domain rewrites the
pages holding forms whenever an SOP changes.  Each form is docutils
containers, paragraphs and tables, so every builder writes it::

    sop_forms                                 the page break starting them in print
      sop_form.sop-form                       one per SOP, each on pages of its own
        sop_centred > p.sop-form-title
        [p.sop-form-status]                   an SOP not in force
        table.sop-form-header                 SOP title, number, unit, period
        sop_small_print.sop-form-scroll > table.sop-monitoring, or table.sop-evaluation
        sop_signature_block.sop-form-signature
        sop_page_break
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..core.forms import (
    ANSWERS,
    ASSESSMENTS,
    CRITERIA,
    FORM_TITLES,
    FormKind,
    FormQuery,
    form_procedures,
    known_units,
    monitoring_rows,
    units_without_forms,
)
from ..core.model import Procedure, Status
from ..core.ordering import folded
from ..core.wording import Labels
from ..domain import get_domain
from ..i18n.labels import ProjectLabels
from .elements import PRINTED_TABLE_STYLE, blank_cell, cell, paragraph, row, table
from .nodes import (
    sop_centred,
    sop_checkbox,
    sop_fill_in,
    sop_form,
    sop_forms,
    sop_page_break,
    sop_signature_block,
    sop_signature_space,
    sop_small_print,
)
from .placeholders import placeholders
from .registry import STATUS_MESSAGES
from .status import DRAFT_NOTE, NOT_IN_FORCE, SUPERSEDED_NOTE, WITHDRAWN_NOTE

logger = logging.getLogger(__name__)

#: The columns of the monitoring form: heading (a label message), relative width, class.
MONITORING_COLUMNS = (
    ("No", 5, "sop-form-number"),
    ("Procedure", 29, "sop-form-procedure"),
    ("Assessment of the implementation", 24, "sop-form-assessment"),
    ("Notes on the assessment", 15, "sop-form-notes"),
    ("Action to be taken", 14, "sop-form-action"),
    ("Assessor's initials", 13, "sop-form-initials"),
)
#: The columns of the evaluation form.
EVALUATION_COLUMNS = (
    ("No", 5, "sop-form-number"),
    ("Criterion", 45, "sop-form-criterion"),
    (ANSWERS[0], 9, "sop-form-answer"),
    (ANSWERS[1], 9, "sop-form-answer"),
    ("Remarks", 32, "sop-form-notes"),
)
#: What a form of an SOP not in force says about it.
STATUS_NOTES = {
    Status.DRAFT: (DRAFT_NOTE,),
    Status.WITHDRAWN: (NOT_IN_FORCE, WITHDRAWN_NOTE),
    Status.SUPERSEDED: (NOT_IN_FORCE, SUPERSEDED_NOTE),
}
#: Dots standing for a line to write on, where no line can be drawn (text output).
FILL_IN_DOTS = "." * 30
BOX = "\N{BALLOT BOX}"
EMPTY_MESSAGE = "No SOP matches this form."
#: The class of every table of a form.
TABLE_CLASS = "sop-form-table"


def fill_forms(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put into each ``sop_forms`` of the page being written the forms its query asks for."""
    views = placeholders(doctree, sop_forms)
    if not views:
        return
    domain = get_domain(app.env)
    procedures = [entry.procedure for entry in domain.definitions()]
    labels = ProjectLabels(app.config.sop_labels)
    for view in views:
        query: FormQuery = view.attributes.pop("query")
        _warn_about_missing(view, query, procedures, list(domain.procedures()))
        chosen = form_procedures(procedures, query)
        if not chosen and (query.sop_id or query.units):
            view += paragraph(labels(EMPTY_MESSAGE), classes=["sop-form-empty"])
        view.extend(form(procedure, query, labels) for procedure in chosen)


def form(procedure: Procedure, query: FormQuery, labels: Labels) -> sop_form:
    """One form of ``procedure``, on pages of its own in print: each ends with a page break,
    and the first of a directive's forms follows the break the directive starts with."""
    node = sop_form(
        classes=[
            "sop-form",
            f"sop-form-{query.kind.value}",
            f"sop-status-{procedure.status.value}",
        ],
        sop_id=procedure.id,
    )
    title = labels(FORM_TITLES[query.kind])
    heading = paragraph(nodes.strong(title, title), classes=["sop-form-title"])
    node += sop_centred("", heading, classes=["sop-form-heading"])
    if procedure.status in STATUS_NOTES:
        node += _status_note(procedure.status, labels)
    node += header_table(procedure, query.period, labels)
    if query.kind is FormKind.MONITORING:
        # Six columns on a portrait page: in small print, as the steps table.
        node += sop_small_print(
            "", monitoring_table(procedure, labels), classes=["sop-form-scroll"]
        )
    else:
        node += evaluation_table(procedure, labels)
    node += signature_block(labels)
    node += sop_page_break()
    return node


def header_table(procedure: Procedure, period: str, labels: Labels) -> nodes.table:
    """The SOP's title, number and unit, and the period assessed (blank to fill in)."""
    fields: list[tuple[str, list[nodes.Node]]] = [
        ("SOP title", _text(procedure.title)),
        ("SOP number", _text(procedure.number)),
        ("Unit", _text(procedure.unit)),
        ("Period", _text(period)),
    ]
    # A field not given is a blank cell to write in (the period, above all).
    rows = [
        row(
            cell(paragraph(labels(message)), classes=["sop-form-label"]),
            cell(paragraph(*value), classes=["sop-form-value"])
            if value
            else blank_cell(classes=["sop-form-value"]),
        )
        for message, value in fields
    ]
    return table([25, 75], rows, classes=[TABLE_CLASS, "sop-form-header", *PRINTED_TABLE_STYLE])


def monitoring_table(procedure: Procedure, labels: Labels) -> nodes.table:
    """No, Procedure (each step), the assessment to tick, notes, action, initials."""
    rows = []
    for step in monitoring_rows(procedure):
        assessments = [paragraph(checkbox(), " ", labels(message)) for message in ASSESSMENTS]
        texts = [[paragraph(step.number)], [paragraph(step.activity)], assessments]
        rows.append(_form_row(MONITORING_COLUMNS, texts))
    return _ruled_table(MONITORING_COLUMNS, rows, "sop-monitoring", labels)


def evaluation_table(procedure: Procedure, labels: Labels) -> nodes.table:
    """No, each criterion of the regulation, a box per answer, remarks."""
    rows = []
    for number, criterion in enumerate(CRITERIA, 1):
        boxes = [[paragraph(checkbox())] for _ in ANSWERS]
        texts = [[paragraph(str(number))], [paragraph(labels(criterion))], *boxes]
        rows.append(_form_row(EVALUATION_COLUMNS, texts))
    return _ruled_table(EVALUATION_COLUMNS, rows, "sop-evaluation", labels)


def signature_block(labels: Labels) -> sop_signature_block:
    """Lines for the assessor to fill in: place and date, position, signature, name, NIP."""
    lines = [
        paragraph(f"{labels('Place and date')}: ", fill_in(), classes=["sop-form-place"]),
        paragraph(f"{labels('Assessor')},", classes=["sop-form-assessor"]),
        paragraph(f"{labels('Position')}: ", fill_in(), classes=["sop-form-position"]),
        sop_signature_space(classes=["sop-form-signature-space"]),
        paragraph(f"{labels('Name')}: ", fill_in(), classes=["sop-form-name"]),
        paragraph(f"{labels('NIP.')} ", fill_in(), classes=["sop-form-nip"]),
    ]
    return sop_signature_block("", *lines, classes=["sop-form-signature"])


def checkbox() -> sop_checkbox:
    """A box to tick."""
    return sop_checkbox(BOX, BOX, classes=["sop-checkbox"])


def fill_in() -> sop_fill_in:
    """A line to write on."""
    return sop_fill_in(FILL_IN_DOTS, FILL_IN_DOTS, classes=["sop-fill-in"])


def _status_note(status: Status, labels: Labels) -> nodes.paragraph:
    word = labels(STATUS_MESSAGES[status])
    note = " ".join(labels(message).rstrip(".") + "." for message in STATUS_NOTES[status])
    return paragraph(nodes.strong(word, word), f": {note}", classes=["sop-form-status"])


def _form_row(
    columns: Sequence[tuple[str, int, str]], texts: Sequence[list[nodes.Node]]
) -> nodes.row:
    """A row: the given cells' contents, then blank cells to write in."""
    names = [name for _, _, name in columns]
    given, blank = names[: len(texts)], names[len(texts) :]
    filled = [cell(*content, classes=[name]) for content, name in zip(texts, given, strict=True)]
    return row(*filled, *(blank_cell(classes=[name]) for name in blank))


def _ruled_table(
    columns: Sequence[tuple[str, int, str]], rows: list[nodes.row], name: str, labels: Labels
) -> nodes.table:
    head = row(*(cell(paragraph(labels(message)), classes=[c]) for message, _, c in columns))
    return table(
        [width for _, width, _ in columns],
        rows,
        head=[head],
        # A long table: an SOP of many steps runs over several printed pages.
        classes=[TABLE_CLASS, name, *PRINTED_TABLE_STYLE, "longtable"],
    )


def _text(text: str) -> list[nodes.Node]:
    return [nodes.Text(text)] if text else []


def _warn_about_missing(
    view: sop_forms, query: FormQuery, procedures: list[Procedure], ids: list[str]
) -> None:
    """Warn about an SOP id the handbook does not have, or a unit without SOPs in force."""
    directive = f"sop-{query.kind.value}"
    if query.sop_id and query.sop_id not in ids:
        hint = _did_you_mean(query.sop_id, ids)
        logger.warning(
            f"{directive}: unknown SOP id {query.sop_id!r}: {hint}use the :id: of an SOP "
            "in this handbook (no form is printed meanwhile)",
            location=view,
            type="sop",
            subtype="form",
        )
    for unit in units_without_forms(procedures, query):
        hint = _did_you_mean(unit, known_units(procedures))
        logger.warning(
            f"{directive} :unit: {unit!r} has no SOP in force in the handbook: {hint}"
            "check the spelling (no form is printed for it meanwhile)",
            location=view,
            type="sop",
            subtype="form",
        )


def _did_you_mean(written: str, known: list[str]) -> str:
    """``did you mean 'x'? `` for the closest of ``known`` (case and spacing aside), or ``""``."""
    by_folded = {folded(name): name for name in known}
    close = difflib.get_close_matches(folded(written), list(by_folded), n=1)
    return f"did you mean {by_folded[close[0]]!r}? " if close else ""
