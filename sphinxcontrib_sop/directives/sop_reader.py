"""Reading an ``sop`` directive: its options and step table into the model.

What the author typed is kept twice: as the plain :class:`Procedure` (for the
domain, the flowcharts and every check) and with its inline markup parsed (for
the identity table and the steps table).  Every mistake becomes a
:class:`Problem` at its line; nothing is dropped.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

from ..config import in_source_folder, setting
from ..core.dates import is_before
from ..core.model import Approver, DateField, Procedure, Status
from ..core.options import (
    DATE_OPTIONS,
    DIAGRAMS,
    LIST_OPTIONS,
    is_valid_id,
    looks_like_id,
    slugify,
    split_actors,
    split_items,
    split_lines,
    split_related,
)
from ..core.problems import Problem
from ..core.status import STATUS_FORMS, parse_status
from ..core.steps import StepTable, read_step_table
from ..core.validation import check_flow
from ..doctree.identity import IdentityContent
from ..doctree.procedure import ReadSOP, WrittenStepTable
from ..doctree.table_reader import read_table
from ..domain import RELATED, SUPERSEDED
from .base import OptionsDirective, plain_text

#: Single-line options whose text may hold inline markup.
TEXT_OPTIONS = ("number", "approved-by", "approver-name", "approver-rank", "change-note")


class SOPReader:
    """Reads the SOP of ``directive``, whose options are read; problems go to its list."""

    def __init__(self, directive: OptionsDirective) -> None:
        self.directive = directive
        self.problems = directive.problems

    def read(self) -> ReadSOP:
        """The SOP: model, identity fields with their markup, body, step table, diagram."""
        directive = self.directive
        rich = {name: directive.inline(name) for name in TEXT_OPTIONS}
        unit = self._unit_lines()
        lists = {
            name: [self._item(item, name) for item in self._items(name)] for name in LIST_OPTIONS
        }
        title = " ".join(directive.arguments[0].split())
        body = directive.parse_content_to_nodes()
        written, step_table = self._read_steps(body)
        nip = directive.read_nip("approver-nip")
        dates = {name: directive.read_date(name) for name in DATE_OPTIONS}
        self._check_date_order(dates)
        status, superseded_by = self._status()
        procedure = Procedure(
            id=self._procedure_id(title),
            title=title,
            number=plain_text(rich["number"]),
            agency=directive.text("agency") or directive.config.sop_agency,
            unit_lines=tuple(plain_text(line) for line in unit),
            created=dates["created"],
            revised=dates["revised"],
            effective=dates["effective"],
            approver=Approver(
                position=plain_text(rich["approved-by"]),
                name=plain_text(rich["approver-name"]),
                nip=nip,
                rank=plain_text(rich["approver-rank"]),
            ),
            **{
                name.replace("-", "_"): tuple(plain_text(item) for item in lists[name])
                for name in LIST_OPTIONS
            },
            actors=step_table.actors if step_table else self._declared_actors(),
            steps=step_table.steps if step_table else (),
            status=status,
            superseded_by=superseded_by,
            change_note=plain_text(rich["change-note"]),
            docname=directive.env.docname,
            line=directive.lineno,
        )
        if procedure.steps:
            self.problems += check_flow(procedure.steps)
        identity = self._identity(procedure, rich, unit, lists)
        replacement = self._replacement(procedure)
        return ReadSOP(
            procedure,
            identity,
            body,
            written,
            self._diagram(),
            replacement,
            tuple(rich["change-note"]),
        )

    def _identity(
        self,
        procedure: Procedure,
        rich: dict[str, list[nodes.Node]],
        unit: list[list[nodes.Node]],
        lists: dict[str, list[list[nodes.Node]]],
    ) -> IdentityContent:
        """The identity fields with the author's markup, dates as printed."""
        return IdentityContent(
            title=procedure.title,
            agency=procedure.agency,
            unit_lines=unit,
            logo_uri=self._logo_uri(),
            number=rich["number"],
            created=self._date_nodes(procedure.created),
            revised=self._date_nodes(procedure.revised),
            effective=self._date_nodes(procedure.effective),
            approver_position=rich["approved-by"],
            approver_name=rich["approver-name"],
            approver_rank=rich["approver-rank"],
            approver_nip=[nodes.Text(procedure.approver.nip)] if procedure.approver.nip else [],
            lists=lists,
        )

    # -- the step table -------------------------------------------------------

    def _read_steps(
        self, body: list[nodes.Node]
    ) -> tuple[WrittenStepTable | None, StepTable | None]:
        """The first table of the body, read as the step table."""
        directive = self.directive
        tables = [index for index, child in enumerate(body) if isinstance(child, nodes.table)]
        if not tables:
            self.problems.append(
                Problem(
                    "the SOP has no step table: add a table of its steps to the body",
                    directive.lineno,
                )
            )
            return None, None
        for extra in tables[1:]:
            self.problems.append(
                Problem(
                    "the SOP has a second table: only the first is its step table; move the "
                    "other out of the sop directive (it is shown as written meanwhile)",
                    body[extra].line or _first_line(body[extra]) or directive.lineno,
                )
            )
        position = tables[0]
        source = directive.state.document.current_source or directive.env.doc2path(
            directive.env.docname
        )
        cells = read_table(body[position], str(source), directive.lineno)
        if cells.extra_header_rows:
            self.problems.append(
                Problem(
                    f"the step table has {cells.extra_header_rows + 1} header rows: only the "
                    "last names the columns; remove the others (they are not shown)",
                    cells.table.line,
                )
            )
        step_table = read_step_table(
            cells.table, self._declared_actors(), directive.line_of("actors")
        )
        self.problems += step_table.problems
        return WrittenStepTable(position, cells, step_table.columns), step_table

    def _declared_actors(self) -> tuple[str, ...]:
        """``:actors:`` read as the Pelaksana cells are: escapes and markup applied."""
        return tuple(split_actors(self.directive.text("actors", keep_lines=True)))

    # -- options --------------------------------------------------------------

    def _unit_lines(self) -> list[list[nodes.Node]]:
        """``:unit:``, one line per line written, with its markup; else ``sop_unit``."""
        directive = self.directive
        written = split_lines(directive.lines("unit"))
        if written:
            return [directive.inline_text(line, directive.line_of("unit")) for line in written]
        return [[nodes.Text(line)] for line in split_lines(directive.config.sop_unit or "")]

    def _items(self, name: str) -> list[str]:
        lines = self.directive.lines(name)
        return split_related(lines) if name == RELATED else split_items(lines)

    def _procedure_id(self, title: str) -> str:
        written = self.directive.written("id")
        if written and is_valid_id(written):
            return written
        if written:
            fixed = slugify(written) or slugify(title) or "sop"
            self.problems.append(
                Problem(
                    f"the id {written!r} may hold only lower-case letters and digits, in words "
                    "joined by single '-': "
                    f"write it as {fixed!r} (used meanwhile)",
                    self.directive.line_of("id"),
                    "option",
                )
            )
            return fixed
        return slugify(self.directive.text("number")) or slugify(title) or "sop"

    def _diagram(self) -> str:
        """``:diagram:``: ``table`` (the official flowchart), ``graphviz`` or ``both``."""
        default = setting(self.directive.config, "sop_diagram")
        written = self.directive.written("diagram")
        if not written or written.lower() in DIAGRAMS:
            return written.lower() or default
        self.problems.append(
            Problem(
                f":diagram: must be 'table', 'graphviz' or 'both', not {written!r} "
                f"({default!r}, the project's sop_diagram, is used meanwhile)",
                self.directive.line_of("diagram"),
                "option",
            )
        )
        return default

    def _status(self) -> tuple[Status, str]:
        """``:status:`` and ``:superseded-by:``; a replacement alone means superseded."""
        directive = self.directive
        written = directive.written("status")
        replacement = directive.written("superseded-by")
        status = parse_status(written) if written else None
        if written and status is None:
            self.problems.append(
                Problem(
                    f":status: must be {STATUS_FORMS}, not {written!r} ('berlaku' is used "
                    "meanwhile)",
                    directive.line_of("status"),
                    "option",
                )
            )
        if replacement and not looks_like_id(replacement):
            self.problems.append(
                Problem(
                    f":superseded-by: names the SOP that replaces this one by its :id:, not "
                    f"{replacement!r}",
                    directive.line_of("superseded-by"),
                    "option",
                )
            )
        if status is None:
            superseded = replacement and not written
            return (Status.SUPERSEDED if superseded else Status.IN_FORCE), replacement
        if replacement and status is not Status.SUPERSEDED:
            self.problems.append(
                Problem(
                    f":superseded-by: is given, but :status: is {written!r}: write "
                    "':status: diganti' (superseded), or remove :superseded-by:",
                    directive.line_of("superseded-by"),
                    "option",
                )
            )
        if status is Status.SUPERSEDED and not replacement:
            self.problems.append(
                Problem(
                    "the SOP is superseded but does not say by which SOP: add "
                    ":superseded-by: with the :id: of the SOP that replaces it",
                    directive.line_of("status"),
                    "option",
                )
            )
        return status, replacement

    def _check_date_order(self, dates: dict[str, DateField | None]) -> None:
        created, effective = dates["created"], dates["effective"]
        if created and effective and is_before(effective, created):
            self.problems.append(
                Problem(
                    f"the effective date {effective.text!r} is before the date created "
                    f"{created.text!r}: an SOP takes effect when signed, after drafting",
                    self.directive.line_of("effective"),
                    "date",
                )
            )

    # -- the author's markup --------------------------------------------------

    def _item(self, item: str, name: str) -> list[nodes.Node]:
        """A list item: a link for an SOP id under :related:, else text with its markup."""
        directive = self.directive
        if name == RELATED and looks_like_id(item):
            return [self._link(item, RELATED, name)]
        return directive.inline_text(item, directive.line_of(name))

    def _link(self, sop_id: str, reftype: str, option: str) -> addnodes.pending_xref:
        """A link to the SOP ``sop_id``, written in ``option``; resolved by the ``sop`` domain."""
        directive = self.directive
        xref = addnodes.pending_xref(
            "",
            nodes.inline(sop_id, sop_id),
            refdomain="sop",
            reftype=reftype,
            reftarget=sop_id,
            refdoc=directive.env.docname,
            refexplicit=False,
            refwarn=True,
        )
        xref.source, xref.line = directive.get_source_info()[0], directive.line_of(option)
        return xref

    def _replacement(self, procedure: Procedure) -> nodes.Node | None:
        """The link to the SOP replacing a superseded one; its text when it is no id."""
        replacement = procedure.superseded_by
        if procedure.status is not Status.SUPERSEDED or not replacement:
            return None
        if not looks_like_id(replacement):
            return nodes.Text(replacement)
        if replacement == procedure.id:
            self.problems.append(
                Problem(
                    f"the SOP is superseded by itself ({replacement!r}): give :superseded-by: "
                    "the :id: of the SOP that replaces it",
                    self.directive.line_of("superseded-by"),
                    "option",
                )
            )
        return self._link(replacement, SUPERSEDED, "superseded-by")

    def _date_nodes(self, field: DateField | None) -> list[nodes.Node]:
        text = self.directive.printed_date(field)
        return [nodes.Text(text)] if text else []

    def _logo_uri(self) -> str | None:
        """The logo as an image URI: ``:logo:``, else ``sop_logo``.

        ``:logo:`` is a path as in an ``image`` directive: relative to the page,
        or to the source folder when it starts with ``/``. ``sop_logo`` is
        relative to the source folder.
        """
        directive = self.directive
        written = directive.text("logo")
        if written:
            _, path = directive.env.relfn2path(written, directive.env.docname)
            inside = in_source_folder(directive.env.srcdir, path)
            if inside and os.path.isfile(path):
                return written
            if not inside:
                self.problems.append(
                    Problem(
                        f"the logo {written!r} is outside the source folder, and only files "
                        "inside it are published: copy it into the documentation's folder "
                        "(the project's sop_logo is shown meanwhile)",
                        directive.line_of("logo"),
                        "option",
                    )
                )
                return self._project_logo()
            self.problems.append(
                Problem(
                    f"the logo {written!r} is not a file (relative to this page, or to the "
                    "source folder when it starts with '/'): fix the path (the project's "
                    "sop_logo is shown meanwhile)",
                    directive.line_of("logo"),
                    "option",
                )
            )
        return self._project_logo()

    def _project_logo(self) -> str | None:
        """``sop_logo`` as an image URI: a path from the source folder, starting with ``/``."""
        config, srcdir = self.directive.config, self.directive.env.srcdir
        if not config.sop_logo:
            return None
        relative = Path(srcdir, config.sop_logo).resolve().relative_to(Path(srcdir).resolve())
        return "/" + relative.as_posix()


def _first_line(node: nodes.Node) -> int | None:
    return next((child.line for child in node.findall() if getattr(child, "line", None)), None)
