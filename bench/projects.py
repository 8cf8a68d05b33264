"""Writing the benchmark's two Sphinx projects from the same SOPs.

``sop``: each SOP a ``.. sop::`` directive; a page of its own holds an
``sop-registry`` of every SOP, each unit's page an ``sop-map`` of its SOPs;
``:related:`` gives back-links, and the extension adds the actor index.

``plain``: the same text by hand in reST list-tables — the identity part, the
steps, a registry table, *Dirujuk oleh* lines, an ``index`` entry per actor for
Sphinx's general index, and the unit maps (and, for the Graphviz case, each
flowchart) through ``sphinx.ext.graphviz`` with the DOT text the extension draws.

``plain-loaded``: the ``plain`` project with the extension loaded too, though no page
uses it: what the extension costs a build by being loaded at all.

Both use sphinx-rtd-theme, the same toctrees (a page per unit, 25 SOPs each)
and the same headings.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path

from content import HEADER, SOPText, docname, handbook, unit_name, units
from dot import flowchart_dot, unit_map_dot

VARIANTS = ("sop", "plain")
#: The plain project with the extension loaded, unused.
LOADED = "plain-loaded"
#: The page holding the registry of every SOP.  Not the root page: Sphinx reads the
#: root page's doctree again for every page's navigation, so a registry table there
#: would cost the plain handbook a walk of every SOP's row per page written.
REGISTRY_PAGE = "daftar-sop"

_CONF = """\
project = "Buku Pedoman SOP (benchmark)"
language = "id"
html_theme = "sphinx_rtd_theme"
graphviz_output_format = "svg"
extensions = {extensions!r}
"""
_SOP_CONF = """\
sop_agency = "Pemerintah Kabupaten Contoh"
sop_diagram = {diagram!r}
"""


def write_project(folder: Path, variant: str, size: int, graphviz: bool = False) -> None:
    """The ``variant`` project of ``size`` SOPs in ``folder`` (with Graphviz flowcharts)."""
    sops = handbook(size)
    extensions = {
        "sop": ["sphinxcontrib_sop"],
        "plain": ["sphinx.ext.graphviz"],
        LOADED: ["sphinx.ext.graphviz", "sphinxcontrib_sop"],
    }[variant]
    conf = _CONF.format(extensions=extensions)
    if variant == "sop":
        conf += _SOP_CONF.format(diagram="graphviz" if graphviz else "table")
    _write(folder / "conf.py", conf)
    _write(folder / "index.rst", _root_page(sops, variant))
    _write(folder / f"{REGISTRY_PAGE}.rst", _registry_page(sops, variant))
    for folder_name, unit_sops in units(sops).items():
        _write(
            folder / folder_name / "index.rst", _unit_page(sops, folder_name, unit_sops, variant)
        )
    for sop in sops:
        write_sop_page(folder, sop, variant, size, graphviz)


def write_sop_page(
    folder: Path, sop: SOPText, variant: str, size: int, graphviz: bool = False
) -> Path:
    """Write the page of ``sop`` of a ``size``-SOP handbook (again); returns its path."""
    text = _sop_directive(sop) if variant == "sop" else _plain_sop(sop, size, graphviz)
    path = folder / f"{sop.docname}.rst"
    _write(path, _heading(sop.title, "=") + text)
    return path


def _root_page(sops: list[SOPText], variant: str) -> str:
    title = f"Buku Pedoman SOP ({len(sops)} SOP)"
    index = ":ref:`sop-actors`" if variant == "sop" else ":ref:`genindex`"
    toctree = _toctree(2, [REGISTRY_PAGE, *(f"{folder}/index" for folder in units(sops))])
    return _heading(title, "#") + f"SOP seluruh unit kerja. Lihat juga {index}.\n\n{toctree}"


def _registry_page(sops: list[SOPText], variant: str) -> str:
    registry = ".. sop-registry::\n" if variant == "sop" else _plain_registry(sops)
    return _heading("Daftar SOP", "=") + registry


def _unit_page(all_sops: list[SOPText], folder: str, sops: list[SOPText], variant: str) -> str:
    if variant == "sop":
        sop_map = ".. sop-map::\n   :pages: sop-*\n"
    else:
        sop_map = _graphviz_block(unit_map_dot(all_sops, folder), "Peta SOP")
    pages = [Path(sop.docname).name for sop in sops]
    return _heading(unit_name(folder), "=") + sop_map + "\n" + _toctree(1, pages)


def _sop_directive(sop: SOPText) -> str:
    options = [
        f":id: {sop.id}",
        f":number: {sop.number}",
        f":unit: {sop.unit}",
        f":created: {sop.created}",
        f":revised: {sop.revised}",
        f":effective: {sop.effective}",
        f":approved-by: {sop.approved_by}",
        f":approver-name: {sop.approver_name}",
        f":approver-rank: {sop.approver_rank}",
        f":approver-nip: {sop.approver_nip}",
        ":legal-basis:" + _indented(sop.legal_basis),
        ":qualifications:" + _indented(sop.qualifications),
        ":related:" + _indented([sop.id_of_related, sop.related_text] if sop.id_of_related
                                else [sop.related_text]),
        ":equipment:" + _indented(sop.equipment),
        ":warnings:" + _indented(sop.warnings),
        ":records:" + _indented(sop.records),
        f":actors: {', '.join(sop.actors)}",
    ]  # fmt: skip
    body = "\n".join(options) + "\n\n" + _list_table([HEADER, *_rows(sop)], header_rows=1)
    return f".. sop:: {sop.title}\n" + textwrap.indent(body, "   ") + "\n"


def _plain_sop(sop: SOPText, size: int, graphviz: bool) -> str:
    entries = "".join(f"   single: {actor}; {sop.number} {sop.title}\n" for actor in sop.actors)
    related = [sop.related_text]
    if sop.related_index:
        related.insert(0, f":doc:`/{docname(sop.related_index)}`")
    approver = (
        f"{sop.approved_by}\n\n**{sop.approver_name}**\n\n{sop.approver_rank}\n\n"
        f"NIP. {sop.approver_nip}"
    )
    identity = [
        ("Instansi", "PEMERINTAH KABUPATEN CONTOH"),
        ("Unit Kerja", sop.unit),
        ("Nomor SOP", sop.number),
        ("Tgl. Pembuatan", sop.created),
        ("Tgl. Revisi", sop.revised),
        ("Tgl. Efektif", sop.effective),
        ("Disahkan oleh", approver),
        ("Nama SOP", sop.title),
        ("Dasar Hukum", _enumerated(sop.legal_basis)),
        ("Kualifikasi Pelaksana", _enumerated(sop.qualifications)),
        ("Keterkaitan", _enumerated(related)),
        ("Peralatan/Perlengkapan", _enumerated(sop.equipment)),
        ("Peringatan", _enumerated(sop.warnings)),
        ("Pencatatan dan Pendataan", _enumerated(sop.records)),
    ]
    text = f".. index::\n{entries}\n" + _list_table(identity) + "\n"
    if sop.index < size:  # the next SOP refers to this one
        text += f"Dirujuk oleh: :doc:`/{docname(sop.index + 1)}`\n\n"
    text += _list_table([HEADER, *_rows(sop)], header_rows=1)
    if graphviz:
        text += "\n" + _graphviz_block(flowchart_dot(sop), f"Diagram Alir: {sop.title}")
    return text


def _plain_registry(sops: list[SOPText]) -> str:
    header = ("Nomor", "Nama SOP", "Unit Kerja", "Tgl. Efektif", "Tgl. Revisi", "Status")
    rows = [
        (
            sop.number,
            f":doc:`/{sop.docname}`",
            sop.unit,
            sop.effective,
            sop.revised,
            "Berlaku",
            str(len(sop.steps)),
            f"{sop.total_minutes} menit",
        )
        for sop in sops
    ]
    return _list_table([(*header, "Langkah", "Waktu"), *rows], header_rows=1)


def _rows(sop: SOPText) -> list[tuple[str, ...]]:
    return [step.cells() for step in sop.steps]


def _list_table(rows: Iterable[Iterable[str]], header_rows: int = 0) -> str:
    lines = [".. list-table::"]
    if header_rows:
        lines.append(f"   :header-rows: {header_rows}")
    lines.append("")
    for row in rows:
        for position, cell in enumerate(row):
            marker = "   * - " if position == 0 else "     - "
            lines.append(
                marker + textwrap.indent(cell, " " * 7).lstrip() if cell else marker.rstrip()
            )
    return "\n".join(lines) + "\n"


def _graphviz_block(dot_text: str, caption: str) -> str:
    return f".. graphviz::\n   :caption: {caption}\n\n" + textwrap.indent(dot_text, "   ") + "\n"


def _toctree(depth: int, entries: list[str]) -> str:
    return f".. toctree::\n   :maxdepth: {depth}\n\n" + "".join(f"   {e}\n" for e in entries)


def _enumerated(items: Iterable[str]) -> str:
    return "\n".join(f"#. {item}" for item in items)


def _indented(items: Iterable[str]) -> str:
    return "".join(f"\n   {item}" for item in items)


def _heading(title: str, underline: str) -> str:
    return f"{title}\n{underline * len(title)}\n\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
