"""An edition not in force, in print: a line at the top of every page saying so.

An old edition's pages name the edition in force; the working edition's say,
in grey, that it is not in force yet.  The line is drawn when each page is
shipped out (LaTeX's ``shipout/foreground`` hook), so it is on every page —
the cover, the landscape flowchart pages, the index — and leaves the draft's
mark (``shipout/background``) as it is.
"""

from __future__ import annotations

import re

from sphinx.util.texescape import escape

from ...core.editions import Site
from ...i18n.labels import ProjectLabels
from .rendering import fill

#: ``{edition}`` is the name of the edition printed, ``{newest}`` the edition in force.
OLD_LINE = "Edition {edition} is no longer in force; the edition in force is {newest}."
WORKING_LINE = "Edition {edition} is the working edition, not yet in force."

#: Colours of the line: an old edition's is red, the working edition's grey.
OLD_COLOR = "red!70!black"
WORKING_COLOR = "black!55"

MARK = r"""
% The edition's line at the top of every page (shipout hooks need LaTeX 2020-10).
\@ifundefined{AddToHook}{}{%
  \AddToHook{shipout/foreground}{%
    \put(.5\paperwidth,-7mm){\makebox(0,0){\sffamily\footnotesize\color{@COLOR@}@LINE@}}}}
"""


def edition_mark(site: Site | None, labels: ProjectLabels) -> str:
    """The TeX drawing this edition's line on every page; empty for the edition in force."""
    if site is None or site.this is None:
        return ""
    names = {"edition": site.this.name, "newest": site.newest.name if site.newest else ""}
    if site.is_old():
        line, color = OLD_LINE, OLD_COLOR
    elif site.this.working:
        line, color = WORKING_LINE, WORKING_COLOR
    else:
        return ""
    text = re.sub(r"\{(edition|newest)\}", lambda name: names[name[1]], labels(line))
    return fill(MARK, COLOR=color, LINE=escape(text))
