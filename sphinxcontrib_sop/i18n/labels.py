"""Printed labels, translated through the package's ``sphinx.locale`` catalogs."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

from ..core.model import StepKind

MESSAGE_CATALOG = "sphinxcontrib-sop"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(MESSAGE_CATALOG)

#: Every label the extension prints, by its English text (the message id).
LABELS = (
    "SOP number",
    "Date created",
    "Date revised",
    "Effective date",
    "Approved by",
    "NIP.",
    "SOP title",
    "Legal basis",
    "Implementer qualifications",
    "Related SOPs",
    "Equipment",
    "Warnings",
    "Records",
    "No",
    "Activity",
    "Implementers",
    "Quality standard",
    "Requirements",
    "Time",
    "Output",
    "Flow",
    "Notes",
    "Start",
    "Process",
    "Decision",
    "End",
    "Flowchart",
    "DECREE OF",
    "NUMBER",
    "ON",
    "Set in",
    "on",
    "STANDARD OPERATING PROCEDURES",
)

KIND_LABELS = {
    StepKind.START: "Start",
    StepKind.PROCESS: "Process",
    StepKind.DECISION: "Decision",
    StepKind.END: "End",
}


class Labels:
    """Looks labels up: the project's ``sop_labels`` first, then the catalog."""

    def __init__(self, overrides: dict[str, str]) -> None:
        self.overrides = overrides

    def __call__(self, message: str) -> str:
        override = self.overrides.get(message)
        return override if isinstance(override, str) and override else str(_(message))
