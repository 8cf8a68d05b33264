"""The monitoring and evaluation forms (``sop-monitoring``, ``sop-evaluation``): their
rows, criteria and SOPs, every builder, pages of their own in print, warnings, rebuilds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.texescape import escape

from conftest import (
    EditedProject,
    breaks_page_before,
    build_copy,
    cell_texts,
    grid_cells,
    html,
    line_of,
    printed_pages,
    procedure,
    text_of,
    warnings,
)
from sphinxcontrib_sop.core.forms import (
    CRITERIA,
    FormKind,
    FormQuery,
    form_procedures,
    monitoring_rows,
)
from sphinxcontrib_sop.core.model import Procedure, Status, Step

ENGLISH_CRITERIA = list(CRITERIA)
INDONESIAN_CRITERIA = [
    "Mampu mendorong peningkatan kinerja",
    "Mudah dipahami",
    "Mudah dilaksanakan",
    "Semua orang dapat menjalankan perannya masing-masing",
    "Mampu mengatasi permasalahan yang berkaitan dengan proses",
    "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
    "Sinergi satu dengan lainnya",
]
#: The SOPs in force of the secretariat, by number: 800/02, 800/03, 800/10.
SECRETARIAT = ["surat-masuk", "arsip", "surat-keluar"]
#: The forms of forms.rst, in order: (kind, SOP id).
FORMS = [
    ("monitoring", "surat-masuk"),
    ("evaluation", "surat-masuk"),
    *(("evaluation", sop_id) for sop_id in SECRETARIAT),
    *(("monitoring", sop_id) for sop_id in SECRETARIAT),
    ("monitoring", "arsip"),
    ("evaluation", "arsip"),
    ("monitoring", "arsip-lama"),
    ("evaluation", "penyusutan"),
]
TITLES = {
    "monitoring": "SOP AP IMPLEMENTATION MONITORING FORM",
    "evaluation": "SOP AP EVALUATION FORM",
}


# -- the plain data ------------------------------------------------------------------


def test_monitoring_rows_are_every_step_in_order_repeated_numbers_included():
    steps = tuple(
        Step(number, activity, ())
        for number, activity in [(1, "Menerima"), (2, "Memeriksa"), (2, "Kembar"), (3, "Akhir")]
    )
    rows = monitoring_rows(Procedure("p", "P", steps=steps))
    assert [(row.number, row.activity) for row in rows] == [
        ("1", "Menerima"),
        ("2", "Memeriksa"),
        ("2", "Kembar"),
        ("3", "Akhir"),
    ]


def test_a_units_forms_are_its_sops_in_force_by_number_on_the_pages_asked():
    def sop(sop_id: str, number: str, unit: str, status=Status.IN_FORCE, page="a"):
        return Procedure(sop_id, sop_id, number, unit_lines=(unit,), status=status, docname=page)

    procedures = [
        sop("ten", "800/10", "Umum"),
        sop("two", "800/2", "Umum"),
        sop("draft", "800/1", "Umum", Status.DRAFT),
        sop("old", "800/0", "Umum", Status.WITHDRAWN),
        sop("other", "800/3", "Keuangan"),
        sop("elsewhere", "800/4", "Umum", page="b"),
    ]
    query = FormQuery(FormKind.EVALUATION, units=("umum",))
    assert [p.id for p in form_procedures(procedures, query)] == ["two", "elsewhere", "ten"]
    on_a = FormQuery(FormKind.EVALUATION, units=("Umum",), pages=("a",))
    assert [p.id for p in form_procedures(procedures, on_a)] == ["two", "ten"]
    # Named by id, an SOP has its form whatever its status.
    by_id = FormQuery(FormKind.MONITORING, sop_id="old")
    assert [p.id for p in form_procedures(procedures, by_id)] == ["old"]


# -- HTML ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("forms"), "forms")


@pytest.fixture(scope="module")
def forms(built: SphinxTestApp) -> list:
    return html(built, "forms").select("div.sop-form")


def test_builds_without_warnings(built: SphinxTestApp):
    assert warnings(built) == []


def kind_of(form) -> str:
    return "monitoring" if "sop-form-monitoring" in form["class"] else "evaluation"


def test_each_directive_gives_the_forms_of_its_sops_in_order(built, forms):
    assert [(kind_of(form), text_of(form.select_one("td.sop-form-value"))) for form in forms] == [
        (kind, " ".join(procedure(built, sop_id).title.split())) for kind, sop_id in FORMS
    ]
    assert [form.select_one("p.sop-form-title").get_text() for form in forms] == [
        TITLES[kind] for kind, _ in FORMS
    ]


def test_a_form_names_its_sop_number_and_unit_and_period(built, forms):
    sop = procedure(built, "surat-masuk")
    header = forms[0].select_one("table.sop-form-header")
    assert [cell_texts(row) for row in header.select("tr")] == [
        ["SOP title", sop.title],
        ["SOP number", sop.number],
        ["Unit", "Sekretariat"],
        ["Period", "Januari -- Juni 2024"],
    ]
    # Without :period:, a blank cell to fill in.
    evaluation_header = forms[1].select_one("table.sop-form-header")
    assert cell_texts(evaluation_header.select("tr")[-1]) == ["Period", ""]
    # :periode: is :period: in Indonesian.
    assert cell_texts(forms[5].select("table.sop-form-header tr")[-1]) == ["Period", "Semester II"]


def test_the_monitoring_form_lists_every_step_of_its_sop_in_order(built, forms):
    sop = procedure(built, "surat-masuk")
    table = forms[0].select_one("table.sop-monitoring")
    assert cell_texts(table.select_one("thead tr")) == [
        "No",
        "Procedure",
        "Assessment of the implementation",
        "Notes on the assessment",
        "Action to be taken",
        "Assessor's initials",
    ]
    rows = [cell_texts(row) for row in table.select("tbody tr")]
    assert [row[:2] for row in rows] == [[str(s.number), s.activity] for s in sop.steps]
    assert len(rows) == 4
    for row, cells in zip(table.select("tbody tr"), rows, strict=True):
        assert cells[2] == "☐ Works well ☐ Does not work well"
        assert len(row.select(".sop-checkbox")) == 2
        assert cells[3:] == ["", "", ""]  # to be written in


def test_the_evaluation_form_asks_the_seven_criteria(forms):
    table = forms[1].select_one("table.sop-evaluation")
    assert cell_texts(table.select_one("thead tr")) == [
        "No",
        "Criterion",
        "Met",
        "Not met",
        "Remarks",
    ]
    rows = [cell_texts(row) for row in table.select("tbody tr")]
    assert rows == [
        [str(number), criterion, "☐", "☐", ""]
        for number, criterion in enumerate(ENGLISH_CRITERIA, 1)
    ]


def test_a_unit_gives_one_form_per_sop_in_force_of_it_by_number(built, forms):
    titles = [procedure(built, sop_id).title for sop_id in SECRETARIAT]
    for unit_forms in (forms[2:5], forms[5:8]):
        assert [text_of(form.select_one("td.sop-form-value")) for form in unit_forms] == titles


def test_a_form_of_an_sop_not_in_force_says_so(forms):
    withdrawn, draft = forms[-2], forms[-1]
    assert "sop-status-dicabut" in withdrawn["class"]
    assert withdrawn.select_one("p.sop-form-status").get_text() == (
        "Withdrawn: This SOP is no longer in force. It has been withdrawn."
    )
    assert draft.select_one("p.sop-form-status").get_text() == (
        "Draft: This SOP is a draft: it is not in force yet."
    )
    assert all(form.select_one("p.sop-form-status") is None for form in forms[:-2])


def test_the_assessor_signs_with_place_date_position_name_and_nip(forms):
    for form in forms:
        signature = form.select_one("div.sop-form-signature")
        assert [text_of(p) for p in signature.select("p")] == [
            "Place and date:",
            "Assessor,",
            "Position:",
            "Name:",
            "NIP.",
        ]
        assert len(signature.select("span.sop-fill-in")) == 4
        assert signature.select_one("div.sop-signature-space") is not None


def test_hostile_text_stays_text_in_html(built, forms):
    sop = procedure(built, "arsip")
    for form in forms[8:10]:
        assert form.find(["script", "b", "i"]) is None
        assert text_of(form.select_one("td.sop-form-value")) == " ".join(sop.title.split())
    monitoring = forms[8]
    assert cell_texts(monitoring.select_one("table.sop-monitoring tbody tr"))[1] == " ".join(
        sop.steps[0].activity.split()
    )
    assert cell_texts(monitoring.select("table.sop-form-header tr")[-1])[1] == (
        "<i>Q1</i> & 10% $z$ \\ {c} #3 ~^_"
    )


def test_labels_and_criteria_are_indonesian_with_language_id(tmp_path: Path):
    app = build_copy(tmp_path, "forms", language="id")
    form = html(app, "forms").select("div.sop-form")
    assert form[0].select_one("p.sop-form-title").get_text() == (
        "FORMULIR MONITORING PELAKSANAAN SOP AP"
    )
    assert cell_texts(form[0].select_one("table.sop-monitoring thead tr")) == [
        "No",
        "Prosedur",
        "Penilaian terhadap Penerapan",
        "Catatan Hasil Penilaian",
        "Tindakan yang Harus Diambil",
        "Paraf Penilai",
    ]
    assert cell_texts(form[0].select_one("table.sop-monitoring tbody tr"))[2] == (
        "☐ Berjalan dengan baik ☐ Tidak berjalan dengan baik"
    )
    evaluation = form[1]
    assert evaluation.select_one("p.sop-form-title").get_text() == "FORMULIR EVALUASI SOP AP"
    assert cell_texts(evaluation.select_one("table.sop-evaluation thead tr")) == [
        "No",
        "Kriteria",
        "Ya",
        "Tidak",
        "Catatan",
    ]
    criteria = [cell_texts(row)[1] for row in evaluation.select("table.sop-evaluation tbody tr")]
    assert criteria == INDONESIAN_CRITERIA
    assert [cell_texts(row)[0] for row in evaluation.select("table.sop-form-header tr")] == [
        "Nama SOP",
        "Nomor SOP",
        "Unit Kerja",
        "Periode",
    ]


# -- LaTeX and the PDF ----------------------------------------------------------------------

#: What LaTeX may write between a page break and a form's title without printing anything.
UNPRINTED = re.compile(
    r"\\begin\{sphinxuseclass\}\{[^{}]*\}|\\(?:begin|end)\{center\}|\\end\{sphinxuseclass\}"
    r"|\\begingroup\\renewcommand\{\\arraystretch\}\{[\d.]+\}|\\endgroup|\\sphinxAtStartPar"
    r"|\\(?:chapter|section)\{[^{}]*\}"
)


@pytest.fixture(scope="module")
def latex(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("forms-latex"), "forms", "latex")


def test_latex_starts_each_form_on_a_new_page(latex: SphinxTestApp):
    tex = (latex.outdir / "forms.tex").read_text(encoding="utf-8")
    appendix = tex[tex.index(r"\appendix") :]
    titles = [
        found.start()
        for found in re.finditer(r"\\sphinxstylestrong\{SOP AP [A-Z ]+ FORM\}", appendix)
    ]
    assert len(titles) == len(FORMS)
    for position in titles:
        # Headings just above a form (the chapter's, a section's) go to its page too.
        assert breaks_page_before(UNPRINTED.sub("", appendix[:position]) + "<form>", "<form>")


def test_latex_escapes_hostile_text_and_draws_the_boxes(latex: SphinxTestApp, built):
    tex = (latex.outdir / "forms.tex").read_text(encoding="utf-8")
    appendix = tex[tex.index(r"\appendix") :]
    sop = procedure(built, "arsip")
    assert escape(sop.title) in appendix
    assert escape(sop.steps[0].activity) in appendix
    assert escape("<i>Q1</i> & 10% $z$ \\ {c} #3 ~^_") in appendix
    assert "<script>" not in tex
    assert "$z$" not in tex
    # A box to tick is drawn, not a glyph pdflatex has no font for.
    assert "☐" not in tex
    assert appendix.count(r"\fbox{\rule{0pt}{1.6ex}\rule{1.6ex}{0pt}}") == (
        # Two per step of the monitoring forms, two per criterion of the evaluation forms.
        2
        * sum(len(procedure(built, sop_id).steps) for kind, sop_id in FORMS if kind == "monitoring")
        + 2 * len(CRITERIA) * sum(kind == "evaluation" for kind, _ in FORMS)
    )


def test_the_pdf_prints_each_form_on_its_pages_with_its_steps(latex: SphinxTestApp, built):
    pages = printed_pages(latex, "forms.tex")
    starts = [
        number
        for number, page in enumerate(pages)
        for title in TITLES.values()
        for _ in range(page.count(title))
    ]
    assert len(starts) == len(FORMS)
    assert len(set(starts)) == len(FORMS)  # never two forms on one page
    first = " ".join(pages[starts[0]].split())
    steps = [step.activity for step in procedure(built, "surat-masuk").steps]
    positions = [first.index(activity) for activity in steps]
    assert positions == sorted(positions)
    assert first.count("Works well") == len(steps)
    evaluation = " ".join(pages[starts[1]].split())
    assert all(criterion in evaluation for criterion in ENGLISH_CRITERIA)


# -- text ----------------------------------------------------------------------------------


def test_text_output_gives_the_forms_as_tables(tmp_path: Path, built):
    app = build_copy(tmp_path, "forms", "text")
    cells = grid_cells((app.outdir / "forms.txt").read_text(encoding="utf-8"))
    for step in procedure(built, "surat-masuk").steps:
        assert "".join(step.activity.split()) in cells
    assert cells.count("☐Workswell☐Doesnotworkwell") == sum(
        len(procedure(built, sop_id).steps) for kind, sop_id in FORMS if kind == "monitoring"
    )
    for criterion in ENGLISH_CRITERIA:
        assert "".join(criterion.split()) in cells


# -- warnings ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("forms-warnings"), "forms-warnings")


def test_mistakes_warn_at_their_line_with_what_to_fix(mistaken: SphinxTestApp):
    source = Path(mistaken.srcdir) / "index.rst"
    index = str(source)
    shown = [line for line in warnings(mistaken) if "[sop.table]" not in line]
    assert sorted(shown) == sorted(
        [
            f"{index}:{line_of(source, 'surat-masok')}: WARNING: sop-monitoring: unknown SOP id "
            "'surat-masok': did you mean 'surat-masuk'? use the :id: of an SOP in this handbook "
            "(no form is printed meanwhile) [sop.form]",
            f"{index}:{line_of(source, 'Bagian Umun') - 1}: WARNING: sop-evaluation :unit: "
            "'Bagian Umun' has no SOP in force in the handbook: did you mean 'Bagian Umum'? "
            "check the spelling (no form is printed for it meanwhile) [sop.form]",
            f"{index}:{line_of(source, '.. sop-evaluation::') + 3}: WARNING: sop-evaluation "
            "names no SOP: write the :id: of an SOP after the directive's name, or give :unit: "
            "for the forms of a unit's SOPs [sop.form]",
            f"{index}:{line_of(source, ':period: 2024') - 1}: WARNING: sop-monitoring: both "
            "an SOP id ('surat-masuk') and :unit: are given: write one of them (the SOP's form "
            "is printed, :unit: is left out meanwhile) [sop.option]",
            f"{index}:{line_of(source, ':periode:')}: WARNING: :periode: repeats :period: "
            "(the same field): keep one of them [sop.option]",
        ]
    )


def test_a_form_not_found_says_so_and_the_page_is_whole(mistaken: SphinxTestApp):
    views = html(mistaken).select("div.sop-forms")
    assert len(views) == 5
    first, unknown, unit, nothing, both = views
    assert len(first.select("div.sop-form")) == 1
    for view in (unknown, unit):
        assert view.select("div.sop-form") == []
        assert text_of(view.select_one("p.sop-form-empty")) == "No SOP matches this form."
    assert text_of(nothing) == ""
    assert [
        text_of(form.select_one("td.sop-form-value")) for form in both.select("div.sop-form")
    ] == ["Penerimaan Surat"]
    assert cell_texts(both.select("table.sop-form-header tr")[-1]) == ["Period", "2024"]


def test_every_row_of_the_sop_is_on_its_monitoring_form_repeated_numbers_too(mistaken):
    rows = html(mistaken).select_one("div.sop-form table.sop-monitoring").select("tbody tr")
    assert [cell_texts(row)[:2] for row in rows] == [
        ["1", "Menerima surat"],
        ["2", "Memeriksa surat"],
        ["3", "Mengembalikan surat"],
        ["2", "Langkah kembar"],
        ["4", "Mengarsipkan surat"],
    ]


# -- incremental builds -------------------------------------------------------------------


def test_a_form_follows_its_sop_edited_on_another_page_without_a_full_rebuild(
    make_app, tmp_path: Path
):
    project = EditedProject(make_app, tmp_path, "forms")
    project.build()

    def monitored_steps(app: SphinxTestApp) -> list[list[str]]:
        form = html(app, "forms").select_one("div.sop-form-monitoring")
        return [cell_texts(row)[:2] for row in form.select("table.sop-monitoring tbody tr")]

    project.edit(
        "general.rst",
        "3   Mencatat surat di buku agenda   Staf TU",
        "3   Mencatat surat di buku induk    Staf TU",
    )
    assert ["3", "Mencatat surat di buku induk"] in project.rebuild(monitored_steps)

    def secretariat(app: SphinxTestApp) -> list[str]:
        views = html(app, "forms").select("div.sop-forms")
        return [
            text_of(form.select_one("td.sop-form-value"))
            for form in views[2].select("div.sop-form")
        ]

    project.edit(
        "general.rst",
        ":number: 800/10/SOP/2024\n   :unit: Sekretariat",
        ":number: 800/10/SOP/2024\n   :unit: Bagian Keuangan",
    )
    assert "Pengiriman Surat Keluar" not in project.rebuild(secretariat)
