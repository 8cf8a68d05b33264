"""The Graphviz flowchart: DOT text, rendering and its cache, and every builder's output."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import threading
import time
from pathlib import Path

import graphviz
import pytest
import sphinx
from bs4 import BeautifulSoup
from docutils import nodes

from conftest import build_copy, html, line_of, resolved_doctrees, warnings
from sphinxcontrib_sop.core.model import Exit, Flow, Procedure, Step, StepKind
from sphinxcontrib_sop.doctree.graphviz import flow_description
from sphinxcontrib_sop.doctree.nodes import sop_flowchart, sop_graphviz
from sphinxcontrib_sop.i18n.labels import ProjectLabels
from sphinxcontrib_sop.writers.dot import render as graphviz_render
from sphinxcontrib_sop.writers.dot.render import (
    FIXED_CREATION_DATE,
    GraphvizFailedError,
    GraphvizMissingError,
    render,
    render_many,
)
from sphinxcontrib_sop.writers.dot.source import literal, node_lines, procedure_dot

DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(
    DOT is None, reason="Graphviz's dot is not installed (apt-get install graphviz)"
)
LABELS = ProjectLabels({})
MISSING = "the Graphviz program 'dot' was not found"

HOSTILE = (
    'say "hi"',
    "back\\slash",
    "\\n",
    "\\l and \\r",
    "\\N \\G \\E \\T \\H \\L",
    "ends with \\",
    "{braces} [x] |a|",
    "<b>x</b>",
    "<>",
    "&amp; & &lt; &#65;",
    "ünïcødé — “q” 漢字",
    'a\\"b',
)


def step(number: int, activity: str, kind: StepKind, *exits: Exit, actors=("Staf",)) -> Step:
    return Step(number, activity, tuple(actors), flow=Flow(exits=exits, ends=not exits), kind=kind)


def hostile_procedure() -> Procedure:
    """One step per hostile text, each also an actor and an edge label."""
    count = len(HOSTILE)
    steps = [
        step(
            position + 1,
            text,
            StepKind.START if position == 0 else StepKind.PROCESS,
            Exit(position + 2, text),
            actors=(text,),
        )
        for position, text in enumerate(HOSTILE)
    ]
    steps.append(step(count + 1, "Selesai", StepKind.END))
    return Procedure(id="hostile", title="Hostile", steps=tuple(steps))


def sample_procedure() -> Procedure:
    """Start, a decision, a loop back to an earlier step and two ends."""
    return Procedure(
        id="sample",
        title="Sample",
        steps=(
            step(1, "Menerima surat", StepKind.START, Exit(2)),
            step(2, "Memeriksa", StepKind.DECISION, Exit(3, "Ya"), Exit(5, "Tidak")),
            step(3, "Mengagendakan", StepKind.DECISION, Exit(4, "Lengkap"), Exit(2, "Kurang")),
            step(4, "Meneruskan", StepKind.END),
            step(5, "Mengembalikan", StepKind.END),
        ),
    )


def layout(dot_source: str, tmp_path: Path) -> dict:
    """Graphviz's own reading of the DOT source, as JSON."""
    return json.loads(render(dot_source, "json", tmp_path, DOT).read_text(encoding="utf-8"))


def svg_texts(group) -> list[str]:
    return [text.get_text() for text in group.find_all("text")]


# -- DOT text ------------------------------------------------------------------


@needs_dot
def test_hostile_text_comes_out_literally(tmp_path):
    procedure = hostile_procedure()
    source = procedure_dot(procedure, LABELS)
    result = subprocess.run([DOT, "-Tsvg"], input=source.encode(), capture_output=True, check=True)
    assert result.stderr == b""
    output = result.stdout.decode("utf-8")
    svg = BeautifulSoup(output[output.index("<svg") :], "html.parser")
    nodes_ = {group.find("title").get_text(): group for group in svg.select("g.node")}
    for item in procedure.steps:
        assert svg_texts(nodes_[f"step{item.number}"]) == node_lines(item)
    edge_labels = [" ".join(svg_texts(group)).strip() for group in svg.select("g.edge")]
    assert edge_labels == list(HOSTILE)
    lines = [line for item in procedure.steps for line in node_lines(item)]
    for text in HOSTILE:
        assert f"({text})" in lines
    assert svg.find("b") is None  # "<b>x</b>" is text, not an HTML-like label


@needs_dot
def test_literal_labels_are_never_html_like_or_escapes(tmp_path):
    graph = graphviz.Digraph()
    for number, text in enumerate((*HOSTILE, "<b>two</b>\n<i>lines</i>")):
        graph.node(f"n{number}", literal(text))
    svg = render(graph.source, "svg", tmp_path, DOT).read_text(encoding="utf-8")
    groups = BeautifulSoup(svg[svg.index("<svg") :], "html.parser").select("g.node")
    assert [svg_texts(group) for group in groups] == [
        *([text] for text in HOSTILE),
        ["<b>two</b>", "<i>lines</i>"],
    ]


def test_long_activities_wrap_and_actors_get_their_own_line():
    item = step(
        12,
        "Mencatat surat dalam agenda surat masuk dan memindai naskah",
        StepKind.PROCESS,
        Exit(13),
        actors=("Staf TU", "Kasubbag Umum"),
    )
    lines = node_lines(item)
    assert lines[0].startswith("12. Mencatat")
    assert lines[-1] == "(Staf TU, Kasubbag Umum)"
    assert all(len(line) <= 28 for line in lines)
    assert " ".join(lines[:-1]) == "12. " + item.activity


@needs_dot
def test_shapes_follow_step_kinds(tmp_path):
    graph = layout(procedure_dot(sample_procedure(), LABELS), tmp_path)
    shapes = {node["name"]: (node["shape"], node["style"]) for node in graph["objects"]}
    assert shapes == {
        "step1": ("box", "rounded,filled"),
        "step2": ("diamond", "filled"),
        "step3": ("diamond", "filled"),
        "step4": ("box", "rounded,filled"),
        "step5": ("box", "rounded,filled"),
    }
    assert graph["rankdir"] == "TB"
    tooltips = {node["name"]: node["tooltip"] for node in graph["objects"]}
    assert tooltips["step1"] == "Start"
    assert tooltips["step2"] == "Decision"


@needs_dot
def test_edges_carry_exit_labels_and_loops_do_not_constrain(tmp_path):
    graph = layout(procedure_dot(sample_procedure(), LABELS), tmp_path)
    names = [node["name"] for node in graph["objects"]]
    edges = {
        (names[edge["tail"]], names[edge["head"]]): (
            edge.get("label", "").strip(),
            edge.get("constraint", "true"),
        )
        for edge in graph["edges"]
    }
    assert edges == {
        ("step1", "step2"): ("", "true"),
        ("step2", "step3"): ("Ya", "true"),
        ("step2", "step5"): ("Tidak", "true"),
        ("step3", "step4"): ("Lengkap", "true"),
        ("step3", "step2"): ("Kurang", "false"),
    }


def test_flow_to_a_missing_step_draws_no_phantom_node():
    procedure = Procedure(
        id="broken",
        title="Broken",
        steps=(step(1, "Mulai", StepKind.START, Exit(9)), step(2, "Akhir", StepKind.END)),
    )
    source = procedure_dot(procedure, LABELS)
    assert "step9" not in source
    assert "step2 [" in source


def test_svg_ids_start_with_the_sop_id():
    source = procedure_dot(sample_procedure(), LABELS)
    assert 'id="sample-graphviz"' in source
    assert 'id="sample-step-2"' in source
    assert 'id="sample-edge-3"' in source


# -- description ---------------------------------------------------------------


def test_description_lists_each_step_with_its_flow():
    description = flow_description(sample_procedure(), "Flowchart: Sample", LABELS)
    steps = description.next_node(nodes.enumerated_list)
    assert "start" not in steps
    assert [item.astext() for item in steps.children] == [
        "Menerima surat (Staf) → 2",
        "Memeriksa (Staf): Ya → 3, Tidak → 5",
        "Mengagendakan (Staf): Lengkap → 4, Kurang → 2",
        "Meneruskan (Staf): End",
        "Mengembalikan (Staf): End",
    ]


def test_description_keeps_step_numbers_that_are_not_consecutive():
    procedure = Procedure(
        id="gaps",
        title="Gaps",
        steps=(step(10, "Mulai", StepKind.START, Exit(30)), step(30, "Akhir", StepKind.END)),
    )
    description = flow_description(procedure, "Flowchart: Gaps", LABELS)
    assert description.next_node(nodes.enumerated_list) is None
    items = description.next_node(nodes.bullet_list).children
    assert [item.astext() for item in items] == ["10. Mulai (Staf) → 30", "30. Akhir (Staf): End"]


# -- rendering -----------------------------------------------------------------


@pytest.fixture
def dot_runs(monkeypatch) -> list[list[str]]:
    """The command lines of every ``dot`` run from now on."""
    runs: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(command, *args, **kwargs):
        if command[0] != "git":  # each build asks git for the handbook's editions
            runs.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(graphviz_render.subprocess, "run", counting_run)
    return runs


@needs_dot
def test_render_caches_by_source_format_and_command(tmp_path, dot_runs):
    source = procedure_dot(sample_procedure(), LABELS)
    first = render(source, "svg", tmp_path, DOT)
    assert first.name.startswith("sop-flowchart-")
    assert first.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert render(source, "svg", tmp_path, DOT) == first
    assert len(dot_runs) == 1
    assert render(source, "pdf", tmp_path, DOT) != first
    assert len(dot_runs) == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        path.name for path in tmp_path.glob("sop-flowchart-*")
    )  # no temporary file left behind


def sample_sources() -> list[str]:
    """The DOT text of three flowcharts that differ in their first step."""
    sample = sample_procedure()
    return [
        procedure_dot(
            dataclasses.replace(
                sample, steps=(dataclasses.replace(sample.steps[0], activity=activity),)
            ),
            LABELS,
        )
        for activity in ("Menerima surat", "Menerima izin", "Menerima arsip")
    ]


@needs_dot
@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_render_many_draws_each_missing_source_once_into_the_files_render_gives(
    tmp_path, dot_runs, fmt
):
    sources = sample_sources()
    render_many([*sources, sources[0]], fmt, tmp_path / "ahead", DOT, processes=2)
    assert len(dot_runs) == 3
    render_many(sources, fmt, tmp_path / "ahead", DOT, processes=2)  # all drawn already
    assert len(dot_runs) == 3
    for source in sources:
        single = render(source, fmt, tmp_path / "single", DOT)
        assert (tmp_path / "ahead" / single.name).read_bytes() == single.read_bytes()
    assert sorted(path.name for path in (tmp_path / "ahead").iterdir()) == sorted(
        path.name for path in (tmp_path / "single").iterdir()
    )  # no temporary file left behind


def test_render_many_runs_up_to_the_processes_asked_for_at_once(tmp_path, monkeypatch):
    running, most = [], []
    lock = threading.Lock()

    def slow_run(command, *args, **kwargs):
        with lock:
            running.append(command)
            most.append(len(running))
        time.sleep(0.2)
        with lock:
            running.remove(command)
        return subprocess.CompletedProcess(command, 0, b"<svg/>", b"")

    monkeypatch.setattr(graphviz_render.subprocess, "run", slow_run)
    render_many(sample_sources(), "svg", tmp_path, "dot", processes=2)
    assert max(most) == 2
    assert len(list(tmp_path.glob("sop-flowchart-*.svg"))) == 3


def test_render_many_leaves_a_source_dot_cannot_draw_to_render(tmp_path):
    failing = shutil.which("false")
    if failing is None:
        pytest.skip("no 'false' program to stand in for a failing dot")
    render_many(["digraph {}", "digraph { a }"], "svg", tmp_path, failing, processes=2)
    assert list(tmp_path.iterdir()) == []


def test_render_without_dot_raises_missing(tmp_path):
    with pytest.raises(GraphvizMissingError):
        render("digraph {}", "svg", tmp_path, str(tmp_path / "no-dot"))
    assert list(tmp_path.iterdir()) == []


def test_render_with_failing_dot_raises_failed(tmp_path):
    failing = shutil.which("false")
    if failing is None:
        pytest.skip("no 'false' program to stand in for a failing dot")
    with pytest.raises(GraphvizFailedError):
        render("digraph {}", "svg", tmp_path, failing)
    assert list(tmp_path.iterdir()) == []


# -- builders ------------------------------------------------------------------


def rendered_files(folder: Path, fmt: str) -> list[Path]:
    return sorted(folder.glob(f"sop-flowchart-*.{fmt}"))


@needs_dot
@pytest.mark.sphinx("html", testroot="graphviz")
def test_html_embeds_the_svg_flowchart(app):
    app.build()
    assert warnings(app) == []
    page = html(app, "both")
    figure = page.select_one("figure.sop-graphviz")
    assert figure.find_parent(class_="sop") is not None
    assert len(figure.select("svg g.node")) == 7
    assert len(figure.select("svg g.edge")) == 7
    assert figure.figcaption.get_text() == "Diagram Alir: Penerimaan Surat Masuk"
    assert "1. Menerima surat masuk dari" in svg_texts(figure)
    assert "(Kasubbag Umum)" in svg_texts(figure)
    assert "<?xml" not in str(page)
    assert "DOCTYPE svg" not in str(page)
    assert page.select(".sop-graphviz-description") == []
    ids = [element["id"] for element in figure.find_all(id=True)]
    assert all(id_.startswith(("surat-masuk-", "a_surat-masuk-")) for id_ in ids)  # unique per SOP
    assert page.select_one("div.sop").find_all(recursive=False)[-1] is figure  # after the steps
    assert html(app, "table").select("figure.sop-graphviz") == []
    assert len(rendered_files(app.doctreedir / "sop-graphviz", "svg")) == 2
    # The pages hold the SVG inline: the cache is not published.
    assert list(app.outdir.rglob("sop-flowchart-*")) == []


@needs_dot
@pytest.mark.sphinx("html", testroot="graphviz")
def test_html_shows_user_text_literally(app):
    app.build()
    figure = html(app, "hostile").select_one("figure.sop-graphviz")
    texts = svg_texts(figure)
    assert "1. Menyalin C:\\arsip\\n ke" in texts
    assert '(Staf "TU" & <i>Arsip</i>)' in texts
    assert "<b>tebal</b> &amp; {x}" in texts
    assert '"Ya" <1>' in [text.strip() for text in texts]
    assert figure.find("b") is None
    assert figure.find("i") is None
    assert figure.figcaption.get_text() == 'Diagram Alir: Kutipan "SOP" <b>tebal</b> & {kurung}'


@needs_dot
@pytest.mark.sphinx("latex", testroot="graphviz")
def test_latex_includes_the_pdf_flowchart(app):
    app.build()
    assert warnings(app) == []
    tex = (app.outdir / "projectnamenotset.tex").read_text(encoding="utf-8")
    pdfs = rendered_files(app.outdir, "pdf")
    assert len(pdfs) == 2
    for pdf in pdfs:
        assert f"\\sphinxincludegraphics{{{pdf.name}}}" in tex
        assert pdf.read_bytes().startswith(b"%PDF")
    assert "Diagram Alir: Penerimaan Surat Masuk" in tex
    assert (
        r'{\small Diagram Alir: Kutipan "SOP" \textless{}b\textgreater{}tebal\textless{}/b'
        r"\textgreater{} \& \{kurung\}}"
    ) in tex


@needs_dot
def test_pdf_pictures_are_the_same_bytes_every_time(tmp_path):
    """Two clean builds a second apart give the same PDFs: no time of drawing in them."""
    written = []
    for build in ("first", "second"):
        app = build_copy(tmp_path / build, "graphviz", "latex")
        written.append({pdf.name: pdf.read_bytes() for pdf in rendered_files(app.outdir, "pdf")})
        time.sleep(1.1)
    assert written[0] == written[1]
    assert all(FIXED_CREATION_DATE in pdf for pdf in written[0].values())


@needs_dot
@pytest.mark.sphinx("latex", testroot="graphviz", srcdir="graphviz-latexpdf")
def test_compiled_pdf_shows_the_flowchart(app):
    missing = [name for name in ("latexmk", "pdflatex", "pdftotext") if not shutil.which(name)]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (TeX Live and poppler-utils)")
    app.build()
    subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-quiet", "projectnamenotset.tex"],
        cwd=app.outdir,
        capture_output=True,
        check=True,
        timeout=300,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", app.outdir / "projectnamenotset.pdf", "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert "Mengembalikan surat kepada" in text  # drawn in the flowchart only
    assert "(Kasubbag Umum)" in text


@pytest.mark.sphinx("text", testroot="graphviz")
def test_text_shows_the_description(app):
    app.build()
    output = " ".join((app.outdir / "both.txt").read_text(encoding="utf-8").split())
    assert "Diagram Alir: Penerimaan Surat Masuk" in output
    assert "1. Menerima surat masuk dari pengirim (Staf TU) → 2" in output
    assert "2. Memeriksa alamat surat (Kasubbag Umum): Ya → 3, Tidak → 7" in output
    assert "7. Mengembalikan surat kepada pengirim (Staf TU): Selesai" in output


@pytest.mark.parametrize(
    ("builder", "output", "expected"),
    [
        ("man", "projectnamenotset.1", "Diagram Alir: Penerimaan Surat Masuk"),
        ("texinfo", "projectnamenotset.texi", "Diagram Alir: Penerimaan Surat Masuk"),
        ("xml", "both.xml", "Diagram Alir: Penerimaan Surat Masuk"),
        ("pseudoxml", "both.pseudoxml", "Diagram Alir: Penerimaan Surat Masuk"),
        ("epub", "both.xhtml", '<figure class="sop-graphviz">'),
        ("singlehtml", "index.html", '<figure class="sop-graphviz">'),
        ("dirhtml", "both/index.html", '<figure class="sop-graphviz">'),
    ],
)
def test_every_builder_writes_the_flowchart(make_app, rootdir, tmp_path, builder, output, expected):
    if DOT is None and "figure" in expected:
        pytest.skip("Graphviz's dot is not installed (apt-get install graphviz)")
    shutil.copytree(rootdir / "test-graphviz", tmp_path / "src")
    app = make_app(builder, srcdir=tmp_path / "src")
    app.build()
    assert not [line for line in warnings(app) if "sop" in line.lower() or "Traceback" in line]
    assert expected in (app.outdir / output).read_text(encoding="utf-8")


# -- dot missing or failing ----------------------------------------------------


@pytest.mark.parametrize("parallel", [1, 2])
def test_missing_dot_warns_once_and_shows_the_description(make_app, rootdir, tmp_path, parallel):
    shutil.copytree(rootdir / "test-graphviz", tmp_path / "src")
    app = make_app(
        "html",
        srcdir=tmp_path / "src",
        confoverrides={"graphviz_dot": "/nonexistent/dot"},
        parallel=parallel,
    )
    app.build()
    assert [line for line in warnings(app) if "sop" in line] == [
        f"WARNING: {MISSING} (graphviz_dot = '/nonexistent/dot'): install Graphviz "
        "(Debian/Ubuntu: apt-get install graphviz) or set graphviz_dot; the Graphviz "
        "flowcharts are shown as text meanwhile [sop.graphviz]"
    ]
    for docname in ("both", "hostile"):
        page = html(app, docname)
        assert page.select("figure.sop-graphviz") == []
        assert page.select("svg g.graph") == []
        description = page.select_one(".sop-graphviz-description")
        assert description.p.get_text().startswith("Diagram Alir: ")
    items = html(app, "both").select(".sop-graphviz-description li")
    assert len(items) == 7
    assert (app.outdir / "unrelated.html").is_file()
    assert rendered_files(app.doctreedir / "sop-graphviz", "svg") == []


def test_failing_dot_warns_once_and_shows_the_description(make_app, rootdir, tmp_path):
    failing = shutil.which("false")
    if failing is None:
        pytest.skip("no 'false' program to stand in for a failing dot")
    shutil.copytree(rootdir / "test-graphviz", tmp_path / "src")
    app = make_app("html", srcdir=tmp_path / "src", confoverrides={"graphviz_dot": failing})
    app.build()
    graphviz_warnings = [line for line in warnings(app) if "[sop.graphviz]" in line]
    assert len(graphviz_warnings) == 1
    assert "could not draw a flowchart" in graphviz_warnings[0]
    assert html(app, "both").select(".sop-graphviz-description li")
    assert html(app, "hostile").select(".sop-graphviz-description li")
    assert not html(app, "both").select("figure.sop-graphviz")


# -- cache and clean-up --------------------------------------------------------


@needs_dot
def test_unchanged_sops_never_run_dot_again(make_app, rootdir, tmp_path, dot_runs):
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-graphviz", source)
    make_app("html", srcdir=source).build()
    assert len(dot_runs) == 2

    (source / "unrelated.rst").write_text("Unrelated page\n==============\n\nChanged.\n")
    make_app("html", srcdir=source).build()
    make_app("html", srcdir=source, freshenv=True).build()  # every page read and written again
    assert len(dot_runs) == 2

    both = source / "both.rst"
    both.write_text(both.read_text(encoding="utf-8").replace("Meneliti isi", "Menelaah isi"))
    app = make_app("html", srcdir=source)
    app.build()
    assert len(dot_runs) == 3
    assert "4. Menelaah isi surat" in svg_texts(html(app, "both").figure)


@needs_dot
@pytest.mark.parametrize(
    "builder",
    [
        "html",
        pytest.param(
            "latex",
            marks=pytest.mark.skipif(
                sphinx.version_info < (8, 1),
                reason="before Sphinx 8.1 the LaTeX builder emits no write-started "
                "(sphinx-doc/sphinx#12680): its flowcharts are drawn as it writes",
            ),
        ),
    ],
)
def test_flowcharts_are_drawn_before_any_page_is_written(make_app, rootdir, tmp_path, builder):
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-graphviz", source)
    app = make_app(builder, srcdir=source)
    folder = app.doctreedir / "sop-graphviz" if builder == "html" else app.outdir
    fmt = "svg" if builder == "html" else "pdf"
    found_when_writing = []
    app.connect(
        "write-started",
        lambda app, builder: found_when_writing.extend(rendered_files(folder, fmt)),
        priority=900,
    )
    app.build()
    assert len(found_when_writing) == 2


@needs_dot
def test_files_of_changed_sops_are_removed(make_app, rootdir, tmp_path):
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-graphviz", source)
    app = make_app("html", srcdir=source)
    app.build()
    images = app.doctreedir / "sop-graphviz"
    before = rendered_files(images, "svg")
    assert len(before) == 2

    both = source / "both.rst"
    both.write_text(both.read_text(encoding="utf-8").replace("Meneliti isi", "Menelaah isi"))
    (source / "hostile.rst").unlink()
    (source / "index.rst").write_text(
        (source / "index.rst").read_text(encoding="utf-8").replace("   hostile\n", "")
    )
    make_app("html", srcdir=source).build()
    after = rendered_files(images, "svg")
    assert len(after) == 1
    assert after[0] not in before


# -- choosing the diagram ------------------------------------------------------


def drawn(app, docname: str) -> bool:
    return bool(list(app.env.get_doctree(docname).findall(sop_graphviz)))


@pytest.mark.sphinx("dummy", testroot="graphviz-options")
def test_project_default_and_per_sop_choice(app):
    app.build()
    assert drawn(app, "default")  # sop_diagram = "both"
    assert not drawn(app, "override")  # :diagram: Table
    assert drawn(app, "invalid")  # falls back to sop_diagram


@pytest.mark.sphinx("dummy", testroot="graphviz-options", srcdir="graphviz-options-warning")
def test_invalid_diagram_option_warns_with_its_line(app):
    app.build()
    line = line_of(app.srcdir / "invalid.rst", ":diagram:")
    assert warnings(app) == [
        f"{app.srcdir / 'invalid.rst'}:{line}: WARNING: :diagram: must be 'table', 'graphviz' "
        "or 'both', not 'flowchart' ('both', the project's sop_diagram, is used meanwhile) "
        "[sop.option]"
    ]


@pytest.mark.sphinx(
    "dummy",
    testroot="graphviz-options",
    srcdir="graphviz-options-bad-default",
    confoverrides={"sop_diagram": "all"},
)
def test_invalid_sop_diagram_warns_and_means_table(app):
    app.build()
    assert (
        "WARNING: sop_diagram must be 'table', 'graphviz' or 'both', not 'all': 'table' is "
        "used meanwhile [sop.config]"
    ) in warnings(app)
    assert not drawn(app, "default")
    assert not drawn(app, "invalid")


@pytest.mark.sphinx("dummy", testroot="graphviz")
def test_table_is_the_default(app):
    app.build()
    assert drawn(app, "both")
    assert drawn(app, "hostile")
    assert not drawn(app, "table")


@pytest.mark.sphinx("dummy", testroot="graphviz")
def test_graphviz_alone_shows_the_steps_table_instead_of_the_official_flowchart(app):
    written = resolved_doctrees(app)
    app.build(force_all=True)

    def official(docname: str) -> bool:
        return bool(list(app.env.get_doctree(docname).findall(sop_flowchart)))

    assert official("both")
    assert official("table")
    assert not official("hostile")  # :diagram: graphviz
    steps = [
        table
        for table in written["hostile"].findall(nodes.table)
        if "sop-steps" in table["classes"]
    ]
    assert len(steps) == 1
