"""Option text is read with the escaping rules of table text.

The root ``test-escaped-options`` writes actors with reST escapes in both
``:actors:`` and *Pelaksana* (``index``), the same with Markdown escapes
(``markdown``), and escapes in dates, a NIP and a decree's fields.
"""

from __future__ import annotations

import datetime

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, procedure, warnings


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("escaped-options"), "escaped-options")


def test_no_warnings(built: SphinxTestApp) -> None:
    assert warnings(built) == []


def test_escaped_actor_is_one_actor(built: SphinxTestApp) -> None:
    sop = procedure(built, "escaped")
    assert sop.actors == ("Kasubbag {Umum} 50%", "Kepala Seksi *Umum*")
    assert [step.actors for step in sop.steps] == [
        ("Kasubbag {Umum} 50%",),
        ("Kepala Seksi *Umum*",),
        ("Kasubbag {Umum} 50%",),
    ]
    header = html(built).find(id="sop-escaped").select(".sop-actor")
    assert [cell.get_text(" ", strip=True) for cell in header] == list(sop.actors)


def test_markdown_escapes_count_as_in_the_table(built: SphinxTestApp) -> None:
    sop = procedure(built, "escaped-md")
    assert sop.actors == ("Kasubbag {Umum} \\ 50%", "Kepala Seksi *Umum*")
    assert [step.actors for step in sop.steps] == [(actor,) for actor in sop.actors]


def test_printed_plain_options_are_unescaped(built: SphinxTestApp) -> None:
    sop = procedure(built, "escaped")
    assert sop.created.value == datetime.date(2019, 9, 25)
    assert sop.approver.nip == "19650101 199003 1 001"
    decree = html(built).select_one("div.sop-decree")
    text = " ".join(decree.get_text(" ").split())
    assert "Dr. H. Ahmad *Nama*" in text
    assert "\\" not in text
