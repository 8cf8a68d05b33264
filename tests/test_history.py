"""The history of each SOP through a site's editions, what changed since the previous one,
and an edition's list of changes: built from a temporary git repository with two tagged
editions and a working one, whose older editions are read from git and cached by commit."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from git_handbook import git
from sphinx.testing.util import SphinxTestApp

from conftest import cell_texts, html, text_of, warnings
from sphinxcontrib_sop.core.editions import Edition, Site
from sphinxcontrib_sop.history import old_editions

HEADER = ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Alur", "Keterangan")
#: A text an SOP may hold that would break HTML, LaTeX or the text output's marks.
HOSTILE = r'<script>alert("x")</script> \end{document} [-x-] {+y+} & 100% $'

#: The outgoing-mail SOP in edisi-2023: four steps.
MAIL_2023 = [
    ("1", "Menyusun konsep surat", "Pelaksana", "Disposisi", "1 jam", "Konsep surat", "", ""),
    ("2", "Memeriksa konsep surat", "Kepala Unit", "Konsep surat", "30 menit", "Konsep berparaf",
     "Ya: 3, Tidak: 1", "Tidak: konsep dikembalikan"),
    ("3", "Menandatangani surat", "Kasubbag Umum", "Konsep berparaf", "30 menit",
     "Surat ditandatangani", "", ""),
    ("4", "Mengirimkan surat", "Pengadministrasi", "Sampul surat", "1 hari", "Surat terkirim",
     "Selesai", ""),
]  # fmt: skip
#: In edisi-2024 step 3 needs another requirement.
MAIL_2024 = [*MAIL_2023[:2], (*MAIL_2023[2][:3], "Konsep berparaf, cap dinas", *MAIL_2023[2][4:]),
             MAIL_2023[3]]  # fmt: skip
#: In the working edition a step is added as step 2; step 3 becomes 4 and changes time and actor.
MAIL_NOW = [
    MAIL_2023[0],
    ("2", "Memeriksa kelengkapan lampiran", "Pelaksana", "Lampiran", "15 menit",
     "Lampiran lengkap", "", ""),
    ("3", *MAIL_2023[1][1:6], "Ya: 4, Tidak: 1", MAIL_2023[1][7]),
    ("4", "Menandatangani surat", "Sekretaris", "Konsep berparaf, cap dinas", "1 jam",
     "Surat ditandatangani", "", ""),
    ("5", *MAIL_2023[3][1:]),
]  # fmt: skip
SHORT = [
    ("1", "Menerima berkas", "Petugas", "", "5 menit", "", "", ""),
    ("2", "Mencatat berkas", "Petugas", "", "5 menit", "", "Selesai", ""),
]


def sop(title: str, sop_id: str, rows, **options: str) -> str:
    """A page holding one SOP, its step table a list-table."""
    written = "".join(f"   :{name}: {value}\n" for name, value in options.items())
    table = "".join(
        "      * - " + "\n        - ".join(cells).replace("- \n", "-\n") + "\n"
        for cells in [HEADER, *rows]
    )
    heading = "=" * len(title)
    return (
        f"{title}\n{heading}\n\n.. sop:: {title}\n   :id: {sop_id}\n{written}\n"
        f"   .. list-table::\n      :header-rows: 1\n\n{table}"
    )


CONF = 'extensions = ["sphinxcontrib_sop"]\nlanguage = "id"\nexclude_patterns = ["_build"]\n'
INDEX = """\
Buku SOP
========

.. toctree::
   :glob:

   sop/*
   perubahan
"""
CHANGES = "Perubahan\n=========\n\n.. sop-changes::\n"

EDITION_2023 = {
    "sop/surat-keluar.rst": sop(
        "Pengelolaan Surat Keluar", "surat-keluar", MAIL_2023,
        number="800/02/SOP/2023", revised="2023-01-10", **{"approver-name": "Dr. Rahmat"},
    ),
    "sop/surat-masuk.rst": sop("Penerimaan Surat Masuk", "surat-masuk", SHORT, number="800/01"),
    "sop/arsip.rst": sop("Pengarsipan", "arsip", SHORT, number="800/05"),
    "sop/ekspedisi.rst": sop("Ekspedisi Surat", "ekspedisi", SHORT, number="800/06"),
}  # fmt: skip
EDITION_2024 = {
    **EDITION_2023,
    "sop/surat-keluar.rst": sop(
        "Pengelolaan Surat Keluar", "surat-keluar", MAIL_2024,
        number="800/02/SOP/2023", revised="2024-02-05", **{"approver-name": "Dr. Rahmat"},
        **{"change-note": "Cap dinas diperlukan untuk penandatanganan"},
    ),
    "sop/hostile.rst": sop(
        "Hostile", "hostile", [(*SHORT[0][:7], "Biasa"), SHORT[1]], number="800/09"
    ),
}  # fmt: skip
WORKING = {
    **{name: text for name, text in EDITION_2024.items() if name != "sop/ekspedisi.rst"},
    "sop/surat-keluar.rst": sop(
        "Pengelolaan Surat Keluar", "surat-keluar", MAIL_NOW,
        number="800/02/SOP/2023", revised="2025-03-10", **{"approver-name": "Dr. Rahmat"},
        **{"catatan-perubahan": "Langkah 2 *ditambahkan*; penandatanganan oleh Sekretaris"},
    ),
    "sop/surat-masuk.rst": sop(
        "Penerimaan Surat Masuk", "surat-masuk", SHORT, number="800/01",
        status="diganti", **{"superseded-by": "surat-masuk-elektronik"},
    ),
    "sop/surat-masuk-elektronik.rst": sop(
        "Penerimaan Surat Masuk Elektronik", "surat-masuk-elektronik", SHORT, number="800/07"
    ),
    "sop/arsip.rst": sop("Pengarsipan", "arsip", SHORT, number="800/05", status="dicabut"),
    "sop/hostile.rst": sop(
        "Hostile", "hostile",
        [(*SHORT[0][:7], HOSTILE.replace("\\", "\\\\")), SHORT[1]],
        number="800/09", **{"change-note": HOSTILE.replace("\\", "\\\\")},
    ),
}  # fmt: skip


def write_edition(repository: Path, files: dict[str, str]) -> None:
    docs = repository / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    (docs / "sop").mkdir(parents=True)
    for name, text in {"conf.py": CONF, "index.rst": INDEX, "perubahan.rst": CHANGES}.items():
        (docs / name).write_text(text, encoding="utf-8")
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    git(repository, "add", "--all")


class Repository:
    """A handbook in git: edisi-2023 and edisi-2024 tagged, the working edition on top."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "buku"
        self.path.mkdir()
        git(self.path, "init", "--quiet", "--initial-branch=main")
        self.commits: dict[str, str] = {}
        for name, files in (("edisi-2023", EDITION_2023), ("edisi-2024", EDITION_2024)):
            write_edition(self.path, files)
            git(self.path, "commit", "--quiet", "-m", name)
            git(self.path, "tag", name)
            self.commits[name] = git(self.path, "rev-parse", "HEAD")
        write_edition(self.path, WORKING)
        git(self.path, "commit", "--quiet", "-m", "working")
        self.commits["terbaru"] = git(self.path, "rev-parse", "HEAD")
        self.cache = folder / "cache"

    def site(self, current: str, extra: tuple[Edition, ...] = ()) -> Site:
        editions = (
            Edition("terbaru", "main", self.commits["terbaru"], working=True),
            Edition("edisi-2024", "edisi-2024", self.commits["edisi-2024"], datetime.date(2024, 2, 5)),
            Edition("edisi-2023", "edisi-2023", self.commits["edisi-2023"], datetime.date(2023, 1, 10)),
            *extra,
        )  # fmt: skip
        return Site(editions, current)

    def build(
        self,
        builder: str,
        folder: Path,
        current: str = "terbaru",
        source: Path | None = None,
        site: Site | None = None,
        cache: Path | None = None,
    ) -> SphinxTestApp:
        """An edition built with ``builder`` into ``folder``, as ``sphinx-sop-site`` builds it."""
        versions = folder / "versions.json"
        folder.mkdir(parents=True, exist_ok=True)
        versions.write_text((site or self.site(current)).to_json(), encoding="utf-8")
        return built(
            builder,
            source or self.path / "docs",
            folder,
            sop_site=str(versions),
            sop_edition=current,
            sop_history_cache=str(cache or self.cache),
        )


def built(builder: str, source: Path, folder: Path, **overrides: object) -> SphinxTestApp:
    app = SphinxTestApp(
        builder,
        srcdir=source,
        builddir=folder / "build",
        confoverrides=overrides,
        status=StringIO(),
        warning=StringIO(),
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return Repository(tmp_path_factory.mktemp("history"))


@pytest.fixture(scope="module")
def site_html(repository: Repository, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return repository.build("html", tmp_path_factory.mktemp("html"))


def plain(element) -> str:
    """The text of an element, as written: marked words run into their neighbours."""
    return " ".join(element.get_text().split())


def history_rows(page: BeautifulSoup, sop_id: str) -> list[list[str]]:
    table = page.select_one(f"#sop-{sop_id}-history table.sop-history-table")
    return [[plain(cell) for cell in row.find_all("td")] for row in table.select("tbody tr")]


def test_the_site_builds_without_warnings(site_html: SphinxTestApp) -> None:
    assert warnings(site_html) == []


def test_each_edition_with_the_sop_has_a_row_newest_first(site_html: SphinxTestApp) -> None:
    page = html(site_html, "sop/surat-keluar")
    assert text_of(page.select_one("#sop-surat-keluar-history p.rubric")) == "Riwayat Perubahan"
    head = page.select_one("#sop-surat-keluar-history table thead tr")
    assert cell_texts(head) == [
        "Edisi", "Nomor SOP", "Tgl. Revisi", "Tgl. Efektif", "Disahkan oleh",
        "Catatan Perubahan", "Perubahan",
    ]  # fmt: skip
    assert history_rows(page, "surat-keluar") == [
        ["terbaru", "800/02/SOP/2023", "10 Maret 2025", "—", "Dr. Rahmat",
         "Langkah 2 ditambahkan; penandatanganan oleh Sekretaris",
         "1 langkah ditambah, 1 diubah, 2 dinomori ulang; tanggal revisi diubah"],
        ["edisi-2024", "800/02/SOP/2023", "5 Februari 2024", "—", "Dr. Rahmat",
         "Cap dinas diperlukan untuk penandatanganan", "1 langkah diubah; tanggal revisi diubah"],
        # The oldest edition: what came before it is not known.
        ["edisi-2023", "800/02/SOP/2023", "10 Januari 2023", "—", "Dr. Rahmat", "—", "—"],
    ]  # fmt: skip
    # The note of this edition keeps its markup.
    assert page.select_one("#sop-surat-keluar-history td.sop-history-note em").text == "ditambahkan"
    current = page.select_one("#sop-surat-keluar-history tbody tr")
    assert "sop-history-current" in current["class"]
    # A long number may break after its slashes, as in the registry.
    assert len(current.select("td.sop-history-number wbr")) == 3


def test_an_older_editions_row_links_its_page_of_the_sop(site_html: SphinxTestApp) -> None:
    page = html(site_html, "sop/surat-keluar")
    links = [
        (link.text, link["href"])
        for link in page.select("#sop-surat-keluar-history td.sop-history-edition a")
    ]
    assert links == [
        ("edisi-2024", "../../edisi-2024/sop/surat-keluar.html#sop-surat-keluar"),
        ("edisi-2023", "../../edisi-2023/sop/surat-keluar.html#sop-surat-keluar"),
    ]


def test_an_sop_new_in_an_edition_says_so(site_html: SphinxTestApp) -> None:
    assert history_rows(html(site_html, "sop/hostile"), "hostile")[1][-1] == "SOP baru"
    rows = history_rows(html(site_html, "sop/surat-masuk-elektronik"), "surat-masuk-elektronik")
    assert [(row[0], row[-1]) for row in rows] == [("terbaru", "SOP baru")]


def diff_steps(page: BeautifulSoup, sop_id: str) -> list[tuple[list[str], list[str]]]:
    """Each step change of an SOP's diff: its classes and the text of each line."""
    return [
        (item["class"], [plain(line) for line in item.find_all("p")])
        for item in page.select(f"#sop-{sop_id}-diff ul.sop-diff-steps > li")
    ]


def test_the_diff_shows_steps_added_renumbered_and_changed(site_html: SphinxTestApp) -> None:
    page = html(site_html, "sop/surat-keluar")
    diff = page.select_one("div.sop-diff#sop-surat-keluar-diff")
    assert text_of(diff.select_one("p.rubric")) == "Perubahan sejak edisi edisi-2024"
    assert diff_steps(page, "surat-keluar") == [
        (["sop-diff-step", "sop-diff-added"], [
            "Langkah 2 ditambah: Memeriksa kelengkapan lampiran", "Pelaksana: Pelaksana",
            "Kelengkapan: Lampiran", "Waktu: 15 menit", "Output: Lampiran lengkap",
        ]),
        (["sop-diff-step", "sop-diff-moved"], ["Langkah 2 menjadi 3: Memeriksa konsep surat"]),
        (["sop-diff-step", "sop-diff-changed"], [
            "Langkah 3 menjadi 4: Menandatangani surat",
            "Pelaksana: Kasubbag UmumSekretaris", "Waktu: 30 menit1 jam",
        ]),
        (["sop-diff-step", "sop-diff-moved"], ["Langkah 4 menjadi 5: Mengirimkan surat"]),
    ]  # fmt: skip
    changed = diff.select("li.sop-diff-changed p")[2]
    assert [(mark.name, mark.text) for mark in changed.select("del, ins")] == [
        ("del", "30 menit"),
        ("ins", "1 jam"),
    ]
    assert [plain(item) for item in diff.select("ul.sop-diff-identity > li")] == [
        "Tgl. Revisi: 5 Februari 202410 Maret 2025"
    ]
    added = diff.select_one("li.sop-diff-added")
    assert {mark.name for mark in added.select("del, ins")} == {"ins"}


def test_an_sop_unchanged_since_the_previous_edition_has_no_diff(site_html: SphinxTestApp) -> None:
    page = html(site_html, "sop/surat-masuk-elektronik")
    assert page.select("div.sop-diff") == []


def test_hostile_text_is_escaped_in_the_history_and_the_diff(site_html: SphinxTestApp) -> None:
    source = (site_html.outdir / "sop" / "hostile.html").read_text(encoding="utf-8")
    assert "<script>alert" not in source
    page = html(site_html, "sop/hostile")
    assert history_rows(page, "hostile")[0][5] == HOSTILE
    (change,) = diff_steps(page, "hostile")
    assert change[1][1] == f"Keterangan: Biasa{HOSTILE}"
    marked = page.select_one("#sop-hostile-diff li.sop-diff-changed p + p")
    assert [(mark.name, mark.text) for mark in marked.select("del, ins")] == [
        ("del", "Biasa"),
        ("ins", HOSTILE),
    ]


def changes(page: BeautifulSoup) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Each group of the list of changes: its heading and each SOP's text, link and summary."""
    view = page.select_one("div.sop-changes")
    found = []
    for heading in view.select("p.rubric"):
        listing = heading.find_next_sibling("ul")
        items = [
            (text_of(item.a) if item.a else text_of(item), item.a["href"] if item.a else "",
             text_of(item))
            for item in listing.select("li")
        ]  # fmt: skip
        found.append((text_of(heading), items))
    return found


def test_the_list_of_changes_links_each_sop_to_its_diff(site_html: SphinxTestApp) -> None:
    assert changes(html(site_html, "perubahan")) == [
        ("SOP Baru", [
            ("800/07 Penerimaan Surat Masuk Elektronik",
             "sop/surat-masuk-elektronik.html#sop-surat-masuk-elektronik",
             "800/07 Penerimaan Surat Masuk Elektronik"),
        ]),
        ("SOP yang Dicabut", [
            ("800/05 Pengarsipan", "sop/arsip.html#sop-arsip-diff",
             "800/05 Pengarsipan — status diubah"),
        ]),
        ("SOP yang Diganti", [
            ("800/01 Penerimaan Surat Masuk", "sop/surat-masuk.html#sop-surat-masuk-diff",
             "800/01 Penerimaan Surat Masuk — status diubah"),
        ]),
        ("SOP yang Diubah", [
            ("800/02/SOP/2023 Pengelolaan Surat Keluar", "sop/surat-keluar.html#sop-surat-keluar-diff",
             "800/02/SOP/2023 Pengelolaan Surat Keluar — 1 langkah ditambah, 1 diubah, "
             "2 dinomori ulang; tanggal revisi diubah"),
            ("800/09 Hostile", "sop/hostile.html#sop-hostile-diff",
             "800/09 Hostile — 1 langkah diubah"),
        ]),
        ("SOP yang Tidak Dimuat Lagi", [
            ("800/06 Ekspedisi Surat", "../edisi-2024/sop/ekspedisi.html#sop-ekspedisi",
             "800/06 Ekspedisi Surat"),
        ]),
    ]  # fmt: skip
    withdrawn = html(site_html, "sop/arsip").select_one("#sop-arsip-diff ul.sop-diff-identity")
    assert plain(withdrawn) == "Status: BerlakuDicabut"


def test_on_a_phone_the_history_scrolls_in_its_box(site_html: SphinxTestApp, browser) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto((site_html.outdir / "sop" / "surat-keluar.html").as_uri())
        shown = page.evaluate(
            """() => {
              const box = document.querySelector('#sop-surat-keluar-history');
              return {page: document.documentElement.scrollWidth,
                      viewport: document.documentElement.clientWidth,
                      scrolls: box.scrollWidth > box.clientWidth,
                      deleted: getComputedStyle(document.querySelector('.sop-diff del'))
                        .textDecorationLine};
            }"""
        )
    finally:
        page.close()
    assert shown["page"] <= shown["viewport"], "the page scrolls sideways"
    assert shown["scrolls"]
    assert shown["deleted"] == "line-through"


# -- LaTeX and text ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_latex(repository: Repository, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return repository.build("latex", tmp_path_factory.mktemp("latex"))


@pytest.fixture(scope="module")
def tex(site_latex: SphinxTestApp) -> str:
    (name,) = [path for path in site_latex.outdir.glob("*.tex")]
    return " ".join(name.read_text(encoding="utf-8").split())


def test_print_strikes_deleted_words_and_underlines_inserted_ones(
    site_latex: SphinxTestApp, tex: str
) -> None:
    assert warnings(site_latex) == []
    assert r"\sopdeleted{30} \sopdeleted{menit}\,\sopinserted{1} \sopinserted{jam}" in tex
    package = (site_latex.outdir / "sphinxcontrib-sop.sty").read_text(encoding="utf-8")
    assert r"\newcommand\sopdeleted[1]" in package
    assert r"\newcommand\sopinserted[1]" in package


def test_print_escapes_hostile_text_word_by_word(tex: str) -> None:
    assert (
        r'\sopinserted{\textless{}script\textgreater{}alert("x")'
        r"\textless{}/script\textgreater{}} \sopinserted{\textbackslash{}end\{document\}}"
    ) in tex
    assert r"\sopinserted{100\%} \sopinserted{\$}" in tex
    assert r"\sopinserted{{[}\sphinxhyphen{}x\sphinxhyphen{}{]}}" in tex


needs_pdflatex = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("latexmk", "pdflatex", "pdftotext")),
    reason="TeX Live and poppler-utils are not installed (./dev.sh test and CI install them)",
)


@needs_pdflatex
def test_the_printed_diff_compiles_with_its_words_marked(site_latex: SphinxTestApp) -> None:
    (source,) = site_latex.outdir.glob("*.tex")
    subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", source.name],
        cwd=site_latex.outdir,
        check=True,
        capture_output=True,
        timeout=300,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", source.with_suffix(".pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Waktu: 30 menit 1 jam" in lines
    assert "• Langkah 2 ditambah: Memeriksa kelengkapan lampiran" in lines
    assert f"Keterangan: Biasa {HOSTILE}" in lines


def test_print_links_the_list_of_changes_to_each_diff(tex: str) -> None:
    assert r"\hyperref[\detokenize{sop/surat-keluar:sop-surat-keluar-diff}]" in tex
    assert r"\label{\detokenize{sop/surat-keluar:sop-surat-keluar-diff}}" in tex
    # An older edition's page is not part of the PDF: the removed SOP is named without a link.
    assert "ekspedisi.html" not in tex


@pytest.fixture(scope="module")
def site_text(repository: Repository, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return repository.build("text", tmp_path_factory.mktemp("text"))


def test_text_marks_deleted_and_inserted_words_as_wdiff_does(site_text: SphinxTestApp) -> None:
    assert warnings(site_text) == []
    text = (site_text.outdir / "sop" / "surat-keluar.txt").read_text(encoding="utf-8")
    assert "**Waktu**: [-30 menit-]{+1 jam+}" in text
    assert "**Pelaksana**: [-Kasubbag Umum-]{+Sekretaris+}" in text
    assert "**Langkah 2 ditambah**: {+Memeriksa kelengkapan lampiran+}" in text


def test_text_escapes_marks_written_in_the_sop(site_text: SphinxTestApp) -> None:
    text = (site_text.outdir / "sop" / "hostile.txt").read_text(encoding="utf-8")
    escaped = r'<script>alert("x")</script> \\end{document} \[-x\-] \{+y\+} & 100% $'
    assert f"**Keterangan**: [-Biasa-]{{+{escaped}+}}" in " ".join(text.split())


# -- reading older editions once -------------------------------------------------------------


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The commits read from git from now on, in this process."""
    read: list[str] = []
    original = old_editions.read_edition

    def counted(sources, commit: str):
        read.append(commit)
        return original(sources, commit)

    monkeypatch.setattr(old_editions, "read_edition", counted)
    return read


def test_a_rebuild_reads_no_older_edition_again(
    repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = counting_reads(monkeypatch)
    versions = tmp_path / "versions.json"
    versions.write_text(repository.site("terbaru").to_json(), encoding="utf-8")
    overrides = {"sop_site": str(versions), "sop_edition": "terbaru"}
    first = built("html", repository.path / "docs", tmp_path, **overrides)
    older = [repository.commits["edisi-2024"], repository.commits["edisi-2023"]]
    assert sorted(read) == sorted(older)
    # By default the cache is in the doctree folder: one file per commit, none half written.
    cache = Path(first.doctreedir) / "sop-history"
    files = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert sorted(name[:12] for name in files) == sorted(commit[:12] for commit in older)
    read.clear()
    second = built("html", repository.path / "docs", tmp_path, **overrides)
    assert read == []
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == files
    assert warnings(second) == []
    assert len(history_rows(html(second, "sop/surat-keluar"), "surat-keluar")) == 3


def test_an_edition_that_cannot_be_read_warns_and_is_left_out(
    repository: Repository,
    site_html: SphinxTestApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = counting_reads(monkeypatch)
    missing = Edition("edisi-2022", "edisi-2022", "0123456789abcdef0123456789abcdef01234567")
    app = repository.build("html", tmp_path, site=repository.site("terbaru", (missing,)))
    # The others come from the cache the site's build filled (sop_history_cache).
    assert read == [missing.commit]
    (warning,) = warnings(app)
    assert warning.startswith(
        "WARNING: the edition 'edisi-2022' (commit 0123456789ab) cannot be read: "
        "git archive 0123456789abcdef0123456789abcdef01234567: fatal: "
    )
    assert warning.endswith("its SOPs are left out of the revision history [sop.history]")
    rows = history_rows(html(app, "sop/surat-keluar"), "surat-keluar")
    assert [row[0] for row in rows] == ["terbaru", "edisi-2024", "edisi-2023"]


def test_an_edition_whose_sources_fail_warns_with_the_reason(
    repository: Repository, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(repository.path, broken)
    git(broken, "checkout", "--quiet", "edisi-2023")
    (broken / "docs" / "conf.py").write_text("extensions = [\n", encoding="utf-8")
    git(broken, "commit", "--quiet", "--all", "-m", "broken")
    commit = git(broken, "rev-parse", "HEAD")
    site = Site(
        (Edition("terbaru", "main", "f" * 40, working=True), Edition("rusak", "x", commit)),
        "terbaru",
    )
    git(broken, "checkout", "--quiet", "main")
    app = repository.build("html", tmp_path / "out", source=broken / "docs", site=site)
    (warning,) = warnings(app)
    assert warning.startswith(
        f"WARNING: the edition 'rusak' (commit {commit[:12]}) cannot be read: "
    )
    assert "conf.py" in warning
    assert html(app, "sop/surat-keluar").select("div.sop-diff") == []


# -- an older edition built, the list's other edition, a build without a site ---------------------


def test_an_older_edition_compares_with_the_editions_before_it(
    repository: Repository, tmp_path: Path
) -> None:
    checkout = tmp_path / "edisi-2024"
    git(repository.path, "worktree", "add", "--quiet", "--detach", str(checkout), "edisi-2024")
    try:
        app = repository.build("html", tmp_path / "out", "edisi-2024", source=checkout / "docs")
    finally:
        git(repository.path, "worktree", "remove", "--force", str(checkout))
    assert warnings(app) == []
    page = html(app, "sop/surat-keluar")
    assert [row[0] for row in history_rows(page, "surat-keluar")] == ["edisi-2024", "edisi-2023"]
    assert diff_steps(page, "surat-keluar") == [
        (["sop-diff-step", "sop-diff-changed"], [
            "Langkah 3 diubah: Menandatangani surat",
            "Kelengkapan: Konsep berparaf, cap dinas",
        ]),
    ]  # fmt: skip


def test_a_list_of_changes_since_another_edition_links_each_sops_history(
    repository: Repository, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(repository.path / "docs", docs)
    page = docs / "perubahan.rst"
    page.write_text(
        CHANGES + "   :since: edisi-2023\n\n.. sop-changes::\n   :since: edisi-2020\n",
        encoding="utf-8",
    )
    # The copy is in no repository: its sources are found in the working folder's, at "docs".
    app = with_cwd(repository.path, lambda: repository.build("html", tmp_path / "out", source=docs))
    assert warnings(app) == [
        f"{page}:7: WARNING: sop-changes :since: 'edisi-2020' is not an edition older than this "
        "one: write one of 'edisi-2024', 'edisi-2023' (the previous edition is used meanwhile) "
        "[sop.history]"
    ]
    since_2023, since_previous = html(app, "perubahan").select("div.sop-changes")
    links = {text_of(link): link["href"] for link in since_2023.select("a")}
    assert links["800/02/SOP/2023 Pengelolaan Surat Keluar"] == (
        "sop/surat-keluar.html#sop-surat-keluar-history"
    )
    assert links["800/09 Hostile"] == "sop/hostile.html#sop-hostile"  # new since edisi-2023
    assert links["800/06 Ekspedisi Surat"] == "../edisi-2023/sop/ekspedisi.html#sop-ekspedisi"
    links = {text_of(link): link["href"] for link in since_previous.select("a")}
    assert links["800/09 Hostile"] == "sop/hostile.html#sop-hostile-diff"


def test_sop_history_repository_names_the_repository_of_a_copy(
    repository: Repository, site_html: SphinxTestApp, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(repository.path / "docs", docs)
    site = repository.site("terbaru")
    for name, named, rows in (("found", repository.path, 3), ("wrong", tmp_path, 1)):
        versions = tmp_path / f"{name}.json"
        versions.write_text(site.to_json(), encoding="utf-8")
        app = with_cwd(
            tmp_path,
            lambda versions=versions, named=named, name=name: built(
                "html",
                docs,
                tmp_path / name,
                sop_site=str(versions),
                sop_edition="terbaru",
                sop_history_cache=str(repository.cache),
                sop_history_repository=str(named),
            ),
        )
        assert len(history_rows(html(app, "sop/surat-keluar"), "surat-keluar")) == rows
        if name == "wrong":
            assert [line.split(" cannot be read: ")[1] for line in warnings(app)] == [
                f"sop_history_repository '{tmp_path}' is not a git repository holding the "
                f"source folder {docs}, or a copy of one of its folders; its SOPs are left "
                "out of the revision history [sop.history]"
            ] * 2
        else:
            assert warnings(app) == []


def with_cwd(folder: Path, action: Callable[[], SphinxTestApp]) -> SphinxTestApp:
    before = Path.cwd()
    os.chdir(folder)
    try:
        return action()
    finally:
        os.chdir(before)


def test_without_a_site_only_a_change_note_makes_a_history(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sop").mkdir(parents=True)
    for name, text in {
        **WORKING,
        "conf.py": CONF,
        "index.rst": INDEX,
        "perubahan.rst": CHANGES,
    }.items():
        (docs / name).write_text(text, encoding="utf-8")
    app = built("html", docs, tmp_path)
    assert warnings(app) == []
    page = html(app, "sop/surat-keluar")
    assert history_rows(page, "surat-keluar") == [
        ["Edisi ini", "800/02/SOP/2023", "10 Maret 2025", "—", "Dr. Rahmat",
         "Langkah 2 ditambahkan; penandatanganan oleh Sekretaris", "—"],
    ]  # fmt: skip
    assert page.select("div.sop-diff") == []
    assert html(app, "sop/arsip").select("div.sop-history") == []
    listing = html(app, "perubahan").select_one("div.sop-changes")
    assert text_of(listing) == "Tidak ada edisi sebelumnya untuk dibandingkan."
