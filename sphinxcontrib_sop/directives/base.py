"""What the ``sop`` and ``sop-decree`` directives share: options, dates, NIPs, warnings.

Option values reach a directive as raw text, while table cells arrive parsed.
So that an option reads as the same text as a cell (``Kasubbag \\ Umum`` in
``:actors:`` and in *Pelaksana*), every option that is printed or compared
with the table is read through the document's own inline parser
(reStructuredText or MyST): escapes and markup count the same way in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..config import labels_language
from ..core.characters import control_character_problems, without_controls
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


class OptionSpec(dict):
    """An option spec that takes unknown option names too, as text.

    docutils drops a whole directive whose options hold an unknown name, and
    MyST drops the option with a message of its own; the directive instead
    reads the SOP and warns about the name itself (see ``canonical_options``).
    """

    def __missing__(self, name: str) -> object:
        return directives.unchanged


def aliased_option_spec(aliases: dict[str, tuple[str, ...]]) -> OptionSpec:
    """An option spec accepting every option under each of its names (and unknown ones)."""
    return OptionSpec(
        (name, directives.unchanged)
        for canonical, others in aliases.items()
        for name in (canonical, *others)
    )


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
        """Read every option under its English name, and note where each is written.

        ``messages`` collects docutils' messages about the author's inline
        markup, to be returned after the directive's node.  Control characters
        are left out of the title and the options (and of the body, when it is
        parsed), each line holding one warned about.
        """
        written = written_text(self)
        controls = control_character_problems(written, self.lineno)
        self.written_text = without_controls(written)
        self.block_text = without_controls(self.block_text)
        self.arguments = [without_controls(argument) for argument in self.arguments]
        self.options = {
            name: without_controls(value) if isinstance(value, str) else value
            for name, value in self.options.items()
        }
        self.option_lines = option_lines(self.written_text, self.lineno, self.options)
        self.values, problems = canonical_options(
            self.options, self.option_lines, self.option_aliases
        )
        self.problems = controls + problems
        self.messages: list[nodes.Node] = []
        self._parsed: dict[tuple[str, bool], list[nodes.Node]] = {}

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

    def written(self, option: str) -> str:
        """A one-line option as written, its spaces tidied; ``""`` when it is not set."""
        value = self.values.get(option)
        return "" if is_unset(value) else " ".join(value.split())

    def inline(self, option: str, keep_lines: bool = False) -> list[nodes.Node]:
        """An option's text with its inline markup parsed (once), as a table cell's is.

        Its lines are joined into one, unless ``keep_lines``.
        """
        key = (option, keep_lines)
        if key not in self._parsed:
            value = self.values.get(option)
            text = "" if is_unset(value) else value.strip() if keep_lines else self.written(option)
            self._parsed[key] = self.inline_text(text, self.line_of(option))
        return self._parsed[key]

    def parse_content_to_nodes(self, allow_section_headings: bool = False) -> list[nodes.Node]:
        """The body, parsed; control characters left out of its text (warned about already)."""
        body = super().parse_content_to_nodes(allow_section_headings)
        for node in body:
            for text in list(node.findall(nodes.Text)):
                if (clean := without_controls(text)) != text:
                    text.parent.replace(text, nodes.Text(clean))
        return body

    def inline_text(self, text: str, line: int) -> list[nodes.Node]:
        """``text``, written at ``line``, with its inline markup parsed."""
        if not text:
            return []
        parsed, messages = self.state.inline_text(text, line)
        self.messages.extend(messages)
        return parsed

    def text(self, option: str, keep_lines: bool = False) -> str:
        """An option's text as a reader sees it: its escapes applied, as in a table cell.

        ``""`` when it is not set.
        """
        return plain_text(self.inline(option, keep_lines))

    def lines(self, option: str) -> list[WrittenLine]:
        """The lines of a multi-line option, each with the column it starts at in the source."""
        value = self.values.get(option)
        if is_unset(value):
            return []
        names = (option, *self.option_aliases.get(option, ()))
        return written_lines(value, self.written_text, names)

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
        report(self, problems)


def report(directive: SphinxDirective, problems: list[Problem]) -> None:
    """Log each problem as a Sphinx warning at its line of ``directive``'s document."""
    for problem in problems:
        logger.warning(
            problem.message,
            location=(directive.env.docname, problem.line or directive.lineno),
            type="sop",
            subtype=problem.subtype,
        )


def written_text(directive: SphinxDirective) -> str:
    """A directive's text as written, from its first line (the one naming it) on.

    myst-parser before 5 hands a directive only its body as ``block_text``:
    the first line and the options are then read from the source, at the
    directive's line.
    """
    if directive.block_text != "\n".join(directive.content):
        return directive.block_text
    source, _ = directive.get_source_info()
    try:
        text = Path(source).read_text(encoding=directive.config.source_encoding)
    except (OSError, UnicodeDecodeError):
        return directive.block_text
    first = directive.lineno - 1
    head = text.splitlines()[first : first + 1 + directive.content_offset]
    return "\n".join([*head, *directive.content])


def plain_text(inline: Sequence[nodes.Node]) -> str:
    """The text of parsed inline markup, as a reader sees it."""
    return "".join(node.astext() for node in inline)
