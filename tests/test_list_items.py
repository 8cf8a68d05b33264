"""List options pasted from real sheets: wrapped lines, typed and pasted numbers.

The root ``test-list-items`` has the same lists in reStructuredText (``index``)
and in MyST's YAML block (``markdown``).
"""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, procedure, warnings

LEGAL_BASIS = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah "
    "terakhir dengan Undang-Undang Nomor 9 Tahun 2015",
    "Peraturan Wali Kota Palembang Nomor 5 Tahun 2016",
)
QUALIFICATIONS = (
    "Lurah",
    "Sekretaris Lurah",
    "Kepala Seksi Pemerintahan yang membidangi administrasi kependudukan",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("list-items"), "list-items")


def printed(app: SphinxTestApp, page: str, sop_id: str, field: str) -> list[str]:
    """The items of one list field of the identity table, as printed."""
    cell = html(app, page).find(id=f"sop-{sop_id}").select_one(f"td.sop-{field}")
    return [" ".join(item.get_text(" ").split()) for item in cell.select("li")]


def test_lists_build_without_warnings(built: SphinxTestApp) -> None:
    assert warnings(built) == []


@pytest.mark.parametrize(("page", "sop_id"), [("index", "pasted"), ("markdown", "pasted-md")])
def test_wrapped_lines_continue_their_item(built: SphinxTestApp, page: str, sop_id: str) -> None:
    sop = procedure(built, sop_id)
    assert sop.legal_basis == LEGAL_BASIS
    assert printed(built, page, sop_id, "legal-basis") == list(LEGAL_BASIS)


@pytest.mark.parametrize(("page", "sop_id"), [("index", "pasted"), ("markdown", "pasted-md")])
def test_pasted_numbers_are_markers(built: SphinxTestApp, page: str, sop_id: str) -> None:
    assert procedure(built, sop_id).qualifications == QUALIFICATIONS
    assert printed(built, page, sop_id, "qualifications") == list(QUALIFICATIONS)


def test_bullets_and_deeper_lines(built: SphinxTestApp) -> None:
    sop = procedure(built, "pasted")
    assert sop.equipment == ("Komputer dan printer", "Stempel dinas")
    # The first item follows the option's name; its next line is indented deeper
    # than the item's first word, the third line is not.
    assert sop.warnings == (
        "Surat keterangan yang tidak ditandatangani Lurah tidak berlaku",
        "Berkas yang tidak lengkap dikembalikan",
    )


def test_lists_without_markers_keep_one_item_per_line(built: SphinxTestApp) -> None:
    # An escaped number is text, not a marker.
    assert procedure(built, "pasted").records == (
        "Buku register surat keterangan",
        "Arsip salinan surat",
        "1. Lembar ini, bukan penanda",
    )
