"""How the extension words a procedure: step kinds, where a step goes next, step summaries.

Printed labels are given as their English message ids and translated by the
caller's ``labels`` (see :mod:`sphinxcontrib_sop.i18n`), so nothing here
depends on Sphinx.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import Exit, Step, StepKind, Titled

#: Translates a label's English message id into the printed label.
Labels = Callable[[str], str]

ARROW = "\N{RIGHTWARDS ARROW}"

#: The label message of each kind of step.
KIND_MESSAGES = {
    StepKind.START: "Start",
    StepKind.PROCESS: "Process",
    StepKind.DECISION: "Decision",
    StepKind.END: "End",
}


def kind_label(step: Step, labels: Labels) -> str:
    """The printed kind of ``step``: Mulai, Proses, Keputusan or Selesai."""
    return labels(KIND_MESSAGES[step.kind])


def flow_text(step: Step, labels: Labels) -> str:
    """Where the procedure goes after ``step``: ``→ 4``, ``Ya → 3, Tidak → 6``, ``Selesai``."""
    if step.flow.ends:
        return labels("End")
    return ", ".join(_way_out_text(way_out) for way_out in step.flow.exits)


def _way_out_text(way_out: Exit) -> str:
    arrow = f"{ARROW} {way_out.target}"
    return f"{way_out.branch} {arrow}" if way_out.branch else arrow


def performed_by(step: Step) -> str:
    """``Menerima surat (Staf TU, Kasubbag Umum)``: the activity and who performs it."""
    if not step.actors:
        return step.activity
    return f"{step.activity} ({', '.join(step.actors)})"


def numbered_title(procedure: Titled) -> str:
    """``001/SOP/2024 Penerimaan Surat Masuk``: the SOP's number, if any, and title."""
    return " ".join(part for part in (procedure.number, procedure.title) if part)


def fill(message: str, **values: str) -> str:
    """``message`` with each ``{name}`` replaced, in one pass (a value may hold braces)."""
    return re.sub(r"\{(\w+)\}", lambda name: values.get(name[1], name[0]), message)
