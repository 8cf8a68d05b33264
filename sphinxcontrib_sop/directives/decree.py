"""The ``sop-decree`` directive: the decree that enacts the SOPs (*Keputusan Pimpinan*).

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
:mod:`sphinxcontrib_sop.writers.latex.decree`).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

from ..core.dates import ACCEPTED_FORMS, format_date, parse_date
from ..core.options import canonical_options, check_nip, is_unset
from ..core.problems import Problem
from ..doctree.elements import paragraph
from ..doctree.nodes import sop_centred, sop_page_break, sop_signature_block, sop_signature_space
from .base import AliasedOptionsDirective, aliased_option_spec

logger = logging.getLogger(__name__)

#: Each option's English name and its Indonesian alias.
DECREE_OPTION_ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("nomor",),
    "date": ("tanggal",),
    "place": ("tempat",),
    "issuer": ("pejabat",),
    "signer-position": ("jabatan",),
    "signer-name": ("nama",),
    "signer-nip": ("nip",),
}


class DecreeDirective(AliasedOptionsDirective):
    """``.. sop-decree:: Title`` with the decree's fields as options and its text as body."""

    option_aliases = DECREE_OPTION_ALIASES
    option_spec = aliased_option_spec(DECREE_OPTION_ALIASES)

    def run(self) -> list[nodes.Node]:
        self.read_option_lines()
        values, self.problems = canonical_options(
            self.options, self.option_lines, DECREE_OPTION_ALIASES
        )
        self.values = {
            name: " ".join(value.split()) for name, value in values.items() if not is_unset(value)
        }
        title = " ".join(self.arguments[0].split())
        date, nip = self._date(), self._nip()
        body = self.parse_content_to_nodes()
        self.report(self.problems)

        decree = nodes.container(classes=["sop-decree"])
        self.set_source_info(decree)
        decree += sop_page_break()
        decree += self._heading(title)
        decree += nodes.container("", *body, classes=["sop-decree-body"])
        if signature := self._signature(date, nip):
            decree += signature
        decree += sop_page_break()
        return [decree]

    # -- reading --------------------------------------------------------------

    def _date(self) -> str:
        """The date as printed: formatted when it can be read, else as written."""
        text = self.values.get("date", "")
        if not text:
            return ""
        value = parse_date(text)
        if value is None:
            self.problems.append(
                Problem(
                    f"cannot read the date {text!r} in :date:: write it as {ACCEPTED_FORMS} "
                    "(shown as written meanwhile)",
                    self._line("date"),
                    "date",
                )
            )
            return text
        return format_date(value, self.language)

    def _nip(self) -> str:
        nip = self.values.get("signer-nip", "")
        if nip and (message := check_nip(nip)):
            self.problems.append(Problem(message, self._line("signer-nip"), "option"))
        return nip

    # -- rendering ------------------------------------------------------------

    def _heading(self, title: str) -> sop_centred:
        """``KEPUTUSAN <ISSUER>`` / ``NOMOR …`` / ``TENTANG`` / title / ``<ISSUER>,``."""
        labels = self.labels
        issuer = (self.values.get("issuer") or self.values.get("signer-position", "")).upper()
        number = self.values.get("number")
        lines = (
            (" ".join(filter(None, (labels("DECREE OF"), issuer))), "sop-decree-issuer"),
            (number and f"{labels('NUMBER')} {number}", "sop-decree-number"),
            (labels("ON"), "sop-decree-on"),
            (title.upper(), "sop-decree-title"),
            (issuer and f"{issuer},", "sop-decree-authority"),
        )
        return sop_centred(
            "",
            *(paragraph(nodes.strong("", text), classes=[name]) for text, name in lines if text),
            classes=["sop-decree-heading"],
        )

    def _signature(self, date: str, nip: str) -> sop_signature_block | None:
        """Place and date of enactment, position, space to sign, name and NIP."""
        labels, values = self.labels, self.values
        place, position, name = (
            values.get(key) for key in ("place", "signer-position", "signer-name")
        )
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
