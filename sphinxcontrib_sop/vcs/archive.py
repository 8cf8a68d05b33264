"""The files of a commit, written into a folder (``git archive``), to read an old edition."""

from __future__ import annotations

import re
import subprocess
import tarfile
from pathlib import Path

from .git import TIMEOUT, GitError

#: A commit as ``versions.json`` names it: its hash, in full or abbreviated.
_COMMIT = re.compile(r"[0-9a-fA-F]{4,64}")


def export_commit(repository: Path, commit: str, destination: Path) -> None:
    """Write the files of ``commit`` of ``repository`` into ``destination``.

    :class:`GitError` when git cannot give them: git is missing, the commit is
    not in the repository (a shallow clone), or it is no commit hash.
    """
    if not _COMMIT.fullmatch(commit):
        raise GitError(f"{commit!r} is not a commit hash")
    command = ["git", "archive", "--format=tar", commit]
    try:
        process = subprocess.Popen(
            command, cwd=repository, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
    except OSError as error:
        raise GitError(f"git archive {commit}: {error}") from error
    with process:
        try:
            with tarfile.open(fileobj=process.stdout, mode="r|") as archive:
                _extract(archive, destination)
            unread = None
        except tarfile.TarError as error:
            unread = error
        try:
            returncode = process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired as error:
            process.kill()
            raise GitError(f"git archive {commit}: {error}") from error
        message = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
    if returncode != 0:
        raise GitError(f"git archive {commit}: {message}")
    if unread is not None:
        raise GitError(f"git archive {commit}: {unread}")


def _extract(archive: tarfile.TarFile, destination: Path) -> None:
    """Every file of ``archive`` into ``destination``, none outside it."""
    if hasattr(tarfile, "data_filter"):
        archive.extractall(destination, filter="data")
    else:  # Python before 3.10.12 and 3.11.4: git writes no path outside the folder
        archive.extractall(destination)
