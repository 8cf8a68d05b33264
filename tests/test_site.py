"""sphinx-sop-site: every edition of a handbook in git built into one site.

The handbook of ``git_handbook``: ``edisi-2023`` (whose start page has a broken link),
``edisi-2024`` and, published with ``-D sop_publish_current=1``, the working edition.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from git_handbook import git, make_handbook, write

COMMAND = Path(sys.executable).parent / "sphinx-sop-site"
PUBLISH_WORKING = ["-D", "sop_publish_current=1"]


@pytest.fixture(autouse=True, scope="module")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The editions' history cache (in the user's cache folder) kept out of the home folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    repository = tmp_path_factory.mktemp("git") / "handbook"
    return repository, make_handbook(repository)


def build_site(source: Path, output: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), str(source), str(output), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def progress(result: subprocess.CompletedProcess[str]) -> dict[str, list[str]]:
    """Each edition's progress line, split in words, by edition."""
    lines = [
        line.split()
        for line in result.stdout.splitlines()
        if line.startswith("  ") and not line.lstrip().startswith("|")  # not its log
    ]
    return {words[0]: words[1:] for words in lines}


def page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(handbook, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    repository, _ = handbook
    output = tmp_path_factory.mktemp("site") / "out"
    return output, build_site(repository / "docs", output, *PUBLISH_WORKING)


def test_every_edition_is_built_into_its_own_folder(site, handbook):
    output, result = site
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in output.iterdir()) == [
        "edisi-2023",
        "edisi-2024",
        "index.html",
        "terbaru",
        "versions.json",
    ]
    for name, title in [("terbaru", "Prosedur Baru"), ("edisi-2023", "Prosedur Lama")]:
        assert title in page(output / name / "sop" / f"{title.split()[1].lower()}.html").h1.text
    assert not (output / "edisi-2024" / "sop" / "lama.html").exists()
    assert not (output / "terbaru" / ".doctrees").exists()  # the published folder is HTML only
    repository, commits = handbook
    assert result.stdout.startswith(
        "sphinx-sop-site: building terbaru, edisi-2024, edisi-2023 "
        f"of {repository / 'docs'} into {output}\n"
    )
    steps = progress(result)
    assert steps.keys() == {"terbaru", "edisi-2024", "edisi-2023"}
    assert steps["edisi-2024"][:2] == [commits["2024-06-01"][:10], "built"]
    # The old edition's warning is shown under its line.
    assert "hilang" in result.stdout.split("edisi-2023", 1)[1]


def test_versions_json_lists_the_editions_newest_first(site, handbook):
    output, _ = site
    _, commits = handbook
    versions = json.loads((output / "versions.json").read_text(encoding="utf-8"))
    assert versions["newest"] == "edisi-2024"
    assert [
        (edition["name"], edition["commit"], edition["date"], edition["working"])
        for edition in versions["editions"]
    ] == [
        ("terbaru", commits["2025-03-01"], "2025-03-01", True),
        ("edisi-2024", commits["2024-06-01"], "2024-06-01", False),
        ("edisi-2023", commits["2023-06-01"], "2023-06-01", False),
    ]
    assert versions["editions"][2]["pages"] == ["index", "sop/lama", "sop/masuk"]


def test_each_edition_was_built_knowing_the_site_and_its_name(site):
    output, _ = site
    for name in ("terbaru", "edisi-2024", "edisi-2023"):
        known = json.loads((output / name / "site.json").read_text(encoding="utf-8"))
        assert known["current"] == name
        assert [edition["name"] for edition in known["editions"]] == [
            "terbaru",
            "edisi-2024",
            "edisi-2023",
        ]


def test_the_start_page_leads_to_the_newest_edition(site):
    output, _ = site
    start = page(output / "index.html")
    refresh = start.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == "0; url=edisi-2024/index.html"
    assert start.find("a")["href"] == "edisi-2024/index.html"
    assert (output / start.find("a")["href"]).is_file()


def test_the_start_page_works_from_disk(site, browser):
    output, _ = site
    tab = browser.new_page()
    tab.goto((output / "index.html").as_uri())
    tab.wait_for_url("**/edisi-2024/index.html")
    assert tab.title().startswith("Buku Pedoman SOP")
    tab.close()


def test_a_failing_old_edition_is_reported_and_the_others_published(handbook, tmp_path):
    repository, _ = handbook
    output = tmp_path / "out"
    result = build_site(repository / "docs", output, "-W", "--keep-going", *PUBLISH_WORKING)
    assert result.returncode == 0, result.stderr
    steps = progress(result)
    assert steps["edisi-2023"][1] == "FAILED"
    assert steps["edisi-2024"][1] == steps["terbaru"][1] == "built"
    # The end of its log, its files named as in the repository.
    assert (
        "| docs/index.rst:9: WARNING: unknown document: 'hilang'"
        in result.stdout.split("FAILED", 1)[1]
    )
    assert "editions that failed: edisi-2023" in result.stderr
    versions = json.loads((output / "versions.json").read_text(encoding="utf-8"))
    assert [edition["name"] for edition in versions["editions"]] == ["terbaru", "edisi-2024"]
    # The other editions link to it: its pages lead to the same page of the newest edition.
    lama = page(output / "edisi-2023" / "sop" / "lama.html")
    assert lama.find("a")["href"] == "../../edisi-2024/index.html"
    assert page(output / "edisi-2023" / "sop" / "masuk.html").find("a")["href"] == (
        "../../edisi-2024/sop/masuk.html"
    )
    assert sorted(path.name for path in (output / "edisi-2023").iterdir()) == ["index.html", "sop"]


def test_a_failing_working_edition_fails_the_command(handbook, tmp_path):
    repository, _ = handbook
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(repository), str(clone))
    # Not committed: the working edition is the working tree.
    write(clone, {"docs/sop/baru.rst": "Baru\n====\n\n:doc:`tidak-ada`\n"})
    result = build_site(clone / "docs", tmp_path / "out", "-W", *PUBLISH_WORKING)
    assert result.returncode == 1
    assert progress(result)["terbaru"][1] == "FAILED"
    assert progress(result)["edisi-2024"][1] == "built"
    assert "tidak-ada" in result.stdout


def test_changes_in_no_edition_are_pointed_out(handbook, tmp_path):
    repository, _ = handbook
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(repository), str(clone))
    write(clone, {"docs/sop/masuk.rst": "Masuk\n=====\n"})
    result = build_site(clone / "docs", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert progress(result).keys() == {"edisi-2024", "edisi-2023"}
    assert f"note: changes to {clone / 'docs'} not yet committed are in no edition" in (
        result.stderr
    )
    assert "publish the working tree as 'terbaru' with sop_publish_current = True" in result.stderr


def test_a_shallow_clone_is_built_with_a_warning(handbook, tmp_path):
    repository, _ = handbook
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repository}", str(clone))
    result = build_site(clone / "docs", tmp_path / "out", *PUBLISH_WORKING)
    assert result.returncode == 0, result.stderr
    assert "warning: the git history is incomplete (a shallow clone)" in result.stderr
    versions = json.loads((tmp_path / "out" / "versions.json").read_text(encoding="utf-8"))
    assert versions["shallow"] is True
    assert [edition["name"] for edition in versions["editions"]] == ["terbaru"]


def test_a_folder_outside_git_is_refused(tmp_path):
    conf = 'extensions = ["sphinxcontrib_sop"]\n'
    write(tmp_path / "docs", {"conf.py": conf, "index.rst": "I\n=\n"})
    result = build_site(tmp_path / "docs", tmp_path / "out")
    assert result.returncode == 2
    assert "docs is not in a git repository" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_handbook_without_the_extension_is_refused(tmp_path):
    write(tmp_path / "docs", {"conf.py": "", "index.rst": "I\n=\n"})
    result = build_site(tmp_path / "docs", tmp_path / "out")
    assert result.returncode == 2
    assert "does not list sphinxcontrib_sop in extensions" in result.stderr
