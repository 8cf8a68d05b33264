"""Identical rebuilds: the same sources give the same HTML, rebuilt into the same folder."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS


def pages(outdir: Path) -> dict[str, bytes]:
    """Every file Sphinx wrote but its environment, by path."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts
    }


def test_a_clean_rebuild_into_the_same_folder_changes_no_byte(tmp_path: Path) -> None:
    """A project with every kind of SOP view: sheets, registries, a map, back-links."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-registry", source)
    written = []
    for fresh in (False, True):
        app = SphinxTestApp(
            "html",
            srcdir=source,
            builddir=tmp_path / "out",
            freshenv=fresh,
            status=StringIO(),
            warning=StringIO(),
        )
        try:
            app.build(force_all=True)
        finally:
            app.cleanup()
        written.append(pages(app.outdir))
    assert written[0].keys() == written[1].keys()
    changed = [name for name in written[0] if written[0][name] != written[1][name]]
    assert changed == []
    # The extension's stylesheet is linked with its checksum from the first build on.
    assert b"_static/sphinxcontrib-sop.css?v=" in written[0]["index.html"]


def test_a_rebuild_with_nothing_changed_changes_no_file(tmp_path: Path) -> None:
    """Nothing read, nothing written: the folder is left as it was, pictures included."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-registry", source)
    written = []
    for _ in range(2):
        app = SphinxTestApp(
            "html", srcdir=source, builddir=tmp_path / "out", status=StringIO(), warning=StringIO()
        )
        try:
            app.build()
        finally:
            app.cleanup()
        written.append(pages(app.outdir))
    assert written[0] == written[1]
    # The map is in a page of this project: its picture is inline.
    assert b'<figure class="sop-graphviz sop-map' in b"".join(written[0].values())
