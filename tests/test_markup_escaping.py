"""User text is text: never markup in HTML, always escaped in LaTeX, kept in plain text.

The root ``test-escaping`` has one SOP whose every field holds hostile text:
HTML tags, entities, quotes, backslashes, braces and the LaTeX specials.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.texescape import escape as tex_escape

from conftest import build_copy, grid_cells, html, procedure, warnings

SCRIPT = "<script>alert(1)</script>"
SPECIALS = "$ & # ^ _ % ~"

# Each field as it must be shown (rST escapes such as ``\\`` already applied).
TITLE = f"""Title {SCRIPT} &amp; "dq" 'sq' back\\slash {{braces}} {SPECIALS}"""
NUMBER = f"""No {SCRIPT} &amp; "dq" \\n {{n}} $1 &2 #3 ^4 _5 %6 ~7"""
UNIT = f"""Unit {SCRIPT} &amp; "dq" 'sq' \\u {{u}} {SPECIALS}"""
AGENCY = f"""Agency {SCRIPT} & "Co" $ # % ^ ~ _ {{x}}"""
POSITION = """Head <i>of</i> & "Office\""""
APPROVER = f"""Dr {SCRIPT} O'Brien & "Sons" \\a {{a}} $ # ^ _ % ~"""
LAW = f"""Law {SCRIPT} &amp; "dq" \\l {{l}} {SPECIALS}"""
TOOL = "Tool <b>bold</b> 100% & {braces}"
CLERK = f"""Clerk {SCRIPT} & "dq" $ # ^ _ % ~ {{c}}"""
HEAD = "Head 'sq' & {h}"
ACTIVITY = f"""Act {SCRIPT} &amp; "dq" 'sq' \\k {{k}} {SPECIALS}"""
REQUIREMENTS = f"Req {SCRIPT} \\r {{r}} {SPECIALS}"
OUTPUT = f"Out {SCRIPT} \\o {{o}} {SPECIALS}"
NOTES = f"""Note {SCRIPT} &amp; "dq" \\t {{t}} {SPECIALS}"""
FLOW = f"""{SCRIPT} \\y {{y}} {SPECIALS} → 3, No "dq" & → 1"""

#: Every field but the agency, which the identity table prints in capitals.
FIELDS = (
    TITLE, NUMBER, UNIT, POSITION, APPROVER, LAW, TOOL, CLERK, HEAD,
    ACTIVITY, REQUIREMENTS, OUTPUT, NOTES, FLOW,
)  # fmt: skip


def build(tmp_path_factory: pytest.TempPathFactory, rootdir: Path, builder: str) -> SphinxTestApp:
    """A copy of ``test-escaping`` built with ``builder``."""
    return build_copy(tmp_path_factory.mktemp(f"escaping-{builder}"), "escaping", builder)


@pytest.fixture(scope="module")
def html_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build(tmp_path_factory, rootdir, "html")


@pytest.fixture(scope="module")
def latex_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build(tmp_path_factory, rootdir, "latex")


@pytest.fixture(scope="module")
def text_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build(tmp_path_factory, rootdir, "text")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def normal(text: str) -> str:
    return " ".join(text.split())


# -- model --------------------------------------------------------------------


def test_model_keeps_text(html_app: SphinxTestApp) -> None:
    sop = procedure(html_app, "hostile")
    assert sop.title == TITLE
    assert sop.number == NUMBER
    assert sop.actors == (CLERK, HEAD)
    assert sop.steps[0].activity == ACTIVITY
    assert sop.steps[0].notes == NOTES
    assert [way_out.branch for way_out in sop.steps[1].flow.exits] == [
        f"{SCRIPT} \\y {{y}} {SPECIALS}",
        'No "dq" &',
    ]


# -- HTML ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["html_app", "latex_app", "text_app"])
def test_builds_without_warnings(name: str, request: pytest.FixtureRequest) -> None:
    app = request.getfixturevalue(name)
    assert warnings(app) == []


def test_html_creates_no_elements_from_user_text(html_app: SphinxTestApp) -> None:
    soup = html(html_app)
    assert not [tag for tag in soup.find_all("script") if "alert" in tag.get_text()]
    sop = soup.select_one("div.sop")
    assert sop is not None
    assert sop.find_all(["script", "b", "i"]) == []
    source = (html_app.outdir / "index.html").read_text(encoding="utf-8")
    assert "alert(1)</script>" not in source
    assert "<b>bold" not in source
    assert "<i>of" not in source


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("td.sop-title", [TITLE]),
        ("td.sop-number", [NUMBER]),
        ("p.sop-unit", [UNIT]),
        ("p.sop-agency", [AGENCY.upper()]),
        ("p.sop-approver-position", [POSITION]),
        ("p.sop-approver-name", [APPROVER]),
        ("td.sop-legal-basis li", [LAW]),
        ("td.sop-equipment li", [TOOL]),
        ("table.sop-flowchart .sop-actor", [CLERK, HEAD]),
        ("td.sop-activity", [ACTIVITY, "Check the letter", "File the letter"]),
        ("td.sop-requirements", [REQUIREMENTS, "", ""]),
        ("td.sop-output", [OUTPUT, "", ""]),
        ("td.sop-notes", [NOTES, "", ""]),
        ("text.sop-branch-label", [f"{SCRIPT} \\y {{y}} {SPECIALS}", 'No "dq" &']),
        ("g.sop-symbol[data-step='1'] > title", [f"1. {ACTIVITY} ({CLERK})"]),
        (".sop-step-card[data-step='1'] .sop-card-activity", [ACTIVITY]),
        (".sop-card-actors dd", [CLERK, HEAD, CLERK]),
        (".sop-card-requirements dd", [REQUIREMENTS]),
        (".sop-card-output dd", [OUTPUT]),
        (".sop-card-notes dd", [NOTES]),
        (".sop-step-card[data-step='2'] .sop-card-flow dd", [FLOW.replace(", ", " , ")]),
    ],
)
def test_html_shows_text_literally(
    html_app: SphinxTestApp, selector: str, expected: list[str]
) -> None:
    found = html(html_app).select(selector)
    assert [normal(element.get_text(" ")) for element in found] == expected


def test_html_attributes_are_escaped(html_app: SphinxTestApp) -> None:
    soup = html(html_app)
    logo = soup.select_one("img.sop-logo")
    assert logo["alt"] == AGENCY
    link = soup.select_one('a[href="#sop-hostile"]')
    assert normal(link.get_text(" ")) == TITLE
    assert link["title"].endswith(TITLE)
    assert SCRIPT in link["title"]


def test_html_names_of_cards_and_sheet_are_escaped(html_app: SphinxTestApp) -> None:
    soup = html(html_app)
    assert soup.select_one("ol.sop-step-list")["aria-label"].endswith(f": {TITLE}")
    assert soup.select_one("div.sop-flowchart-scroll")["aria-label"].endswith(f": {TITLE}")


def test_html_link_title_shows_number_as_rendered(html_app: SphinxTestApp) -> None:
    link = html(html_app).select_one('a[href="#sop-hostile"]')
    assert link["title"] == f"{NUMBER} {TITLE}"


# -- LaTeX --------------------------------------------------------------------


@pytest.fixture(scope="module")
def tex(latex_app: SphinxTestApp) -> str:
    return (latex_app.outdir / "escaping.tex").read_text(encoding="utf-8")


def test_latex_escapes_specials(tex: str) -> None:
    assert (
        r"No \textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{} "
        r'\&amp; "dq" \textbackslash{}n \{n\} \$1 \&2 \#3 \textasciicircum{}4 \_5 \%6 '
        r"\textasciitilde{}7"
    ) in tex
    assert r"back\textbackslash{}slash \{braces\} \$ \& \# \textasciicircum{} \_ \% " in tex


def test_latex_has_no_raw_specials_from_user_text(tex: str) -> None:
    assert re.findall(r"(?<!\\)\$", tex) == []
    assert re.findall(r"(?<!\\)(?:&2|#3|_5|%6)|\^4|~7|\\n \{n\}|\{braces\}", tex) == []
    assert "<script>" not in tex


@pytest.mark.parametrize(
    "field",
    [*FIELDS[:-1], AGENCY.upper()],
    ids=lambda text: text.split()[0],
)
def test_latex_has_each_field_escaped(tex: str, field: str) -> None:
    assert tex_escape(field) in normal(tex)


def test_latex_flow_escaped(tex: str) -> None:
    """The decision's exit labels are drawn as TikZ node texts, escaped."""
    for text in (f"{SCRIPT} \\y {{y}} {SPECIALS}", 'No "dq" &'):
        label = re.escape(tex_escape(text))
        assert re.search(r"\\node\[soplabel[^]]*\] at \([^)]*\) \{" + label + r"\};", tex), text


def test_latex_document_compiles(latex_app: SphinxTestApp) -> None:
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        pytest.skip("pdflatex is not installed (CI installs TeX)")
    result = subprocess.run(
        [pdflatex, "-interaction=nonstopmode", "-halt-on-error", "escaping.tex"],
        cwd=latex_app.outdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert (latex_app.outdir / "escaping.pdf").stat().st_size > 0


# -- text ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def text_output(text_app: SphinxTestApp) -> str:
    return (text_app.outdir / "index.txt").read_text(encoding="utf-8")


def test_text_reference_shows_title(text_output: str) -> None:
    assert f"See *{TITLE}* for the hostile SOP." in normal(text_output)


@pytest.mark.parametrize(
    ("field", "check"),
    [(field, str) for field in FIELDS] + [(AGENCY, str.upper)],
    ids=lambda value: value.split()[0] if isinstance(value, str) else "",
)
def test_text_shows_each_field(text_output: str, field: str, check: Callable[[str], str]) -> None:
    wanted = squeeze(check(field))
    assert any(wanted in cell for cell in grid_cells(text_output)), wanted
