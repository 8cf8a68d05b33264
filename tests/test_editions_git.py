"""The editions of a handbook found in git: tags, sop_editions, the working edition, a shallow clone.

Also a build of one edition on its own, as Read the Docs builds each version: it finds
the editions in git and knows which one it is.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from git_handbook import git, make_handbook, write

from conftest import warnings
from sphinxcontrib_sop.editions import site
from sphinxcontrib_sop.vcs.editions import Missing, Sources, find_editions
from sphinxcontrib_sop.vcs.pages import docnames

PATTERN = r"^(edisi-|v)"


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    repository = tmp_path_factory.mktemp("git") / "handbook"
    return repository, make_handbook(repository)


def sources(repository: Path) -> Sources:
    return Sources(repository / "docs", (".rst",), ("_build", "drafts"))


def test_editions_are_the_matching_tags_newest_first(handbook):
    repository, commits = handbook
    history = find_editions(sources(repository), pattern=PATTERN, named={}, working=None)
    assert [edition.name for edition in history.editions] == ["edisi-2024", "edisi-2023"]
    newest, oldest = history.editions
    assert (newest.ref, newest.commit) == ("edisi-2024", commits["2024-06-01"])
    assert newest.date == datetime.date(2024, 6, 1)
    assert not newest.working
    assert newest.pages == {"index", "sop/masuk"}
    # Only pages of the source folder, excluded folders left out; relative to that folder.
    assert oldest.pages == {"index", "sop/masuk", "sop/lama"}
    assert (history.missing, history.shallow) == ((), False)


def test_the_pattern_chooses_the_tags(handbook):
    repository, _ = handbook
    history = find_editions(sources(repository), pattern=r"^rilis-", named={}, working=None)
    assert [edition.name for edition in history.editions] == ["rilis-1"]


def test_sop_editions_names_any_commit_and_the_working_edition_comes_first(handbook):
    repository, commits = handbook
    history = find_editions(
        sources(repository),
        pattern=PATTERN,
        named={"koreksi-2024": commits["2024-09-01"][:9], "edisi-2023": "rilis-1"},
        working="terbaru",
    )
    assert [
        (edition.name, edition.ref, edition.commit, edition.working) for edition in history.editions
    ] == [
        ("terbaru", "main", commits["2025-03-01"], True),
        ("koreksi-2024", commits["2024-09-01"][:9], commits["2024-09-01"], False),
        # A name in sop_editions wins over the tag of that name; commits tie, names decide.
        ("edisi-2024", "edisi-2024", commits["2024-06-01"], False),
        ("edisi-2023", "rilis-1", commits["2024-06-01"], False),
    ]
    assert history.editions[0].pages == {"index", "sop/masuk", "sop/baru"}
    assert history.editions[0].date == datetime.date(2025, 3, 1)


def test_the_working_edition_is_the_working_tree(handbook, tmp_path):
    repository, commits = handbook
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(repository), str(clone))
    write(clone, {"docs/sop/rancangan.rst": "Rancangan\n=========\n", "docs/sop/baru.rst": None})
    history = find_editions(sources(clone), pattern=PATTERN, named={}, working="draft")
    working = history.editions[0]
    assert (working.name, working.commit) == ("draft", commits["2025-03-01"])
    assert working.pages == {"index", "sop/masuk", "sop/rancangan"}


def test_a_ref_git_does_not_have_is_reported_and_left_out(handbook):
    repository, _ = handbook
    history = find_editions(
        sources(repository), pattern=PATTERN, named={"edisi-2022": "v0.9"}, working=None
    )
    assert history.missing == (Missing("edisi-2022", "v0.9"),)
    assert [edition.name for edition in history.editions] == ["edisi-2024", "edisi-2023"]


def test_a_shallow_clone_is_said_to_lack_history(handbook, tmp_path):
    repository, commits = handbook
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repository}", str(clone))
    history = find_editions(
        sources(clone), pattern=PATTERN, named={"edisi-2023": commits["2023-06-01"]}, working="x"
    )
    assert history.shallow
    assert [edition.name for edition in history.editions] == ["x"]
    assert history.missing == (Missing("edisi-2023", commits["2023-06-01"]),)
    assert history.site("x").shallow


def test_outside_git_there_are_no_editions(tmp_path):
    (tmp_path / "index.rst").write_text("Index\n=====\n", encoding="utf-8")
    found = find_editions(Sources(tmp_path, (".rst",)), pattern=PATTERN, named={}, working="x")
    assert found is None


def test_pages_are_files_with_a_source_suffix_not_excluded():
    files = [
        "index.rst",
        "sop/layanan.md",
        "sop/data.csv",
        "_build/html/index.rst",
        "drafts/a.rst",
        "sop/old/b.rst",
        "sop/catatan.rst",
    ]
    assert docnames(files, (".rst", ".md"), ("_build", "sop/old", "sop/cat*.rst")) == {
        "index",
        "sop/layanan",
        "drafts/a",
    }
    assert docnames(files, (".rst",), ("**/old", "dr?fts")) == {
        "index",
        "_build/html/index",
        "sop/catatan",
    }


# -- a build of the handbook alone, as Read the Docs builds each version ---------------------


def checkout(repository: Path, folder: Path, ref: str) -> Path:
    git(folder.parent, "clone", "--quiet", str(repository), str(folder))
    git(folder, "checkout", "--quiet", ref)
    return folder / "docs"


def test_read_the_docs_builds_one_edition_that_knows_the_others(
    handbook, tmp_path, make_app, monkeypatch
):
    repository, commits = handbook
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_VERSION", "edisi-2023")
    srcdir = checkout(repository, tmp_path / "rtd", "edisi-2023")
    app = make_app("html", srcdir=srcdir, confoverrides={"sop_editions": {"koreksi": "main~1"}})
    known = site(app)
    assert [edition.name for edition in known.editions] == ["koreksi", "edisi-2024", "edisi-2023"]
    assert known.editions[0].commit == commits["2024-09-01"]
    assert known.current == "edisi-2023"
    assert known.this.pages == {"index", "sop/masuk", "sop/lama"}
    assert known.is_old()
    assert known.newest.name == "koreksi"
    assert not [line for line in warnings(app) if "sop.edition" in line]


def test_a_build_alone_is_the_working_edition_unless_told_otherwise(
    handbook, tmp_path, make_app, monkeypatch
):
    repository, _ = handbook
    monkeypatch.delenv("READTHEDOCS", raising=False)
    srcdir = checkout(repository, tmp_path / "alone", "main")
    app = make_app("html", srcdir=srcdir, confoverrides={"sop_publish_current": True})
    assert site(app).current == "terbaru"  # language = "id"
    assert site(app).this.working
    named = make_app("html", srcdir=srcdir, confoverrides={"sop_edition": "edisi-2024"})
    assert site(named).current == "edisi-2024"
    assert [edition.name for edition in site(named).editions] == ["edisi-2024", "edisi-2023"]


def test_a_build_alone_in_a_shallow_clone_warns(handbook, tmp_path, make_app):
    repository, _ = handbook
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repository}", str(clone))
    app = make_app(
        "html",
        srcdir=clone / "docs",
        confoverrides={"sop_publish_current": True, "sop_editions": {"edisi-2023": "edisi-2023"}},
    )
    assert [line for line in warnings(app) if "sop.edition" in line] == [
        "WARNING: the git history is incomplete (a shallow clone): editions whose commits it "
        "lacks are left out (1 found); fetch the whole history with "
        "'git fetch --unshallow --tags' [sop.edition]",
        "WARNING: edition 'edisi-2023' (git ref 'edisi-2023') is not in this shallow clone: it "
        "is left out; fetch the whole history with 'git fetch --unshallow --tags' [sop.edition]",
    ]
    assert site(app).shallow
    assert [edition.name for edition in site(app).editions] == ["terbaru"]


def test_outside_git_a_build_has_no_site_and_no_warning(tmp_path, make_app):
    srcdir = tmp_path / "plain"
    write(srcdir, {"conf.py": 'extensions = ["sphinxcontrib_sop"]\n', "index.rst": "I\n=\n"})
    app = make_app("html", srcdir=srcdir, confoverrides={"sop_publish_current": True})
    assert site(app) is None
    assert warnings(app) == []
