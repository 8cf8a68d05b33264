"""The registry (``sop-registry``): what it lists, its columns, filters, CSV, every builder."""

from __future__ import annotations

import csv
import datetime
import io
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build_copy, cell_texts, html, line_of, text_of, warnings
from sphinxcontrib_sop.core.model import DateField, Procedure, Status
from sphinxcontrib_sop.core.registry import RegistryQuery, RegistrySort, grouped_by_unit, select

IN_FORCE_AND_DRAFTS = ["surat-masuk", "surat-keluar", "anggaran", "zakat"]
ENGLISH_HEADINGS = [
    "SOP number",
    "SOP title",
    "Unit",
    "Effective date",
    "Date revised",
    "Status",
    "Number of steps",
    "Total time",
]


#: The day the test handbook is built on, for its review dates: 1 July 2024.
BUILD_DAY = str(int(datetime.datetime(2024, 7, 1, tzinfo=datetime.timezone.utc).timestamp()))


@pytest.fixture(autouse=True, scope="module")
def build_day() -> Iterator[None]:
    """Every build of this module runs on :data:`BUILD_DAY` (``SOURCE_DATE_EPOCH``)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        yield


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("registry"), "registry")


@pytest.fixture(scope="module")
def registries(built: SphinxTestApp) -> list[BeautifulSoup]:
    return html(built).select("div.sop-registry-view")


def row_ids(registry) -> list[str]:
    return [row["data-sop-id"] for row in registry.select("table.sop-registry tr[data-sop-id]")]


def registry_csv(registry) -> list[list[str]]:
    href = registry.select_one("a.sop-registry-csv")["href"]
    prefix = "data:text/csv;charset=utf-8,"
    assert href.startswith(prefix)
    return list(csv.reader(io.StringIO(unquote(href[len(prefix) :]), newline="")))


def test_builds_without_warnings(built: SphinxTestApp) -> None:
    assert warnings(built) == []


def test_default_registry_lists_sops_in_force_and_drafts_by_number(registries) -> None:
    default = registries[0]
    # Natural order of numbers: 800/02 before 800/10; withdrawn and superseded left out.
    assert row_ids(default) == IN_FORCE_AND_DRAFTS
    assert cell_texts(default.select_one("thead tr")) == ENGLISH_HEADINGS


def test_a_row_holds_the_sops_fields_and_links_to_its_page(built, registries) -> None:
    row = registries[0].select_one('tr[data-sop-id="surat-masuk"]')
    number = row.select_one("td.sop-registry-number")
    # The number may break after each slash, and reads as written.
    assert number.get_text(strip=True) == "800/02/SOP/2024"
    assert len(number.find_all("wbr")) == 3
    assert cell_texts(row)[1:] == [
        "Penerimaan Surat Masuk",
        "Bagian Umum",
        "1 February 2024",
        "10 June 2024",
        "In force",
        "2",
        "15 minutes",  # 5 and 10 minutes
    ]
    link = row.select_one("td.sop-registry-name a")
    page, anchor = link["href"].split("#")
    assert page == "general.html"
    assert "sop" in html(built, "general").find(id=anchor)["class"]
    status = row.select_one(".sop-status")
    assert status["class"] == ["sop-status", "sop-status-berlaku"]
    draft = registries[0].select_one('tr[data-sop-id="surat-keluar"] .sop-status')
    assert draft["class"] == ["sop-status", "sop-status-draft"]
    assert draft.get_text() == "Draft"


def test_a_total_time_that_misses_a_step_says_so(registries) -> None:
    time = registries[0].select_one('tr[data-sop-id="anggaran"] td.sop-registry-time')
    assert time.select_one(".sop-total-time-note") is not None
    assert text_of(time) == "2 working days (at least: “segera” in step 2 not read)"


def test_unit_filter_ignores_case_and_spacing_and_sort_by_name(registries) -> None:
    finance = registries[1]
    assert "finance" in finance["class"]
    assert row_ids(finance) == ["anggaran", "zakat"]  # Anggaran Kas, Zakat Pegawai


def test_group_by_unit_with_every_status(registries) -> None:
    grouped = registries[2]
    groups = grouped.select("div.sop-registry-group")
    assert [text_of(group.select_one(".rubric")) for group in groups] == [
        "Bagian Keuangan",
        "Bagian Umum",
    ]
    assert [row_ids(group) for group in groups] == [
        ["kas-lama", "anggaran", "zakat"],
        ["arsip-lama", "surat-masuk", "surat-keluar"],
    ]
    assert cell_texts(groups[0].select_one("thead tr")) == ["SOP number", "SOP title", "Status"]
    assert [text_of(cell) for cell in groups[0].select(".sop-status")] == [
        "Withdrawn",
        "In force",
        "In force",
    ]


def test_status_filter_takes_english_and_indonesian_words(registries) -> None:
    assert row_ids(registries[3]) == ["arsip-lama", "kas-lama"]


def test_review_due_lists_sops_in_force_past_their_review_date(registries) -> None:
    # Revised or in force more than 12 months before 1 July 2024: zakat (Januari 2023)
    # and anggaran (May 2022); surat-masuk was revised in June 2024, kas-lama is withdrawn.
    due = registries[5]
    assert row_ids(due) == ["anggaran", "zakat"]
    assert [text_of(cell) for cell in due.select("td.sop-registry-status")] == [
        "In force Review due",
        "In force Review due",
    ]
    default = registries[0]
    assert default.select_one('tr[data-sop-id="zakat"] .sop-review-due') is not None
    assert default.select_one('tr[data-sop-id="surat-masuk"] .sop-review-due') is None


def test_actor_filter_ignores_case_and_keeps_retired_sops_out(registries) -> None:
    # Bendahara in zakat, BENDAHARA in anggaran; kas-lama is withdrawn.
    assert row_ids(registries[4]) == ["anggaran", "zakat"]


def test_csv_holds_the_rows_and_defuses_formulas(registries) -> None:
    rows = registry_csv(registries[0])
    assert rows[0] == ENGLISH_HEADINGS
    assert [row[1] for row in rows[1:]] == [
        "Penerimaan Surat Masuk",
        "Pengiriman Surat Keluar <b>&amp;</b>",
        "Anggaran Kas",
        "Zakat Pegawai",
    ]
    # A number a spreadsheet would run as a formula is written as text.
    assert rows[4][0] == '\'=HYPERLINK("http://x") 900/05'


def test_hostile_title_stays_text(registries) -> None:
    name = registries[0].select_one('tr[data-sop-id="surat-keluar"] td.sop-registry-name')
    assert name.find("b") is None
    assert text_of(name) == "Pengiriman Surat Keluar <b>&amp;</b>"


def test_the_filter_script_is_linked_from_registry_pages_only(built) -> None:
    scripts = [script.get("src", "") for script in html(built).find_all("script")]
    assert any(src.startswith("_static/sop-registry.js?v=") for src in scripts), scripts
    general = [script.get("src", "") for script in html(built, "general").find_all("script")]
    assert not any("sop-registry.js" in src for src in general)
    assert (built.outdir / "_static" / "sop-registry.js").is_file()


def test_the_stylesheet_is_linked_with_its_checksum_from_the_first_build(built) -> None:
    links = [link["href"] for link in html(built).find_all("link", rel="stylesheet")]
    assert any(re.fullmatch(r"_static/sphinxcontrib-sop\.css\?v=[0-9a-f]+", href) for href in links)


def test_latex_prints_ruled_registry_tables(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "registry", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    registry = tex[tex.index("The registry of SOPs") : tex.index("Only the finance unit")]
    assert r"\sphinxstyletheadfamily" in registry
    assert "Penerimaan Surat Masuk" in registry
    assert r"\textless{}b\textgreater{}\&amp;\textless{}/b\textgreater{}" in registry
    assert "Kas Lama" not in registry
    # A long table (it runs over pages), every cell ruled as on the official sheets.
    assert re.search(r"\\begin\{longtable\}.*\{\|\\X\{17\}\{\d+\}\|\\X", registry)
    # In small type, as the steps table.
    assert registry.index(r"\footnotesize") < registry.index(r"\begin{longtable}")
    assert registry.count(r"\sphinxhline") == len(IN_FORCE_AND_DRAFTS) - 1


def test_text_builder_writes_the_registry_as_a_table(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "registry", "text")
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Penerimaan Surat Masuk" in text
    assert re.search(r"\|\s*800/02/SOP/2024\s*\|", text)
    assert "Bagian Keuangan" in text


# -- bad options -----------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="registry-options")
def test_bad_options_warn_at_their_line_with_the_closest_value(app) -> None:
    app.build()
    index = app.srcdir / "index.rst"
    found = "\n".join(warnings(app))
    expected = [
        (":columns: 'stat'", "did you mean 'status'?", ":columns: number, stat"),
        (":status: 'berlak'", "did you mean 'berlaku'?", ":status: berlak"),
        (":sort: 'efective'", "did you mean 'effective'?", ":sort: efective"),
        (":group-by: 'actor'", "write one of 'unit', 'unit-kerja'", ":group-by: actor"),
    ]
    for quoted, hint, source in expected:
        line = line_of(index, source)
        assert re.search(
            rf"index\.rst:{line}: WARNING: {re.escape(quoted)}.*{re.escape(hint)}", found
        )
    for option, name in (("unit", "Bagian Umun"), ("actor", "Bendahari")):
        directive = line_of(index, f":{option}: {name}") - 1
        assert re.search(
            rf"index\.rst:{directive}: WARNING: sop-registry :{option}: '{name}' is not the "
            rf"{option} of any SOP in the handbook",
            found,
        ), found
    # What could be read still applies: the known column is shown.
    first = html(app).select("div.sop-registry-view")[0]
    assert cell_texts(first.select_one("thead tr")) == ["SOP number"]
    empty = html(app).select("div.sop-registry-view")[-1]
    assert text_of(empty) == "No SOP matches this registry."


# -- incremental and parallel builds ---------------------------------------------------


def handbook_views(outdir: Path) -> dict[str, list[str]]:
    """The registries and maps of every page, as HTML."""
    views = {}
    for path in sorted(outdir.glob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found = page.select("div.sop-registry-view, figure.sop-map")
        if found:
            views[path.stem] = [str(view) for view in found]
    return views


def build(source: Path, out: Path, **kwargs: object) -> SphinxTestApp:
    """``source`` built into ``out`` (incrementally when built there before)."""
    app = SphinxTestApp(
        "html", srcdir=source, builddir=out, status=io.StringIO(), warning=io.StringIO(), **kwargs
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


EDITS = {
    "retitle": ("general.rst", "Penerimaan Surat Masuk", "Penerimaan Surat Resmi"),
    "withdraw": ("finance.rst", ":id: zakat\n", ":id: zakat\n   :status: withdrawn\n"),
    "new unit": (
        "general.rst",
        ":unit: Bagian Umum\n   :effective: 2024-03-01",
        ":unit: Bagian Protokol\n   :effective: 2024-03-01",
    ),
    # Only a step's time: the total time in the registries changes.
    "step time": (
        "general.rst",
        "Mencatat surat                  Staf  TU       10 menit",
        "Mencatat surat                  Staf  TU       40 menit",
    ),
    "new step": (
        "general.rst",
        "   2   Mencatat surat                  Staf  TU       10 menit\n",
        "   2   Mencatat surat                  Staf  TU       10 menit\n"
        "   3   Menyimpan surat                 Staf TU        5 menit\n",
    ),
}


@pytest.mark.parametrize("edit", [*EDITS, "delete page"])
def test_incremental_builds_equal_a_clean_build(tmp_path: Path, edit: str) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-registry", source)
    original = handbook_views(build(source, tmp_path / "incremental").outdir)
    if edit == "delete page":
        (source / "finance.rst").unlink()
        index = source / "index.rst"
        index.write_text(index.read_text(encoding="utf-8").replace("   finance\n", ""), "utf-8")
    else:
        name, old, new = EDITS[edit]
        path = source / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    incremental = handbook_views(build(source, tmp_path / "incremental").outdir)
    clean = handbook_views(build(source, tmp_path / "clean").outdir)
    assert incremental == clean
    assert clean != original


def test_editing_a_steps_text_rewrites_no_registry_or_map(tmp_path: Path) -> None:
    """Registries and maps show no step's text: editing one does not write their pages."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-registry", source)
    outdir = build(source, tmp_path / "out").outdir
    written = {path.name: path.stat().st_mtime_ns for path in outdir.glob("*.html")}
    path = source / "general.rst"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Menerima surat    ", "Menerima berkas   "), "utf-8")
    time.sleep(0.01)
    build(source, tmp_path / "out")
    rewritten = {
        path.name for path in outdir.glob("*.html") if path.stat().st_mtime_ns != written[path.name]
    }
    # The page of the maps is not written; index.html, the page of the toctree holding
    # the edited page, is written by Sphinx itself, and so are its index pages.
    assert rewritten == {
        "general.html",
        "index.html",
        "genindex.html",
        "search.html",
        "sop-actors.html",
    }
    assert "Menerima berkas" in (outdir / "general.html").read_text(encoding="utf-8")


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-registry", source)
    serial = build(source, tmp_path / "serial", parallel=1)
    parallel = build(source, tmp_path / "parallel", parallel=2)
    assert handbook_views(parallel.outdir) == handbook_views(serial.outdir)
    assert handbook_views(serial.outdir)


# -- in the browser ----------------------------------------------------------------


def visible_rows(page, registry: int) -> list[str]:
    return page.eval_on_selector_all(
        f".sop-registry-view >> nth={registry} >> tr[data-sop-id]",
        "rows => rows.filter(row => row.offsetParent !== null).map(row => row.dataset.sopId)",
    )


def test_typing_in_the_filter_box_narrows_the_rows_and_the_csv(browser, built) -> None:
    page = browser.new_page()
    page.goto((built.outdir / "index.html").as_uri())
    first = page.locator(".sop-registry-view").nth(0)
    box = first.locator("input.sop-registry-filter")
    assert box.is_visible()  # shown once the script runs
    box.fill("surat  MASUK")
    assert visible_rows(page, 0) == ["surat-masuk"]
    first.locator("a.sop-registry-csv").click()
    href = first.locator("a.sop-registry-csv").get_attribute("href")
    rows = list(csv.reader(io.StringIO(unquote(href.split(",", 1)[1]), newline="")))
    assert [row[1] for row in rows] == ["SOP title", "Penerimaan Surat Masuk"]
    box.fill("")
    assert visible_rows(page, 0) == IN_FORCE_AND_DRAFTS
    # A unit group with no row left is hidden with its heading.
    grouped = page.locator(".sop-registry-view").nth(2)
    grouped.locator("input.sop-registry-filter").fill("kas")
    groups = grouped.locator(".sop-registry-group")
    assert [groups.nth(i).is_visible() for i in range(2)] == [True, False]
    assert visible_rows(page, 2) == ["kas-lama", "anggaran"]
    page.close()


# -- what a query selects, as plain data ---------------------------------------------


def sop(sop_id: str, **fields: object) -> Procedure:
    return Procedure(id=sop_id, title=fields.pop("title", sop_id.title()), **fields)


def test_numbers_sort_as_people_count_and_missing_values_last() -> None:
    procedures = [
        sop("c", number="SOP 10"),
        sop("a", number="SOP 2"),
        sop("none"),
        sop("b", number="sop 2", title="Beta"),
    ]
    assert [p.id for p in select(procedures, RegistryQuery(), lambda p: False)] == [
        "a",
        "b",
        "c",
        "none",
    ]
    dated = [
        sop("late", effective=DateField("2024", datetime.date(2024, 1, 1))),
        sop("undated"),
        sop("early", effective=DateField("2020", datetime.date(2020, 1, 1))),
    ]
    query = RegistryQuery(sort=RegistrySort.EFFECTIVE)
    assert [p.id for p in select(dated, query, lambda p: False)] == ["early", "late", "undated"]


def test_review_due_selects_through_the_check_given() -> None:
    procedures = [sop("old"), sop("new"), sop("gone", status=Status.WITHDRAWN)]
    query = RegistryQuery(review_due=True)
    due = {"old", "gone"}
    assert [p.id for p in select(procedures, query, lambda p: p.id in due)] == ["gone", "old"]
    both = RegistryQuery(review_due=True, statuses=frozenset({Status.IN_FORCE}))
    chosen = select(procedures, both, lambda p: p.id in due)
    assert [p.id for p in chosen] == ["gone", "new", "old"]


def test_pages_select_by_docname_pattern() -> None:
    procedures = [sop("a", docname="handbook/a"), sop("b", docname="guide/b")]
    query = RegistryQuery(pages=("handbook/*",))
    assert [p.id for p in select(procedures, query, lambda p: False)] == ["a"]


def test_units_group_alphabetically_with_no_unit_last() -> None:
    procedures = [
        sop("x"),
        sop("b", unit_lines=("Bagian Umum",)),
        sop("a", unit_lines=("Bagian Keuangan",)),
    ]
    assert [unit for unit, _ in grouped_by_unit(procedures)] == [
        "Bagian Keuangan",
        "Bagian Umum",
        "",
    ]


def test_a_new_day_rewrites_the_registries_whose_review_dates_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-registry", source)
    before = BeautifulSoup(
        (build(source, tmp_path / "out").outdir / "index.html").read_text("utf-8"), "html.parser"
    )
    assert row_ids(before.select("div.sop-registry-view")[5]) == ["anggaran", "zakat"]
    # A year later, nothing edited: surat-masuk (revised June 2024) is due too.
    year_later = datetime.datetime(2025, 7, 1, tzinfo=datetime.timezone.utc).timestamp()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(year_later)))
    after = BeautifulSoup(
        (build(source, tmp_path / "out").outdir / "index.html").read_text("utf-8"), "html.parser"
    )
    assert row_ids(after.select("div.sop-registry-view")[5]) == ["surat-masuk", "anggaran", "zakat"]
