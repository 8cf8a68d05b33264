"""The printed SOP manual: paper size, cover page and the LaTeX support package.

The LaTeX builder gets a package, ``sphinxcontrib-sop.sty``, written into its
output folder: it loads TikZ and ``pdflscape``, defines the flowchart's
environments and macros, sets F4 paper when asked and, for an SOP manual,
replaces Sphinx's title page with the cover of the SOP AP format (logo,
"STANDAR OPERASIONAL PROSEDUR", agency, unit, address, year).  In an edition
of a site that is not in force, it prints a line saying so on every page.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.osutil import ensuredir
from sphinx.util.texescape import escape

from ...config import setting
from ...core.review import reference_date
from ...doctree.status import DRAFT_MARK
from ...editions import site
from ...i18n.labels import ProjectLabels
from ...layout.sheet import CELL_PADDING
from .captions import adjust_latex_context, captions_tex
from .editions import edition_mark
from .rendering import fill

logger = logging.getLogger(__name__)

PACKAGE = "sphinxcontrib-sop"
COVER_LOGO = "sop-cover-logo"
#: Width and height of each paper of ``sop_paper``.
PAPER_SIZES = {"a4": ("210mm", "297mm"), "f4": ("215mm", "330mm")}

SUPPORT = r"""
\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{sphinxcontrib-sop}[2026/11/27 SOP AP manuals for Sphinx]
\RequirePackage{tikz}
\usetikzlibrary{arrows.meta}
\RequirePackage{pdflscape}
\RequirePackage{longtable}
\RequirePackage{array}
@PAPER@
\tikzset{
  sopflow/.style={line width=0.6pt, line cap=rect},
  sopsymbol/.style={line width=0.7pt, fill=white},
  sopnumber/.style={font=\scriptsize\bfseries, inner sep=0pt},
  soplabel/.style={font=\tiny, fill=white, inner sep=0.4pt},
  sopgrid/.style={line width=0.3pt, black!25},
  sopactor/.style={font=\scriptsize, align=center, anchor=north, inner sep=1.5pt},
}
% The height of the current flowchart row: the drawing's band, or more when
% the row's texts need it (measured by \sopmeasure before the row is set).
\newlength\sopheight
\newlength\sopidwidth
\newsavebox\sop@box
\newcommand\sopstartrow[1]{\global\sopheight=#1\relax}
\newcommand\sopmeasure[2]{%
  \sbox\sop@box{\parbox[t]{#1}{\raggedright\strut#2\strut}}%
  \ifdim\dimexpr\ht\sop@box+\dp\sop@box+3pt\relax>\sopheight
    \global\sopheight=\dimexpr\ht\sop@box+\dp\sop@box+3pt\relax
  \fi}
% One row's drawing: its top at the top of the row, as tall as the row.
\newcommand\sopband[2]{%
  \begin{tikzpicture}[x=1pt, y=1pt, baseline={(0,-\ht\strutbox)}]
    \useasboundingbox (0,0) rectangle (#1,-\sopheight);
    #2
  \end{tikzpicture}}
% The actor names under "Pelaksana".
\newcommand\sopactors[2]{%
  \begin{tikzpicture}[x=1pt, y=1pt, baseline={(0,-\ht\strutbox)}]
    \path (0,0) -- (#1,0);
    #2
  \end{tikzpicture}}
\newenvironment{sopflowchart}
  {\begingroup\footnotesize\setlength\tabcolsep{@PADDING@pt}%
   \renewcommand\arraystretch{1}\setlength\extrarowheight{0pt}%
   \setlength\LTpre{0pt}\setlength\LTpost{0pt}\raggedright}
  {\endgroup}
\newenvironment{sopflowchartpage}[1]{\longtable{#1}}{\endlongtable}
% The caption written on the step table, above the flowchart on each page.
\newcommand\sopcaption[1]{{\centering\small#1\par}\vspace{4pt}}
% The banner of an SOP not in force, framed above its identity table.
\newsavebox\sop@banner
\newenvironment{sopstatusbanner}
  {\par\noindent\setlength\fboxrule{1.2pt}\setlength\fboxsep{6pt}%
   \begin{lrbox}{\sop@banner}%
   \begin{minipage}{\dimexpr\linewidth-2\fboxsep-2\fboxrule\relax}\raggedright}
  {\end{minipage}\end{lrbox}\fbox{\usebox\sop@banner}\par\medskip}
% What changed between editions, a word at a time: deleted words struck through,
% inserted ones underlined, each in a colour that prints grey.
\newsavebox\sop@word
\newcommand\sop@ruled[3]{\leavevmode\begingroup\color{#1}%
  \sbox\sop@word{#3}\rlap{\rule[#2]{\wd\sop@word}{0.5pt}}\usebox\sop@word\endgroup}
\newcommand\sopdeleted[1]{\sop@ruled{red!65!black}{0.55ex}{#1}}
\newcommand\sopinserted[1]{\sop@ruled{green!40!black}{-0.45ex}{#1}}
% A draft's mark across every page it prints on.  A page mark is set where a
% draft starts, and where it ends: "final" when the page holds the draft's end,
% "after" when the draft ended with its page (nothing of it on the new page).
% A page is marked when a draft starts, goes on or ends on it.  Page marks
% need LaTeX 2022-06; an older LaTeX prints the draft's banner only.
\newif\ifsop@draftpage
\def\sop@draft{draft}
\def\sop@after{after}
\@ifundefined{NewMarkClass}{%
  \newcommand\sopdraftstart{}\newcommand\sopdraftend{}%
}{%
  \NewMarkClass{sopstatus}%
  \newcommand\sopdraftstart{\InsertMark{sopstatus}{draft}}%
  \newcommand\sopdraftend{%
    \ifdim\pagegoal=\maxdimen\InsertMark{sopstatus}{after}%
    \else\InsertMark{sopstatus}{final}\fi}%
  \AddToHook{shipout/background}{%
    \edef\sop@top{\TopMark{sopstatus}}%
    \edef\sop@first{\FirstMark{sopstatus}}%
    \edef\sop@last{\LastMark{sopstatus}}%
    \sop@draftpagefalse
    \ifx\sop@first\sop@draft\sop@draftpagetrue\fi
    \ifx\sop@last\sop@draft\sop@draftpagetrue\fi
    \ifx\sop@top\sop@draft\ifx\sop@first\sop@after\else\sop@draftpagetrue\fi\fi
    \ifsop@draftpage\sop@draftmark\fi}%
}
% LaTeX reads a page's marks as it ships the page out, but longtable before
% v4.25 ships the pages where a table breaks without reading them
% (latex3/latex2e#1814): a draft starting on such a page, as one whose
% identity table runs onto the next page, would go unseen.  So longtable's
% output routine reads them too, as its later versions do; its page then
% shrinks by a finite amount, or the marks could not be split off it.
% longtable v4.13, to which Sphinx rolls back from 9.1.1 on, also boxes what
% a table's end leaves on its page, with that page's marks: unboxed, as in
% later versions, the page still shows them.
\ifdefined\NewMarkClass
\ExplSyntaxOn
\AtBeginDocument
  {
    \tl_if_in:NnF \LT@output { \@expl@@@mark@update@singlecol@structures@@ }
      {
        \regex_replace_all:nnN { \c{@makecol} \c{@outputpage} }
          { \c{@makecol} \c{@expl@@@mark@update@singlecol@structures@@} \c{@outputpage} }
          \LT@output
        \regex_replace_all:nnN { \c{LT@foot} \c{vss} }
          { \c{LT@foot} \c{vskip} \c{z@} \c{@plus} 1fil \c{@minus} \c{normalbaselineskip} }
          \LT@output
        \regex_replace_once:nnN
          {
            \c{vbox} \cB. ( \c{unvbox} \c{z@} \c{box} \c{ifvoid} \c{LT@lastfoot}
              \c{LT@foot} \c{else} \c{LT@lastfoot} \c{fi} ) \cE.
          }
          { \1 }
          \LT@output
      }
  }
\ExplSyntaxOff
\fi
\newcommand\sop@draftmark{%
  \put(.5\paperwidth,-.5\paperheight){\makebox(0,0){\rotatebox{45}{%
    \resizebox{.75\paperwidth}{!}{\sffamily\bfseries\color{red!25}@DRAFT@}}}}}
@EDITION@
@COVER@
@CAPTIONS@
\endinput
"""

COVER = r"""
\renewcommand{\sphinxmaketitle}{%
  \begin{titlepage}%
    \centering
    \vspace*{1.5cm}
    @LOGO@
    {\Huge\bfseries @HEADING@\par}
    \vspace{1.2cm}
    {\LARGE\bfseries @AGENCY@\par}
    \vspace{0.4cm}
    {\Large @UNIT@\par}
    \vfill
    {\large @ADDRESS@\par}
    \vspace{0.4cm}
    {\Large\bfseries @YEAR@\par}
    \vspace*{1cm}
  \end{titlepage}%
  \setcounter{footnote}{0}%
  \clearpage}
"""


def register_latex_manual(app: Sphinx) -> None:
    """Add the LaTeX package of the manual, and its captions in the labels' language."""
    app.add_latex_package(PACKAGE)
    app.connect("builder-inited", write_support_package)
    app.connect("builder-inited", adjust_latex_context)


def wants_cover(config: Config) -> bool:
    """An SOP cover replaces Sphinx's title page: as set, else when ``sop_agency`` is set."""
    return bool(config.sop_agency) if config.sop_cover is None else bool(config.sop_cover)


def write_support_package(app: Sphinx) -> None:
    """Write ``sphinxcontrib-sop.sty`` (and the cover's logo) for the LaTeX builder.

    Connected after :func:`~sphinxcontrib_sop.editions.note_site`, which reads the site
    the edition's line names.
    """
    if app.builder.format != "latex":
        return
    outdir = Path(app.outdir)
    ensuredir(outdir)
    size = PAPER_SIZES[setting(app.config, "sop_paper")]
    paper_tex = f"\\geometry{{paperwidth={size[0]},paperheight={size[1]}}}"
    cover = _cover(app, outdir) if wants_cover(app.config) else ""
    labels = ProjectLabels(app.config.sop_labels)
    text = fill(
        SUPPORT,
        PAPER=paper_tex,
        PADDING=f"{CELL_PADDING:g}",
        COVER=cover,
        CAPTIONS=captions_tex(app.config),
        DRAFT=escape(labels(DRAFT_MARK)),
        EDITION=edition_mark(site(app), labels),
    )
    temporary = outdir / f"{PACKAGE}.sty.tmp"
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, outdir / f"{PACKAGE}.sty")


def _cover(app: Sphinx, outdir: Path) -> str:
    config = app.config
    labels = ProjectLabels(config.sop_labels)
    logo = ""
    if config.sop_logo:
        source = Path(app.srcdir) / config.sop_logo
        if source.is_file():
            target = outdir / f"{COVER_LOGO}{source.suffix.lower()}"
            shutil.copyfile(source, target)
            logo = f"\\includegraphics[height=4cm]{{{target.name}}}\\par\\vspace{{1.2cm}}"
    return fill(
        COVER,
        LOGO=logo,
        HEADING=escape(labels("STANDARD OPERATING PROCEDURES")),
        AGENCY=escape(config.sop_agency.upper()),
        UNIT=escape(config.sop_unit.upper()),
        ADDRESS=escape(config.sop_address),
        YEAR=escape(str(config.sop_year or _this_year())),
    )


def _this_year() -> int:
    """The build's year; ``SOURCE_DATE_EPOCH`` makes builds reproducible."""
    return reference_date().year
