"""What the ``sop`` and ``sop-decree`` directives share: options, dates, NIPs, warnings."""

from __future__ import annotations

from typing import ClassVar

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..config import labels_language
from ..core.dates import parse_date_field, printed_date, unreadable_date_message
from ..core.model import DateField
from ..core.options import (
    WrittenLine,
    canonical_options,
    check_nip,
    is_unset,
    option_lines,
    written_lines,
)
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


class OptionsDirective(SphinxDirective):
    """A directive with a title, aliased text options and a body; labels in ``sop_language``.

    :meth:`read_options` reads the options under their English names; the
    ``read_*`` helpers read one value each, noting what is wrong in
    ``problems`` for :meth:`report`.
    """

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    #: Each option's English name and its Indonesian aliases.
    option_aliases: ClassVar[dict[str, tuple[str, ...]]] = {}

    def read_options(self) -> None:
        """Read every option under its English name, and note where each is written."""
        self.option_lines = option_lines(self.block_text, self.lineno, self.options)
        self.values, self.problems = canonical_options(
            self.options, self.option_lines, self.option_aliases
        )

    @property
    def labels(self) -> ProjectLabels:
        return ProjectLabels(self.config.sop_labels)

    @property
    def language(self) -> str:
        return labels_language(self.config)

    def line_of(self, option: str) -> int:
        """The line of ``option``: where its first-written name (the one used) stands."""
        names = (option, *self.option_aliases.get(option, ()))
        lines = [line for name in names if (line := self.option_lines.get(name))]
        return min(lines, default=self.lineno)

    def text(self, option: str) -> str:
        """A one-line option as written, its spaces tidied; ``""`` when it is not set."""
        value = self.values.get(option)
        return "" if is_unset(value) else " ".join(value.split())

    def lines(self, option: str) -> list[WrittenLine]:
        """The lines of a multi-line option, each with the column it starts at in the source."""
        value = self.values.get(option)
        if is_unset(value):
            return []
        names = (option, *self.option_aliases.get(option, ()))
        return written_lines(value, self.block_text, names)

    def read_date(self, option: str) -> DateField | None:
        """A date option: a day, month or year when it can be read (else a warning)."""
        text = self.text(option)
        if not text:
            return None
        field = parse_date_field(text)
        if field.value is None:
            self.problems.append(
                Problem(unreadable_date_message(text, option), self.line_of(option), "date")
            )
        return field

    def printed_date(self, field: DateField | None) -> str:
        """A date as printed: ``25 September 2019``, ``Januari 2016`` in the label language.

        A date that could not be read is printed as written.
        """
        return "" if field is None else printed_date(field, self.language)

    def read_nip(self, option: str) -> str:
        """A NIP option as written; a warning unless it has the 18 digits of a NIP."""
        nip = self.text(option)
        if nip and (message := check_nip(nip)):
            self.problems.append(Problem(message, self.line_of(option), "option"))
        return nip

    def report(self, problems: list[Problem]) -> None:
        """Log each problem as a Sphinx warning at its line of this document."""
        for problem in problems:
            logger.warning(
                problem.message,
                location=(self.env.docname, problem.line or self.lineno),
                type="sop",
                subtype=problem.subtype,
            )
