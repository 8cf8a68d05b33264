"""The DOT text of an SOP's Graphviz flowchart, built from the plain model.

Every step is one node with the SOP AP symbol of its kind — a capsule for the
start and end, a box for a process, a diamond for a decision — labelled with
its number, its activity and, on the last line, its actors in brackets.  The
actors are a line in each node rather than swimlane clusters: a step performed
by several actors cannot sit in one cluster, and clusters force a left-to-right
order of actors that fights the top-to-bottom flow.

User text is made literal: backslashes are doubled (``\\n``, ``\\l`` and
``\\N`` would otherwise be Graphviz escapes), ``&`` is written as ``&amp;``
(Graphviz reads HTML entities in every label), and labels are never taken as
HTML-like labels, even when they look like ``<b>x</b>``.  Quotes are escaped by
the ``graphviz`` package.  Every SVG id starts with the SOP's id, so two
flowcharts on one page never share an id.
"""

from __future__ import annotations

import textwrap

import graphviz
from sphinx.environment import BuildEnvironment

from ...core.model import Procedure, Step, StepKind
from ...core.wording import Labels, kind_label
from ...doctree.nodes import sop_graphviz
from ...i18n.labels import ProjectLabels

#: Characters per line of a node's text; diamonds grow fast, so they get fewer.
WRAP_WIDTH = 28
DECISION_WRAP_WIDTH = 22
FONT = "Helvetica"
LINE_COLOR = "#333333"

_SHAPES: dict[StepKind, dict[str, str]] = {
    StepKind.START: {"shape": "box", "style": "rounded,filled", "fillcolor": "#e8ecf2"},
    StepKind.END: {"shape": "box", "style": "rounded,filled", "fillcolor": "#e8ecf2"},
    StepKind.PROCESS: {"shape": "box", "style": "filled", "fillcolor": "#ffffff"},
    StepKind.DECISION: {"shape": "diamond", "style": "filled", "fillcolor": "#fff4d6"},
}


#: A loop back to an earlier step leaves and enters on the right and does not
#: pull that step down, so the steps stay in order from top to bottom.
_BACK_EDGE = {"constraint": "false", "tailport": "e", "headport": "e"}


def procedure_dot(procedure: Procedure, labels: Labels) -> str:
    """The DOT source of the top-to-bottom flowchart of ``procedure``."""
    graph = graphviz.Digraph(
        name=procedure.id,
        graph_attr={
            "id": f"{procedure.id}-graphviz",
            "rankdir": "TB",
            "nodesep": "0.35",
            "ranksep": "0.4",
            "bgcolor": "transparent",
            "pad": "0.1",
            "fontname": FONT,
        },
        node_attr={
            "fontname": FONT,
            "fontsize": "11",
            "margin": "0.15,0.08",
            "color": LINE_COLOR,
            "penwidth": "1.2",
        },
        edge_attr={
            "fontname": FONT,
            "fontsize": "10",
            "color": LINE_COLOR,
            "arrowsize": "0.8",
        },
    )
    for step in procedure.steps:
        graph.node(
            node_name(step.number),
            literal("\n".join(node_lines(step))),
            id=f"{procedure.id}-step-{step.number}",
            tooltip=literal(kind_label(step, labels)),
            **_SHAPES[step.kind],
        )
    position = {step.number: index for index, step in enumerate(procedure.steps)}
    for index, edge in enumerate(procedure.edges, 1):
        if edge.target not in position:
            continue  # a flow to a missing step: reported by validation
        backwards = position[edge.target] <= position[edge.source]
        graph.edge(
            node_name(edge.source),
            node_name(edge.target),
            label=literal(f" {edge.branch} ") if edge.branch else None,
            id=f"{procedure.id}-edge-{index}",
            **_BACK_EDGE if backwards else {},
        )
    return graph.source


def view_dot(view: sop_graphviz, env: BuildEnvironment) -> str:
    """The DOT source of the flowchart a Graphviz view shows, with the project's labels."""
    return procedure_dot(view.procedure(env), ProjectLabels(env.config.sop_labels))


def node_name(number: int) -> str:
    """The DOT name of the node of step ``number``."""
    return f"step{number}"


def node_lines(step: Step) -> list[str]:
    """The lines of a step's node: number and activity, wrapped, then the actors."""
    width = DECISION_WRAP_WIDTH if step.kind is StepKind.DECISION else WRAP_WIDTH
    lines = textwrap.wrap(f"{step.number}. {step.activity}", width) or [f"{step.number}."]
    if step.actors:
        lines += textwrap.wrap(f"({', '.join(step.actors)})", width)
    return lines


def literal(text: str) -> str:
    r"""``text`` as a DOT label that Graphviz prints exactly as written.

    A real newline in ``text`` becomes a centred line break (``\n``).
    """
    escaped = graphviz.escape(text.replace("&", "&amp;"))
    return graphviz.nohtml(escaped.replace("\n", "\\n"))
