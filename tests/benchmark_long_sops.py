"""How the output, memory and printed pages of long SOPs with loops grow with the steps.

Not a test: run it by hand, for example

    .venv/bin/python tests/benchmark_long_sops.py 400 1600 5000 --shape far

Each SOP has five actors and a decision every tenth step whose *Tidak* loops
back: 5 to 50 steps (``near``) or to any earlier step (``far``, the loops
overlapping more and more as the SOP grows).  Each builder runs in a process of
its own; the table gives the size of its output, the peak memory of the build,
and for LaTeX the flowchart's pages.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTORS = ("Pemohon", "Petugas Loket", "Verifikator", "Kepala Seksi", "Kepala Bidang")
#: Runs a command and prints its peak memory in kilobytes.
PEAK_MEMORY = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def loop_target(number: int, shape: str, chance: random.Random) -> int:
    if shape == "near":
        return max(1, number - chance.randint(5, 50))
    return chance.randint(1, number - 1)


def write_project(folder: Path, steps: int, shape: str) -> None:
    """A project with one SOP of ``steps`` steps, the same for the same arguments."""
    chance = random.Random(1)
    rows = []
    for number in range(1, steps + 1):
        flow = ""
        if number == steps:
            flow = "Selesai"
        elif number % 10 == 0:
            flow = f"Ya: {number + 1}, Tidak: {loop_target(number, shape, chance)}"
        cells = (f"Langkah {number} memeriksa berkas", ACTORS[number % len(ACTORS)])
        rows.append(f"      * - {number}\n" + "".join(f"        - {cell}\n" for cell in cells))
        rows.append(f"        - Berkas\n        - 15 menit\n        - Hasil\n        - {flow}\n")
    folder.mkdir(parents=True)
    (folder / "conf.py").write_text("extensions = ['sphinxcontrib_sop']\nlanguage = 'id'\n")
    (folder / "index.rst").write_text(
        "Panjang\n=======\n\n"
        f".. sop:: Prosedur Panjang\n   :id: panjang\n   :actors: {', '.join(ACTORS)}\n\n"
        "   .. list-table::\n      :header-rows: 1\n\n"
        "      * - No\n        - Kegiatan\n        - Pelaksana\n        - Kelengkapan\n"
        "        - Waktu\n        - Output\n        - Alur\n" + "".join(rows),
        encoding="utf-8",
    )


def build(source: Path, builder: str) -> tuple[int, int, float, str]:
    """Output bytes, peak memory (kB), seconds, and for LaTeX the flowchart's pages."""
    output = source / "_build" / builder
    command = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", builder, source, output]
    started = time.monotonic()
    peak = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, *map(str, command)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    seconds = time.monotonic() - started
    if builder == "html":
        page = (output / "index.html").read_text(encoding="utf-8")
        return len(page.encode()), int(peak), seconds, ""
    tex = next(output.glob("*.tex")).read_text(encoding="utf-8")
    pages = str(tex.count(r"\begin{sopflowchartpage}"))
    return len(tex.encode()), int(peak), seconds, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("steps", type=int, nargs="+")
    parser.add_argument("--shape", choices=("near", "far"), default="far")
    parser.add_argument("--builders", nargs="+", default=["html", "latex"])
    arguments = parser.parse_args()
    print("steps  builder  output bytes  peak memory  seconds  pages")
    with tempfile.TemporaryDirectory() as folder:
        for steps in arguments.steps:
            source = Path(folder) / f"{arguments.shape}-{steps}"
            write_project(source, steps, arguments.shape)
            for builder in arguments.builders:
                size, peak, seconds, pages = build(source, builder)
                print(
                    f"{steps:5}  {builder:7}  {size:12,}  {peak // 1024:8,} MB  "
                    f"{seconds:7.1f}  {pages:>5}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
