"""The SOP map: how the handbook's SOPs relate, as a Graphviz picture or in words.

:func:`fill_maps` runs when a page is written: for HTML and LaTeX it puts the
map's DOT source on each ``sop_map`` node (with links to the SOPs' pages in
HTML); for builders that show no picture, or when ``dot`` is missing, it puts
the map in words in its place.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import graphviz
from docutils import nodes
from sphinx.application import Sphinx

from ...core.model import Procedure, Status
from ...core.relations import RelationKind, SOPGraph, sop_graph
from ...core.wording import Labels
from ...doctree.nodes import sop_map
from ...doctree.placeholders import placeholders
from ...domain import get_domain
from ...i18n.labels import ProjectLabels
from .pictures import PICTURE_FORMATS, dot_found
from .source import FONT, LINE_COLOR, literal

#: Characters per line of an SOP's name in its node.
WRAP_WIDTH = 30
#: The label message of each kind of arrow.
RELATION_MESSAGES = {
    RelationKind.RELATED: "related to",
    RelationKind.SUPERSEDED_BY: "superseded by",
}
_RETIRED = {"style": "rounded,dashed,filled", "fillcolor": "#f2f2f2", "fontcolor": "#666666"}
_DRAFT = {"style": "rounded,filled", "fillcolor": "#fff4d6"}

#: The address of an SOP's page from the page being written, or ``None`` (no links).
LinkOf = Callable[[Procedure], str | None]


def map_dot(
    graph: SOPGraph[Procedure], labels: Labels, link_of: LinkOf, name: str = "sop-map"
) -> str:
    """The DOT source of the map: one node per SOP, an arrow per relation.

    ``name`` starts every SVG id, so two maps on one page never share one.
    """
    dot = graphviz.Digraph(
        name=name,
        graph_attr={
            "id": name,
            "rankdir": "LR",
            "bgcolor": "transparent",
            "pad": "0.1",
            "nodesep": "0.3",
            "fontname": FONT,
        },
        node_attr={
            "shape": "box",
            "style": "rounded,filled",
            "fillcolor": "#ffffff",
            "fontname": FONT,
            "fontsize": "11",
            "color": LINE_COLOR,
        },
        edge_attr={"fontname": FONT, "fontsize": "9", "color": LINE_COLOR},
    )
    for procedure in graph.procedures:
        link = link_of(procedure)
        dot.node(
            _node_name(procedure.id),
            literal("\n".join(node_lines(procedure))),
            id=f"{name}-{procedure.id}",
            tooltip=literal(_name(procedure)),
            **({"URL": graphviz.nohtml(graphviz.escape(link)), "target": "_top"} if link else {}),
            **_style(procedure.status),
        )
    for relation in graph.relations:
        superseded = relation.kind is RelationKind.SUPERSEDED_BY
        dot.edge(
            _node_name(relation.source),
            _node_name(relation.target),
            label=literal(f" {labels(RELATION_MESSAGES[relation.kind])} ") if superseded else None,
            style="dashed" if superseded else None,
        )
    return dot.source


def _style(status: Status) -> dict[str, str]:
    """Retired SOPs dashed and grey, drafts tinted."""
    if status.retired:
        return _RETIRED
    return _DRAFT if status is Status.DRAFT else {}


def node_lines(procedure: Procedure) -> list[str]:
    """An SOP's node: its number, then its name wrapped."""
    lines = textwrap.wrap(procedure.title, WRAP_WIDTH) or [procedure.id]
    return [procedure.number, *lines] if procedure.number else lines


def _node_name(sop_id: str) -> str:
    return f"sop_{sop_id}"


def map_description(graph: SOPGraph[Procedure], labels: Labels, caption: str) -> nodes.container:
    """The map in words: its caption, then each SOP and the SOPs it relates to."""
    names = {procedure.id: _name(procedure) for procedure in graph.procedures}
    listing = nodes.bullet_list(bullet="-", classes=["sop-map-description"])
    for procedure in graph.procedures:
        text = names[procedure.id]
        for kind, message in RELATION_MESSAGES.items():
            targets = [
                names[relation.target]
                for relation in graph.relations
                if relation.source == procedure.id and relation.kind is kind
            ]
            if targets:
                text += f"; {labels(message)}: {', '.join(targets)}"
        listing += nodes.list_item("", nodes.paragraph(text, text))
    return nodes.container(
        "", nodes.paragraph(caption, caption, classes=["sop-graphviz-caption"]), listing
    )


def _name(procedure: Procedure) -> str:
    return " ".join(filter(None, (procedure.number, procedure.title)))


def fill_maps(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Draw each SOP map of the page being written from the SOPs the handbook holds now."""
    maps = placeholders(doctree, sop_map)
    if not maps:
        return
    entries = get_domain(app.env).procedures()
    headings = {sop_id: entry.heading for sop_id, entry in entries.items()}
    labels = ProjectLabels(app.config.sop_labels)
    builder = app.builder
    drawn = builder.format in PICTURE_FORMATS and dot_found(builder)

    def link_of(procedure: Procedure) -> str | None:
        if builder.format != "html":
            return None
        uri = builder.get_relative_uri(docname, procedure.docname)
        return f"{uri}#{entries[procedure.id].anchor}"

    caption = labels("SOP map")
    for number, node in enumerate(maps, 1):
        chosen = sop_graph(headings, node["units"], node["pages"])
        # Only the SOPs the map shows are unpickled whole.
        outlines = tuple(entries[heading.id].outline for heading in chosen.procedures)
        graph = SOPGraph(outlines, chosen.relations)
        if not graph.procedures:
            empty = labels("No SOP to show on the map.")
            node.replace_self(nodes.paragraph(empty, empty, classes=["sop-map-empty"]))
            continue
        description = map_description(graph, labels, caption)
        if not drawn:
            node.replace_self(description)
            continue
        node["dot"] = map_dot(graph, labels, link_of, f"sop-map-{number}")
        node["caption"] = caption
        node += description  # shown if dot fails
