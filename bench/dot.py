"""The DOT text the extension draws, for the plain project's ``.. graphviz::`` blocks.

The plain project shows the same pictures through ``sphinx.ext.graphviz``: each
SOP's Graphviz flowchart (``writers/dot/source.py``) and each unit's SOP map
(``writers/dot/map.py``), built here from the extension's own model with its
Indonesian labels, so both projects hand ``dot`` the same graphs.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path

from content import HEADER, SOPText

import sphinxcontrib_sop
from sphinxcontrib_sop.core.model import Procedure
from sphinxcontrib_sop.core.relations import sop_graph
from sphinxcontrib_sop.core.steps import RawRow, RawTable, read_step_table
from sphinxcontrib_sop.writers.dot.map import map_dot
from sphinxcontrib_sop.writers.dot.source import procedure_dot

LOCALES = Path(sphinxcontrib_sop.__file__).parent / "i18n" / "locale"


def indonesian_labels() -> Callable[[str], str]:
    """The extension's labels in Indonesian, from its compiled catalog."""
    return gettext.translation("sphinxcontrib-sop", LOCALES, ["id"]).gettext


def procedure(sop: SOPText) -> Procedure:
    """``sop`` as the extension's model reads it."""
    table = RawTable(HEADER, tuple(RawRow(step.cells()) for step in sop.steps))
    return Procedure(
        id=sop.id,
        title=sop.title,
        number=sop.number,
        unit_lines=(sop.unit,),
        related=(sop.id_of_related,) if sop.id_of_related else (),
        actors=sop.actors,
        steps=read_step_table(table, sop.actors).steps,
        docname=sop.docname,
    )


def flowchart_dot(sop: SOPText) -> str:
    """The DOT text of ``sop``'s Graphviz flowchart (``:diagram: graphviz``)."""
    return procedure_dot(procedure(sop), indonesian_labels())


def unit_map_dot(sops: list[SOPText], folder: str) -> str:
    """The DOT text of the map of a unit's page (``.. sop-map::`` with ``:pages: sop-*``)."""
    graph = sop_graph({sop.id: procedure(sop) for sop in sops}, pages=[f"{folder}/sop-*"])
    return map_dot(graph, indonesian_labels(), _link_from_unit_page, "sop-map-1")


def _link_from_unit_page(target: Procedure) -> str:
    return f"{Path(target.docname).name}.html#sop-{target.id}"
