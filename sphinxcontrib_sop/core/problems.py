"""Mistakes found in what the author wrote, reported as Sphinx warnings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A mistake: what is wrong and how to fix it, at ``line`` of the source.

    ``subtype`` groups problems for Sphinx's ``suppress_warnings``
    (``sop.<subtype>``).
    """

    message: str
    line: int | None = None
    subtype: str = "table"
