"""Reading the *Alur* (flow) column of a step table."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Exit

END_WORDS = frozenset({"selesai", "end", "stop", "finish"})
FLOW_FORMS = "a step number, 'Ya: 3, Tidak: 6' or 'Selesai'"

_JUMP = re.compile(r"(?:(?:ke|to|goto)\s+|→\s*|->\s*)?(\d{1,9})\.?", re.IGNORECASE)
_BRANCH = re.compile(r"(?P<branch>.+?)\s*(?::|→|->|=)\s*(?P<target>.*)")
_SEPARATORS = re.compile(r"[,;\n]")


class FlowError(ValueError):
    """The *Alur* text cannot be read; the message says what to write instead."""


@dataclass(frozen=True)
class WrittenFlow:
    """The flow as written: ``ends``, explicit ``exits``, or neither (next row)."""

    exits: tuple[Exit, ...] = ()
    ends: bool = False


def parse_flow(text: str) -> WrittenFlow:
    """Read an *Alur* cell; raise :class:`FlowError` when it makes no sense."""
    text = text.strip()
    if not text:
        return WrittenFlow()
    if text.rstrip(".").casefold() in END_WORDS:
        return WrittenFlow(ends=True)
    if match := _JUMP.fullmatch(text):
        return WrittenFlow(exits=(Exit(int(match[1])),))
    parts = [part.strip() for part in _SEPARATORS.split(text) if part.strip()]
    return WrittenFlow(exits=tuple(_parse_branch(part) for part in parts))


def _parse_branch(part: str) -> Exit:
    match = _BRANCH.fullmatch(part)
    if not match:
        if _JUMP.fullmatch(part):
            raise FlowError(
                f"a step goes on to one step only, but {part!r} is one of several "
                "targets: label each exit of a decision, as in 'Ya: 3, Tidak: 6'"
            )
        raise FlowError(f"cannot read the flow exit {part!r}: write {FLOW_FORMS}")
    branch, target = match["branch"].strip(), match["target"].strip()
    jump = _JUMP.fullmatch(target)
    if not jump:
        raise FlowError(
            f"the exit {branch!r} must name a step number, not {target!r}; to end the "
            "procedure there, point it to a step whose Alur is 'Selesai'"
        )
    return Exit(int(jump[1]), branch)
