"""The decree that enacts the SOPs (``sop-decree``): its layout in every builder, warnings.

The root ``test-decree`` has one page per case; each builder builds it once for
the whole module.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.texescape import escape as tex_escape

from conftest import breaks_page_before, build_copy, html, line_of, warnings
from sphinxcontrib_sop.writers.latex.markers import SIGNATURE_SPACE

ISSUER = "KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH PROVINSI SUMATERA SELATAN"
TITLE = "PENETAPAN STANDAR OPERASIONAL PROSEDUR SEKRETARIAT BADAN PERENCANAAN PEMBANGUNAN DAERAH"
NUMBER = "800/012/KPTS/BAPPEDA/2024"
POSITION = "KEPALA BAPPEDA PROVINSI SUMATERA SELATAN"
NAME = "Dr. Ir. H. Rahmat Hidayatullah, M.Si."
NIP = "197203151998031004"

SCRIPT = "<script>alert(1)</script>"
HOSTILE_TITLE = f"""Title {SCRIPT} & "dq" back\\slash {{braces}} $ # ^ _ % ~"""
HOSTILE_NUMBER = "No <b>1</b> & {n} $1 #2 _3 %4"
HOSTILE_PLACE = "Place <i>x</i> & {p} ~ ^"
HOSTILE_POSITION = """Head <i>of</i> & "Office" $ %"""
HOSTILE_NAME = "Dr <script>x</script> O'Brien & {a} _ #"
HOSTILE_BODY = "Body <b>text</b> & {body} $ %."


def build(
    tmp_path_factory: pytest.TempPathFactory, rootdir: Path, builder: str, **overrides: object
) -> SphinxTestApp:
    """A copy of ``test-decree`` built with ``builder``."""
    return build_copy(tmp_path_factory.mktemp(f"decree-{builder}"), "decree", builder, **overrides)


@pytest.fixture(scope="module")
def html_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build(tmp_path_factory, rootdir, "html")


@pytest.fixture(scope="module")
def english_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build(tmp_path_factory, rootdir, "html", language="en", sop_labels={"ON": "CONCERNING"})


@pytest.fixture(scope="module")
def latex_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build(tmp_path_factory, rootdir, "latex")


@pytest.fixture(scope="module")
def text_app(tmp_path_factory: pytest.TempPathFactory, rootdir: Path) -> SphinxTestApp:
    return build(tmp_path_factory, rootdir, "text")


def normal(text: str) -> str:
    return " ".join(text.split())


def decree(app: SphinxTestApp, page: str):
    found = html(app, page).select("div.sop-decree")
    assert len(found) == 1, page
    return found[0]


def lines(element, selector: str) -> list[str]:
    return [normal(part.get_text(" ")) for part in element.select(selector)]


def heading(app: SphinxTestApp, page: str) -> list[str]:
    return lines(decree(app, page), "div.sop-decree-heading > p")


def signature(app: SphinxTestApp, page: str) -> list[str]:
    return lines(decree(app, page), "div.sop-decree-signature > p")


# -- HTML ---------------------------------------------------------------------


def test_heading_lines(html_app: SphinxTestApp) -> None:
    assert heading(html_app, "full") == [
        f"KEPUTUSAN {ISSUER}",
        f"NOMOR {NUMBER}",
        "TENTANG",
        TITLE,
        f"{ISSUER},",
    ]
    classes = [p["class"] for p in decree(html_app, "full").select("div.sop-decree-heading > p")]
    assert classes == [
        ["sop-decree-issuer"],
        ["sop-decree-number"],
        ["sop-decree-on"],
        ["sop-decree-title"],
        ["sop-decree-authority"],
    ]


def test_signature_block(html_app: SphinxTestApp) -> None:
    assert signature(html_app, "full") == [
        "Ditetapkan di Palembang",
        "pada tanggal 31 Januari 2024",
        f"{POSITION},",
        NAME,
        f"NIP. {NIP}",
    ]
    block = decree(html_app, "full").select_one("div.sop-decree-signature")
    assert block.select_one("p.sop-decree-name strong").get_text() == NAME
    # The space to sign sits between the position and the name.
    space = block.select_one("div.sop-decree-signature-space")
    assert "sop-signature-space" in space["class"]  # the room to sign of an SOP's approver
    assert space.find_previous_sibling("p")["class"] == ["sop-decree-position"]
    assert space.find_next_sibling("p")["class"] == ["sop-decree-name"]


def test_body_is_kept_between_heading_and_signature(html_app: SphinxTestApp) -> None:
    element = decree(html_app, "full")
    parts = [child["class"][0] for child in element.find_all("div", recursive=False)]
    assert parts == ["sop-decree-heading", "sop-decree-body", "sop-decree-signature"]
    body = element.select_one("div.sop-decree-body")
    assert lines(body, "dl.field-list > dt") == ["Menimbang :", "KESATU :", "KEDUA :"]
    assert lines(body, "ol.loweralpha li") == ["bahwa prosedur administrasi perlu dibakukan;"]
    assert lines(body, "p.centered") == ["MEMUTUSKAN:"]
    assert body.select_one("em").get_text() == "Standar Operasional Prosedur"
    # Text after the directive stays outside the decree.
    assert "After the decree." not in element.get_text()
    assert "After the decree." in html(html_app, "full").get_text()


def test_english_option_names_and_default_issuer(html_app: SphinxTestApp) -> None:
    assert heading(html_app, "english") == [
        f"KEPUTUSAN {POSITION}",
        f"NOMOR {NUMBER}",
        "TENTANG",
        TITLE,
        f"{POSITION},",
    ]
    assert signature(html_app, "english") == [
        "Ditetapkan di Palembang",
        "pada tanggal 31 Januari 2024",
        f"{POSITION},",
        NAME,
        "NIP. 19720315 199803 1 004",
    ]


def test_english_labels_and_date(english_app: SphinxTestApp) -> None:
    assert heading(english_app, "full") == [
        f"DECREE OF {ISSUER}",
        f"NUMBER {NUMBER}",
        "CONCERNING",  # sop_labels overrides a label
        TITLE,
        f"{ISSUER},",
    ]
    assert signature(english_app, "full")[:2] == ["Set in Palembang", "on 31 January 2024"]
    assert signature(english_app, "full")[-1] == f"NIP. {NIP}"


def test_missing_fields_are_left_out(html_app: SphinxTestApp) -> None:
    assert heading(html_app, "minimal") == ["KEPUTUSAN", "TENTANG", "KEPUTUSAN TANPA RINCIAN"]
    element = decree(html_app, "minimal")
    assert element.select_one("div.sop-decree-signature") is None
    assert normal(element.select_one("div.sop-decree-body").get_text()) == "Only a body."
    assert "None" not in element.get_text()


def test_markdown_decree(html_app: SphinxTestApp) -> None:
    assert heading(html_app, "myst") == [
        "KEPUTUSAN",
        "NOMOR 3/2024",
        "TENTANG",
        "KEPUTUSAN DALAM MARKDOWN",
    ]
    assert signature(html_app, "myst") == ["pada tanggal 1 Februari 2024", "NIP. 1972 0315"]
    body = decree(html_app, "myst").select_one("div.sop-decree-body")
    assert body.select_one("strong").get_text() == "body"


def test_html_shows_hostile_text_literally(html_app: SphinxTestApp) -> None:
    element = decree(html_app, "hostile")
    assert element.find_all(["script", "b", "i"]) == []
    assert heading(html_app, "hostile") == [
        f"KEPUTUSAN {HOSTILE_POSITION.upper()}",
        f"NOMOR {HOSTILE_NUMBER}",
        "TENTANG",
        HOSTILE_TITLE.upper(),
        f"{HOSTILE_POSITION.upper()},",
    ]
    assert signature(html_app, "hostile") == [
        f"Ditetapkan di {HOSTILE_PLACE}",
        f"{HOSTILE_POSITION.upper()},",
        HOSTILE_NAME,
        f"NIP. {NIP}",
    ]
    assert lines(element, "div.sop-decree-body p") == [HOSTILE_BODY]
    source = (html_app.outdir / "hostile.html").read_text(encoding="utf-8")
    assert "<script>x" not in source
    assert "<b>1" not in source


# -- warnings -----------------------------------------------------------------


def source(app: SphinxTestApp, page: str, suffix: str = ".rst") -> Path:
    return Path(app.srcdir) / f"{page}{suffix}"


@pytest.mark.parametrize(
    ("page", "suffix", "marker", "pattern", "kind"),
    [
        (
            "mistakes",
            ".rst",
            ":tanggal:",
            r"cannot read the date '31 Smarch 2024' in :date:: write it as .*2019-09-25.*"
            r"\(shown as written meanwhile\)",
            "sop.date",
        ),
        (
            "mistakes",
            ".rst",
            ":nip:",
            r"the NIP '19720315ABC8031004' has characters other than digits: .*",
            "sop.option",
        ),
        (
            "myst",
            ".md",
            "nip:",
            r"the NIP '1972 0315' has 8 digits, but a NIP has 18.*",
            "sop.option",
        ),
    ],
    ids=["date", "nip", "myst-nip"],
)
def test_warning_names_file_and_line(
    html_app: SphinxTestApp, page: str, suffix: str, marker: str, pattern: str, kind: str
) -> None:
    path = source(html_app, page, suffix)
    expected = (
        rf"{re.escape(str(path))}:{line_of(path, marker)}: WARNING: {pattern} \[{re.escape(kind)}\]"
    )
    assert [line for line in warnings(html_app) if re.fullmatch(expected, line)], expected


def test_mistakes_are_shown_as_written(html_app: SphinxTestApp) -> None:
    assert signature(html_app, "mistakes") == [
        "pada tanggal 31 Smarch 2024",
        "KEPALA BAPPEDA,",
        "Nama Pejabat",
        "NIP. 19720315ABC8031004",
    ]


def test_missing_title_is_docutils_error(html_app: SphinxTestApp) -> None:
    path = source(html_app, "missing_title")
    found = warnings(html_app)
    error = f'{path}:{line_of(path, ".. sop-decree::")}: ERROR: Error in "sop-decree" directive:'
    assert error in found
    assert found[found.index(error) + 1] == "1 argument(s) required, 0 supplied."
    assert html(html_app, "missing_title").select_one("div.sop-decree") is None


def test_no_other_warnings_and_no_traceback(html_app: SphinxTestApp) -> None:
    located = [line for line in warnings(html_app) if re.match(r"\S+:\d+: (WARNING|ERROR)", line)]
    assert len(located) == 4  # the date, two NIPs, the missing title
    stream = html_app.warning.getvalue()
    assert "Traceback" not in stream
    assert "Exception" not in stream


# -- LaTeX --------------------------------------------------------------------


@pytest.fixture(scope="module")
def tex(latex_app: SphinxTestApp) -> str:
    return (latex_app.outdir / "decree.tex").read_text(encoding="utf-8")


def between(tex: str, start: str, end: str) -> str:
    return tex[tex.index(start) : tex.index(end, tex.index(start))]


def test_latex_new_page_before_heading_and_after_decree(tex: str) -> None:
    """The decree opens its section: the page breaks before the section heading."""
    assert breaks_page_before(tex, r"\section{Full decree}")
    full = between(tex, r"\section{Full decree}", r"\section{English option names}")
    assert full.count(r"\clearpage") == 1
    assert full.index("NIP. " + NIP) < full.index(r"\clearpage") < full.index("After the decree.")


def test_latex_new_page_before_all_headings_the_decree_opens(tex: str) -> None:
    """A page whose only content is the toctree of the decree's page: both headings go."""
    assert breaks_page_before(tex, r"\section{Part}")
    part = between(tex, r"\section{Part}", "KEPUTUSAN DALAM BAGIAN")
    assert r"\subsection{Nested decree}" in part
    assert r"\clearpage" not in part


def test_latex_new_page_before_decree_after_text(tex: str) -> None:
    english = between(tex, r"\section{English option names}", r"\section{Minimal decree}")
    assert breaks_page_before(tex, r"\section{Minimal decree}")
    english = english[: english.rindex(r"\clearpage")]  # that break belongs to the next page
    intro = english.index("A decree written with the English option names.")
    breaks = [match.start() for match in re.finditer(r"\\clearpage", english)]
    assert len(breaks) == 2
    assert intro < breaks[0] < english.index("KEPUTUSAN") < english.index("NIP.") < breaks[1]
    assert not breaks_page_before(tex, r"\section{English option names}")


def test_latex_layout(tex: str) -> None:
    full = between(tex, r"\section{Full decree}", r"\section{English option names}")
    centred = between(full, r"\begin{center}", r"\end{center}")
    for line in (f"KEPUTUSAN {ISSUER}", f"NOMOR {NUMBER}", "TENTANG", TITLE, f"{ISSUER},"):
        assert rf"\sphinxstylestrong{{{line}}}" in centred
    signature = between(full, r"\hfill\begin{minipage}", r"\end{minipage}")
    texts = ["Ditetapkan di Palembang", "pada tanggal 31 Januari 2024", f"{POSITION},"]
    space = rf"\vspace{{{SIGNATURE_SPACE}}}"  # the same room to sign as on an SOP
    positions = [signature.index(text) for text in [*texts, space, NAME, NIP]]
    assert positions == sorted(positions)
    assert r"\sphinxlineitem{Menimbang}" in full


def test_latex_escapes_hostile_text(tex: str) -> None:
    hostile = normal(between(tex, r"\section{Hostile text}", r"\section{Missing title}"))
    for text in (
        HOSTILE_TITLE.upper(),
        HOSTILE_NUMBER,
        HOSTILE_PLACE,
        HOSTILE_POSITION.upper(),
        HOSTILE_NAME,
        HOSTILE_BODY,
    ):
        assert tex_escape(text) in hostile, text
    assert re.findall(r"(?<!\\)[$#%]", hostile) == []
    assert "<script>" not in tex


def test_latex_decree_is_a_page_of_its_own(latex_app: SphinxTestApp) -> None:
    pdflatex, pdftotext = shutil.which("pdflatex"), shutil.which("pdftotext")
    if pdflatex is None or pdftotext is None:
        pytest.skip("pdflatex or pdftotext is not installed (CI installs TeX and poppler)")
    result = subprocess.run(
        [pdflatex, "-interaction=nonstopmode", "-halt-on-error", "decree.tex"],
        cwd=latex_app.outdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    pages = subprocess.run(
        [pdftotext, "-layout", "decree.pdf", "-"],
        cwd=latex_app.outdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\f")
    [page] = [normal(page) for page in pages if "NOMOR " + NUMBER in page and "Full" in page]
    assert page.startswith("1 Full decree KEPUTUSAN")
    assert "NIP. " + NIP in page
    assert "After the decree." not in page
    english = next(normal(page) for page in pages if "A decree written with the English" in page)
    assert "KEPUTUSAN" not in english


# -- text and other builders ----------------------------------------------------


def test_text_is_readable(text_app: SphinxTestApp) -> None:
    output = (text_app.outdir / "full.txt").read_text(encoding="utf-8")
    flat = normal(output)
    expected = [
        f"**KEPUTUSAN {ISSUER}**",
        f"**NOMOR {NUMBER}**",
        "**TENTANG**",
        f"**{TITLE}**",
        f"**{ISSUER},**",
        "Menimbang: 1. bahwa prosedur administrasi perlu dibakukan;",
        "MEMUTUSKAN:",
        "KESATU: Menetapkan *Standar Operasional Prosedur* dalam Lampiran.",
        "Ditetapkan di Palembang",
        "pada tanggal 31 Januari 2024",
        f"{POSITION},",
        f"**{NAME}**",
        f"NIP. {NIP}",
        "After the decree.",
    ]
    positions = [flat.index(text) for text in expected]
    assert positions == sorted(positions)
    assert "clearpage" not in output
    assert "<div" not in output


@pytest.mark.parametrize(
    ("builder", "output"), [("man", "projectnamenotset.1"), ("texinfo", "projectnamenotset.texi")]
)
def test_other_builders_write_the_decree(
    tmp_path_factory: pytest.TempPathFactory, rootdir: Path, builder: str, output: str
) -> None:
    app = build(tmp_path_factory, rootdir, builder)
    written = normal((app.outdir / output).read_text(encoding="utf-8"))
    assert "TENTANG" in written
    assert "Ditetapkan di Palembang" in written
    assert NIP in written
    assert "clearpage" not in written
