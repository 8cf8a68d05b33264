"""The total time of a procedure (core.totals): paths, loops, units and what is not read."""

from __future__ import annotations

import gettext

from sphinxcontrib_sop.core.model import Duration, Exit, Flow, Procedure, Step, TimeUnit
from sphinxcontrib_sop.core.steps import RawRow, RawTable, read_step_table
from sphinxcontrib_sop.core.totals import TimeSum, TotalTime, UnreadTime, total_time
from sphinxcontrib_sop.i18n.labels import LOCALE_DIR, MESSAGE_CATALOG

#: The labels in Indonesian, from the shipped catalog; in English, the message ids.
INDONESIAN = gettext.translation(MESSAGE_CATALOG, str(LOCALE_DIR), languages=["id"]).gettext
ENGLISH = str


def sop(*rows: tuple[str, str], header: str = "Waktu") -> Procedure:
    """A procedure of one row per ``(time, flow)``, its steps numbered 1, 2, …"""
    table = RawTable(
        ("No", "Kegiatan", "Pelaksana", header, "Alur"),
        tuple(
            RawRow((str(number), f"Kegiatan {number}", "Petugas", time, flow))
            for number, (time, flow) in enumerate(rows, 1)
        ),
    )
    steps = read_step_table(table).steps
    return Procedure("contoh", "Contoh", actors=("Petugas",), steps=steps)


def total(*rows: tuple[str, str], header: str = "Waktu") -> TotalTime:
    result = total_time(sop(*rows, header=header))
    assert result is not None
    return result


def test_a_linear_procedure_adds_its_times_in_sensible_units():
    result = total(("10 menit", ""), ("25 menit", ""), ("1 jam", "Selesai"))
    assert result.text(INDONESIAN) == "1 jam 35 menit"
    assert result.text(ENGLISH) == "1 hour 35 minutes"
    assert result.shortest == result.longest == TimeSum(minutes=95)
    assert result.note(INDONESIAN) == ""
    assert result.minutes == (95, 95)


def test_decisions_give_the_shortest_and_the_longest_path():
    result = total(
        ("15 menit", ""),
        ("10 menit", "Ya: 3, Tidak: 5"),
        ("1 jam", ""),
        ("45 menit", "Selesai"),
        ("20 menit", "Selesai"),
    )
    # 1 → 2 → 5 takes 45 minutes; 1 → 2 → 3 → 4 takes 2 hours 10 minutes.
    assert result.text(INDONESIAN) == "45 menit – 2 jam 10 menit"
    assert result.minutes == (45, 130)


def test_a_loop_back_is_not_followed():
    result = total(
        ("10 menit", ""),
        ("15 menit", "Ya: 3, Tidak: 1"),
        ("5 menit", "Selesai"),
    )
    assert result.text(INDONESIAN) == "30 menit"
    assert result.shortest == result.longest


def test_a_step_that_only_goes_back_leads_to_no_end():
    # Step 4 returns the file to step 1: the path through it ends nowhere without repeating.
    result = total(
        ("10 menit", ""),
        ("5 menit", "Ya: 3, Tidak: 4"),
        ("5 menit", "Selesai"),
        ("3 hari", "1"),
    )
    assert result.text(INDONESIAN) == "20 menit"
    assert result.unread == ()


def test_a_loop_back_from_later_steps_is_cut_where_it_closes():
    result = total(
        ("5 menit", ""),
        ("10 menit", ""),
        ("20 menit", "Ya: 4, Tidak: 2"),
        ("1 jam", "Selesai"),
    )
    assert result.text(ENGLISH) == "1 hour 35 minutes"


def test_ranges_count_their_low_end_on_the_shortest_and_their_high_end_on_the_longest():
    result = total(("5-10 menit", ""), ("1 s.d. 2 jam", "Selesai"))
    assert result.shortest == TimeSum(minutes=65)
    assert result.longest == TimeSum(minutes=130)
    assert result.text(INDONESIAN) == "1 jam 5 menit – 2 jam 10 menit"


def test_ranges_choose_the_longest_path_by_their_high_end():
    result = total(
        ("5 menit", "Ya: 2, Tidak: 3"),
        ("30 menit", "Selesai"),
        ("10-40 menit", "Selesai"),
    )
    assert result.shortest == TimeSum(minutes=15)
    assert result.longest == TimeSum(minutes=45)


def test_working_days_and_calendar_days_are_kept_apart():
    result = total(("2 hari kerja", ""), ("3 hari", ""), ("2 jam", "Selesai"))
    assert result.longest == TimeSum(minutes=120, working_days=2, days=3)
    assert result.text(INDONESIAN) == "2 hari kerja + 3 hari 2 jam"
    assert result.note(INDONESIAN) == "hari kerja dan hari kalender dihitung terpisah"
    assert result.minutes is None


def test_working_days_and_hours_print_together():
    result = total(("2 hari kerja", ""), ("3 jam", "Selesai"))
    assert result.text(INDONESIAN) == "2 hari kerja 3 jam"
    assert result.note(INDONESIAN) == ""
    assert result.minutes is None


def test_weeks_are_seven_days_and_months_stay_months():
    assert total(("2 minggu", ""), ("1 hari", "Selesai")).text(INDONESIAN) == "15 hari"
    result = total(("1 bulan", ""), ("2 hari kerja", "Selesai"))
    assert result.text(INDONESIAN) == "1 bulan 2 hari kerja"
    assert result.text(ENGLISH) == "1 month 2 working days"
    assert total(("3 hari", ""), ("2 jam", "Selesai")).text(INDONESIAN) == "3 hari 2 jam"


def test_paths_of_different_units_are_compared_by_the_documented_weights():
    # A working day weighs 8 hours, a day 24: 10 hours lie between them.
    result = total(
        ("5 menit", "Ya: 2, Tidak: 3"),
        ("10 jam", "Selesai"),
        ("1 hari kerja", "Selesai"),
    )
    assert result.shortest == TimeSum(minutes=5, working_days=1)
    assert result.longest == TimeSum(minutes=605)
    result = total(
        ("5 menit", "Ya: 2, Tidak: 3"),
        ("10 jam", "Selesai"),
        ("1 hari", "Selesai"),
    )
    assert result.longest == TimeSum(minutes=5, days=1)


def test_unreadable_and_empty_times_are_named_in_the_note():
    result = total(
        ("", ""),
        ("5 menit", ""),
        ("10 menit", ""),
        ("segera", ""),
        ("20 menit", ""),
        ("5 menit", ""),
        ("5 menit", ""),
        ("5 menit", ""),
        ("-", "Selesai"),
    )
    assert result.unread == (UnreadTime(1, ""), UnreadTime(4, "segera"), UnreadTime(9, ""))
    assert result.text(INDONESIAN) == "50 menit"
    assert result.note(ENGLISH) == ("at least: no time for steps 1, 9; “segera” in step 4 not read")
    assert result.note(INDONESIAN) == (
        "sekurang-kurangnya: langkah 1, 9 tanpa waktu; “segera” pada langkah 4 tidak terbaca"
    )


def test_the_note_names_one_step_without_time_in_the_singular_and_adds_mixed_days():
    result = total(("1 hari kerja", ""), ("1 hari", ""), ("", "Selesai"))
    assert result.note(ENGLISH) == (
        "at least: no time for step 3; working days and calendar days are counted separately"
    )


def test_only_steps_on_a_counted_path_are_named():
    result = total(
        ("5 menit", "Ya: 2, Tidak: 3"),
        ("10 menit", "Selesai"),
        ("1 jam", "Selesai"),
        ("entah", "Selesai"),  # reached by no path
    )
    assert result.unread == ()


def test_time_text_in_the_note_is_kept_as_written_even_with_braces():
    result = total(("{step} <b>& 5 menit", ""), ("5 menit", "Selesai"))
    assert result.note(ENGLISH) == "at least: “{step} <b>& 5 menit” in step 1 not read"


def test_no_total_without_a_readable_time_on_a_path():
    assert total_time(sop(("", ""), ("", "Selesai"))) is None
    assert total_time(sop(("segera", ""), ("nanti", "Selesai"))) is None
    assert total_time(Procedure("kosong", "Kosong")) is None
    # Step 3 has a time, but no path from the first step reaches it.
    assert total_time(sop(("", ""), ("", "Selesai"), ("5 menit", "Selesai"))) is None


def test_a_procedure_that_never_ends_has_no_total():
    steps = (
        Step(1, "Menerima", ("Petugas",), duration=Duration(5, TimeUnit.MINUTE),
             flow=Flow("", (Exit(2),))),
        Step(2, "Memeriksa", ("Petugas",), duration=Duration(5, TimeUnit.MINUTE),
             flow=Flow("1", (Exit(1),))),
    )  # fmt: skip
    assert total_time(Procedure("putar", "Putar", steps=steps)) is None


def test_decimal_commas_and_points_are_read_and_printed_in_the_labels_language():
    assert total(("1,5 jam", ""), ("5 menit", "Selesai")).text(INDONESIAN) == "1 jam 35 menit"
    result = total(("0,5 hari kerja", ""), ("1.25 hari kerja", "Selesai"))
    assert result.text(INDONESIAN) == "1,75 hari kerja"
    assert result.text(ENGLISH) == "1.75 working days"


def test_bare_numbers_under_a_header_unit_are_added():
    result = total(("15", ""), ("20", ""), ("30", "Selesai"), header="Waktu (menit)")
    assert result.text(INDONESIAN) == "1 jam 5 menit"


def test_seconds_show_under_an_hour_and_round_away_above():
    assert total(("30 detik", ""), ("45 detik", "Selesai")).text(INDONESIAN) == "1 menit 15 detik"
    assert total(("45 detik", "Selesai")).text(ENGLISH) == "45 seconds"
    assert total(("1 jam", ""), ("40 detik", "Selesai")).text(INDONESIAN) == "1 jam 1 menit"
    assert total(("2 jam", "Selesai")).text(ENGLISH) == "2 hours"


def test_a_total_of_nothing_counted_reads_zero():
    result = total(("segera", "Ya: 2, Tidak: 3"), ("nanti", "Selesai"), ("5 menit", "Selesai"))
    assert result.text(INDONESIAN) == "0 menit – 5 menit"
    assert result.note(INDONESIAN).startswith("sekurang-kurangnya: ")


def test_a_repeated_step_number_means_its_first_step():
    table = RawTable(
        ("No", "Kegiatan", "Pelaksana", "Waktu", "Alur"),
        (
            RawRow(("1", "A", "Petugas", "5 menit", "")),
            RawRow(("2", "B", "Petugas", "10 menit", "Selesai")),
            RawRow(("2", "C", "Petugas", "3 hari", "Selesai")),
        ),
    )
    steps = read_step_table(table).steps
    result = total_time(Procedure("ganda", "Ganda", steps=steps))
    assert result is not None
    assert result.text(ENGLISH) == "15 minutes"


def test_hundreds_of_decisions_are_summed_without_enumerating_paths():
    # 150 decisions in a row, each skipping the step after it or not: 2**150 paths.
    rows: list[tuple[str, str]] = []
    for _ in range(150):
        decision = len(rows) + 1
        rows += [("1 menit", f"Ya: {decision + 1}, Tidak: {decision + 2}"), ("2 menit", "")]
    rows.append(("1 menit", "Selesai"))
    result = total(*rows)
    assert result.shortest == TimeSum(minutes=151)
    assert result.longest == TimeSum(minutes=451)
