"""The history of an SOP through the editions, what changed in it, and what an edition
changed, as docutils nodes, built from :mod:`~sphinxcontrib_sop.core.diff` and
:mod:`~sphinxcontrib_sop.core.history` when a page is written.

::

    sop_history                        after the SOP's sheet
      rubric: Riwayat Perubahan
      table.sop-history-table          one row per edition that has the SOP, newest first
    sop_diff                           when the SOP changed since the previous edition
      rubric: Perubahan sejak edisi …
      bullet_list.sop-diff-identity    each identity field changed, its text marked
      bullet_list.sop-diff-steps       each step added, removed, changed or renumbered
    sop_changes                        (the sop-changes directive)
      rubric per kind of change, then a list of the SOPs, each linked, with a summary

A marked text is a :class:`sop_marked` holding its words: unchanged as text,
deleted in :class:`sop_deleted`, inserted in :class:`sop_inserted`; each writer
marks them its own way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docutils import nodes

from ..core.columns import Column
from ..core.dates import printed_date
from ..core.diff import (
    STEP_FIELDS,
    IdentityField,
    Mark,
    MarkKind,
    ProcedureDiff,
    StepChange,
    StepChangeKind,
    marked_words,
    summary,
)
from ..core.history import ChangeKind, HandbookChange
from ..core.model import DateField, Procedure
from ..core.wording import Labels, fill
from .elements import PRINTED_TABLE_STYLE, cell, paragraph, row, table
from .nodes import sop_deleted, sop_inserted, sop_marked, sop_small_print
from .registry import breakable

#: The history table's columns: label message and relative width.
HISTORY_COLUMNS = (
    ("Edition", 12),
    ("SOP number", 16),
    ("Date revised", 11),
    ("Effective date", 11),
    ("Approved by", 16),
    ("Change note", 18),
    ("Changes", 16),
)
#: How the diff names each identity field: the label of the sheet.
IDENTITY_LABELS = {
    IdentityField.TITLE: "SOP title",
    IdentityField.NUMBER: "SOP number",
    IdentityField.UNIT: "Unit",
    IdentityField.CREATED: "Date created",
    IdentityField.REVISED: "Date revised",
    IdentityField.EFFECTIVE: "Effective date",
    IdentityField.APPROVER: "Approved by",
    IdentityField.LEGAL_BASIS: "Legal basis",
    IdentityField.QUALIFICATIONS: "Implementer qualifications",
    IdentityField.RELATED: "Related SOPs",
    IdentityField.EQUIPMENT: "Equipment",
    IdentityField.WARNINGS: "Warnings",
    IdentityField.RECORDS: "Records",
    IdentityField.STATUS: "Status",
}
#: How the diff names each field of a step: the heading of its column.
STEP_LABELS = {
    Column.ACTIVITY: "Activity",
    Column.ACTORS: "Implementers",
    Column.REQUIREMENTS: "Requirements",
    Column.TIME: "Time",
    Column.OUTPUT: "Output",
    Column.FLOW: "Flow",
    Column.NOTES: "Notes",
}
#: The heading of a step's change: of a step kept in place, and of a renumbered one.
STEP_HEADINGS = {
    StepChangeKind.ADDED: "Step {number} added",
    StepChangeKind.REMOVED: "Step {number} removed",
    StepChangeKind.CHANGED: "Step {number} changed",
}
RENUMBERED_HEADING = "Step {old} became {new}"
#: The heading of each group of the changes of an edition.
CHANGE_HEADINGS = {
    ChangeKind.ADDED: "New SOPs",
    ChangeKind.WITHDRAWN: "Withdrawn SOPs",
    ChangeKind.SUPERSEDED: "Superseded SOPs",
    ChangeKind.CHANGED: "Changed SOPs",
    ChangeKind.REMOVED: "SOPs no longer in the handbook",
}
NEW_SOP = "New SOP"


@dataclass(frozen=True)
class HistoryRow:
    """One edition's row of an SOP's history.

    ``edition`` names the edition (a link to its page of the SOP, where there
    is one); ``note`` is the writer's change note, with its markup for the
    edition being built; ``changes`` sums up what changed from the edition before.
    """

    edition: nodes.Node
    procedure: Procedure
    note: Sequence[nodes.Node]
    changes: str
    current: bool = False


def history_content(rows: Sequence[HistoryRow], labels: Labels, language: str) -> list[nodes.Node]:
    """The heading and the table of an SOP's revisions, newest first."""
    heading = labels("Revision history")
    head = row(*(cell(paragraph(labels(message))) for message, _ in HISTORY_COLUMNS))
    body = [_history_row(revision, labels, language) for revision in rows]
    ruled = table(
        [width for _, width in HISTORY_COLUMNS],
        body,
        head=[head],
        classes=["sop-history-table", *PRINTED_TABLE_STYLE],
    )
    return [nodes.rubric(heading, heading), sop_small_print("", ruled)]


def _history_row(revision: HistoryRow, labels: Labels, language: str) -> nodes.row:
    procedure = revision.procedure
    approver = [
        paragraph(part) for part in (procedure.approver.name, procedure.approver.position) if part
    ]
    line = row(
        cell(paragraph(revision.edition), classes=["sop-history-edition"]),
        cell(*_number(procedure.number), classes=["sop-history-number"]),
        cell(*_text(_date(procedure.revised, language)), classes=["sop-history-revised"]),
        cell(*_text(_date(procedure.effective, language)), classes=["sop-history-effective"]),
        cell(*approver, classes=["sop-history-approver"]),
        cell(*([paragraph(*revision.note)] if revision.note else []), classes=["sop-history-note"]),
        cell(*_text(revision.changes), classes=["sop-history-changes"]),
    )
    if revision.current:
        line["classes"].append("sop-history-current")
    return line


def _number(number: str) -> list[nodes.Node]:
    """An SOP number that may break after each ``/``, as in the registry."""
    return [paragraph(*breakable(number))] if number else []


def _date(field: DateField | None, language: str) -> str:
    return printed_date(field, language) if field else ""


def _text(text: str) -> list[nodes.Node]:
    return [paragraph(text)] if text else []


def diff_content(diff: ProcedureDiff, edition: str, labels: Labels) -> list[nodes.Node]:
    """What changed in an SOP since ``edition``: its identity fields, then its steps."""
    heading = fill(labels("Changes since edition {edition}"), edition=edition)
    content: list[nodes.Node] = [nodes.rubric(heading, heading)]
    if diff.identity:
        items = [
            _item(
                [_labelled(labels(IDENTITY_LABELS[change.field]), marked(change.marks))],
                ["sop-diff-field"],
            )
            for change in diff.identity
        ]
        content.append(nodes.bullet_list("", *items, classes=["sop-diff-identity"]))
    if diff.steps:
        items = [_step_item(change, labels) for change in diff.steps]
        content.append(nodes.bullet_list("", *items, classes=["sop-diff-steps"]))
    return content


def _step_item(change: StepChange, labels: Labels) -> nodes.list_item:
    """A step's change: its heading and activity, then each other field shown."""
    lines = _step_lines(change)
    first = [nodes.Text(": "), marked(lines[0][1])] if lines else []
    heading = _step_heading(change, labels)
    content = [
        paragraph(nodes.strong(heading, heading), *first),
        *(_labelled(labels(STEP_LABELS[column]), marked(found)) for column, found in lines[1:]),
    ]
    return _item(content, ["sop-diff-step", f"sop-diff-{change.kind.value}"])


def _step_heading(change: StepChange, labels: Labels) -> str:
    if change.renumbered and change.old and change.new:
        numbers = {"old": str(change.old.number), "new": str(change.new.number)}
        return fill(labels(RENUMBERED_HEADING), **numbers)
    step = change.new or change.old
    return fill(labels(STEP_HEADINGS[change.kind]), number=str(step.number if step else ""))


def _step_lines(change: StepChange) -> list[tuple[Column, tuple[Mark, ...]]]:
    """The fields a step's change shows, activity first: every field written of a step
    added or removed; the activity and the fields changed of a step kept."""
    if change.kind is StepChangeKind.ADDED and change.new:
        step, kind = change.new, MarkKind.INSERTED
    elif change.kind is StepChangeKind.REMOVED and change.old:
        step, kind = change.old, MarkKind.DELETED
    else:
        changed = {field.field: field.marks for field in change.fields}
        kept = marked_words(change.new.activity if change.new else "", MarkKind.SAME)
        activity = changed.pop(Column.ACTIVITY, kept)
        return [(Column.ACTIVITY, activity), *((Column(c), m) for c, m in changed.items())]
    written = [(column, marked_words(step.text(column), kind)) for column in STEP_FIELDS]
    return [(column, found) for column, found in written if found]


def _labelled(label: str, content: nodes.Node) -> nodes.paragraph:
    """``Label: content``, the label in bold."""
    return paragraph(nodes.strong(label, label), nodes.Text(": "), content)


def _item(content: Sequence[nodes.Node], classes: list[str]) -> nodes.list_item:
    return nodes.list_item("", *content, classes=classes)


def marked(found: Sequence[Mark]) -> sop_marked:
    """A marked text: its words, those deleted and inserted each in their node."""
    node = sop_marked(classes=["sop-marked"])
    for mark in found:
        if mark.kind is MarkKind.SAME:
            node += nodes.Text(mark.text)
            continue
        words = mark.text.lstrip()
        if words != mark.text:  # the space before the words is not marked
            node += nodes.Text(" ")
        changed = sop_deleted if mark.kind is MarkKind.DELETED else sop_inserted
        node += changed(words, words)
    return node


#: Makes the link to an SOP of this edition, with the given content, to an anchor of it.
ChangeLink = Callable[[HandbookChange, nodes.Node], nodes.Node]


def changes_content(
    changes: dict[ChangeKind, tuple[HandbookChange, ...]],
    edition: str,
    labels: Labels,
    link: ChangeLink,
) -> list[nodes.Node]:
    """The SOPs an edition changed since ``edition``, by kind, each linked, with a summary."""
    if not changes:
        message = fill(labels("No SOP changed since edition {edition}."), edition=edition)
        return [paragraph(message, classes=["sop-changes-none"])]
    content: list[nodes.Node] = []
    for kind, group in changes.items():
        heading = labels(CHANGE_HEADINGS[kind])
        items = [_change_item(change, labels, link) for change in group]
        content += [
            nodes.rubric(heading, heading),
            nodes.bullet_list("", *items, classes=[f"sop-changes-{kind.value}"]),
        ]
    return content


def _change_item(change: HandbookChange, labels: Labels, link: ChangeLink) -> nodes.list_item:
    procedure = change.procedure
    name = " ".join(part for part in (procedure.number, procedure.title) if part)
    line = paragraph(link(change, nodes.inline(name, name)))
    if change.diff is not None and change.diff.changed:
        line += nodes.Text(f" \N{EM DASH} {summary(change.diff, labels)}")
    return nodes.list_item("", line, classes=["sop-changes-item"])


def no_earlier_edition(labels: Labels) -> list[nodes.Node]:
    """What the list of an edition's changes says when there is no edition to compare with."""
    return [paragraph(labels("There is no earlier edition to compare with."))]
