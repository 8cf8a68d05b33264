"""The handbook's data as JSON: ``sphinx-build -b sopjson``, and ``sop.json`` beside the HTML.

The file is checked against the schema shipped in the package, and against
what the pages show: each SOP's steps, arrows and total time.
"""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path
from urllib.parse import urldefrag

import jsonschema
import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, EditedProject, build_copy, cell_texts, text_of, warnings
from sphinxcontrib_sop.core.export import SCHEMA_PATH, SCHEMA_VERSION, json_parts
from sphinxcontrib_sop.writers import sopjson
from sphinxcontrib_sop.writers.sopjson.cache import CACHE_FOLDER

DOCS = Path(__file__).parent.parent / "docs"


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid(data: dict) -> None:
    errors = [f"{list(error.path)}: {error.message}" for error in validator().iter_errors(data)]
    assert errors == []


def read_data(app: SphinxTestApp) -> dict:
    return json.loads((app.outdir / "sop.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def json_app(tmp_path_factory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("json"), "export", "sopjson")


@pytest.fixture(scope="module")
def data(json_app) -> dict:
    return read_data(json_app)


@pytest.fixture(scope="module")
def html_app(tmp_path_factory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("html"), "export")


def sop(data: dict, sop_id: str) -> dict:
    (found,) = [entry for entry in data["sops"] if entry["id"] == sop_id]
    return found


# -- the file and its schema ---------------------------------------------------------------


def test_the_builder_writes_the_data_and_its_schema(json_app, data):
    assert warnings(json_app) == []
    assert_valid(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert (json_app.outdir / "sop.schema.json").read_bytes() == SCHEMA_PATH.read_bytes()
    # Only the data: no pages.
    assert not list(json_app.outdir.rglob("*.html"))


def test_the_schema_rejects_what_it_does_not_describe(data):
    wrong = json.loads(json.dumps(data))
    wrong["sops"][0]["steps"][0]["kind"] = "ellipse"
    del wrong["sops"][1]["edges"]
    wrong["sops"][2]["surprise"] = True
    messages = [error.message for error in validator().iter_errors(wrong)]
    assert len(messages) == 3


def test_the_handbook_and_every_sop_are_listed_by_number(data):
    assert data["project"] == 'Buku SOP <Sekretariat> & "Data"'
    assert data["language"] == "id"
    assert data["edition"] is None
    assert data["generator"].startswith("sphinxcontrib-sop ")
    assert [entry["number"] for entry in data["sops"]] == [
        "503/01/SOP/2019",
        "503/02/SOP/2024",
        "800/01/SOP/SET/2024",
        "800/02/SOP/SET/2024",
    ]


def test_an_sop_carries_its_identity_part(data):
    entry = sop(data, "surat-masuk")
    assert entry["name"] == "Penerimaan Surat Masuk"
    assert entry["agency"] == "Pemerintah Kabupaten Contoh"
    assert entry["unit_lines"] == ["SEKRETARIAT", "Subbagian Umum"]
    assert entry["unit"] == "SEKRETARIAT / Subbagian Umum"
    assert entry["dates"] == {
        "created": {"text": "2 Januari 2024", "date": "2024-01-02", "precision": "day"},
        "revised": {"text": "Maret 2024", "date": "2024-03-01", "precision": "month"},
        "effective": {"text": "1 April 2024", "date": "2024-04-01", "precision": "day"},
        # Twelve months after the end of the month it was revised in.
        "review": "2025-03-31",
    }
    assert entry["approver"] == {
        "position": "Sekretaris Daerah",
        "name": "Drs. Budi Santoso, M.Si.",
        "nip": "19680101 199003 1 002",
        "rank": "",
    }
    assert entry["legal_basis"] == [
        "Peraturan Menteri PAN-RB Nomor 35 Tahun 2012",
        "Peraturan Bupati Nomor 12 Tahun 2020",
    ]
    assert entry["qualifications"] == ["Memahami tata naskah dinas"]
    assert entry["related"] == ["disposisi"]
    assert entry["equipment"] == ["Komputer", "Buku agenda"]
    assert entry["warnings"] == ["Surat rahasia dibuka oleh pimpinan"]
    assert entry["records"] == ["Buku agenda surat masuk"]
    assert entry["change_note"] == "Langkah pemeriksaan ditambah"
    assert entry["status"] == "in-force"
    assert entry["superseded_by"] is None
    assert entry["page"] == {
        "docname": "layanan/surat",
        "url": "layanan/surat.html#sop-surat-masuk",
    }
    source = (ROOTS / "test-export" / "layanan" / "surat.rst").read_text(encoding="utf-8")
    line = source.splitlines().index(".. sop:: Penerimaan Surat Masuk") + 1
    assert entry["source"] == {"file": "layanan/surat.rst", "line": line}


def test_status_uses_the_english_words(data):
    assert sop(data, "disposisi")["status"] == "draft"
    old = sop(data, "izin-lama")
    assert (old["status"], old["superseded_by"]) == ("superseded", "izin-baru")
    # A date written as a year.
    assert sop(data, "disposisi")["dates"]["effective"] == {
        "text": "2024",
        "date": "2024-01-01",
        "precision": "year",
    }


def test_steps_keep_their_texts_and_read_times(data):
    steps = sop(data, "surat-masuk")["steps"]
    assert [step["number"] for step in steps] == [1, 2, 3, 4]
    first, second, _, last = steps
    assert first["activity"] == "Menerima surat & mencatat"
    assert first["actors"] == ["Pengadministrasi"]
    assert (first["requirements"], first["output"]) == ("Surat masuk", "Agenda")
    assert first["kind"] == "start"
    assert second["kind"] == "decision"
    assert second["flow"] == "Ya: 3, Tidak: 1"
    assert second["time"] == {
        "text": "10-15 menit",
        "duration": {"amount": 10, "amount_max": 15, "unit": "minute"},
        "minutes": {"min": 10, "max": 15},
    }
    assert last["time"] == {"text": "segera", "duration": None, "minutes": None}
    assert (last["kind"], last["notes"]) == ("end", "<b>x</b>")
    # Days are not minutes; seconds are.
    days, _, seconds = sop(data, "disposisi")["steps"]
    assert days["time"]["duration"] == {"amount": 2, "amount_max": None, "unit": "working-day"}
    assert days["time"]["minutes"] is None
    assert seconds["time"]["minutes"] == {"min": 0.5, "max": 0.5}


def test_the_total_time_says_what_it_leaves_out(data):
    total = sop(data, "surat-masuk")["total_time"]
    assert total["text"] == "1 jam 15 menit – 1 jam 20 menit"
    assert total["minutes"] == {"min": 75, "max": 80}
    assert total["unread"] == [{"step": 4, "time": "segera"}]
    assert "langkah 4" in total["note"]
    mixed = sop(data, "disposisi")["total_time"]
    assert mixed["minutes"] is None
    assert mixed["shortest"] == {"minutes": 0.5, "working_days": 2, "days": 1, "months": 0}


def test_hostile_text_comes_back_as_written(json_app, data):
    old = sop(data, "izin-lama")
    assert old["name"] == 'Izin Lama </script><script>alert("x")</script>'
    assert old["actors"][0] == "Petugas Loket {#1} ~^_ $x$"
    assert old["steps"][1]["activity"] == "Menandatangani izin ☐ ✓ \u202ekanan"
    # Letters are written as they are; what JSON must escape is escaped.
    text = (json_app.outdir / "sop.json").read_text(encoding="utf-8")
    assert '"name": "Izin Lama </script><script>alert(\\"x\\")</script>"' in text
    assert "☐ ✓" in text


# -- what the pages show -------------------------------------------------------------------


def arrows_shown(block) -> set[tuple[int, int, str | None]]:
    return {
        (int(arrow["data-from"]), int(arrow["data-to"]), arrow.get("data-branch"))
        for arrow in block.select("table.sop-flowchart g.sop-arrow[data-from][data-to]")
    }


def check_against_pages(data: dict, outdir: Path) -> None:
    """Each SOP's steps, arrows and total time are those its page shows."""
    pages: dict[str, BeautifulSoup] = {}
    for entry in data["sops"]:
        path, anchor = urldefrag(entry["page"]["url"])
        if path not in pages:
            pages[path] = BeautifulSoup((outdir / path).read_text(encoding="utf-8"), "html.parser")
        block = pages[path].find(id=anchor)
        assert block is not None, entry["id"]
        rows = block.select("table.sop-flowchart > tbody > tr[data-step]")
        assert [
            (int(row["data-step"]), text_of(row.select_one("td.sop-activity"))) for row in rows
        ] == [(step["number"], " ".join(step["activity"].split())) for step in entry["steps"]]
        assert [text_of(actor) for actor in block.select("th.sop-actor")] == entry["actors"]
        edges = {
            (edge["from"], edge["to"], edge["branch"].casefold() if edge["branch"] else None)
            for edge in entry["edges"]
        }
        assert len(edges) == len(entry["edges"])
        assert arrows_shown(block) == edges
        closing = block.select_one("table.sop-flowchart tr.sop-total-time")
        total = entry["total_time"]
        if total is None:
            assert closing is None
        else:
            assert cell_texts(closing)[1:] == [total["text"], total["note"]]


def test_the_data_matches_the_pages(html_app, data):
    check_against_pages(data, html_app.outdir)


def test_the_html_build_writes_the_same_data_beside_the_pages(html_app, data):
    assert read_data(html_app) == data
    assert (html_app.outdir / "sop.schema.json").is_file()


def test_the_html_build_leaves_it_out_when_told(tmp_path):
    app = build_copy(tmp_path, "export", sop_html_json=False)
    assert (app.outdir / "index.html").is_file()
    assert not (app.outdir / "sop.json").exists()
    assert not (app.outdir / "sop.schema.json").exists()


def test_urls_follow_the_builder_and_html_baseurl(tmp_path):
    dirhtml = build_copy(tmp_path / "dirhtml", "export", "dirhtml")
    assert sop(read_data(dirhtml), "disposisi")["page"]["url"] == "layanan/surat/#sop-disposisi"
    based = build_copy(
        tmp_path / "based", "export", "sopjson", html_baseurl="https://sop.example.go.id/buku"
    )
    assert (
        sop(read_data(based), "izin-baru")["page"]["url"]
        == "https://sop.example.go.id/buku/layanan/izin.html#sop-izin-baru"
    )


def test_each_sop_is_one_line_of_the_file(json_app, data):
    lines = (json_app.outdir / "sop.json").read_text(encoding="utf-8").splitlines()
    sop_lines = [line for line in lines if line.startswith('    {"actors": ')]
    assert [json.loads(line.rstrip(","))["id"] for line in sop_lines] == [
        entry["id"] for entry in data["sops"]
    ]
    assert lines[1] == '  "edition": null,'
    assert len(lines) == len(sop_lines) + 9


def test_two_builds_give_identical_files(tmp_path, json_app):
    again = build_copy(tmp_path, "export", "sopjson")
    assert (again.outdir / "sop.json").read_bytes() == (json_app.outdir / "sop.json").read_bytes()


def test_an_incremental_build_updates_the_data(make_app, tmp_path):
    project = EditedProject(make_app, tmp_path, "export")
    project.build()
    project.edit("layanan/surat.rst", "Memberi disposisi    ", "Memberi arahan       ")
    data = project.rebuild(read_data)
    assert sop(data, "surat-masuk")["steps"][2]["activity"] == "Memberi arahan"
    (project.source / "layanan" / "izin.rst").unlink()
    project.edit("index.rst", "   layanan/izin\n", "")
    data = project.rebuild(read_data)
    assert [entry["id"] for entry in data["sops"]] == ["surat-masuk", "disposisi"]


def test_a_rebuild_encodes_again_only_the_sops_that_changed(make_app, tmp_path, monkeypatch):
    encoded = []

    def counted(sop, *args):
        encoded.append(sop.procedure.id)
        return original(sop, *args)

    original = sopjson.sop_json
    monkeypatch.setattr(sopjson, "sop_json", counted)
    project = EditedProject(make_app, tmp_path, "export")
    project.build()
    assert sorted(encoded) == ["disposisi", "izin-baru", "izin-lama", "surat-masuk"]
    encoded.clear()
    project.edit("layanan/surat.rst", "Memberi disposisi    ", "Memberi arahan       ")
    project.build()
    assert encoded == ["surat-masuk"]
    assert sop(read_data(project.build()), "surat-masuk")["steps"][2]["activity"] == (
        "Memberi arahan"
    )


def test_a_new_base_url_reaches_every_sop_of_a_rebuild(make_app, tmp_path):
    project = EditedProject(make_app, tmp_path, "export")
    project.build()
    with (project.source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('html_baseurl = "https://sop.example.go.id/"\n')
    data = project.rebuild(read_data)
    urls = [entry["page"]["url"] for entry in data["sops"]]
    assert len(urls) == 4
    assert all(url.startswith("https://sop.example.go.id/") for url in urls)


def test_an_unreadable_file_of_kept_lines_is_ignored(make_app, tmp_path):
    project = EditedProject(make_app, tmp_path, "export")
    app = project.build()
    [kept] = Path(app.doctreedir, CACHE_FOLDER).iterdir()
    kept.write_bytes(b"not a pickle")
    project.edit("layanan/surat.rst", "Memberi disposisi    ", "Memberi arahan       ")
    data = project.rebuild(read_data)
    assert sop(data, "surat-masuk")["steps"][2]["activity"] == "Memberi arahan"


def test_a_rebuild_with_no_sop_changed_leaves_the_file_alone(make_app, tmp_path, monkeypatch):
    project = EditedProject(make_app, tmp_path, "export")
    app = project.build()
    written = (app.outdir / "sop.json").stat().st_mtime_ns
    composed = []
    monkeypatch.setattr(sopjson, "json_parts", lambda *args: composed.append(args))
    project.edit("index.rst", "Buku SOP\n========", "Buku SOP Dinas\n==============")
    app = project.build()
    assert composed == []
    assert (app.outdir / "sop.json").stat().st_mtime_ns == written


def test_a_file_changed_since_it_was_written_is_read_no_more(make_app, tmp_path):
    project = EditedProject(make_app, tmp_path, "export")
    app = project.build()
    path = app.outdir / "sop.json"
    path.write_text(path.read_text(encoding="utf-8").replace("Menandatangani", "Mengubah"), "utf-8")
    project.edit("layanan/surat.rst", "Memberi disposisi    ", "Memberi arahan       ")
    data = project.rebuild(read_data)
    assert "Mengubah" not in json.dumps(data, ensure_ascii=False)


def test_a_new_edition_reaches_the_file_with_no_sop_changed(make_app, tmp_path):
    project = EditedProject(make_app, tmp_path, "export")
    project.build()
    with (project.source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('sop_edition = "2026"\n')
    assert project.rebuild(read_data)["edition"] == "2026"


def test_the_file_is_laid_out_with_each_sops_line_at_an_odd_place():
    lines = ['{"id": "a", "note": "baris\\nbaru\u2028,\u0085 lalu"}', '{"id": "b"}']
    encoded = [line.encode("utf-8") for line in lines]
    parts = json_parts({"project": "Buku"}, encoded)
    assert parts[1::2] == encoded
    data = json.loads(b"".join(parts))
    assert [line["id"] for line in data["sops"]] == ["a", "b"]
    assert data["sops"][0]["note"] == "baris\nbaru\u2028,\u0085 lalu"
    assert json.loads(b"".join(json_parts({"project": "Buku"}, []))) == {
        "project": "Buku",
        "sops": [],
    }


# -- the example handbook ------------------------------------------------------------------


def test_the_example_handbooks_data_is_valid_and_matches_its_pages(tmp_path):
    app = SphinxTestApp(
        "html", srcdir=DOCS, builddir=tmp_path, status=StringIO(), warning=StringIO()
    )
    try:
        app.build()
    finally:
        app.cleanup()
    data = read_data(app)
    assert_valid(data)
    assert len(data["sops"]) >= 10
    check_against_pages(data, app.outdir)
    shutil.rmtree(tmp_path)


# -- the guide -----------------------------------------------------------------------------


def schema_paths(node: dict, path: str = "") -> set[str]:
    """Every field the schema describes, as the guide names it (``sops[].steps[].time``)."""
    found = set()
    for name, child in node.get("properties", {}).items():
        field = f"{path}.{name}" if path else name
        found.add(field)
        items = child.get("items", {})
        found |= schema_paths(items, f"{field}[]") if "properties" in items else set()
        found |= schema_paths(child, field)
    return found


def test_the_guide_documents_every_field_and_no_other():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    guide = (DOCS / "guide" / "data.rst").read_text(encoding="utf-8")
    documented = set(re.findall(r"^   \* - ``([^`]+)``$", guide, flags=re.MULTILINE))
    assert documented == schema_paths(schema)
    assert len(documented) > 80
