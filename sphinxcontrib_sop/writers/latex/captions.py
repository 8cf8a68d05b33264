"""The manual's own words in the language of the SOP labels: Daftar Isi, Bab, Indeks, …

LaTeX and Sphinx print words of their own in a manual: the heading of the table
of contents, "Chapter" in chapter headings and page headers, the heading of the
index, "Figure" and "Table" in captions, "continued from previous page" on long
tables, the release name.  Sphinx takes them from ``language`` and from TeX's
``babel`` package, so an Indonesian handbook would need TeX Live's Indonesian
babel file (an extra TeX package), and a handbook whose SOP labels are
Indonesian through ``sop_language`` in an English project would print them in
English.

When the labels are in a language the extension has a catalog for, it writes
these words itself, from the same catalog (and ``sop_labels``) as its labels:

* its LaTeX package defines them right after Sphinx's ``sphinxmessages``, so a
  ``preamble`` in ``latex_elements`` can still change any of them, and a caption
  for the table of contents given by the root toctree is kept;
* the builder's context gets the release name, the index heading and chapter
  headings that print the chapter's number as a figure (as Sphinx has them
  for languages other than English), except where ``latex_elements`` sets
  them, and the date unless ``today`` is set (``today_fmt`` is kept);
* no language package is loaded unless ``latex_elements`` sets ``babel``,
  ``polyglossia`` or ``multilingual``: a language package sets its own captions
  at the start of the document.  One set by the user is left alone, and its
  captions apply.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable

from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.config import Config
from sphinx.locale import _ as sphinx_message
from sphinx.util.i18n import format_date
from sphinx.util.texescape import escape

from ...config import labels_language
from ...i18n.labels import LOCALE_DIR, MESSAGE_CATALOG, ProjectLabels
from .rendering import fill

#: Each caption macro defined from a label: its name and the label.
CAPTIONS = (
    ("chaptername", "Chapter"),
    ("appendixname", "Appendix"),
    ("partname", "Part"),
    ("indexname", "Index"),
    ("bibname", "Bibliography"),
    ("refname", "References"),
    ("literalblockcontinuedname", "continued from previous page"),
    ("literalblockcontinuesname", "continues on next page"),
    ("sphinxnonalphabeticalgroupname", "Non-alphabetical"),
    ("sphinxsymbolsname", "Symbols"),
    ("sphinxnumbersname", "Numbers"),
    ("pageautorefname", "page"),
)
#: The numbered captions: ``numfig_format`` key, Sphinx's default format, macro,
#: label, and what follows the label (Sphinx's figure and table names end in a space).
NUMBERED_CAPTIONS = (
    ("figure", "Fig. %s", "figurename", "Figure", " "),
    ("table", "Table %s", "tablename", "Table", " "),
    ("code-block", "Listing %s", "literalblockname", "Listing", ""),
)
#: The keys of ``latex_elements`` that choose a language package.
LANGUAGE_KEYS = ("babel", "polyglossia", "multilingual")
#: Chapter headings as Sphinx sets them for languages other than English: the
#: default style (Bjarne) spells the chapter's number in English ("CHAPTER ONE").
CHAPTER_HEADINGS = (
    "\\usepackage[Sonny]{fncychap}\n"
    "\\ChNameVar{\\Large\\normalfont\\sffamily}\n"
    "\\ChTitleVar{\\Large\\normalfont\\sffamily}"
)
#: The date on Sphinx's title page when ``today_fmt`` is not set.
DATE_FORMAT = "%d %B %Y"

CAPTIONS_TEX = r"""
% The manual's captions in the language of the SOP labels: right after Sphinx's
% own (sphinxmessages), before the preamble of latex_elements.  A caption for
% the table of contents from the root toctree is kept.
\let\sop@classcontentsname\contentsname
\newcommand\sop@captions{%
  \ifx\contentsname\sop@classcontentsname\def\contentsname{@CONTENTS@}\fi
@DEFINITIONS@}
\ifdefined\AddToHook
  \AddToHook{package/sphinxmessages/after}{\sop@captions}
\else
  \AtBeginDocument{\sop@captions}
\fi
% Long tables: Sphinx writes "continued from previous page" after the table's
% number, and "continues on next page", in its own language.  The same, in the
% labels' language and in the style \sphinxtablecontinued has at the start.
\def\sop@continuedfrom{@CONTINUED_FROM@}
\def\sop@continueson{@CONTINUES_ON@}
\long\def\sop@ifnumbered#1\tablename#2\sop@end{%
  \if\relax\detokenize{#2}\relax
    \expandafter\@secondoftwo\else\expandafter\@firstoftwo\fi}
\AtBeginDocument{%
  \let\sop@tablecontinued\sphinxtablecontinued
  \protected\def\sphinxtablecontinued#1{%
    \sop@ifnumbered#1\tablename\sop@end
      {\sop@tablecontinued{\tablename\ \thetable{} \textendash{} \sop@continuedfrom}}%
      {\sop@tablecontinued{\sop@continueson}}}}
"""


def writes_captions(config: Config) -> bool:
    """Whether the extension writes the manual's captions: its catalog has the labels' language."""
    language = labels_language(config)
    return gettext.find(MESSAGE_CATALOG, str(LOCALE_DIR), [language]) is not None


def captions_tex(config: Config) -> str:
    """The LaTeX that sets the manual's captions, for the support package."""
    if not writes_captions(config):
        return ""
    text = _texts(config)
    definitions = [(name, text(label)) for name, label in CAPTIONS]
    definitions += [
        (name, text(label) + after)
        for key, default, name, label, after in NUMBERED_CAPTIONS
        if config.numfig_format.get(key) == str(sphinx_message(default))
    ]
    return fill(
        CAPTIONS_TEX,
        CONTENTS=text("Contents"),
        DEFINITIONS="".join(f"  \\def\\{name}{{{value}}}%\n" for name, value in definitions),
        CONTINUED_FROM=text("continued from previous page"),
        CONTINUES_ON=text("continues on next page"),
    )


def adjust_latex_context(app: Sphinx) -> None:
    """Give the LaTeX builder's context the captions of the labels' language.

    Only what ``latex_elements`` leaves unset: the release name, the chapter
    headings, the index heading and no language package; the date unless
    ``today`` is set.
    """
    if not isinstance(app.builder, LaTeXBuilder) or not writes_captions(app.config):
        return
    config, context = app.config, app.builder.context
    chosen = config.latex_elements
    text = _texts(config)
    if config.release and "releasename" not in chosen:
        context["releasename"] = text("Release")
    if not config.today:
        context["date"] = format_date(
            config.today_fmt or DATE_FORMAT, language=labels_language(config)
        )
    if "fncychap" not in chosen:
        context["fncychap"] = CHAPTER_HEADINGS
    if "printindex" not in chosen:
        # Sphinx sets \indexname in its own language right before the index.
        context["printindex"] = f"\\def\\indexname{{{text('Index')}}}\n{context['printindex']}"
    if not any(key in chosen for key in LANGUAGE_KEYS):
        _without_language_package(app)


def _without_language_package(app: Sphinx) -> None:
    """No babel or polyglossia, and no language option for the document class."""
    context = app.builder.context
    if context.get("babel") or context.get("polyglossia"):
        option = f",{app.builder.babel.get_language()}"
        if context["classoptions"].endswith(option):
            context["classoptions"] = context["classoptions"][: -len(option)]
    context.update(babel="", polyglossia="", multilingual="", shorthandoff="")


def _texts(config: Config) -> Callable[[str], str]:
    """The label of a message, escaped for LaTeX."""
    labels = ProjectLabels(config.sop_labels)
    return lambda message: escape(labels(message), config.latex_engine)
