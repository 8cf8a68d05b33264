"""What changed in an SOP from one edition to the next: its identity fields and its steps.

Steps are matched by their content, not by their numbers, so that a
renumbered step is a move (*step 4 became 5*), not a removal and an addition:

1. steps whose activities read the same (case and spacing aside) are paired
   in order, by :class:`difflib.SequenceMatcher` over the two lists of
   activities;
2. of the steps left, each old and new step whose activities share at least
   :data:`SIMILAR` of their words (the word-level ratio of
   :class:`~difflib.SequenceMatcher`) are paired, the most alike first;
3. an old step left over was removed, a new one added.

Paired steps are compared field by field.  A flow is compared by where it
leads, each old step number read as the number its step has now, so that
steps renumbered around a step do not change it; a flow left to the next row
in both editions is unchanged.  A text that changed is marked word by word
(:func:`marks`): the words deleted and the words inserted.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from .columns import Column
from .model import DateField, Procedure, Status, Step
from .ordering import folded
from .wording import Labels, fill, flow_text

#: How alike two activities must be, at least, for their steps to be one step changed.
SIMILAR = 0.5
#: A word or a punctuation mark, with the spaces before it: what a text is marked by.
_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s])")
#: The fields of a step that are compared, in the order a change lists them.
STEP_FIELDS = (
    Column.ACTIVITY,
    Column.ACTORS,
    Column.REQUIREMENTS,
    Column.TIME,
    Column.OUTPUT,
    Column.FLOW,
    Column.NOTES,
)


class IdentityField(str, enum.Enum):
    """A field of the identity part that the diff compares."""

    TITLE = "title"
    NUMBER = "number"
    UNIT = "unit"
    CREATED = "created"
    REVISED = "revised"
    EFFECTIVE = "effective"
    APPROVER = "approver"
    LEGAL_BASIS = "legal-basis"
    QUALIFICATIONS = "qualifications"
    RELATED = "related"
    EQUIPMENT = "equipment"
    WARNINGS = "warnings"
    RECORDS = "records"
    STATUS = "status"


class MarkKind(str, enum.Enum):
    """Whether words of a marked text are in both editions, the old one only or the new one."""

    SAME = "same"
    DELETED = "deleted"
    INSERTED = "inserted"


@dataclass(frozen=True)
class Mark:
    """Words of a marked text, with the spaces before them, and whether they changed.

    The old text is the marks that are not inserted, one after the other; the
    new text the marks that are not deleted.
    """

    kind: MarkKind
    text: str


@dataclass(frozen=True)
class FieldChange:
    """A field whose text changed: a step's :class:`Column` or an :class:`IdentityField`."""

    field: Column | IdentityField
    old: str
    new: str

    @property
    def marks(self) -> tuple[Mark, ...]:
        return marks(self.old, self.new)


class StepChangeKind(str, enum.Enum):
    """What happened to a step: added, removed, changed, or only renumbered (moved)."""

    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"
    MOVED = "moved"


@dataclass(frozen=True)
class StepChange:
    """A step of either edition that changed; ``fields`` are those of a changed step."""

    kind: StepChangeKind
    old: Step | None
    new: Step | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def renumbered(self) -> bool:
        """Whether the step has another number now."""
        return self.old is not None and self.new is not None and self.old.number != self.new.number


@dataclass(frozen=True)
class ProcedureDiff:
    """What changed in an SOP from edition to edition: identity fields, then steps in order.

    Removed steps stand where they stood, after the step that came before them.
    """

    old: Procedure
    new: Procedure
    identity: tuple[FieldChange, ...]
    steps: tuple[StepChange, ...]

    @property
    def changed(self) -> bool:
        return bool(self.identity or self.steps)

    def count(self, kind: StepChangeKind) -> int:
        """How many steps had this kind of change."""
        return sum(1 for change in self.steps if change.kind is kind)


def _as_written(field: DateField) -> str:
    return field.text


def _status_value(status: Status) -> str:
    return status.value


def _untranslated(message: str) -> str:
    return message


@dataclass(frozen=True)
class Wording:
    """How compared values are worded: dates, statuses, and flows through ``labels``."""

    date: Callable[[DateField], str] = _as_written
    status: Callable[[Status], str] = _status_value
    labels: Labels = _untranslated


#: The values as written, labels untranslated.
AS_WRITTEN = Wording()


def procedure_diff(old: Procedure, new: Procedure, wording: Wording = AS_WRITTEN) -> ProcedureDiff:
    """What changed from ``old`` to ``new``, the same SOP in two editions."""
    before, after = identity_texts(old, wording), identity_texts(new, wording)
    identity = tuple(
        FieldChange(field, before[field], after[field])
        for field in IdentityField
        if before[field] != after[field]
    )
    return ProcedureDiff(old, new, identity, step_changes(old.steps, new.steps, wording.labels))


def identity_texts(procedure: Procedure, wording: Wording = AS_WRITTEN) -> dict[IdentityField, str]:
    """Each compared identity field of ``procedure`` as one text, its spaces tidied."""
    approver = procedure.approver
    status = wording.status(procedure.status)
    if procedure.superseded_by:
        status = f"{status} ({procedure.superseded_by})"
    texts = {
        IdentityField.TITLE: procedure.title,
        IdentityField.NUMBER: procedure.number,
        IdentityField.UNIT: procedure.unit,
        IdentityField.CREATED: _date(procedure.created, wording),
        IdentityField.REVISED: _date(procedure.revised, wording),
        IdentityField.EFFECTIVE: _date(procedure.effective, wording),
        IdentityField.APPROVER: ", ".join(
            part
            for part in (
                approver.position,
                approver.name,
                approver.rank,
                f"NIP. {approver.nip}" if approver.nip else "",
            )
            if part
        ),
        IdentityField.LEGAL_BASIS: "; ".join(procedure.legal_basis),
        IdentityField.QUALIFICATIONS: "; ".join(procedure.qualifications),
        IdentityField.RELATED: "; ".join(procedure.related),
        IdentityField.EQUIPMENT: "; ".join(procedure.equipment),
        IdentityField.WARNINGS: "; ".join(procedure.warnings),
        IdentityField.RECORDS: "; ".join(procedure.records),
        IdentityField.STATUS: status,
    }
    return {field: _tidy(text) for field, text in texts.items()}


def _date(field: DateField | None, wording: Wording) -> str:
    return wording.date(field) if field is not None else ""


def step_changes(
    old: Sequence[Step], new: Sequence[Step], labels: Labels = _untranslated
) -> tuple[StepChange, ...]:
    """The steps added, removed, changed and moved from ``old`` to ``new``, in order."""
    pairs = matched_steps(old, new)
    renumbering = {old[i].number: new[j].number for i, j in pairs.items()}
    placed: list[tuple[tuple[int, int, int], StepChange]] = []
    for i, j in pairs.items():
        fields = _changed_fields(old[i], new[j], renumbering, labels)
        if fields:
            placed.append(((j, 0, 0), StepChange(StepChangeKind.CHANGED, old[i], new[j], fields)))
        elif old[i].number != new[j].number:
            placed.append(((j, 0, 0), StepChange(StepChangeKind.MOVED, old[i], new[j])))
    paired_new = set(pairs.values())
    for j, step in enumerate(new):
        if j not in paired_new:
            placed.append(((j, 0, 0), StepChange(StepChangeKind.ADDED, None, step)))
    for i, step in enumerate(old):
        if i not in pairs:
            before = [pairs[k] for k in range(i) if k in pairs]
            place = (max(before, default=-1), 1, i)
            placed.append((place, StepChange(StepChangeKind.REMOVED, step, None)))
    return tuple(change for _, change in sorted(placed, key=lambda item: item[0]))


def matched_steps(old: Sequence[Step], new: Sequence[Step]) -> dict[int, int]:
    """The position in ``new`` of each step of ``old`` that is still there (see the module)."""
    old_words = [_words(step.activity) for step in old]
    new_words = [_words(step.activity) for step in new]
    matcher = SequenceMatcher(
        None, [" ".join(words) for words in old_words], [" ".join(words) for words in new_words]
    )
    pairs = {
        block.a + offset: block.b + offset
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }
    taken = set(pairs.values())
    left_old = [i for i in range(len(old)) if i not in pairs]
    left_new = [j for j in range(len(new)) if j not in taken]
    candidates = []
    for i in left_old:
        for j in left_new:
            alike = _ratio(old_words[i], new_words[j])
            if alike >= SIMILAR:
                rest = _ratio(_words(_rest(old[i])), _words(_rest(new[j])))
                candidates.append((-alike, -rest, abs(i - j), i, j))
    for *_, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return dict(sorted(pairs.items()))


def similarity(old: str, new: str) -> float:
    """How alike two texts are, from 0 to 1: the share of their words in common, in order."""
    return _ratio(_words(old), _words(new))


def _words(text: str) -> list[str]:
    return folded(text).split()


def _ratio(old_words: Sequence[str], new_words: Sequence[str]) -> float:
    if not old_words and not new_words:
        return 1.0
    return SequenceMatcher(None, old_words, new_words, autojunk=False).ratio()


def _rest(step: Step) -> str:
    """What a step holds besides its activity, to tell apart steps of alike activities."""
    return " ".join(step.text(column) for column in STEP_FIELDS if column is not Column.ACTIVITY)


def _changed_fields(
    old: Step, new: Step, renumbering: Mapping[int, int], labels: Labels
) -> tuple[FieldChange, ...]:
    if _texts(old) == _texts(new) and _same_flow(old, new, renumbering):
        return ()  # most steps: nothing to compare field by field
    changes = []
    for column in STEP_FIELDS:
        if column is Column.FLOW:
            if _same_flow(old, new, renumbering):
                continue
            before, after = flow_text(old, labels), flow_text(new, labels)
        elif column is Column.ACTORS:
            if {folded(actor) for actor in old.actors} == {folded(actor) for actor in new.actors}:
                continue
            before, after = old.text(column), new.text(column)
        else:
            before, after = _tidy(old.text(column)), _tidy(new.text(column))
            if before == after:
                continue
        changes.append(FieldChange(column, before, after))
    return tuple(changes)


def _texts(step: Step) -> tuple[object, ...]:
    return (step.activity, step.actors, step.requirements, step.time, step.output, step.notes)


def _same_flow(old: Step, new: Step, renumbering: Mapping[int, int]) -> bool:
    """Whether a step leads where it led, read through the renumbering of the steps."""
    if not old.flow.text.strip() and not new.flow.text.strip():
        return True  # on to the next row in both editions, whichever step that is now
    if old.flow.ends != new.flow.ends:
        return False
    led = [(renumbering.get(way.target), folded(way.branch or "")) for way in old.flow.exits]
    leads = [(way.target, folded(way.branch or "")) for way in new.flow.exits]
    return led == leads


def marks(old: str, new: str) -> tuple[Mark, ...]:
    """``old`` changed into ``new``, word by word: the words kept, deleted and inserted.

    Words and punctuation marks are compared one by one, each with the spaces
    before it, so that ``Srikandi`` → ``Srikandi; pos`` inserts ``; pos``.
    Texts that differ only in their spaces are the same.
    """
    old_tokens, new_tokens = _TOKEN.findall(_tidy(old)), _TOKEN.findall(_tidy(new))
    matcher = SequenceMatcher(
        None,
        [token.strip() for token in old_tokens],
        [token.strip() for token in new_tokens],
        autojunk=False,
    )
    found: list[Mark] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            found.append(Mark(MarkKind.SAME, "".join(new_tokens[j1:j2])))
            continue
        if i2 > i1:
            found.append(Mark(MarkKind.DELETED, "".join(old_tokens[i1:i2])))
        if j2 > j1:
            found.append(Mark(MarkKind.INSERTED, "".join(new_tokens[j1:j2])))
    return tuple(found)


def marked_words(text: str, kind: MarkKind) -> tuple[Mark, ...]:
    """A whole text as one mark (a step added or removed), or none when it is empty."""
    tidy = _tidy(text)
    return (Mark(kind, tidy),) if tidy else ()


def _tidy(text: str) -> str:
    return " ".join(text.split())


# -- the summary of a diff, in the project's labels -----------------------------

#: The summary's words for each kind of step change: for the first kind named (one step,
#: several), then for a kind named after another.
SUMMARY_MESSAGES = {
    StepChangeKind.ADDED: ("{count} step added", "{count} steps added", "{count} added"),
    StepChangeKind.CHANGED: ("{count} step changed", "{count} steps changed", "{count} changed"),
    StepChangeKind.REMOVED: ("{count} step removed", "{count} steps removed", "{count} removed"),
    StepChangeKind.MOVED: (
        "{count} step renumbered",
        "{count} steps renumbered",
        "{count} renumbered",
    ),
}
#: How the summary names each identity field.
FIELD_NAMES = {
    IdentityField.TITLE: "title",
    IdentityField.NUMBER: "number",
    IdentityField.UNIT: "unit",
    IdentityField.CREATED: "date created",
    IdentityField.REVISED: "date revised",
    IdentityField.EFFECTIVE: "effective date",
    IdentityField.APPROVER: "approver",
    IdentityField.LEGAL_BASIS: "legal basis",
    IdentityField.QUALIFICATIONS: "implementer qualifications",
    IdentityField.RELATED: "related SOPs",
    IdentityField.EQUIPMENT: "equipment",
    IdentityField.WARNINGS: "warnings",
    IdentityField.RECORDS: "records",
    IdentityField.STATUS: "status",
}
FIELDS_CHANGED = "{fields} changed"
NO_CHANGE = "No change"


def summary(diff: ProcedureDiff, labels: Labels) -> str:
    """``2 steps added, 1 changed; date revised changed``, or *No change*."""
    counts = []
    for kind, (one, several, later) in SUMMARY_MESSAGES.items():
        count = diff.count(kind)
        if count:
            message = later if counts else one if count == 1 else several
            counts.append(fill(labels(message), count=str(count)))
    parts = [", ".join(counts)] if counts else []
    if diff.identity:
        names = ", ".join(labels(FIELD_NAMES[change.field]) for change in diff.identity)
        parts.append(fill(labels(FIELDS_CHANGED), fields=names))
    return "; ".join(parts) or labels(NO_CHANGE)
