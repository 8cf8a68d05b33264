"""Control characters in what the author wrote: no output can show them.

Text pasted from word processors, PDFs or terminals may carry control
characters (U+0000 to U+001F, U+007F to U+009F): a backspace, an escape, a
NUL.  No reader sees them; XML forbids them, so one makes the inline SVG and
the XHTML ill-formed; LaTeX prints a stray glyph or stops.  They are left out
of the SOP, with a warning at each line holding one.  Tab and line breaks are
layout, not text, and stay.
"""

from __future__ import annotations

import re

from .problems import Problem

#: Control characters other than tab, line feed and carriage return.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """``text`` with its control characters left out."""
    return CONTROL_CHARACTER.sub("", text)


def control_character_problems(text: str, first_line: int) -> list[Problem]:
    """A problem for each line of ``text``, numbered from ``first_line``, holding any."""
    problems = []
    for offset, line in enumerate(text.split("\n")):
        found = sorted(set(CONTROL_CHARACTER.findall(line)))
        if found:
            codes = ", ".join(f"U+{ord(char):04X}" for char in found)
            problems.append(
                Problem(
                    f"the text holds control characters ({codes}), which no output can show: "
                    "they are left out; delete them from the source",
                    first_line + offset,
                    "text",
                )
            )
    return problems
