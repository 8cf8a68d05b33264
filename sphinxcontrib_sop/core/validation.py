"""Checks on the flow of a whole procedure: decisions, reachability, ends."""

from __future__ import annotations

from collections import Counter

from .model import Step, StepKind
from .problems import Problem


def check_flow(steps: tuple[Step, ...]) -> list[Problem]:
    """Problems in how the steps connect, each at the line of its step."""
    problems: list[Problem] = []
    for step in steps:
        problems.extend(_check_exits(step))
    if steps and steps[0].kind is StepKind.DECISION:
        problems.append(
            Problem(
                f"step {steps[0].number} is a decision, but the first step starts the "
                "procedure and is drawn as the start terminator: add an activity before it",
                steps[0].line,
                "flow",
            )
        )
    problems.extend(_check_reachable(steps))
    if steps and not any(step.flow.ends for step in steps):
        problems.append(
            Problem(
                "the procedure never ends: write 'Selesai' in the Alur column of its last step",
                steps[-1].line,
                "flow",
            )
        )
    return problems


def _check_exits(step: Step) -> list[Problem]:
    branches = [way_out.branch for way_out in step.flow.exits if way_out.branch]
    problems = []
    if branches and len(step.flow.exits) != 2:
        problems.append(
            Problem(
                f"step {step.number} is a decision with {len(step.flow.exits)} exit(s), but a "
                "decision has exactly two: write both, as in 'Ya: 3, Tidak: 6'",
                step.line,
                "flow",
            )
        )
    for branch, count in Counter(branch.casefold() for branch in branches).items():
        if count > 1:
            problems.append(
                Problem(
                    f"step {step.number} labels two exits {branch!r}: give each exit its own "
                    "label, as in 'Ya: 3, Tidak: 6'",
                    step.line,
                    "flow",
                )
            )
    return problems


def _check_reachable(steps: tuple[Step, ...]) -> list[Problem]:
    if not steps:
        return []
    by_number = {}
    for step in steps:
        by_number.setdefault(step.number, step)
    reached = {steps[0].number}
    pending = [steps[0]]
    while pending:
        for way_out in pending.pop().flow.exits:
            if way_out.target not in reached:
                reached.add(way_out.target)
                pending.append(by_number[way_out.target])
    return [
        Problem(
            f"no path reaches step {step.number}: point the flow of an earlier step to it, "
            "or remove it",
            step.line,
            "flow",
        )
        for step in steps
        if step.number not in reached
    ]
