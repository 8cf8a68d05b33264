"""What the ``sop`` and ``sop-decree`` directives share."""

from __future__ import annotations

from typing import ClassVar

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..config import labels_language
from ..core.options import option_lines
from ..core.problems import Problem
from ..i18n.labels import ProjectLabels

logger = logging.getLogger(__name__)


def aliased_option_spec(aliases: dict[str, tuple[str, ...]]) -> dict[str, object]:
    """An option spec accepting every option under each of its names."""
    return {
        name: directives.unchanged
        for canonical, others in aliases.items()
        for name in (canonical, *others)
    }


class AliasedOptionsDirective(SphinxDirective):
    """A directive with a title, aliased text options and a body; labels in ``sop_language``."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    #: Each option's English name and its Indonesian aliases.
    option_aliases: ClassVar[dict[str, tuple[str, ...]]] = {}

    def read_option_lines(self) -> None:
        """Note the source line of every option written."""
        self.option_lines = option_lines(self.block_text, self.lineno, self.options)

    @property
    def labels(self) -> ProjectLabels:
        return ProjectLabels(self.config.sop_labels)

    @property
    def language(self) -> str:
        return labels_language(self.config)

    def _line(self, option: str) -> int:
        """The line of ``option``: where its first-written name (the one used) stands."""
        names = (option, *self.option_aliases.get(option, ()))
        lines = [line for name in names if (line := self.option_lines.get(name))]
        return min(lines, default=self.lineno)

    def report(self, problems: list[Problem]) -> None:
        """Log each problem as a Sphinx warning at its line of this document."""
        for problem in problems:
            logger.warning(
                problem.message,
                location=(self.env.docname, problem.line or self.lineno),
                type="sop",
                subtype=problem.subtype,
            )
