"""The identity part in LaTeX, laid out as on the printed SOP sheet.

Sphinx's generic tables push the rows next to a tall merged cell downwards, so
the identity table gets its own LaTeX: the owner block (logo, agency, unit)
beside a nested table of the fields, then the 3×2 grid of lists as a long
table that may continue on the next page when a list is very long.  The cell
contents are written by the LaTeX translator itself, so inline markup, links
and lists keep working.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ...doctree.nodes import sop_identity
from .rendering import content_latex

#: Shares of the line width: the owner block, the fields' names, their values.
OWNER_SHARE, NAME_SHARE, VALUE_SHARE = 0.40, 0.17, 0.43


def visit_identity(translator: LaTeXTranslator, node: sop_identity) -> None:
    """The owner block beside the fields, then the grid of lists."""
    table = node.next_node(nodes.table)
    owner = _cells(table, "sop-owner")
    names = _cells(table, "sop-label")
    values = _cells(table, "sop-value")
    lists = _cells(table, "sop-list")
    write = translator.body.append
    fields = " \\\\ \\hline\n".join(
        f"{content_latex(translator, name)} & {content_latex(translator, value)}"
        for name, value in zip(names, values, strict=False)
    )
    write(
        "\n\\par\\noindent\\begingroup\\small\\setlength\\tabcolsep{4pt}"
        "\\setlength\\sopidwidth{\\linewidth}\\setlength\\LTpre{0pt}\\setlength\\LTpost{6pt}"
        "\\setlength\\LTleft{0pt}\\setlength\\LTright{\\fill}%\n"
        f"\\begin{{tabular}}{{|>{{\\centering\\arraybackslash}}m{{\\dimexpr{OWNER_SHARE}\\sopidwidth-2\\tabcolsep}}"
        f"|@{{}}m{{{NAME_SHARE + VALUE_SHARE}\\sopidwidth}}@{{}}|}}\\hline\n"
        f"{content_latex(translator, owner[0]) if owner else ''} &\n"
        f"\\begin{{tabular}}{{>{{\\raggedright\\arraybackslash\\bfseries}}"
        f"p{{\\dimexpr{NAME_SHARE}\\sopidwidth-2\\tabcolsep}}|"
        f">{{\\raggedright\\arraybackslash}}p{{\\dimexpr{VALUE_SHARE}\\sopidwidth-2\\tabcolsep-0.8pt}}}}\n"
        f"{fields}\n"
        "\\end{tabular} \\\\ \\hline\n\\end{tabular}\n"
        "\\par\\nointerlineskip\\noindent"
        "\\begin{longtable}{|>{\\raggedright\\arraybackslash}"
        f"p{{\\dimexpr{OWNER_SHARE}\\sopidwidth-2\\tabcolsep}}|>{{\\raggedright\\arraybackslash}}"
        f"p{{\\dimexpr{NAME_SHARE + VALUE_SHARE}\\sopidwidth-2\\tabcolsep-0.8pt}}|}}\n"
    )
    for left, right in zip(lists[::2], lists[1::2], strict=False):
        write(
            f"{content_latex(translator, left)} & {content_latex(translator, right)} \\\\ \\hline\n"
        )
    write("\\end{longtable}\\endgroup\n")
    raise nodes.SkipNode


def _cells(table: nodes.table | None, name: str) -> list[nodes.entry]:
    if table is None:
        return []
    return [entry for entry in table.findall(nodes.entry) if name in entry["classes"]]
