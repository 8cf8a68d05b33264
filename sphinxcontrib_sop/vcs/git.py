"""Running git: one command at a time, its output as text, its failure as :class:`GitError`."""

from __future__ import annotations

import subprocess
from pathlib import Path

#: Seconds one git command may take.
TIMEOUT = 120


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a command failed."""


def git(repository: Path, *arguments: str) -> str:
    """The output of ``git arguments…`` run in ``repository``; :class:`GitError` if it fails."""
    try:
        result = subprocess.run(
            ["git", *arguments],
            cwd=repository,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"git {' '.join(arguments)}: {error}") from error
    if result.returncode != 0:
        raise GitError(f"git {' '.join(arguments)}: {result.stderr.strip()}")
    return result.stdout


def repository_root(folder: Path) -> Path | None:
    """The top folder of the git repository holding ``folder``, or ``None``."""
    try:
        return Path(git(folder, "rev-parse", "--show-toplevel").strip())
    except GitError:
        return None
