"""The ``sop`` directive: one Standard Operating Procedure."""

from __future__ import annotations

import os
from collections.abc import Sequence

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.nodes import make_id

from ..config import setting
from ..core.columns import Column
from ..core.dates import ACCEPTED_FORMS, format_date, parse_date
from ..core.model import Approver, DateField, Procedure
from ..core.options import (
    DATE_OPTIONS,
    DIAGRAMS,
    LIST_OPTIONS,
    OPTION_ALIASES,
    UNSET_VALUES,
    canonical_options,
    check_nip,
    is_unset,
    is_valid_id,
    looks_like_id,
    slugify,
    split_actors,
    split_items,
    split_related,
)
from ..core.problems import Problem
from ..core.steps import StepTable, read_step_table
from ..core.validation import check_flow
from ..doctree.graphviz import graphviz_view
from ..doctree.identity import IdentityContent, identity_table
from ..doctree.nodes import (
    sop_flowchart,
    sop_identity,
    sop_page_break,
    sop_procedure,
    sop_small_print,
)
from ..doctree.steps import steps_table
from ..doctree.table_reader import TableCells, cell_text, read_table
from ..domain import RELATED, get_domain
from .base import AliasedOptionsDirective, aliased_option_spec

logger = logging.getLogger(__name__)

#: Single-line options whose text may hold inline markup.
TEXT_OPTIONS = ("number", "unit", "approved-by", "approver-name")


class SOPDirective(AliasedOptionsDirective):
    """``.. sop:: Title`` with identity options and a step table in its body."""

    option_aliases = OPTION_ALIASES
    option_spec = aliased_option_spec(OPTION_ALIASES)

    def run(self) -> list[nodes.Node]:
        self.problems: list[Problem] = []
        self.messages: list[nodes.Node] = []
        self.read_option_lines()
        values, problems = canonical_options(self.options, self.option_lines)
        self.problems += problems
        self.values = values
        self.rich = {name: self._inline(_text(values.get(name)), name) for name in TEXT_OPTIONS}
        self.rich_items = {
            name: [self._item(item, name) for item in self._items(name)] for name in LIST_OPTIONS
        }
        title = " ".join(self.arguments[0].split())

        body = self.parse_content_to_nodes()
        table_index, cells, step_table = self._read_steps(body)
        procedure = self._procedure(title, step_table)
        if step_table is not None and step_table.steps:
            self.problems += check_flow(step_table.steps)
        diagram = self._diagram()
        self.report(self.problems)

        anchor = make_id(self.env, self.state.document, "sop", procedure.id)
        self.sop_index = get_domain(self.env).note_procedure(procedure, anchor)

        node = sop_procedure(sop_id=procedure.id, classes=["sop"])
        self.set_source_info(node)
        node["ids"].append(anchor)
        self.state.document.note_explicit_target(node, node)
        node += sop_page_break()  # each SOP on a new page in print
        node += sop_identity("", identity_table(self._identity(procedure), self.labels))
        if table_index is not None and step_table is not None and step_table.steps:
            body[table_index] = self._steps_view(
                body[table_index], procedure, cells, step_table, official=diagram != "graphviz"
            )
        node.extend(body)
        if diagram != "table" and procedure.steps:
            view = graphviz_view(procedure, self.labels, self.env.docname, self.sop_index)
            self.set_source_info(view)
            node += view
        return [node, *self.messages]

    # -- reading --------------------------------------------------------------

    def _read_steps(
        self, body: list[nodes.Node]
    ) -> tuple[int | None, TableCells | None, StepTable | None]:
        tables = [index for index, child in enumerate(body) if isinstance(child, nodes.table)]
        if not tables:
            self.problems.append(
                Problem(
                    "the SOP has no step table: add a table of its steps to the body", self.lineno
                )
            )
            return None, None, None
        for extra in tables[1:]:
            self.problems.append(
                Problem(
                    "the SOP has a second table: only the first is its step table; move the "
                    "other out of the sop directive (it is shown as written meanwhile)",
                    body[extra].line or _first_line(body[extra]) or self.lineno,
                )
            )
        index = tables[0]
        source = self.state.document.current_source or self.env.doc2path(self.env.docname)
        cells = read_table(body[index], str(source), self.lineno)
        if cells.extra_header_rows:
            self.problems.append(
                Problem(
                    f"the step table has {cells.extra_header_rows + 1} header rows: only the "
                    "last names the columns; remove the others (they are not shown)",
                    cells.table.line,
                )
            )
        step_table = read_step_table(cells.table, self._declared_actors(), self._line("actors"))
        self.problems += step_table.problems
        return index, cells, step_table

    def _procedure(self, title: str, step_table: StepTable | None) -> Procedure:
        values = self.values
        approver_nip = _text(values.get("approver-nip"))
        if approver_nip and (message := check_nip(approver_nip)):
            self.problems.append(Problem(message, self._line("approver-nip"), "option"))
        dates = {name: self._date(name) for name in DATE_OPTIONS}
        self._check_date_order(dates)
        return Procedure(
            id=self._procedure_id(title),
            title=title,
            number=_plain(self.rich["number"]),
            unit=_plain(self.rich["unit"]) or self.config.sop_unit,
            created=dates["created"],
            revised=dates["revised"],
            effective=dates["effective"],
            approver=Approver(
                _plain(self.rich["approved-by"]), _plain(self.rich["approver-name"]), approver_nip
            ),
            **{
                name.replace("-", "_"): tuple(_plain(item) for item in self.rich_items[name])
                for name in LIST_OPTIONS
            },
            actors=step_table.actors if step_table else self._declared_actors(),
            steps=step_table.steps if step_table else (),
            docname=self.env.docname,
            line=self.lineno,
        )

    def _declared_actors(self) -> tuple[str, ...]:
        value = self.values.get("actors")
        return () if is_unset(value) else tuple(split_actors(value))

    def _items(self, name: str) -> list[str]:
        value = self.values.get(name)
        if is_unset(value):
            return []
        return split_related(value) if name == "related" else split_items(value)

    def _procedure_id(self, title: str) -> str:
        written = _text(self.values.get("id"))
        if written and is_valid_id(written):
            return written
        if written:
            fixed = slugify(written) or slugify(title) or "sop"
            self.problems.append(
                Problem(
                    f"the id {written!r} may hold only lower-case letters and digits, in words "
                    "joined by single '-': "
                    f"write it as {fixed!r} (used meanwhile)",
                    self._line("id"),
                    "option",
                )
            )
            return fixed
        return slugify(_text(self.values.get("number"))) or slugify(title) or "sop"

    def _diagram(self) -> str:
        """``:diagram:``: ``table`` (the official flowchart), ``graphviz`` or ``both``."""
        default = setting(self.config, "sop_diagram")
        written = _text(self.values.get("diagram"))
        if not written or written.lower() in DIAGRAMS:
            return written.lower() or default
        self.problems.append(
            Problem(
                f":diagram: must be 'table', 'graphviz' or 'both', not {written!r} "
                f"({default!r}, the project's sop_diagram, is used meanwhile)",
                self._line("diagram"),
                "option",
            )
        )
        return default

    def _date(self, name: str) -> DateField | None:
        text = _text(self.values.get(name))
        if not text:
            return None
        value = parse_date(text)
        if value is None:
            self.problems.append(
                Problem(
                    f"cannot read the date {text!r} in :{name}:: write it as {ACCEPTED_FORMS} "
                    "(shown as written meanwhile)",
                    self._line(name),
                    "date",
                )
            )
        return DateField(text, value)

    def _check_date_order(self, dates: dict[str, DateField | None]) -> None:
        created, effective = dates["created"], dates["effective"]
        if not (created and effective and created.value and effective.value):
            return
        if effective.value < created.value:
            self.problems.append(
                Problem(
                    f"the effective date {effective.text!r} is before the date created "
                    f"{created.text!r}: an SOP takes effect when signed, after drafting",
                    self._line("effective"),
                    "date",
                )
            )

    # -- rendering ------------------------------------------------------------

    def _inline(self, text: str, name: str) -> list[nodes.Node]:
        """``text`` with its inline markup parsed."""
        if not text:
            return []
        parsed, messages = self.state.inline_text(text, self._line(name))
        self.messages.extend(messages)
        return parsed

    def _identity(self, procedure: Procedure) -> IdentityContent:
        unit = self.rich["unit"] or ([nodes.Text(procedure.unit)] if procedure.unit else [])
        return IdentityContent(
            title=procedure.title,
            agency=self.config.sop_agency,
            unit=unit,
            logo_uri=self._logo_uri(),
            number=self.rich["number"],
            created=self._date_nodes(procedure.created),
            revised=self._date_nodes(procedure.revised),
            effective=self._date_nodes(procedure.effective),
            approver_position=self.rich["approved-by"],
            approver_name=self.rich["approver-name"],
            approver_nip=[nodes.Text(procedure.approver.nip)] if procedure.approver.nip else [],
            lists=self.rich_items,
        )

    def _item(self, item: str, name: str) -> list[nodes.Node]:
        if name == RELATED and looks_like_id(item):
            xref = addnodes.pending_xref(
                "",
                nodes.inline(item, item),
                refdomain="sop",
                reftype=RELATED,
                reftarget=item,
                refdoc=self.env.docname,
                refexplicit=False,
                refwarn=True,
            )
            xref.source, xref.line = self.get_source_info()[0], self._line(name)
            return [xref]
        return self._inline(item, name)

    def _date_nodes(self, field: DateField | None) -> list[nodes.Node]:
        if field is None:
            return []
        text = format_date(field.value, self.language) if field.value else field.text
        return [nodes.Text(text)]

    def _logo_uri(self) -> str | None:
        """``sop_logo`` as an image URI; ``/`` makes it relative to the source folder."""
        logo = self.config.sop_logo
        if not logo:
            return None
        return logo if os.path.isabs(logo) else "/" + logo.replace(os.sep, "/")

    def _steps_view(
        self,
        original: nodes.table,
        procedure: Procedure,
        cells: TableCells,
        step_table: StepTable,
        official: bool,
    ) -> nodes.Element:
        """The steps in place of the written table.

        ``official``: the official flowchart, which non-HTML builders write as the
        steps table; otherwise the steps table everywhere.
        """
        columns = step_table.columns

        def content(position: int, column: Column) -> Sequence[nodes.Node]:
            row = cells.entries[position]
            index = columns.index.get(column)
            own = _children(row[index]) if index is not None and index < len(row) else []
            if column is not Column.NOTES:
                return own
            extra = [
                nodes.paragraph(
                    "",
                    "",
                    nodes.emphasis("", f"{cells.table.header[i]}: "),
                    *_inline_children(row[i]),
                )
                for i in (*columns.unknown, *columns.repeated)
                if i < len(row) and row[i] is not None and row[i].astext().strip()
            ]
            return [*own, *extra]

        view = steps_table(procedure, content, self.labels)
        for title in original.findall(nodes.title):
            view.insert(0, title.deepcopy())
            break
        view["ids"] = original["ids"]
        view["names"] = original["names"]
        steps = sop_small_print("", view, classes=["sop-steps-scroll"])
        if not official:
            return steps
        return sop_flowchart("", steps, sop_docname=self.env.docname, sop_index=self.sop_index)


def _text(value: str | None) -> str:
    return "" if is_unset(value) else " ".join(value.split())


def _plain(inline: Sequence[nodes.Node]) -> str:
    """The text of parsed inline markup, as a reader sees it."""
    return "".join(node.astext() for node in inline)


def _children(entry: nodes.entry | None) -> list[nodes.Node]:
    """The content of a cell; none for a cell left empty or holding only a dash."""
    if entry is None or cell_text(entry) in UNSET_VALUES:
        return []
    return [child.deepcopy() for child in entry.children]


def _inline_children(entry: nodes.entry) -> list[nodes.Node]:
    """The inline content of a cell's paragraphs, for folding into another cell."""
    return [
        inline.deepcopy()
        for paragraph in entry.findall(nodes.paragraph)
        for inline in paragraph.children
    ]


def _first_line(node: nodes.Node) -> int | None:
    return next((child.line for child in node.findall() if getattr(child, "line", None)), None)
