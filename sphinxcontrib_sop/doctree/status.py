"""An SOP's status on its page: the classes of its block, and the banner above its sheet.

Every SOP's block carries ``sop-status`` and ``sop-status-<value>`` (the value
of :class:`~sphinxcontrib_sop.core.model.Status`: ``draft``, ``berlaku``,
``dicabut``, ``diganti``).  A draft, a withdrawn and a superseded SOP open with
a banner saying so, above the identity table, which keeps the official layout;
a superseded SOP's banner links the SOP that replaces it.
"""

from __future__ import annotations

from docutils import nodes

from ..core.model import Status
from ..core.wording import Labels
from .elements import paragraph
from .nodes import sop_status_banner

#: The mark of a draft: on its banner, and on every printed page of the SOP.
DRAFT_MARK = "DRAFT"
DRAFT_NOTE = "This SOP is a draft: it is not in force yet."
NOT_IN_FORCE = "This SOP is no longer in force"
WITHDRAWN_NOTE = "It has been withdrawn."
SUPERSEDED_NOTE = "It has been superseded."
#: ``{sop}`` stands for the link to the replacement.
SUPERSEDED_BY_NOTE = "It has been superseded by {sop}."
REPLACEMENT = "{sop}"


def status_classes(status: Status) -> list[str]:
    """The classes of an SOP's block: ``sop-status`` and ``sop-status-<value>``."""
    return ["sop-status", f"sop-status-{status.value}"]


def status_banner(
    status: Status, replacement: nodes.Node | None, labels: Labels
) -> sop_status_banner | None:
    """The banner of an SOP not in force (``None`` for one in force).

    ``replacement`` is the link to the SOP replacing a superseded one (or its
    id as written, when that is no id).
    """
    if status is Status.IN_FORCE:
        return None
    if status is Status.DRAFT:
        heading, note = labels(DRAFT_MARK), [nodes.Text(labels(DRAFT_NOTE))]
    elif status is Status.WITHDRAWN:
        heading, note = labels(NOT_IN_FORCE), [nodes.Text(labels(WITHDRAWN_NOTE))]
    elif replacement is None:
        heading, note = labels(NOT_IN_FORCE), [nodes.Text(labels(SUPERSEDED_NOTE))]
    else:
        heading, note = labels(NOT_IN_FORCE), _with_link(labels(SUPERSEDED_BY_NOTE), replacement)
    return sop_status_banner(
        "",
        paragraph(nodes.strong(heading, heading), classes=["sop-status-heading"]),
        paragraph(*note, classes=["sop-status-note"]),
        classes=["sop-status-banner"],
    )


def _with_link(sentence: str, link: nodes.Node) -> list[nodes.Node]:
    """``sentence`` with ``link`` in place of ``{sop}`` (after it, when a label leaves it out)."""
    before, found, after = sentence.partition(REPLACEMENT)
    if not found:
        before, after = f"{sentence.rstrip()} ", ""
    return [part for part in (nodes.Text(before), link, nodes.Text(after)) if part.astext()]
