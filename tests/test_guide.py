"""The user guide tells the truth: its quick start works when followed literally."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

GUIDE = Path(__file__).parent.parent / "docs" / "guide"
BIN = Path(sys.executable).parent


def code_blocks(page: str, language: str) -> list[str]:
    """The text of each ``.. code-block:: <language>`` of a guide page, in order."""
    text = (GUIDE / page).read_text(encoding="utf-8")
    blocks = []
    pattern = rf"^\.\. code-block:: {language}\n\n((?:   .*\n|\n)+)"
    for match in re.finditer(pattern, text, flags=re.M):
        lines = match[1].rstrip("\n").splitlines()
        blocks.append("\n".join(line[3:] for line in lines) + "\n")
    return blocks


def commands(block: str) -> list[list[str]]:
    """The shell commands of a console block (``$ …`` lines), without comments."""
    return [
        shlex.split(line[2:], comments=True) for line in block.splitlines() if line.startswith("$ ")
    ]


def test_virtual_environments_are_made_outside_the_project():
    """Sphinx reads every file of the project folder: a venv there would become pages."""
    for page in ("quickstart.rst", "installation.rst"):
        inside_project = False
        for block in code_blocks(page, "console"):
            for command in commands(block):
                if command[:2] == ["mkdir", "buku-sop"] or command[:2] == ["cd", "buku-sop"]:
                    inside_project = True
                if command[1:3] == ["-m", "venv"]:
                    where = command[3]
                    assert where.startswith(("~", "/")) or not inside_project, (page, command)


def test_install_commands_work_before_the_package_is_published():
    """Until it is on PyPI, installing means a clone or a git URL."""
    installs = [
        command
        for page in ("quickstart.rst", "installation.rst")
        for block in code_blocks(page, "console")
        for command in commands(block)
        if command[:2] == ["pip", "install"]
    ]
    packages = [argument for command in installs for argument in command[2:]]
    ours = [argument for argument in packages if "sphinxcontrib-sop" in argument]
    assert ours
    assert all(" @ git+" in argument or argument.startswith("./") for argument in ours), ours


def test_quick_start_builds_without_warnings(tmp_path: Path):
    """Steps 1 to 4 of the quick start, literally (the installs are this test's environment)."""
    setup, *_ = code_blocks("quickstart.rst", "console")
    (quickstart,) = [command for command in commands(setup) if command[0] == "sphinx-quickstart"]
    project = tmp_path / "buku-sop"
    project.mkdir()
    run([str(BIN / quickstart[0]), *quickstart[1:]], cwd=project)

    (settings,) = code_blocks("quickstart.rst", "python")
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n" + settings)
    sop, toctree, *_ = code_blocks("quickstart.rst", "rst")
    (project / "sop").mkdir()
    (project / "sop" / "ruang-rapat.rst").write_text(sop, encoding="utf-8")
    with (project / "index.rst").open("a", encoding="utf-8") as index:
        index.write("\n" + toctree)

    (build,) = [
        command
        for block in code_blocks("quickstart.rst", "console")
        for command in commands(block)
        if command[0] == "sphinx-build"
    ]
    result = run([str(BIN / build[0]), "-W", *build[1:]], cwd=project)
    assert "WARNING" not in result.stderr
    page = BeautifulSoup(
        (project / "_build" / "html" / "sop" / "ruang-rapat.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert page.select_one("table.sop-identity") is not None
    assert len(page.select("table.sop-flowchart tbody tr")) == 4


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"{shlex.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result
