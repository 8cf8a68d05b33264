"""The ``sop-decree`` directive: the decree that enacts the SOPs (*Keputusan Pimpinan*).

The options are the decree's fields, the body its text (Menimbang, Mengingat,
MEMUTUSKAN …); :mod:`sphinxcontrib_sop.doctree.decree` lays it out.
"""

from __future__ import annotations

from docutils import nodes

from ..doctree.decree import Decree, decree_node
from .base import OptionsDirective, aliased_option_spec

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


class DecreeDirective(OptionsDirective):
    """``.. sop-decree:: Title`` with the decree's fields as options and its text as body."""

    option_aliases = DECREE_OPTION_ALIASES
    option_spec = aliased_option_spec(DECREE_OPTION_ALIASES)

    def run(self) -> list[nodes.Node]:
        self.read_options()
        decree = Decree(
            title=" ".join(self.arguments[0].split()),
            number=self.text("number"),
            date=self.printed_date(self.read_date("date")),
            place=self.text("place"),
            issuer=self.text("issuer"),
            signer_position=self.text("signer-position"),
            signer_name=self.text("signer-name"),
            signer_nip=self.read_nip("signer-nip"),
        )
        body = self.parse_content_to_nodes()
        self.report(self.problems)
        node = decree_node(decree, body, self.labels)
        self.set_source_info(node)
        return [node, *self.messages]
