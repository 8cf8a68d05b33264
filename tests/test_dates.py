"""Dates as real sheets write them: a day, a month and year, or a year alone.

The root ``test-dates`` has SOPs dated by month and by year (``index``) and the
mistakes that stay warnings (``mistakes``).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, html, line_of, procedure, warnings
from sphinxcontrib_sop.core.model import DatePrecision


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("dates"), "dates")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("dates-en"), "dates", language="en")


def dates(app: SphinxTestApp, sop_id: str, page: str = "index") -> dict[str, str]:
    """Label → printed date of the SOP's identity table."""
    table = html(app, page).find(id=f"sop-{sop_id}").select_one("table.sop-identity")
    return {
        name: table.select_one(f"td.sop-{name}").get_text(" ", strip=True)
        for name in ("created", "revised", "effective")
    }


def page_warnings(app: SphinxTestApp, page: str) -> list[str]:
    prefix = f"{Path(app.srcdir) / page}.rst:"
    return [line for line in warnings(app) if line.startswith(prefix)]


def test_month_and_year_dates_are_read_without_warning(built: SphinxTestApp) -> None:
    assert page_warnings(built, "index") == []
    assert dates(built, "month-year") == {
        "created": "15 Januari 2016",
        "revised": "2017",
        "effective": "Januari 2016",
    }
    assert dates(built, "april") == {
        "created": "April 2015",
        "revised": "—",
        "effective": "Mei 2015",
    }


def test_english_labels_print_english_months(english: SphinxTestApp) -> None:
    assert dates(english, "april")["created"] == "April 2015"
    assert dates(english, "month-year")["effective"] == "January 2016"
    assert dates(english, "april")["effective"] == "May 2015"


def test_the_model_keeps_the_precision(built: SphinxTestApp) -> None:
    sop = procedure(built, "month-year")
    assert (sop.created.value, sop.created.precision) == (
        datetime.date(2016, 1, 15),
        DatePrecision.DAY,
    )
    assert (sop.effective.text, sop.effective.value, sop.effective.precision) == (
        "JANUARI 2016",
        datetime.date(2016, 1, 1),
        DatePrecision.MONTH,
    )
    assert sop.revised.precision is DatePrecision.YEAR
    assert sop.revised.last_day == datetime.date(2017, 12, 31)


MISTAKES = [
    (
        ":created: 25 September",
        "the date '25 September' in :created: has no year: add it, as in '25 September 2019' "
        "or 'September 2019' (shown as written meanwhile)",
    ),
    (
        ":effective: Januari 2016",
        "the effective date 'Januari 2016' is before the date created 'Februari 2016': an SOP "
        "takes effect when signed, after drafting",
    ),
]


@pytest.mark.parametrize(("marker", "message"), MISTAKES, ids=["no-year", "order"])
def test_date_mistakes_are_warnings_at_their_line(
    built: SphinxTestApp, marker: str, message: str
) -> None:
    path = Path(built.srcdir) / "mistakes.rst"
    found = page_warnings(built, "mistakes")
    assert f"{path}:{line_of(path, marker)}: WARNING: {message} [sop.date]" in found
    assert len(found) == len(MISTAKES), found


def test_a_date_without_a_year_is_shown_as_written(built: SphinxTestApp) -> None:
    assert dates(built, "no-year", "mistakes")["created"] == "25 September"
