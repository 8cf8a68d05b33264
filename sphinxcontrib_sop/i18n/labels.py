"""Printed labels, translated through the package's ``sphinx.locale`` catalogs."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

MESSAGE_CATALOG = "sphinxcontrib-sop"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(MESSAGE_CATALOG)

#: Every label the extension prints, by its English text (the message id).
MESSAGES = (
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
    "Steps",
    "Show the official flowchart table",
    # The total time closing the flowchart: its label, units, decimal mark and note.
    "Total time",
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "working day",
    "working days",
    "month",
    "months",
    ".",
    "at least",
    "no time for step {steps}",
    "no time for steps {steps}",
    "“{time}” in step {step} not read",
    "working days and calendar days are counted separately",
    "DECREE OF",
    "NUMBER",
    "ON",
    "Set in",
    "on",
    "STANDARD OPERATING PROCEDURES",
    # Back-links and the actor index.
    "Referenced by",
    "Actor index",
    "actors",
    "step",
    "steps",
    # The status of an SOP not in force (its banner, a draft's mark).
    "DRAFT",
    "This SOP is a draft: it is not in force yet.",
    "This SOP is no longer in force",
    "It has been withdrawn.",
    "It has been superseded.",
    "It has been superseded by {sop}.",
    # The printed manual's own captions (LaTeX and Sphinx print them).
    "Contents",
    "Chapter",
    "Appendix",
    "Part",
    "Index",
    "Bibliography",
    "References",
    "Figure",
    "Table",
    "Listing",
    "continued from previous page",
    "continues on next page",
    "Non-alphabetical",
    "Symbols",
    "Numbers",
    "page",
    "Release",
    # The handbook: the registry and the SOP map.
    "Unit",
    "Status",
    "Number of steps",
    "Draft",
    "In force",
    "Withdrawn",
    "Superseded",
    "Review due",
    "No SOP matches this registry.",
    "No unit",
    "Filter the SOPs",
    "Download CSV",
    "SOP map",
    "No SOP to show on the map.",
    "related to",
    "superseded by",
    # The editions of the site: the switcher, the note of an edition not in force.
    "Edition",
    "in force",
    "working edition, not in force",
    "This edition is no longer in force.",
    "This is the working edition, not yet in force.",
    "Read this page in the edition in force, {edition}.",
    "Go to the edition in force, {edition}: this page is not in it.",
    "Edition {edition} is no longer in force; the edition in force is {newest}.",
    "Edition {edition} is the working edition, not yet in force.",
    # The history of an SOP through the editions, what changed, an edition's changes.
    "Revision history",
    "Change note",
    "Changes",
    "This edition",
    "New SOP",
    "No change",
    "{count} step added",
    "{count} steps added",
    "{count} added",
    "{count} step changed",
    "{count} steps changed",
    "{count} changed",
    "{count} step removed",
    "{count} steps removed",
    "{count} removed",
    "{count} step renumbered",
    "{count} steps renumbered",
    "{count} renumbered",
    "{fields} changed",
    "title",
    "number",
    "unit",
    "date created",
    "date revised",
    "effective date",
    "approver",
    "legal basis",
    "implementer qualifications",
    "related SOPs",
    "equipment",
    "warnings",
    "records",
    "status",
    "Changes since edition {edition}",
    "Step {number} added",
    "Step {number} removed",
    "Step {number} changed",
    "Step {old} became {new}",
    "New SOPs",
    "Withdrawn SOPs",
    "Superseded SOPs",
    "Changed SOPs",
    "SOPs no longer in the handbook",
    "No SOP changed since edition {edition}.",
    "There is no earlier edition to compare with.",
)


class ProjectLabels:
    """The project's printed labels: its ``sop_labels`` first, then the catalog.

    Called with a label's English text, it returns the label to print.
    """

    def __init__(self, overrides: dict[str, str]) -> None:
        self.overrides = overrides

    def __call__(self, message: str) -> str:
        override = self.overrides.get(message)
        return override if isinstance(override, str) and override else str(_(message))
