"""The identity part of an SOP as one docutils table, in the official layout.

::

    +----------------+-----------------+---------------------+
    | logo           | Nomor SOP       | ...                 |
    | AGENCY         | Tgl. Pembuatan  | ...                 |
    | UNIT (a line   | Tgl. Revisi     | ...                 |
    |   each)        | Tgl. Efektif    | ...                 |
    |                | Disahkan oleh   | position / sign /   |
    |                |                 | name / rank / NIP   |
    |                | Nama SOP        | ...                 |
    +----------------+-----------------+---------------------+
    | Dasar Hukum    | Kualifikasi Pelaksana                 |
    | Keterkaitan    | Peralatan/Perlengkapan                |
    | Peringatan     | Pencatatan dan Pendataan              |
    +----------------+---------------------------------------+

Plain table nodes keep the layout in HTML, LaTeX, text and every other builder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from docutils import nodes

from ..core.wording import Labels
from .elements import PRINTED_TABLE_STYLE, cell, numbered_list, paragraph, row, table
from .nodes import sop_signature_space

Inline = Sequence[nodes.Node]

#: The 3×2 grid of list fields under the top block: (left, right) per row.
LIST_GRID = (
    (("legal-basis", "Legal basis"), ("qualifications", "Implementer qualifications")),
    (("related", "Related SOPs"), ("equipment", "Equipment")),
    (("warnings", "Warnings"), ("records", "Records")),
)
COLUMN_WIDTHS = (44, 18, 38)


@dataclass
class IdentityContent:
    """The identity fields as inline nodes, ready to be laid out."""

    title: str
    agency: str = ""
    unit_lines: Sequence[Inline] = ()
    logo_uri: str | None = None
    number: Inline = ()
    created: Inline = ()
    revised: Inline = ()
    effective: Inline = ()
    approver_position: Inline = ()
    approver_name: Inline = ()
    approver_rank: Inline = ()
    approver_nip: Inline = ()
    lists: dict[str, list[Inline]] = field(default_factory=dict)


def identity_table(content: IdentityContent, labels: Labels) -> nodes.table:
    """The identity table of one SOP; ``labels`` translates printed labels."""
    fields = (
        ("SOP number", _value(content.number), "sop-number"),
        ("Date created", _value(content.created), "sop-created"),
        ("Date revised", _value(content.revised), "sop-revised"),
        ("Effective date", _value(content.effective), "sop-effective"),
        ("Approved by", _approver(content, labels), "sop-approver"),
        ("SOP title", [paragraph(nodes.strong(content.title, content.title))], "sop-title"),
    )
    top = [
        row(
            *([_owner_cell(content, len(fields))] if index == 0 else []),
            cell(paragraph(labels(message)), classes=["sop-label"]),
            cell(*value, classes=["sop-value", name]),
        )
        for index, (message, value, name) in enumerate(fields)
    ]
    grid = [
        row(
            _list_cell(content, left, labels),
            _list_cell(content, right, labels, morecols=1),
        )
        for left, right in LIST_GRID
    ]
    return table(COLUMN_WIDTHS, [*top, *grid], classes=["sop-identity", *PRINTED_TABLE_STYLE])


def _value(inline: Inline) -> list[nodes.Node]:
    return [paragraph(*inline)] if inline else []


def _owner_cell(content: IdentityContent, rows: int) -> nodes.entry:
    """Logo, agency and unit: the left block spanning the top rows."""
    children: list[nodes.Node] = []
    if content.logo_uri:
        children.append(
            nodes.image(
                uri=content.logo_uri,
                alt=content.agency or content.title,
                height="72px",
                classes=["sop-logo"],
            )
        )
    if content.agency:
        children.append(paragraph(nodes.strong("", content.agency.upper()), classes=["sop-agency"]))
    # The unit's lines, one a line: KECAMATAN … / KELURAHAN …
    children.extend(paragraph(*line, classes=["sop-unit"]) for line in content.unit_lines)
    # Blank when nothing is set: the block is the owner's letterhead, not a field.
    owner = nodes.entry("", *children, classes=["sop-owner"], morerows=rows - 1)
    return owner


def _approver(content: IdentityContent, labels: Labels) -> list[nodes.Node]:
    """Position, a space to sign, name, rank and NIP, as on a signed sheet."""
    if not (
        content.approver_position
        or content.approver_name
        or content.approver_rank
        or content.approver_nip
    ):
        return []
    parts: list[nodes.Node] = []
    if content.approver_position:
        parts.append(paragraph(*content.approver_position, classes=["sop-approver-position"]))
    parts.append(sop_signature_space())
    if content.approver_name:
        name = nodes.strong("", "", *content.approver_name)
        parts.append(paragraph(name, classes=["sop-approver-name"]))
    if content.approver_rank:
        parts.append(paragraph(*content.approver_rank, classes=["sop-approver-rank"]))
    if content.approver_nip:
        parts.append(
            paragraph(f"{labels('NIP.')} ", *content.approver_nip, classes=["sop-approver-nip"])
        )
    return parts


def _list_cell(
    content: IdentityContent,
    field: tuple[str, str],
    labels: Labels,
    morecols: int = 0,
) -> nodes.entry:
    name, message = field
    items = content.lists.get(name, [])
    heading = paragraph(nodes.strong("", f"{labels(message)}:"), classes=["sop-label"])
    body = numbered_list(items) if items else paragraph("\N{EM DASH}", classes=["sop-empty"])
    return cell(heading, body, classes=["sop-list", f"sop-{name}"], morecols=morecols)
