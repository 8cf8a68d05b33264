"""The extension's cost at handbook scale: an N-SOP handbook against the same text as plain tables.

Run by hand (never in CI), for example::

    ./dev.sh bench --sizes 250,1000,4000

See bench/README.md for what is measured and how to read the table.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chart import Series, write_chart
from content import handbook
from editions import EDITIONS, write_repository
from measure import Measurement, compile_extension, machine, page_seconds, sphinx_build
from profiling import profile
from projects import LOADED, REGISTRY_PAGE, VARIANTS, write_project, write_sop_page

CLEAN, EDIT, PARALLEL, GRAPHVIZ = "clean", "edit-one", "parallel", "graphviz"
#: The editions case: a clean build and an edit-one rebuild of the handbook in git.
HISTORY, HISTORY_EDIT = "editions", "editions-edit-one"
#: Its builds: outside git, in git with the older editions read, with them cached.
ALONE, FIRST, CACHED = "outside-git", "editions-first", "editions-cached"
#: The size issue 13's targets are set for.
TARGET_SIZE = 1000
#: Issue 13's target for the edit-one rebuild: at most this times the plain one.
EDIT_TARGET = 1.15
BENCH = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Result:
    """One build of the benchmark."""

    size: int
    case: str
    variant: str
    jobs: int
    repetition: int
    measurement: Measurement


@dataclass(frozen=True)
class Ratio:
    """One line of the table: a measure of both variants, their ratio and its target."""

    size: int
    measure: str
    unit: str
    plain: float
    sop: float
    target: str = ""

    @property
    def ratio(self) -> float:
        return self.sop / self.plain if self.plain else float("nan")


@dataclass(frozen=True)
class PageTiming:
    """The page holding the registry, written again after a clean build (``page.py``):
    seconds to write it, and to fill its registry (``None`` for the plain variant)."""

    size: int
    variant: str
    write: float
    fill: float | None


@dataclass(frozen=True)
class Figure:
    """A cost stated in seconds rather than as a ratio, with its target."""

    size: int
    measure: str
    seconds: float
    target: str


def main(argv: list[str] | None = None) -> int:
    options = _arguments().parse_args(argv)
    options.workdir.mkdir(parents=True, exist_ok=True)
    compile_extension()
    if options.profile:
        profile(options.workdir / f"profile-{options.profile}", options.profile)
        return 0
    about = machine()
    print("\n".join(f"{key}: {value}" for key, value in about.items()), flush=True)
    results: list[Result] = []
    pages: list[PageTiming] = []
    for size in options.sizes:
        results += _measure_size(options, size, pages)
    if options.graphviz_size:
        results += _measure_graphviz(options, options.graphviz_size)
    if options.editions_size:
        results += _measure_editions(options, options.editions_size)
    ratios = [ratio for size in _sizes(results) for ratio in _ratios(results, size)]
    ratios += _page_ratios(pages)
    ratios.sort(key=lambda ratio: ratio.measure.startswith("Graphviz"))  # that case last
    figures = _edit_figures(results) + _registry_figures(pages) + _editions_figures(results)
    print(_table(ratios))
    print(_figures_table(figures))
    _write_results(options.results, results, ratios, figures, about)
    print(f"\nResults written to {options.results}/")
    return 0


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=_numbers, default=[250], help="SOPs per handbook, e.g. 250,1000,4000"
    )
    parser.add_argument("--repeat", type=int, default=1, help="builds of each; the best counts")
    parser.add_argument(
        "--once-above",
        type=int,
        metavar="N",
        help="handbooks of more than N SOPs are built once, whatever --repeat says",
    )
    parser.add_argument("--jobs", type=int, default=4, help="the -j of the parallel build")
    parser.add_argument(
        "--graphviz-size", type=int, default=200, help="SOPs of the Graphviz case (0: skip it)"
    )
    parser.add_argument(
        "--editions-size",
        type=int,
        default=200,
        help=f"SOPs of the case of {len(EDITIONS)} editions in git (0: skip it)",
    )
    parser.add_argument(
        "--results", type=Path, default=BENCH / "results", help="folder of the CSV and chart"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "sop-bench",
        help="where the handbooks are written and built (outside any git checkout)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the handbooks and builds")
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        help="instead: profile a clean build and an edit-one rebuild of N SOPs (cProfile)",
    )
    return parser


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _measure_size(options: argparse.Namespace, size: int, pages: list[PageTiming]) -> list[Result]:
    """Clean -j 1 (then the registry's page written again, into ``pages``), edit one SOP
    and rebuild, clean -j N; both variants, alternating.  The edit-one case also for the
    plain project with the extension loaded, built clean once first."""
    folder = options.workdir / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    for variant in (*VARIANTS, LOADED):
        write_project(folder / variant, variant, size)
    edited = handbook(size)[size // 2]
    results = []
    once = options.once_above is not None and size > options.once_above
    for repetition in range(1 if once else options.repeat):
        order = _order(repetition)
        if repetition == 0:
            output = _fresh(folder / f"{LOADED}-html")
            results.append(_build(size, CLEAN, LOADED, 1, repetition, folder / LOADED, output))
        for variant in order:
            output = _fresh(folder / f"{variant}-html")
            results.append(_build(size, CLEAN, variant, 1, repetition, folder / variant, output))
        for variant in order:
            seconds = page_seconds(folder / variant, folder / f"{variant}-html", REGISTRY_PAGE)
            pages.append(PageTiming(size, variant, seconds["write"], seconds["fill"]))
        for variant in _order(repetition, (*VARIANTS, LOADED)):
            page = edited.edited() if repetition % 2 == 0 else edited
            write_sop_page(folder / variant, page, variant, size)
            output = folder / f"{variant}-html"
            results.append(_build(size, EDIT, variant, 1, repetition, folder / variant, output))
        for variant in order:
            output = _fresh(folder / f"{variant}-html-j{options.jobs}")
            results.append(
                _build(size, PARALLEL, variant, options.jobs, repetition, folder / variant, output)
            )
    if not options.keep:
        shutil.rmtree(folder)
    return results


def _measure_graphviz(options: argparse.Namespace, size: int) -> list[Result]:
    """Clean builds with every SOP's Graphviz flowchart: the extension's, sphinx.ext.graphviz."""
    folder = options.workdir / f"graphviz-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    for variant in VARIANTS:
        write_project(folder / variant, variant, size, graphviz=True)
    results = []
    for repetition in range(options.repeat):
        for variant in _order(repetition):
            output = _fresh(folder / f"{variant}-html")
            results.append(_build(size, GRAPHVIZ, variant, 1, repetition, folder / variant, output))
    if not options.keep:
        shutil.rmtree(folder)
    return results


def _measure_editions(options: argparse.Namespace, size: int) -> list[Result]:
    """The handbook in git with five older editions against the same outside git: clean
    builds (the first reading the editions, the next finding them cached) and an edit-one
    rebuild."""
    folder = options.workdir / f"editions-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    repository, alone = folder / "repository", folder / "alone"
    write_repository(repository, size)
    shutil.copytree(repository, alone, ignore=shutil.ignore_patterns(".git"))
    sources = {ALONE: alone, FIRST: repository, CACHED: repository}
    cache = folder / "history-cache"  # sop_history_cache of both projects
    edited = handbook(size)[size // 3]
    results = []
    for repetition in range(options.repeat):
        shutil.rmtree(cache, ignore_errors=True)
        for variant in (ALONE, FIRST, CACHED):
            output = _fresh(folder / f"{variant}-html")
            results.append(_build(size, HISTORY, variant, 1, repetition, sources[variant], output))
        for variant in (ALONE, CACHED):
            page = edited.edited() if repetition % 2 == 0 else edited
            write_sop_page(sources[variant], page, "sop", size)
            output = folder / f"{variant}-html"
            results.append(
                _build(size, HISTORY_EDIT, variant, 1, repetition, sources[variant], output)
            )
    if not options.keep:
        shutil.rmtree(folder)
    return results


def _order(repetition: int, variants: tuple[str, ...] = VARIANTS) -> tuple[str, ...]:
    """The variants in the order of this repetition: the first goes first every other
    time, last the other times."""
    return variants if repetition % 2 == 0 else variants[::-1]


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def _build(
    size: int, case: str, variant: str, jobs: int, repetition: int, source: Path, output: Path
) -> Result:
    print(f"N={size:<5} {case:<17} {variant:<15} -j {jobs} …", end=" ", file=sys.stderr, flush=True)
    measurement = sphinx_build(source, output, jobs)
    print(
        f"{measurement.wall:7.1f} s wall {measurement.cpu:7.1f} s CPU "
        f"{measurement.peak_rss_mb:6.0f} MB",
        file=sys.stderr,
        flush=True,
    )
    return Result(size, case, variant, jobs, repetition, measurement)


def _best(results: list[Result], size: int, case: str, variant: str) -> Measurement:
    """The best of the repetitions: the lowest time and the lowest memory."""
    runs = [
        r.measurement
        for r in results
        if (r.size, r.case, r.variant) == (size, case, variant)
    ]  # fmt: skip
    return Measurement(
        min(run.wall for run in runs),
        min(run.cpu for run in runs),
        min(run.peak_rss_mb for run in runs),
        min(run.tree_mb for run in runs),
        min(run.env_mb for run in runs),
    )


def _sizes(results: list[Result]) -> list[int]:
    return sorted({result.size for result in results})


def _cases(results: list[Result], size: int) -> set[str]:
    return {result.case for result in results if result.size == size}


def _ratios(results: list[Result], size: int) -> list[Ratio]:
    """The measures of the table for one size, with their targets (issue 13)."""
    cases = _cases(results, size)
    ratios = []
    if CLEAN in cases:
        plain, sop = (_best(results, size, CLEAN, variant) for variant in ("plain", "sop"))
        ratios += [
            Ratio(size, "clean build -j 1: wall time", "s", plain.wall, sop.wall, "≤ 1.10"),
            Ratio(size, "clean build -j 1: CPU time", "s", plain.cpu, sop.cpu, "≤ 1.10"),
            Ratio(size, "clean build -j 1: peak RSS", "MB", plain.peak_rss_mb, sop.peak_rss_mb,
                  "≤ 1.15"),
            Ratio(size, "pickled environment", "MB", plain.env_mb, sop.env_mb),
        ]  # fmt: skip
    if EDIT in cases:
        plain, sop = (_best(results, size, EDIT, variant) for variant in ("plain", "sop"))
        target = f"≤ {EDIT_TARGET:.2f}"
        ratios += [
            Ratio(size, "edit one SOP, rebuild: wall time", "s", plain.wall, sop.wall, target),
            Ratio(size, "edit one SOP, rebuild: CPU time", "s", plain.cpu, sop.cpu, target),
        ]
    if PARALLEL in cases:
        jobs = next(r.jobs for r in results if (r.size, r.case) == (size, PARALLEL))
        plain, sop = (_best(results, size, PARALLEL, variant) for variant in ("plain", "sop"))
        clean = {variant: _best(results, size, CLEAN, variant).wall for variant in VARIANTS}
        ratios += [
            Ratio(size, f"clean build -j {jobs}: wall time", "s", plain.wall, sop.wall),
            Ratio(size, f"clean build -j {jobs}: memory of all processes (PSS)", "MB",
                  plain.tree_mb, sop.tree_mb),
            Ratio(size, f"speed-up of -j {jobs} over -j 1", "×", clean["plain"] / plain.wall,
                  clean["sop"] / sop.wall, "≥ 1.00"),
        ]  # fmt: skip
    if GRAPHVIZ in cases:
        plain, sop = (_best(results, size, GRAPHVIZ, variant) for variant in ("plain", "sop"))
        ratios += [
            Ratio(size, "Graphviz flowcharts, clean build: wall time", "s", plain.wall, sop.wall,
                  "≤ 1.00"),
            Ratio(size, "Graphviz flowcharts, clean build: CPU time", "s", plain.cpu, sop.cpu,
                  "≤ 1.00"),
        ]  # fmt: skip
    return ratios


def _page_ratios(pages: list[PageTiming]) -> list[Ratio]:
    """The page holding the registry, written again: each variant's best time."""
    return [
        Ratio(size, "page with the registry, written again", "s",
              *(min(p.write for p in pages if (p.size, p.variant) == (size, variant))
                for variant in ("plain", "sop")))
        for size in sorted({page.size for page in pages})
    ]  # fmt: skip


def _edit_figures(results: list[Result]) -> list[Figure]:
    """What the extension adds to an edit-one rebuild, and how much of it is there with no
    SOP in the handbook, the extension only loaded."""
    figures = []
    for size in _sizes(results):
        variants = {r.variant for r in results if (r.size, r.case) == (size, EDIT)}
        if not {*VARIANTS, LOADED} <= variants:
            continue
        plain, sop, loaded = (
            _best(results, size, EDIT, variant).wall for variant in ("plain", "sop", LOADED)
        )
        budget = f"≤ {(EDIT_TARGET - 1) * plain:.2f} s ({EDIT_TARGET:.2f}×)"
        figures += [
            Figure(size, "edit one SOP, rebuild: the extension adds", sop - plain,
                   budget if size == TARGET_SIZE else ""),
            Figure(size, "the same, no SOP in the handbook: loading the extension adds",
                   loaded - plain, ""),
        ]  # fmt: skip
    return figures


def _registry_figures(pages: list[PageTiming]) -> list[Figure]:
    """Filling the registry of every SOP (issue 9: well under a second at 1,000 SOPs)."""
    return [
        Figure(size, f"filling the registry of {size} SOPs",
               min(p.fill for p in pages if p.size == size and p.fill is not None),
               "< 1 s" if size == TARGET_SIZE else "")
        for size in sorted({page.size for page in pages})
    ]  # fmt: skip


def _editions_figures(results: list[Result]) -> list[Figure]:
    """What five older editions add to a build (issue 10: seconds, not minutes)."""
    figures = []
    for size in sorted({r.size for r in results if r.case == HISTORY}):
        clean = {variant: _best(results, size, HISTORY, variant).wall for variant in
                 (ALONE, FIRST, CACHED)}  # fmt: skip
        edit = {variant: _best(results, size, HISTORY_EDIT, variant).wall for variant in
                (ALONE, CACHED)}  # fmt: skip
        editions = len(EDITIONS)
        figures += [
            Figure(size, "clean build outside git (no editions)", clean[ALONE], ""),
            Figure(size, f"{editions} editions, first build (reads them): adds",
                   clean[FIRST] - clean[ALONE], ""),
            Figure(size, f"{editions} editions cached, clean build: adds",
                   clean[CACHED] - clean[ALONE], "seconds"),
            Figure(size, f"{editions} editions cached, edit one SOP, rebuild: adds",
                   edit[CACHED] - edit[ALONE], "seconds"),
        ]  # fmt: skip
    return figures


def _table(ratios: list[Ratio]) -> str:
    """The printed table: each size's measures, then how the clean-build ratio varies with N."""
    lines = []
    for size in sorted({ratio.size for ratio in ratios}):
        lines += ["", f"{'N = ' + str(size) + ' SOPs':<55}{'plain':>11}{'with sop':>11}"
                  f"{'ratio':>8}  target"]  # fmt: skip
        for ratio in (r for r in ratios if r.size == size):
            lines.append(
                f"{ratio.measure:<55}{_value(ratio.plain, ratio.unit):>11}"
                f"{_value(ratio.sop, ratio.unit):>11}{ratio.ratio:>8.2f}  {ratio.target}"
            )
    clean = [r.ratio for r in ratios if r.measure == "clean build -j 1: wall time"]
    if len(clean) > 1:
        spread = (max(clean) - min(clean)) / min(clean)
        lines += [
            "",
            f"clean-build ratio from the smallest to the largest N: {min(clean):.2f}–"
            f"{max(clean):.2f}, spread {spread:.0%} (target ≤ 5 %)",
        ]
    return "\n".join(lines)


def _figures_table(figures: list[Figure]) -> str:
    """The printed figures: one line each, with the size they were measured at."""
    lines = [""] if figures else []
    for figure in figures:
        measure = f"N = {figure.size}: {figure.measure}"
        lines.append(f"{measure:<72}{_value(figure.seconds, 's'):>11}  {figure.target}".rstrip())
    return "\n".join(lines)


def _value(number: float, unit: str) -> str:
    if unit == "×":
        return f"{number:.2f}×"
    return f"{number:.2f} {unit}" if number < 10 else f"{number:.1f} {unit}"


def _write_results(
    folder: Path,
    results: list[Result],
    ratios: list[Ratio],
    figures: list[Figure],
    about: dict[str, str],
) -> None:
    """``builds.csv`` (every build), ``ratios.csv``, ``figures.csv``, ``machine.csv`` and
    ``chart.svg``."""
    folder.mkdir(parents=True, exist_ok=True)
    _write_csv(
        folder / "builds.csv",
        ("size", "case", "variant", "jobs", "repetition", "wall_s", "cpu_s", "peak_rss_mb",
         "tree_pss_mb", "environment_mb"),
        (
            (r.size, r.case, r.variant, r.jobs, r.repetition, f"{r.measurement.wall:.2f}",
             f"{r.measurement.cpu:.2f}",
             f"{r.measurement.peak_rss_mb:.0f}", f"{r.measurement.tree_mb:.0f}",
             f"{r.measurement.env_mb:.1f}")
            for r in results
        ),
    )  # fmt: skip
    _write_csv(
        folder / "ratios.csv",
        ("SOPs", "measure", "plain tables", "with sop directive", "ratio", "target"),
        (
            (r.size, r.measure, _value(r.plain, r.unit), _value(r.sop, r.unit),
             f"{r.ratio:.2f}", r.target)
            for r in ratios
        ),
    )  # fmt: skip
    _write_csv(
        folder / "figures.csv",
        ("SOPs", "measure", "seconds", "target"),
        ((f.size, f.measure, f"{f.seconds:.2f}", f.target) for f in figures),
    )
    _write_csv(folder / "machine.csv", None, about.items())
    series = [
        Series(
            label,
            [
                (size, _best(results, size, CLEAN, variant))
                for size in _sizes(results)
                if CLEAN in _cases(results, size)
            ],
        )
        for variant, label in (("plain", "plain tables"), ("sop", "with .. sop::"))
    ]
    if series[0].points:
        write_chart(folder / "chart.svg", series)


def _write_csv(path: Path, header: Iterable[str] | None, rows: Iterable[Iterable[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        if header:
            writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
