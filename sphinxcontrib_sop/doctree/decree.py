"""The decree that enacts the SOPs (*Keputusan Pimpinan*), as doctree nodes.

Laid out as an Indonesian decree::

                 KEPUTUSAN <ISSUER>
                   NOMOR <number>
                      TENTANG
                      <TITLE>
                     <ISSUER>,
    <body: Menimbang, Mengingat, MEMUTUSKAN, Menetapkan, KESATU, …>
                                        Ditetapkan di <place>
                                        pada tanggal <date>
                                        <POSITION>,
                                        (space to sign)
                                        <name>
                                        NIP. <nip>

Containers and paragraphs, so every builder writes it; layout markers put the
decree on a page of its own in print, centre the heading and push the signature
block to the right.  A decree that opens its section takes the section's
heading (and those of the sections it opens) along to its page (see
:mod:`sphinxcontrib_sop.writers.latex.pages`).
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from ..core.wording import Labels
from .elements import paragraph
from .nodes import sop_centred, sop_page_break, sop_signature_block, sop_signature_space


@dataclass(frozen=True)
class Decree:
    """The decree's fields as printed: texts, the date already formatted."""

    title: str
    number: str = ""
    date: str = ""
    place: str = ""
    issuer: str = ""
    signer_position: str = ""
    signer_name: str = ""
    signer_nip: str = ""


def decree_node(decree: Decree, body: list[nodes.Node], labels: Labels) -> nodes.container:
    """The decree on a page of its own: heading, the author's body, signature block."""
    node = nodes.container(classes=["sop-decree"])
    node += sop_page_break()
    node += _heading(decree, labels)
    node += nodes.container("", *body, classes=["sop-decree-body"])
    if signature := _signature(decree, labels):
        node += signature
    node += sop_page_break()
    return node


def _heading(decree: Decree, labels: Labels) -> sop_centred:
    """``KEPUTUSAN <ISSUER>`` / ``NOMOR …`` / ``TENTANG`` / title / ``<ISSUER>,``."""
    issuer = (decree.issuer or decree.signer_position).upper()
    lines = (
        (" ".join(filter(None, (labels("DECREE OF"), issuer))), "sop-decree-issuer"),
        (decree.number and f"{labels('NUMBER')} {decree.number}", "sop-decree-number"),
        (labels("ON"), "sop-decree-on"),
        (decree.title.upper(), "sop-decree-title"),
        (issuer and f"{issuer},", "sop-decree-authority"),
    )
    return sop_centred(
        "",
        *(paragraph(nodes.strong("", text), classes=[name]) for text, name in lines if text),
        classes=["sop-decree-heading"],
    )


def _signature(decree: Decree, labels: Labels) -> sop_signature_block | None:
    """Place and date of enactment, position, space to sign, name and NIP."""
    place, date = decree.place, decree.date
    position, name, nip = decree.signer_position, decree.signer_name, decree.signer_nip
    if not (place or date or position or name or nip):
        return None
    lines: list[nodes.Node] = []
    if place:
        lines.append(paragraph(f"{labels('Set in')} {place}", classes=["sop-decree-place"]))
    if date:
        lines.append(paragraph(f"{labels('on')} {date}", classes=["sop-decree-date"]))
    if position:
        lines.append(paragraph(f"{position.upper()},", classes=["sop-decree-position"]))
    lines.append(sop_signature_space(classes=["sop-decree-signature-space"]))
    if name:
        lines.append(paragraph(nodes.strong("", name), classes=["sop-decree-name"]))
    if nip:
        lines.append(paragraph(f"{labels('NIP.')} {nip}", classes=["sop-decree-nip"]))
    return sop_signature_block("", *lines, classes=["sop-decree-signature"])
