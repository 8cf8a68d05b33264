"""The doctree node of an SOP's Graphviz flowchart, with its text description."""

from __future__ import annotations

from docutils import nodes

from ..core.model import Procedure, Step
from ..core.wording import ARROW, Labels, flow_text, performed_by
from .nodes import sop_graphviz

#: Class of the description, shown where the picture cannot be.
DESCRIPTION_CLASS = "sop-graphviz-description"


def graphviz_view(procedure: Procedure, labels: Labels, docname: str, index: int) -> sop_graphviz:
    """The Graphviz flowchart of ``procedure``, the SOP at ``index`` of page ``docname``."""
    caption = f"{labels('Flowchart')}: {procedure.title}"
    return sop_graphviz(
        "",
        flow_description(procedure, caption, labels),
        sop_docname=docname,
        sop_index=index,
        caption=caption,
    )


def flow_description(procedure: Procedure, caption: str, labels: Labels) -> nodes.container:
    """The caption, then one list item per step: ``Menerima surat (Staf TU) → 2``."""
    numbers = [step.number for step in procedure.steps]
    first = numbers[0] if numbers else 1
    consecutive = numbers == list(range(first, first + len(numbers)))
    items = [
        nodes.list_item("", nodes.paragraph("", _step_text(step, labels, numbered=not consecutive)))
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


def _step_text(step: Step, labels: Labels, numbered: bool) -> str:
    text = performed_by(step)
    if numbered:
        text = f"{step.number}. {text}"
    flow = flow_text(step, labels)
    if not flow:
        return text
    return f"{text} {flow}" if flow.startswith(ARROW) else f"{text}: {flow}"
