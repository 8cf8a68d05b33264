"""The flowchart sheet around the drawing: text column widths, pages and the print style.

The sheet is the official table: No and Kegiatan left of the drawing, the
Mutu Baku columns and Keterangan right of it.  On screen sizes are CSS pixels;
in print (the PDF) they are points, and the drawing is scaled to the page.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from ..core.columns import Column
from ..core.model import Procedure, Step
from .geometry import Style
from .grid import Layout, lay_out_procedure, repeated_rows
from .paging import Page, paginate

#: The text columns left of the drawing, then those right of it.
LEFT_COLUMNS = (Column.NUMBER, Column.ACTIVITY)
RIGHT_COLUMNS = (Column.REQUIREMENTS, Column.TIME, Column.OUTPUT, Column.NOTES)
#: The columns whose texts the author typed, kept with their markup.
WRITTEN_COLUMNS = (Column.ACTIVITY, *RIGHT_COLUMNS)

# -- on screen ---------------------------------------------------------------------


@dataclass(frozen=True)
class ScreenColumn:
    """A text column on screen: its least width in CSS pixels, and its share of more room.

    The sheet fills the width it is given: the drawing keeps its width and the
    text columns share what is left beyond their least widths.
    """

    minimum: float
    share: float


#: The text columns on screen.  Their shares add up to 1.
SCREEN_COLUMNS = {
    Column.NUMBER: ScreenColumn(34, 0.0),
    Column.ACTIVITY: ScreenColumn(146, 0.36),
    Column.REQUIREMENTS: ScreenColumn(84, 0.17),
    Column.TIME: ScreenColumn(64, 0.07),
    Column.OUTPUT: ScreenColumn(84, 0.17),
    Column.NOTES: ScreenColumn(84, 0.23),
}
#: The width the actor columns share on screen, in CSS pixels: each gets its
#: part, between the narrowest and the widest column.  With up to six actors
#: the whole sheet fits the text area of a 1366-pixel laptop screen.
SCREEN_DRAWING_WIDTH = 440
SCREEN_COLUMN_WIDTHS = (72, 112)
#: The printable width of an A4 landscape page in CSS pixels (277 mm between the
#: print stylesheet's margins, a little less): printing scales a wider sheet to it.
BROWSER_PRINT_WIDTH = 1040
#: The width the text columns are given together when the browser prints the
#: sheet, in CSS pixels: more than their least, so that the headers and most
#: words fit on paper as they did before the columns became fluid.
BROWSER_PRINT_TEXT_WIDTH = 760


def screen_style(actor_count: int) -> Style:
    """The drawing's style on screen: actor columns narrower as there are more actors."""
    narrowest, widest = SCREEN_COLUMN_WIDTHS
    column = max(narrowest, min(widest, SCREEN_DRAWING_WIDTH // max(actor_count, 1)))
    base = Style()
    scale = column / base.column_width
    return dataclasses.replace(
        base, column_width=column, symbol_margin=round(base.symbol_margin * scale)
    )


def screen_layout(procedure: Procedure) -> Layout:
    """The flowchart laid out for the screen."""
    return lay_out_procedure(procedure, screen_style(len(procedure.actors)))


def screen_width(layout: Layout) -> float:
    """The least width of the sheet on screen: the drawing and the text columns at their least."""
    return layout.width + sum(column.minimum for column in SCREEN_COLUMNS.values())


def browser_print_width(layout: Layout) -> float:
    """The width of the sheet as the browser prints it, before scaling it to the page."""
    return layout.width + BROWSER_PRINT_TEXT_WIDTH


def browser_print_zoom(layout: Layout) -> float:
    """How much the browser's print scales the sheet down to fit a landscape page."""
    return round(min(1.0, BROWSER_PRINT_WIDTH / browser_print_width(layout)), 3)


# -- in print ----------------------------------------------------------------------

#: Widths of the text columns in print, in points.
PRINT_WIDTHS = {
    Column.NUMBER: 14,
    Column.ACTIVITY: 104,
    Column.REQUIREMENTS: 62,
    Column.TIME: 38,
    Column.OUTPUT: 62,
    Column.NOTES: 66,
}
#: The space each side of a printed cell's text, in points.
CELL_PADDING = 2.5
#: The width of the closing row's note, in points: Output and Keterangan joined
#: (the rule between them aside).
CLOSING_NOTE_WIDTH = PRINT_WIDTHS[Column.OUTPUT] + PRINT_WIDTHS[Column.NOTES] + 2 * CELL_PADDING
#: The usable landscape page: width and height of the text area, in points,
#: for A4 and F4 with Sphinx's margins (the header rows take part of it).
PAGE_AREAS = {"a4": (665.0, 470.0), "f4": (800.0, 480.0)}
HEADER_HEIGHT = 40.0
#: Rough metrics of the printed cells' text, to decide where pages break.
CHARACTER_WIDTH = 3.9
LINE_HEIGHT = 9.6
#: A caption printed above the flowchart on each page: generous metrics of its
#: text, and the room under it.
CAPTION_CHARACTER_WIDTH = 4.6
CAPTION_LINE_HEIGHT = 11.0
CAPTION_GAP = 6.0


@dataclass(frozen=True)
class PrintedFlowchart:
    """The pages of one SOP's flowchart and the style they are drawn in."""

    style: Style
    pages: list[Page]


def printed_flowchart(
    procedure: Procedure, paper: str, caption: str = "", closing_height: float = 0.0
) -> PrintedFlowchart:
    """Lay the flowchart out for landscape pages of ``paper`` (``a4`` or ``f4``).

    ``caption`` is the longest text printed above the flowchart on a page; its
    lines take room from the steps.  ``closing_height`` is the room the closing
    row (the total time) takes after the last step, on its page.  A row
    repeating a step number is printed, as tall as its texts, after the row before it.
    """
    width, height = PAGE_AREAS[paper]
    drawing = width - print_text_width()
    style = print_style(len(procedure.actors), drawing)
    gutters = lay_out_procedure(procedure, style)
    spare = drawing - gutters.width
    if spare < 0:  # routing gutters took more room: narrow the columns to fit
        style = print_style(len(procedure.actors), drawing + spare)
    rows = procedure.steps
    steps = {step.number: step for step in reversed(rows)}  # the first row of each number
    under = repeated_rows([step.number for step in rows])
    last = gutters.rows[-1].node.step if gutters.rows else None

    def step_height(number: int) -> float:
        closing = closing_height if number == last else 0.0
        repeats = sum(estimated_text_height(rows[position]) for position in under.get(number, ()))
        return estimated_height(steps[number], style) + repeats + closing

    pages = paginate(
        procedure, height - HEADER_HEIGHT - caption_height(caption, width), style, step_height
    )
    return PrintedFlowchart(style, pages)


def caption_height(caption: str, width: float) -> float:
    """The room a caption takes above the flowchart on a page ``width`` points wide."""
    if not caption:
        return 0.0
    per_line = max(int(width / CAPTION_CHARACTER_WIDTH), 1)
    lines = -(-len(caption) // per_line)
    return lines * CAPTION_LINE_HEIGHT + CAPTION_GAP


def print_style(column_count: int, drawing_width: float) -> Style:
    """A style in points whose columns share ``drawing_width``, scaled from the screen's."""
    screen = Style()
    column = max(34.0, min(70.0, (drawing_width - 30) / max(column_count, 1)))
    scale = column / screen.column_width
    return Style(
        column_width=column,
        row_height=max(40.0, screen.row_height * scale),
        connector_row_height=30.0,
        symbol_y=max(16.0, screen.symbol_y * scale),
        process_height=max(15.0, screen.process_height * scale),
        terminator_height=max(14.0, screen.terminator_height * scale),
        decision_height=max(20.0, screen.decision_height * scale),
        connector_size=14.0,
        symbol_margin=max(4.0, screen.symbol_margin * scale),
        decision_width=max(26.0, screen.decision_width * scale),
        bend_above_bottom=max(5.0, screen.bend_above_bottom * scale),
        lane_gap=5.0,
        gutter_padding=6.0,
        port_spacing=4.0,
        label_gap=1.5,
        arrowhead_length=4.0,
        arrowhead_half_width=1.75,
    )


def print_text_width() -> float:
    """Width of the printed text columns with their padding and rules."""
    return sum(PRINT_WIDTHS.values()) + 2 * CELL_PADDING * len(PRINT_WIDTHS) + 8


def estimated_height(step: Step, style: Style) -> float:
    """A generous estimate of a step's printed row height, for choosing page breaks."""
    return max(style.row_height, estimated_text_height(step))


def estimated_text_height(step: Step) -> float:
    """A generous estimate of the height of a row's printed texts, without its drawing."""
    lines = max(_lines(step.text(column), PRINT_WIDTHS[column]) for column in WRITTEN_COLUMNS)
    return lines * LINE_HEIGHT + 6


def closing_row_height(total: str, note: str) -> float:
    """A generous estimate of the printed closing row: ``total`` under Waktu, ``note`` after."""
    lines = max(_lines(total, PRINT_WIDTHS[Column.TIME]), _lines(note, CLOSING_NOTE_WIDTH))
    return lines * LINE_HEIGHT + 6


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes at most in a column ``width`` points wide (one at least)."""
    per_line = max(int(width / CHARACTER_WIDTH), 1)
    return max(1, math.ceil(len(text) * 1.15 / per_line))
