"""Reading ``:status:``: whether an SOP is a draft, in force, withdrawn or superseded."""

from __future__ import annotations

from .model import Status

#: Each status under the words an author may write for it, Indonesian and English.
STATUS_WORDS: dict[str, Status] = {
    "draft": Status.DRAFT,
    "berlaku": Status.IN_FORCE,
    "in-force": Status.IN_FORCE,
    "dicabut": Status.WITHDRAWN,
    "withdrawn": Status.WITHDRAWN,
    "diganti": Status.SUPERSEDED,
    "superseded": Status.SUPERSEDED,
}
STATUS_FORMS = (
    "'draft', 'berlaku' ('in-force'), 'dicabut' ('withdrawn') or 'diganti' ('superseded')"
)


def parse_status(text: str) -> Status | None:
    """The status ``text`` names (any case, spaces as ``-``), or ``None``."""
    return STATUS_WORDS.get("-".join(text.casefold().split()))
