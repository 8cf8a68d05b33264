"""The file name of an SOP's own PDF: ``sop-<id>``, safe on every file system.

The LaTeX build writes ``sop-<id>.tex`` for each SOP, and the HTML build links
``sop-<id>.pdf``; both name the file from the SOP's id alone, so each page
finds its SOP's file without knowing the other SOPs.

An SOP's id is lower-case letters and digits in words joined by ``-`` (the
``sop`` directive makes any other id so, with a warning), so it is used as it
is: ids never differ only in case, and hold nothing a file system, LaTeX, a
URL or a shell reads as syntax.  An id that is not so (an SOP made by other
code) or too long for a file name becomes such words, cut short, followed by
eight hex digits of its hash, which keep apart ids that differ only in case or
in the characters left out.
"""

from __future__ import annotations

import hashlib

from .options import is_valid_id, slugify

#: The first part of the name of every SOP's own file.
PREFIX = "sop-"
#: The longest id used as it is, and the length a longer one is cut to.
LONGEST = 100


def pdf_name(sop_id: str) -> str:
    """The name, without suffix, of the SOP's own ``.tex`` and ``.pdf`` files."""
    if is_valid_id(sop_id) and len(sop_id) <= LONGEST:
        return PREFIX + sop_id
    readable = slugify(sop_id)[:LONGEST].strip("-")
    digest = hashlib.sha256(sop_id.encode("utf-8")).hexdigest()[:8]
    return PREFIX + "-".join(part for part in (readable, digest) if part)
