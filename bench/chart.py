"""The benchmark's chart: build time and peak memory per SOP against N, as a small SVG.

Two panels side by side, N on a logarithmic axis, one line per variant.  Written
by hand, so the benchmark needs nothing beyond the standard library.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from pathlib import Path

from measure import Measurement

WIDTH, HEIGHT = 760, 330
PANEL_WIDTH, TOP, BOTTOM, LEFT = 300, 60, 270, 70
COLORS = ("#888888", "#1f5fa8")
DASHES = ("6 4", "")


@dataclass(frozen=True)
class Series:
    """One variant's clean builds: (N, measurement) for each N."""

    label: str
    points: list[tuple[int, Measurement]]


@dataclass(frozen=True)
class _Panel:
    title: str
    left: float
    values: list[list[tuple[int, float]]]


def write_chart(path: Path, series: list[Series]) -> None:
    """``path``: time per SOP (ms) and peak memory per SOP (MB) of every series."""
    panels = [
        _Panel(
            "Clean build time per SOP (ms), -j 1",
            LEFT,
            [[(n, m.wall * 1000 / n) for n, m in s.points] for s in series],
        ),
        _Panel(
            "Peak memory per SOP (MB)",
            LEFT + PANEL_WIDTH + 80,
            [[(n, m.peak_rss_mb / n) for n, m in s.points] for s in series],
        ),
    ]
    sizes = sorted({n for s in series for n, _ in s.points})
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        *_legend(series),
    ]
    for panel in panels:
        parts += _panel(panel, sizes)
    parts.append("</svg>")
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


def _legend(series: list[Series]) -> list[str]:
    parts = []
    for index, line in enumerate(series):
        x = LEFT + index * 200
        parts.append(
            f'<line x1="{x}" y1="18" x2="{x + 30}" y2="18" stroke="{COLORS[index]}" '
            f'stroke-width="2.5" stroke-dasharray="{DASHES[index]}"/>'
        )
        parts.append(f'<text x="{x + 38}" y="22">{escape(line.label)}</text>')
    return parts


def _panel(panel: _Panel, sizes: list[int]) -> list[str]:
    top = max((value for line in panel.values for _, value in line), default=1.0)
    step = _tick_step(top)
    ceiling = step * math.ceil(top * 1.1 / step)
    right = panel.left + PANEL_WIDTH

    def x_of(size: int) -> float:
        if len(sizes) == 1:
            return panel.left + PANEL_WIDTH / 2
        low, high = math.log(sizes[0]), math.log(sizes[-1])
        return panel.left + 15 + (PANEL_WIDTH - 30) * (math.log(size) - low) / (high - low)

    def y_of(value: float) -> float:
        return BOTTOM - (BOTTOM - TOP) * value / ceiling

    parts = [
        f'<text x="{panel.left}" y="{TOP - 12}" font-weight="bold">{escape(panel.title)}</text>',
        f'<line x1="{panel.left}" y1="{BOTTOM}" x2="{right}" y2="{BOTTOM}" stroke="#000"/>',
        f'<line x1="{panel.left}" y1="{TOP}" x2="{panel.left}" y2="{BOTTOM}" stroke="#000"/>',
        f'<text x="{panel.left + PANEL_WIDTH / 2}" y="{BOTTOM + 38}" text-anchor="middle">'
        "SOPs in the handbook (N)</text>",
    ]
    for tick in range(round(ceiling / step) + 1):
        value, y = tick * step, y_of(tick * step)
        parts.append(
            f'<line x1="{panel.left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#e4e4e4"/>'
        )
        parts.append(
            f'<text x="{panel.left - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>'
        )
    for size in sizes:
        parts.append(
            f'<text x="{x_of(size):.1f}" y="{BOTTOM + 18}" text-anchor="middle">{size:,}</text>'
        )
    for index, line in enumerate(panel.values):
        points = " ".join(f"{x_of(n):.1f},{y_of(v):.1f}" for n, v in line)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{COLORS[index]}" '
            f'stroke-width="2.5" stroke-dasharray="{DASHES[index]}"/>'
        )
        parts += [
            f'<circle cx="{x_of(n):.1f}" cy="{y_of(v):.1f}" r="3.5" fill="{COLORS[index]}"/>'
            for n, v in line
        ]
    return parts


def _tick_step(top: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about four ticks up to ``top``."""
    rough = max(top, 1e-9) / 4
    power = 10 ** math.floor(math.log10(rough))
    return next(power * factor for factor in (1, 2, 5, 10) if power * factor >= rough)
