"""What differs between the Sphinx, docutils and myst-parser versions the project allows.

``nox -s oldest`` and ``nox -s newest`` run the suite on the lowest and the
latest of them; these tests name what broke on one of them.
"""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from packaging.version import Version

from conftest import html
from sphinxcontrib_sop.writers.html.assets import STATIC_DIR, STYLESHEET

REPOSITORY = Path(__file__).parent.parent


@pytest.mark.sphinx("html", testroot="identity")
def test_the_static_files_are_copied_and_the_stylesheet_linked_with_its_checksum(app):
    app.build()
    static = app.outdir / "_static"
    for source in sorted(STATIC_DIR.iterdir()):
        assert (static / source.name).read_bytes() == source.read_bytes(), source.name
    links = [link["href"] for link in html(app).find_all("link", rel="stylesheet")]
    linked = rf"_static/{re.escape(STYLESHEET)}\?v=\w+"
    assert any(re.fullmatch(linked, href) for href in links), links


def test_the_oldest_session_pins_the_floors_that_pyproject_claims():
    """``nox -s oldest`` tests exactly the lowest versions ``pyproject.toml`` allows."""
    noxfile = runpy.run_path(str(REPOSITORY / "noxfile.py"))
    text = (REPOSITORY / "pyproject.toml").read_text(encoding="utf-8")
    for pin in noxfile["OLDEST"]:
        name, version = pin.split("==")
        floors = re.findall(rf'"{re.escape(name)}>=([\d.]+)', text)
        assert floors, f"pyproject.toml claims no floor for {name}"
        assert {Version(floor) for floor in floors} == {Version(version)}, (name, floors)
    [python] = re.findall(r'requires-python = ">=([\d.]+)"', text)
    assert noxfile["OLDEST_PYTHON"] == python
