"""Where the extension's time goes: cProfile of a clean build and an edit-one rebuild.

``run.py --profile N`` builds the N-SOP handbook (and its plain twin, for the
size of the pickled environment), then prints the extension's functions taking
the most time, cumulative and their own, each with its share of the build.
"""

from __future__ import annotations

import pstats
import sys
from pathlib import Path

from content import handbook
from measure import Measurement, run, sphinx_build
from projects import VARIANTS, write_project, write_sop_page

PACKAGE = "sphinxcontrib_sop"
TOP = 15


def profile(folder: Path, size: int) -> None:
    """Profile the ``size``-SOP handbook's clean build and an edit-one rebuild in ``folder``."""
    for variant in VARIANTS:
        write_project(folder / variant, variant, size)
    plain = sphinx_build(folder / "plain", folder / "plain-html")
    output = folder / "sop-html"
    clean = _profiled_build(folder / "sop", output, folder / "clean.prof")
    print(_report(f"Clean build of {size} SOPs", folder / "clean.prof", clean))
    write_sop_page(folder / "sop", handbook(size)[size // 2].edited(), "sop", size)
    edit = _profiled_build(folder / "sop", output, folder / "edit.prof")
    print(_report(f"Edit one SOP of {size} and rebuild", folder / "edit.prof", edit))
    print(
        f"\nPickled environment: {clean.env_mb:.1f} MB with .. sop::, "
        f"{plain.env_mb:.1f} MB as plain tables ({clean.env_mb / plain.env_mb:.2f}×)."
        f"\nProfiles: {folder}/clean.prof, {folder}/edit.prof (python -m pstats)."
    )


def _profiled_build(source: Path, output: Path, profile_file: Path) -> Measurement:
    command = [sys.executable, "-m", "cProfile", "-o", str(profile_file), "-m", "sphinx"]
    command += ["-b", "html", "-q", "-W", "-j", "1", str(source), str(output)]
    return run(command, output / ".doctrees" / "environment.pickle")


def _report(title: str, profile_file: Path, measurement: Measurement) -> str:
    stats = pstats.Stats(str(profile_file))
    total = stats.total_tt  # type: ignore[attr-defined]
    ours = {
        key: value for key, value in stats.stats.items()  # type: ignore[attr-defined]
        if f"/{PACKAGE}/" in key[0]
    }  # fmt: skip
    own_total = sum(value[2] for value in ours.values())
    lines = [
        "",
        f"{title}: {measurement.wall:.1f} s wall, {total:.1f} s profiled; "
        f"own time in {PACKAGE}: {own_total:.1f} s ({own_total / total:.0%})",
    ]
    for heading, column in (("by cumulative time", 3), ("by own time", 2)):
        lines.append(f"  {PACKAGE} {heading}:")
        ranked = sorted(ours.items(), key=lambda item: item[1][column], reverse=True)[:TOP]
        for (file, line, function), value in ranked:
            name = f"{file.split(f'/{PACKAGE}/')[-1]}:{line}({function})"
            lines.append(
                f"    {value[column]:7.2f} s {value[column] / total:6.1%} "
                f"{value[1]:>9} calls  {name}"
            )
    return "\n".join(lines)
