"""The directives of the official forms: ``sop-monitoring`` and ``sop-evaluation``.

They only read their options; the forms are filled in when a page is written,
from the SOPs the handbook holds then (see :mod:`sphinxcontrib_sop.doctree.forms`).
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from ..core.characters import control_character_problems, without_controls
from ..core.forms import FormKind, FormQuery
from ..core.options import canonical_options, option_lines
from ..doctree.nodes import sop_forms, sop_page_break
from ..domain import HANDBOOK_VIEW
from .base import report, written_text
from .handbook import HandbookDirective, unit_names, warn_about_option

logger = logging.getLogger(__name__)

#: Each option's English name and its Indonesian aliases.
FORM_OPTIONS = {"unit": (), "pages": (), "period": ("periode",), "class": ()}


class FormDirective(HandbookDirective):
    """A form of the SOP whose id is the argument, or one per SOP in force of ``:unit:``."""

    optional_arguments = 1
    option_spec = {
        "unit": directives.unchanged,
        "pages": directives.unchanged,
        "period": directives.unchanged,
        "periode": directives.unchanged,
        "class": directives.class_option,
    }
    kind: ClassVar[FormKind]

    def run(self) -> list[nodes.Node]:
        written = written_text(self)
        values, problems = canonical_options(
            {name: value for name, value in self.options.items() if name != "class"},
            option_lines(written, self.lineno, self.options),
            FORM_OPTIONS,
        )
        # Control characters are left out of the id and the options.
        report(self, [*control_character_problems(written, self.lineno), *problems])
        query = FormQuery(
            self.kind,
            sop_id=self._sop_id(),
            units=unit_names(without_controls(values.get("unit") or "")),
            pages=self.pages(),
            period=" ".join(without_controls(values.get("period") or "").split()),
        )
        if query.sop_id and query.units:
            warn_about_option(
                self,
                "unit",
                f"sop-{self.kind.value}: both an SOP id ({query.sop_id!r}) and :unit: are "
                "given: write one of them (the SOP's form is printed, :unit: is left out "
                "meanwhile)",
            )
            query = FormQuery(query.kind, query.sop_id, pages=query.pages, period=query.period)
        elif not query.sop_id and not query.units:
            logger.warning(
                f"sop-{self.kind.value} names no SOP: write the :id: of an SOP after "
                "the directive's name, or give :unit: for the forms of a unit's SOPs",
                location=(self.env.docname, self.lineno),
                type="sop",
                subtype="form",
            )
        classes = [
            "sop-forms",
            f"sop-forms-{self.kind.value}",
            *self.options.get("class", []),
        ]
        # The page break starting the forms in print; LaTeX moves it before the
        # headings the forms open, so that they go to the forms' page.
        node = sop_forms("", sop_page_break(), query=query, classes=classes, **HANDBOOK_VIEW)
        return [self.located(node)]

    def _sop_id(self) -> str:
        return without_controls(self.arguments[0]).strip() if self.arguments else ""


class MonitoringDirective(FormDirective):
    """``.. sop-monitoring::``: *Formulir Monitoring Pelaksanaan SOP AP*."""

    kind = FormKind.MONITORING


class EvaluationDirective(FormDirective):
    """``.. sop-evaluation::``: *Formulir Evaluasi SOP AP*."""

    kind = FormKind.EVALUATION
