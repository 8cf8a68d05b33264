"""The editions case: the handbook kept in git with five editions, and the same outside git.

:func:`write_repository` writes the ``sop`` project of N SOPs into a git
repository and commits it as five editions, tagged ``edisi-2021`` to
``edisi-2025``: each revises a tenth of the SOPs (other ones each time), so
every build of the working tree reads the five older editions for the
revision histories, the diffs and the list of changes.  The working tree
revises another tenth, so the working edition has changes of its own.

Every edition names the same history cache (``sop_history_cache``), so a
second build finds the older editions read by the first.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

from content import STEPS, SOPText, handbook
from projects import write_project, write_sop_page

#: The editions, oldest first: each tag and the day of its commit.
EDITIONS = tuple((f"edisi-{year}", f"{year}-01-15T10:00:00+07:00") for year in range(2021, 2026))
#: The share of the SOPs each edition revises: those whose index leaves this remainder.
EVERY = 10
#: Where the builds keep the older editions they read, relative to the source folder.
HISTORY_CACHE = "../history-cache"
#: The page listing what changed in the working edition.
CHANGES_PAGE = "perubahan"


def write_repository(folder: Path, size: int) -> None:
    """A git repository in ``folder``: five tagged editions and a revised working tree."""
    sops = handbook(size)
    write_project(folder, "sop", size)
    with (folder / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"sop_history_cache = {HISTORY_CACHE!r}\n")
    index = folder / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + f"   {CHANGES_PAGE}\n", encoding="utf-8")
    (folder / f"{CHANGES_PAGE}.rst").write_text(
        "Perubahan pada edisi ini\n========================\n\n.. sop-changes::\n",
        encoding="utf-8",
    )
    _git(folder, "init", "--quiet", "--initial-branch", "main")
    for number, (tag, day) in enumerate(EDITIONS):
        _revise(folder, sops, size, number)
        _git(folder, "add", "--all")
        _git(folder, "commit", "--quiet", "--message", tag, day=day)
        _git(folder, "tag", tag)
    _revise(folder, sops, size, len(EDITIONS))


def _revise(folder: Path, sops: list[SOPText], size: int, edition: int) -> None:
    """Revise the SOPs of edition ``edition`` (none in the first): a step's text and the
    time of another change, and the date revised."""
    if edition == 0:
        return
    for sop in sops:
        if sop.index % EVERY == edition % EVERY:
            write_sop_page(folder, _revision(sop, edition), "sop", size)


def _revision(sop: SOPText, edition: int) -> SOPText:
    timed = STEPS // 2 + 2
    steps = tuple(
        dataclasses.replace(step, time_minutes=step.time_minutes + 5 * edition)
        if step.number == timed
        else step
        for step in sop.edited().steps
    )
    return dataclasses.replace(sop, steps=steps, revised=f"2 Januari {2020 + edition}")


def _git(folder: Path, *arguments: str, day: str = "") -> None:
    environment = dict(os.environ)
    if day:
        environment |= {"GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day}
    identity = ("-c", "user.name=Benchmark", "-c", "user.email=bench@example.invalid")
    subprocess.run(
        ["git", *identity, "-C", str(folder), *arguments],
        check=True, env=environment, capture_output=True,
    )  # fmt: skip
