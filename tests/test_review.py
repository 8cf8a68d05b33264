"""When an SOP is due for review: the build's date, review dates, and the warnings.

The root ``test-status-review`` has SOPs dated in every way (a day, a month), one
revised recently, one without dates, and an old draft and withdrawn SOP.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import build_copy, line_of, warnings
from sphinxcontrib_sop.core.model import DateField, DatePrecision, Procedure, Status
from sphinxcontrib_sop.core.review import (
    add_months,
    last_review,
    reference_date,
    review_date,
    review_due,
    source_date_problem,
)

#: 15 February 2024, 00:00 UTC.
EPOCH = "1707955200"


@pytest.mark.parametrize(
    ("environ", "day"),
    [
        ({"SOURCE_DATE_EPOCH": EPOCH}, datetime.date(2024, 2, 15)),
        ({"SOURCE_DATE_EPOCH": "1707955199"}, datetime.date(2024, 2, 14)),  # UTC, not local
        ({"SOURCE_DATE_EPOCH": "0"}, datetime.date(1970, 1, 1)),
    ],
)
def test_reference_date_from_source_date_epoch(environ: dict, day: datetime.date) -> None:
    assert reference_date(environ) == day
    assert source_date_problem(environ) is None


@pytest.mark.parametrize("written", ["", "abc", "-86400", "1707955200.5", "9" * 30])
def test_reference_date_is_today_without_a_valid_epoch(written: str) -> None:
    environ = {"SOURCE_DATE_EPOCH": written} if written else {}
    before = datetime.date.today()
    assert before <= reference_date(environ) <= datetime.date.today()
    problem = source_date_problem(environ)
    if written:
        assert problem == (
            f"SOURCE_DATE_EPOCH {written!r} is not a count of seconds since 1 January 1970 (a "
            "whole number, 0 or more): fix or unset it (today's date is used meanwhile for the "
            "review dates)"
        )
    else:
        assert problem is None


def test_reference_date_reads_the_environment_by_default(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert reference_date() == datetime.date(2024, 2, 15)


def dated(
    revised: DateField | None = None,
    effective: DateField | None = None,
    status: Status = Status.IN_FORCE,
) -> Procedure:
    return Procedure(id="sop", title="SOP", revised=revised, effective=effective, status=status)


def day(text: str) -> DateField:
    return DateField(text, datetime.date.fromisoformat(text))


JANUARY_2023 = DateField("Januari 2023", datetime.date(2023, 1, 1), DatePrecision.MONTH)
YEAR_2022 = DateField("2022", datetime.date(2022, 1, 1), DatePrecision.YEAR)
UNREADABLE = DateField("someday")


@pytest.mark.parametrize(
    ("sop", "months", "due"),
    [
        (dated(day("2023-01-10"), day("2022-12-01")), 12, datetime.date(2024, 1, 10)),
        (dated(effective=day("2022-12-01")), 12, datetime.date(2023, 12, 1)),
        (dated(JANUARY_2023), 12, datetime.date(2024, 1, 31)),  # the month's last day
        (dated(effective=YEAR_2022), 6, datetime.date(2023, 6, 30)),  # the year's, 31 Dec
        (dated(UNREADABLE, day("2022-05-05")), 12, datetime.date(2023, 5, 5)),
        (dated(day("2023-08-31")), 6, datetime.date(2024, 2, 29)),  # a shorter month
        (dated(day("2023-01-10")), 24, datetime.date(2025, 1, 10)),
        (dated(), 12, None),
        (dated(UNREADABLE), 12, None),
        (dated(day("9999-06-01")), 12, datetime.date.max),
    ],
)
def test_review_date(sop: Procedure, months: int, due: datetime.date | None) -> None:
    assert review_date(sop, months) == due


def test_review_runs_from_the_date_revised_else_the_effective_date() -> None:
    revised, effective = day("2023-01-10"), day("2022-12-01")
    assert last_review(dated(revised, effective)) is revised
    assert last_review(dated(UNREADABLE, effective)) is effective
    assert last_review(dated()) is None


def test_add_months_across_years() -> None:
    assert add_months(datetime.date(2023, 11, 30), 3) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2023, 1, 31), 1) == datetime.date(2023, 2, 28)
    assert add_months(datetime.date(2023, 12, 15), 1) == datetime.date(2024, 1, 15)


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (datetime.date(2024, 1, 9), False),
        (datetime.date(2024, 1, 10), True),  # on its review date
        (datetime.date(2025, 1, 1), True),
    ],
)
def test_review_due_from_its_review_date(today: datetime.date, due: bool) -> None:
    assert review_due(dated(day("2023-01-10")), today, 12) is due


@pytest.mark.parametrize("status", [Status.DRAFT, Status.WITHDRAWN, Status.SUPERSEDED])
def test_only_an_sop_in_force_is_due_for_review(status: Status) -> None:
    assert not review_due(dated(day("2020-01-10"), status=status), datetime.date(2024, 1, 1), 12)


def review_build(tmp_path: Path, monkeypatch, epoch: str = EPOCH, **overrides) -> list[str]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    return warnings(build_copy(tmp_path, "status-review", **overrides))


def review_warning(source: Path, sop_id: str, since: str, months: int, basis: str) -> str:
    return (
        f"{source}:{line_of(source, f'.. sop:: Procedure {sop_id}')}: WARNING: the SOP is due "
        f"for review since {since}, {months} months (sop_review_months) after its {basis}: "
        "review it, and write the date of the revision in :revised: [sop.review]"
    )


def test_sops_due_for_review_warn_when_asked(tmp_path: Path, monkeypatch) -> None:
    warned = review_build(tmp_path, monkeypatch, sop_warn_review_due=True)
    source = tmp_path / "src" / "index.rst"
    assert warned == [
        review_warning(source, "revised-day", "2024-01-10", 12, "date revised '2023-01-10'"),
        review_warning(
            source, "effective-month", "2024-01-31", 12, "effective date 'Januari 2023'"
        ),
    ]


def test_review_period_follows_sop_review_months(tmp_path: Path, monkeypatch) -> None:
    warned = review_build(tmp_path, monkeypatch, sop_warn_review_due=True, sop_review_months=2)
    source = tmp_path / "src" / "index.rst"
    assert warned == [
        review_warning(source, "revised-day", "2023-03-10", 2, "date revised '2023-01-10'"),
        review_warning(source, "effective-month", "2023-03-31", 2, "effective date 'Januari 2023'"),
        review_warning(source, "recent", "2024-02-01", 2, "date revised '2023-12-01'"),
    ]


def test_no_review_warnings_by_default(tmp_path: Path, monkeypatch) -> None:
    assert review_build(tmp_path, monkeypatch) == []


def test_wrong_review_months_and_epoch_warn(tmp_path: Path, monkeypatch) -> None:
    warned = review_build(
        tmp_path, monkeypatch, "-86400", sop_warn_review_due=True, sop_review_months=0
    )
    assert warned[:2] == [
        "WARNING: sop_review_months must be a whole number of months, 1 or more, not 0: 12 is "
        "used meanwhile [sop.config]",
        "WARNING: SOURCE_DATE_EPOCH '-86400' is not a count of seconds since 1 January 1970 (a "
        "whole number, 0 or more): fix or unset it (today's date is used meanwhile for the "
        "review dates) [sop.config]",
    ]
    # Today (long after 2024) and 12 months: every dated SOP in force is due.
    assert [line.split("since ")[1][:10] for line in warned[2:]] == [
        "2024-01-10",
        "2024-01-31",
        "2024-12-01",
    ]
