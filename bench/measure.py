"""Running one sphinx-build in a fresh process: its wall time and peak memory; the machine.

Peak memory is measured two ways (Linux):

* ``peak_rss_mb``: the largest resident set of any one process of the build
  (sphinx-build, its ``-j`` workers, ``dot``), as the kernel counts it
  (``ru_maxrss`` of :func:`os.wait4`, which covers the waited-for children);
* ``tree_mb``: the largest sum over the whole process tree, sampled every
  0.1 s, each process counted by its proportional set size (PSS), so pages the
  ``-j`` workers share with their parent count once.
"""

from __future__ import annotations

import compileall
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

SAMPLE_SECONDS = 0.1


class BuildError(RuntimeError):
    """sphinx-build exited with an error (or a warning: builds run with ``-W``)."""


@dataclass(frozen=True)
class Measurement:
    """One build: wall and CPU seconds, peak memory and pickled environment in MB.

    ``cpu`` is the user and system time of the build and every process it
    waited for: steadier than the wall time on a machine busy with other work.
    """

    wall: float
    cpu: float
    peak_rss_mb: float
    tree_mb: float
    env_mb: float


def compile_extension() -> None:
    """Compile the extension's modules to bytecode, as installing a package does.

    Sphinx's modules, installed, are compiled already; an editable checkout is
    compiled by its first import, or by every build where Python is told not to
    write bytecode (``PYTHONDONTWRITEBYTECODE``), which would add the compiling
    of 150 modules to each of the extension's builds.
    """
    import sphinxcontrib_sop

    compileall.compile_dir(Path(sphinxcontrib_sop.__file__).parent, quiet=1)


def sphinx_build(source: Path, output: Path, jobs: int = 1) -> Measurement:
    """Build ``source`` as HTML into ``output`` in a fresh process (``-W``; not ``-E``)."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W"]
    command += ["-j", str(jobs), str(source), str(output)]
    return run(command, output / ".doctrees" / "environment.pickle")


def page_seconds(source: Path, output: Path, docname: str) -> dict[str, float | None]:
    """How long page ``docname`` of the built ``source`` takes to write again, and its
    registries to fill (``bench/page.py``, in a fresh process)."""
    command = [sys.executable, str(Path(__file__).with_name("page.py"))]
    command += [str(source), str(output), docname]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"{' '.join(command)} failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])


def run(command: list[str], environment_pickle: Path | None = None) -> Measurement:
    """Run ``command``; raise :class:`BuildError` with its messages when it fails."""
    with tempfile.TemporaryFile() as messages:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=messages)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
        if process.returncode != 0:
            messages.seek(0)
            text = messages.read().decode("utf-8", "replace")
            raise BuildError(f"{' '.join(command)} failed:\n{text}")
    env_bytes = environment_pickle.stat().st_size if environment_pickle else 0
    cpu = usage.ru_utime + usage.ru_stime
    return Measurement(wall, cpu, usage.ru_maxrss / 1024, sampler.peak_kb / 1024, env_bytes / 2**20)


class _TreeSampler(threading.Thread):
    """Samples the memory of a process and its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(SAMPLE_SECONDS):
            self.peak_kb = max(self.peak_kb, sum(map(_memory_kb, _tree(self.pid))))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it (from ``/proc/<pid>/task/*/children``)."""
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        try:
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                waiting += [int(child) for child in children.read_text().split()]
        except OSError:
            continue  # the process ended meanwhile
    return found


def _memory_kb(pid: int) -> int:
    """The PSS of ``pid`` in kB (its RSS where PSS cannot be read; 0 once it ended)."""
    for name, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            for line in Path(name).read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return 0


def machine() -> dict[str, str]:
    """The machine and software the benchmark ran on."""
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": f"{_memory_total_gb():.1f} GB",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Sphinx": metadata.version("sphinx"),
        "docutils": metadata.version("docutils"),
        "sphinx-rtd-theme": metadata.version("sphinx-rtd-theme"),
        "Graphviz": _graphviz_version(),
        "sphinxcontrib-sop": f"{metadata.version('sphinxcontrib-sop')} ({_commit()})",
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_total_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return 0.0


def _graphviz_version() -> str:
    try:
        result = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False)
    except OSError:
        return "not found"
    return result.stderr.strip().removeprefix("dot - graphviz version ")


def _commit() -> str:
    """The commit of the extension measured, ``+`` when the working tree has changes."""
    folder = Path(__file__).resolve().parent
    try:
        commit = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        changed = subprocess.run(
            ["git", "-C", str(folder), "status", "--porcelain", "--", "../sphinxcontrib_sop"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "no git"
    return commit + ("+" if changed else "")
