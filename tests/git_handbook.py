"""A small handbook in a temporary git repository, with editions made as a team makes them.

History of ``main`` (commit dates fixed, so that the order of editions is known):

* 2023-06-01, tagged ``edisi-2023``: pages ``index``, ``sop/masuk``, ``sop/lama``; its
  start page links to a page that does not exist (a warning, so ``-W`` fails it).
* 2024-06-01, tagged ``edisi-2024`` and ``rilis-1`` (no edition: the pattern does not
  match it): ``sop/masuk`` changed, ``sop/lama`` withdrawn.
* 2024-09-01, no tag: a correction, named as an edition through ``sop_editions`` only.
* 2025-03-01, the checked-out commit: ``sop/baru`` added.

Every edition's ``conf.py`` writes what the build knew of its site to ``site.json`` in
the output folder, so that a test can see what each build was told.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CONF = """\
import json
from pathlib import Path

extensions = ["sphinxcontrib_sop"]
language = "id"
exclude_patterns = ["_build", "drafts"]


def setup(app):
    from sphinxcontrib_sop.editions import site

    def note_site(app, exception):
        known = site(app)
        text = known.to_json() if known else "null"
        (Path(app.outdir) / "site.json").write_text(text, encoding="utf-8")

    app.connect("build-finished", note_site)
"""

INDEX = """\
Buku Pedoman SOP
================

.. toctree::
   :glob:

   sop/*
"""


def page(title: str, text: str = "Isi halaman.") -> str:
    return f"{title}\n{'=' * len(title)}\n\n{text}\n"


def git(repository: Path, *arguments: str, date: str | None = None) -> str:
    environment = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=str(repository.parent))
    environment.update(
        GIT_AUTHOR_NAME="Tim SOP",
        GIT_AUTHOR_EMAIL="sop@example.org",
        GIT_COMMITTER_NAME="Tim SOP",
        GIT_COMMITTER_EMAIL="sop@example.org",
    )
    if date:
        environment.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(
        ["git", *arguments],
        cwd=repository,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def write(repository: Path, files: dict[str, str | None]) -> None:
    """Write (or, for ``None``, delete) files of the repository."""
    for name, text in files.items():
        path = repository / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def commit(repository: Path, files: dict[str, str | None], date: str, *tags: str) -> str:
    """Commit the changed ``files`` on ``date``; tag the commit; its hash."""
    write(repository, files)
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "-m", f"Edition of {date}", date=date)
    for tag in tags:
        git(repository, "tag", tag)
    return git(repository, "rev-parse", "HEAD")


def make_handbook(repository: Path) -> dict[str, str]:
    """The handbook's repository in ``repository``; the hash of each commit, by its date."""
    repository.mkdir(parents=True)
    git(repository, "init", "--quiet", "--initial-branch=main")
    return {
        "2023-06-01": commit(
            repository,
            {
                "README.rst": page("Bukan halaman"),
                "docs/conf.py": CONF,
                "docs/index.rst": INDEX + "\nLihat :doc:`hilang`.\n",
                "docs/sop/masuk.rst": page("Surat Masuk"),
                "docs/sop/lama.rst": page("Prosedur Lama"),
                "docs/drafts/catatan.rst": page("Catatan"),
            },
            "2023-06-01T10:00:00+07:00",
            "edisi-2023",
        ),
        "2024-06-01": commit(
            repository,
            {
                "docs/index.rst": INDEX,
                "docs/sop/masuk.rst": page("Surat Masuk", "Isi yang diubah."),
                "docs/sop/lama.rst": None,
            },
            "2024-06-01T10:00:00+07:00",
            "edisi-2024",
            "rilis-1",
        ),
        "2024-09-01": commit(
            repository,
            {"docs/sop/masuk.rst": page("Surat Masuk", "Isi yang dikoreksi.")},
            "2024-09-01T10:00:00+07:00",
        ),
        "2025-03-01": commit(
            repository, {"docs/sop/baru.rst": page("Prosedur Baru")}, "2025-03-01T10:00:00+07:00"
        ),
    }
