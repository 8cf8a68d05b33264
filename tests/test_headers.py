"""Step-table headers as real sheets write them: ``Aktifitas``, ``Waktu (menit)``, ``Output/Hasil``.

The root ``test-headers`` has SOPs headed the way transcribed sheets are
(``index``) and a table without an activity column (``no_activity``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, line_of, procedure, warnings
from sphinxcontrib_sop.core.model import Duration, TimeUnit


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("headers"), "headers")


def column(app: SphinxTestApp, sop_id: str, name: str) -> list[str]:
    """The texts of one column of the SOP's steps table."""
    sop = html(app).find(id=f"sop-{sop_id}")
    return [cell.get_text(" ", strip=True) for cell in sop.select(f"td.sop-{name}")]


def test_real_headers_are_read_without_warning(built: SphinxTestApp) -> None:
    located = [line for line in warnings(built) if "index.rst" in line]
    assert located == []
    sop = procedure(built, "real-headers")
    assert [step.activity for step in sop.steps] == [
        "Menerima berkas",
        "Menandatangani surat",
        "Menyerahkan surat",
    ]
    assert [step.requirements for step in sop.steps] == ["KTP, KK", "Konsep surat", "Surat"]
    assert [step.output for step in sop.steps] == [
        "Berkas diterima",
        "Surat ditandatangani",
        "Surat diserahkan",
    ]
    assert sop.steps[2].notes == "Diambil pemohon"
    combined = procedure(built, "combined-headers")
    assert [step.requirements for step in combined.steps] == ["Formulir", "Jadwal ruang"]
    assert [step.output for step in combined.steps] == ["Formulir diisi", "Izin"]


def test_bare_numbers_under_a_minutes_header_are_minutes(built: SphinxTestApp) -> None:
    sop = procedure(built, "real-headers")
    assert [step.duration for step in sop.steps] == [
        Duration(5, TimeUnit.MINUTE),
        Duration(10, TimeUnit.MINUTE),
        Duration(1, TimeUnit.DAY),
    ]
    # The sheet prints "Waktu" over the column: each time says its unit.
    assert column(built, "real-headers", "time") == ["5 menit", "10 menit", "1 hari"]
    assert [step.time for step in sop.steps] == ["5 menit", "10 menit", "1 hari"]


def test_missing_activity_column_does_not_promise_keterangan(built: SphinxTestApp) -> None:
    path = Path(built.srcdir) / "no_activity.rst"
    line = line_of(path, "No  Uraian")
    found = [line for line in warnings(built) if line.startswith(f"{path}:")]
    assert found == [
        f"{path}:{line}: WARNING: the step table has no activity column: add a column headed "
        "'Kegiatan', 'Aktivitas', 'Aktifitas', 'Uraian Kegiatan', 'Uraian Aktivitas', "
        "'Uraian Aktifitas', 'Activity' (the table is shown as written meanwhile) [sop.table]",
        f"{path}:{line}: WARNING: unknown column 'Uraian' in the step table: rename it to a "
        "known header (see 'The step table' in the user guide); the table is shown as written "
        "meanwhile [sop.table]",
    ]
    # Shown as written: the author's own header, no Keterangan column.
    page = html(built, "no_activity")
    assert page.select("table.sop-steps") == []
    headers = [cell.get_text(strip=True) for cell in page.select("div.sop th")]
    assert headers == ["No", "Uraian", "Pelaksana"]
