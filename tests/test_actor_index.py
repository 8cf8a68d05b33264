"""The actor index: who does what, each step linked to its row, in every builder."""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest

from conftest import ROOTS, EditedProject, html, serial_build, text_of, warnings
from sphinxcontrib_sop import domain
from sphinxcontrib_sop.core.actors import Actor, Part, actors, step_actors
from sphinxcontrib_sop.core.model import Procedure, Step
from sphinxcontrib_sop.core.ordering import initial, natural_key

#: The hostile SOP's number and title as written (read as plain text).
HOSTILE = '11/<b>SOP</b>&amp;"2024" <script>alert("title")</script> & \'quotes\' \\ 100%'
#: The index of the test root: each group, its actors, and each one's SOPs with their steps.
EXPECTED = [
    (
        "Symbols",
        [
            (
                '<script>alert(1)</script> & "Boss"',
                "pair.html#sop-hostile-step-1",
                [(HOSTILE, "(step 1)", "pair.html#sop-hostile-step-1")],
            )
        ],
    ),
    (
        "A",
        [
            (
                "Arsiparis",
                "graphviz.html#sop-archiving-step-1",
                [("Archiving", "(step 1)", "graphviz.html#sop-archiving-step-1")],
            )
        ],
    ),
    (
        "E",
        [
            (
                "Éselon III",
                "letters.html#sop-letters-step-3",
                [("10/SOP/2024 Incoming Letters", "(step 3)", "letters.html#sop-letters-step-3")],
            )
        ],
    ),
    (
        "K",
        [
            (
                "Kepala",
                "pair.html#sop-outgoing-step-2",
                [
                    ("9/SOP/2024 Outgoing Letters", "(step 2)", "pair.html#sop-outgoing-step-2"),
                    ("10/SOP/2024 Incoming Letters", "(step 4)", "letters.html#sop-letters-step-4"),
                    (HOSTILE, "(step 2)", "pair.html#sop-hostile-step-2"),
                    ("Archiving", "(step 2)", "graphviz.html#sop-archiving-step-2"),
                ],
            )
        ],
    ),
    (
        "S",
        [
            (
                "Staf TU",
                "pair.html#sop-outgoing-step-1",
                [
                    (
                        "9/SOP/2024 Outgoing Letters",
                        "(steps 1, 3)",
                        "pair.html#sop-outgoing-step-1",
                    ),
                    (
                        "10/SOP/2024 Incoming Letters",
                        "(steps 1, 2, 4)",
                        "letters.html#sop-letters-step-1",
                    ),
                    (HOSTILE, "(step 2)", "pair.html#sop-hostile-step-2"),
                ],
            )
        ],
    ),
]


def index_entries(page) -> list:
    """The actor index page read back: groups, actors, and each actor's SOP entries."""
    groups: list = []
    for row in page.select("table.modindextable tr"):
        classes = row.get("class", [])
        if "pcap" in classes:
            continue
        if "cap" in classes:
            groups.append((text_of(row), []))
            continue
        link = row.select_one("a")
        if not any(name.startswith("cg-") for name in classes):
            groups[-1][1].append((link.get_text(), link["href"], []))
            continue
        extra = row.select_one("em")
        groups[-1][1][-1][2].append((link.get_text(), text_of(extra), link["href"]))
    return groups


@pytest.mark.sphinx("html", testroot="actor-index")
def test_the_index_lists_each_actor_with_its_sops_and_steps(app):
    app.build()
    pair = app.srcdir / "pair.rst"
    assert warnings(app) == [
        f"{pair}:25: WARNING: step number 2 is used twice: number each step once (flows to it "
        "go to the first) [sop.table]"
    ]
    page = html(app, "sop-actors")
    assert text_of(page.select_one("h1")) == "Actor index"
    assert index_entries(page) == EXPECTED


@pytest.mark.sphinx("html", testroot="actor-index")
def test_every_link_lands_on_the_row_of_its_step(app):
    app.build()
    links = {link["href"] for link in html(app, "sop-actors").select("table.modindextable a")}
    assert len(links) == 9
    for href in links:
        page_name, anchor = href.split("#")
        page = html(app, page_name.removesuffix(".html"))
        target = page.find(id=anchor)
        number = anchor.rsplit("-", 1)[1]
        if target.name == "tr":  # the official flowchart: its row, in the sheet
            assert target["data-step"] == number
            assert target.find_parent("table")["class"] == ["sop-flowchart"]
        else:  # the plain steps table: the target opens the step's number cell
            cell = target.find_parent("td")
            assert "sop-step-number" in cell["class"]
            assert text_of(cell) == number
            assert "sop-steps" in cell.find_parent("table")["class"]


@pytest.mark.sphinx("html", testroot="actor-index")
def test_step_ids_are_unique_on_a_page_of_two_sops(app):
    app.build()
    page = html(app, "pair")
    counts = Counter(element["id"] for element in page.find_all(id=True))
    assert [name for name, count in counts.items() if count > 1] == []
    # A step number written twice is a target once: its first row.
    assert [row["data-step"] for row in page.select('tr[id^="sop-hostile-step-"]')] == ["1", "2"]
    # The cards of narrow screens have ids of their own.
    assert page.find(id="sop-outgoing-card-1").name == "li"


@pytest.mark.sphinx("html", testroot="actor-index")
def test_the_index_is_linked_by_its_label_with_its_title(app):
    app.build()
    link = html(app).select_one('div.body a[href="sop-actors.html"]')
    assert text_of(link) == "Actor index"


@pytest.mark.sphinx("html", testroot="actor-index")
def test_hostile_names_stay_text(app):
    app.build()
    table = html(app, "sop-actors").select_one("table.modindextable")
    assert table.find(["script", "b"]) is None
    assert 'id="cap-Symbols"' in (app.outdir / "sop-actors.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("overrides", "title", "steps"),
    [
        ({"sop_language": "id"}, "Indeks Pelaksana", "(langkah 1, 2, 4)"),
        (
            {"sop_labels": {"Actor index": "Siapa Mengerjakan Apa", "step": "kegiatan"}},
            "Siapa Mengerjakan Apa",
            "(kegiatan 3)",
        ),
    ],
)
def test_titles_and_step_words_are_printed_labels(make_app, tmp_path, overrides, title, steps):
    """The label language and ``sop_labels`` give the title, its links' text and the steps."""
    shutil.copytree(ROOTS / "test-actor-index", tmp_path / "src")
    app = make_app("html", srcdir=tmp_path / "src", confoverrides=overrides)
    app.build()
    page = html(app, "sop-actors")
    assert text_of(page.select_one("h1")) == title
    assert steps in text_of(page.select_one("table.modindextable"))
    assert text_of(html(app).select_one('div.body a[href="sop-actors.html"]')) == title


@pytest.mark.sphinx("latex", testroot="actor-index")
def test_latex_prints_the_index_with_page_references_to_the_steps(app):
    app.build()
    tex = (app.outdir / "projectnamenotset.tex").read_text(encoding="utf-8")
    index = tex[tex.index(r"\renewcommand{\indexname}{Actor index}") :]
    index = index[: index.index(r"\end{sphinxtheindex}")]
    letters = re.findall(r"\\bigletter\{([^}]*)\}", index)
    assert letters == ["Symbols", "A", "E", "K", "S"]
    references = re.findall(r"\\sphinxstyleindexpageref\{(\w+):\\detokenize\{([^}]*)\}\}", index)
    assert len(references) == 15
    for docname, anchor in references:
        assert rf"\label{{\detokenize{{{docname}:{anchor}}}}}" in tex
    assert (
        r"\sphinxstyleindexentry{\textless{}script\textgreater{}alert(1)"
        r'\textless{}/script\textgreater{} \& "Boss"}'
    ) in index
    assert r"\sphinxstyleindexextra{steps 1, 2, 4}" in index


@pytest.mark.sphinx(
    "latex",
    testroot="actor-index",
    confoverrides={"latex_domain_indices": False},
    srcdir="actor-index-no-latex-index",
)
def test_latex_leaves_the_index_out_when_told(app):
    app.build()
    tex = (app.outdir / "projectnamenotset.tex").read_text(encoding="utf-8")
    assert "sphinxtheindex" not in tex
    assert r"\label{\detokenize{letters:sop-letters-step-1}}" in tex


@pytest.mark.sphinx("text", testroot="actor-index")
def test_text_steps_tables_keep_their_numbers(app):
    app.build()
    text = (app.outdir / "graphviz.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if re.match(r"\| [12] ", line)]
    assert [row.split("|")[1].strip() for row in rows] == ["1", "2"]


# -- incremental and parallel builds ------------------------------------------------------


def index_table(app) -> str:
    page = (app.outdir / "sop-actors.html").read_text(encoding="utf-8")
    return re.search(r'<table class="indextable modindextable">.*?</table>', page, re.S)[0]


def test_incremental_builds_equal_clean_builds(make_app, tmp_path):
    """Renaming an actor and deleting a page, each built without -E, gives a clean build's index."""
    project = EditedProject(make_app, tmp_path, "actor-index")
    project.build()
    project.edit("graphviz.rst", "Arsiparis", "Pustakawan ")
    renamed = project.rebuild(index_table)
    assert "Pustakawan" in renamed
    assert "Arsiparis" not in renamed
    (project.source / "letters.rst").unlink()
    project.edit("index.rst", "   letters\n", "")
    assert "Incoming Letters" not in project.rebuild(index_table)


def test_a_new_title_number_or_label_reaches_the_index_of_a_rebuild(make_app, tmp_path):
    project = EditedProject(make_app, tmp_path, "actor-index")
    project.build()
    project.edit("letters.rst", "Incoming Letters", "Letters In")
    project.edit("letters.rst", "10/SOP/2024", "8/SOP/2024 ")
    rows = project.rebuild(index_table)
    assert "8/SOP/2024 Letters In" in rows
    assert "Incoming" not in rows
    # Of Kepala's SOPs, the one renumbered 8 now comes before 9/SOP/2024.
    assert rows.index("8/SOP/2024 Letters In") < rows.index("9/SOP/2024 Outgoing Letters")
    with (project.source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('sop_labels = {"step": "langkah", "steps": "langkah-langkah"}\n')
    assert "(langkah 3)" in project.rebuild(index_table)


def test_editing_what_the_index_does_not_show_leaves_it_as_kept(make_app, tmp_path, monkeypatch):
    made = []

    def counted(entries, labels):
        made.append(len(entries))
        return original(entries, labels)

    original = domain.actor_index
    monkeypatch.setattr(domain, "actor_index", counted)
    project = EditedProject(make_app, tmp_path, "actor-index")
    project.build()
    assert made == [4]
    project.edit("letters.rst", "Receive the letter ", "Open the envelope  ")
    project.build()
    assert made == [4]
    project.edit("letters.rst", "Éselon III", "Eselon III")
    assert "Eselon III" in project.rebuild(index_table)
    assert made == [4, 4, 4]


@pytest.mark.sphinx("html", testroot="actor-index", parallel=2, srcdir="actor-index-parallel")
def test_parallel_build_equals_serial_build(app, make_app, tmp_path):
    app.build()
    app.cleanup()  # before the second app registers the extension again
    serial = serial_build(make_app, tmp_path, "actor-index")
    for page in ("sop-actors", "letters", "pair", "graphviz"):
        assert (app.outdir / f"{page}.html").read_text(encoding="utf-8") == (
            serial.outdir / f"{page}.html"
        ).read_text(encoding="utf-8"), page


# -- who does what, as plain data -----------------------------------------------------------


def sop(title: str, number: str, *steps: tuple[int, str]) -> Procedure:
    return Procedure(
        id=title.lower(),
        title=title,
        number=number,
        steps=tuple(
            Step(position, f"step {position}", tuple(names.split(","))) for position, names in steps
        ),
    )


def test_one_actor_under_the_spelling_most_sops_use():
    procedures = [
        sop("A", "1", (1, "staf tu")),
        sop("B", "2", (1, "Staf TU"), (2, "Staf  TU")),
        sop("C", "3", (1, "Staf TU")),
    ]
    assert actors(procedures, [step_actors(p) for p in procedures]) == [
        Actor("Staf TU", (Part(0, (1,)), Part(1, (1, 2)), Part(2, (1,))))
    ]


def test_of_spellings_equally_common_the_first_is_printed():
    procedures = [sop("A", "1", (1, "kepala")), sop("B", "2", (1, "KEPALA"))]
    assert [actor.name for actor in actors(procedures, [step_actors(p) for p in procedures])] == [
        "kepala"
    ]


def test_actors_sorted_by_name_and_their_sops_by_number_then_title():
    procedures = [
        sop("Zeta", "10/SOP", (1, "Lurah")),
        sop("Beta", "", (1, "Lurah")),
        sop("Alpha", "9/SOP", (2, "Lurah"), (1, "Lurah,Kasi")),
        sop("Gamma", "9/SOP", (1, "éselon")),
    ]
    found = actors(procedures, [step_actors(p) for p in procedures])
    assert [actor.name for actor in found] == ["éselon", "Kasi", "Lurah"]
    # 9/SOP Alpha, 10/SOP Zeta, then the SOP without a number.
    assert found[2].parts == (Part(2, (1, 2)), Part(0, (1,)), Part(1, (1,)))


def test_sorting_ignores_case_and_accents_and_reads_numbers_by_value():
    names = ["b", "Á", "a10", "a9", "A2"]
    assert sorted(names, key=natural_key) == ["Á", "A2", "a9", "a10", "b"]
    assert [initial(name) for name in ("éselon", "kasi", "<b>", "9 staf", "")] == [
        "E",
        "K",
        None,
        None,
        None,
    ]
