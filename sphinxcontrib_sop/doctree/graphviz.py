"""The doctree node of an SOP's Graphviz flowchart, with its text description."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..core.model import Procedure, Step
from ..writers.dot.source import procedure_dot
from .nodes import sop_graphviz
from .steps import ARROW, flow_text

#: Class of the description, shown where the picture cannot be.
DESCRIPTION_CLASS = "sop-graphviz-description"


def graphviz_view(procedure: Procedure, label: Callable[[str], str]) -> sop_graphviz:
    """The Graphviz flowchart node of ``procedure``."""
    caption = f"{label('Flowchart')}: {procedure.title}"
    return sop_graphviz(
        "",
        flow_description(procedure, caption, label),
        dot=procedure_dot(procedure, label),
        sop_id=procedure.id,
        caption=caption,
    )


def flow_description(
    procedure: Procedure, caption: str, label: Callable[[str], str]
) -> nodes.container:
    """The caption, then one list item per step: ``Menerima surat (Staf TU) → 2``."""
    numbers = [step.number for step in procedure.steps]
    first = numbers[0] if numbers else 1
    consecutive = numbers == list(range(first, first + len(numbers)))
    items = [
        nodes.list_item("", nodes.paragraph("", _step_text(step, label, numbered=not consecutive)))
        for step in procedure.steps
    ]
    if consecutive:
        steps = nodes.enumerated_list("", *items, enumtype="arabic", prefix="", suffix=".")
        if first != 1:
            steps["start"] = first
    else:
        steps = nodes.bullet_list("", *items, bullet="-")
    return nodes.container(
        "",
        nodes.paragraph("", caption, classes=["sop-graphviz-caption"]),
        steps,
        classes=[DESCRIPTION_CLASS],
    )


def _step_text(step: Step, label: Callable[[str], str], numbered: bool) -> str:
    text = step.activity
    if step.actors:
        text += f" ({', '.join(step.actors)})"
    if numbered:
        text = f"{step.number}. {text}"
    flow = flow_text(step, label)
    if not flow:
        return text
    return f"{text} {flow}" if flow.startswith(ARROW) else f"{text}: {flow}"
