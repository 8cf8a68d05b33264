"""Unit tests of the parsing and checking code, without Sphinx."""

from __future__ import annotations

import contextlib
import datetime
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sphinxcontrib_sop.core.columns import (
    HEADER_ALIASES,
    REQUIRED_COLUMNS,
    Column,
    Header,
    map_columns,
    recognise_header,
)
from sphinxcontrib_sop.core.dates import (
    format_date,
    is_before,
    parse_date,
    parse_date_field,
    printed_date,
    unreadable_date_message,
)
from sphinxcontrib_sop.core.durations import (
    HeaderUnit,
    header_unit,
    parse_duration,
    time_with_unit,
)
from sphinxcontrib_sop.core.flow import FlowError, WrittenFlow, parse_flow
from sphinxcontrib_sop.core.model import (
    DateField,
    DatePrecision,
    Duration,
    Exit,
    Flow,
    Step,
    StepKind,
    TimeUnit,
)
from sphinxcontrib_sop.core.options import (
    WrittenLine,
    canonical_options,
    check_nip,
    is_unset,
    is_valid_id,
    slugify,
    source_lines,
    split_actors,
    split_items,
    split_lines,
    split_related,
    value_lines,
    written_lines,
)
from sphinxcontrib_sop.core.problems import Problem
from sphinxcontrib_sop.core.steps import RawRow, RawTable, StepTable, read_step_table
from sphinxcontrib_sop.core.validation import check_flow

# -- dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-09-25", (2019, 9, 25)),
        ("2020-2-1", (2020, 2, 1)),
        ("25-09-2019", (2019, 9, 25)),
        ("25/09/2019", (2019, 9, 25)),
        ("25.09.2019", (2019, 9, 25)),
        ("1/3/2016", (2016, 3, 1)),
        ("25 September 2019", (2019, 9, 25)),
        ("1 Maret 2016", (2016, 3, 1)),
        ("1 maret 2016", (2016, 3, 1)),
        ("17 Agustus 1945", (1945, 8, 17)),
        ("17 Agt 1945", (1945, 8, 17)),
        ("17 Agu 1945", (1945, 8, 17)),
        ("5 Okt 2020", (2020, 10, 5)),
        ("24 Des 2021", (2021, 12, 24)),
        ("2 Mei 2018", (2018, 5, 2)),
        ("10 Pebruari 2015", (2015, 2, 10)),
        ("10 Nopember 2015", (2015, 11, 10)),
        ("3 Sept 2019", (2019, 9, 3)),
        ("3 Sept. 2019", (2019, 9, 3)),
        ("3 Oct 2019", (2019, 10, 3)),
        ("3 May 2019", (2019, 5, 3)),
        ("September 25, 2019", (2019, 9, 25)),
        ("September 25 2019", (2019, 9, 25)),
        ("Dec. 1, 2019", (2019, 12, 1)),
        ("Januari 5, 2020", (2020, 1, 5)),
        ("  25   September\n2019 ", (2019, 9, 25)),
    ],
)
def test_parse_date_accepted_forms(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_date(text) == datetime.date(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "2019-02-30",
        "31 Juni 2020",
        "29 Februari 2019",
        "tomorrow",
        "2019-13-01",
        "13/25/2019",
        "0 Januari 2020",
        "25 Foo 2019",
        "25 September",
        "September 2019",
        "2019/09/25",
        "",
        "-",
    ],
)
def test_parse_date_rejects_invalid_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("id", "25 Agustus 2019"),
        ("id_ID", "25 Agustus 2019"),
        ("id-ID", "25 Agustus 2019"),
        ("en", "25 August 2019"),
        ("de", "25 August 2019"),
        ("", "25 August 2019"),
    ],
)
def test_format_date(language: str, expected: str) -> None:
    assert format_date(datetime.date(2019, 8, 25), language) == expected


def test_format_date_months_differ_by_language() -> None:
    march = datetime.date(2016, 3, 1)
    assert format_date(march, "id") == "1 Maret 2016"
    assert format_date(march, "en") == "1 March 2016"


MONTH, YEAR, DAY = DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.DAY


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Januari 2016", (2016, 1, 1), MONTH),
        ("APRIL 2015", (2015, 4, 1), MONTH),
        ("JUNI 2020", (2020, 6, 1), MONTH),
        ("juni  2020", (2020, 6, 1), MONTH),
        ("Jan. 2016", (2016, 1, 1), MONTH),
        ("Agustus, 2019", (2019, 8, 1), MONTH),
        ("December 2019", (2019, 12, 1), MONTH),
        ("2016-01", (2016, 1, 1), MONTH),
        ("01/2016", (2016, 1, 1), MONTH),
        ("12-2016", (2016, 12, 1), MONTH),
        ("2016", (2016, 1, 1), YEAR),
        ("Tahun 2016", (2016, 1, 1), YEAR),
        ("15 Januari 2016", (2016, 1, 15), DAY),
        ("2019-09-25", (2019, 9, 25), DAY),
    ],
)
def test_parse_date_field_keeps_the_precision_written(
    text: str, expected: tuple[int, int, int], precision: DatePrecision
) -> None:
    field = parse_date_field(text)
    assert field == DateField(text.replace("  ", " "), datetime.date(*expected), precision)


@pytest.mark.parametrize(
    "text", ["25 September", "Januari", "Smarch 2016", "13/2016", "2016-13", "20016", "", "x 2016"]
)
def test_parse_date_field_rejects(text: str) -> None:
    assert parse_date_field(text).value is None


@pytest.mark.parametrize(
    ("text", "language", "printed"),
    [
        ("Januari 2016", "id", "Januari 2016"),
        ("APRIL 2015", "id", "April 2015"),
        ("apr 2015", "id", "April 2015"),
        ("JUNI 2020", "en", "June 2020"),
        ("2016-08", "en", "August 2016"),
        ("Tahun 2016", "id", "2016"),
        ("2016", "en", "2016"),
        ("2019-09-25", "id", "25 September 2019"),
        ("25 September", "id", "25 September"),
    ],
)
def test_printed_date_in_the_official_style(text: str, language: str, printed: str) -> None:
    assert printed_date(parse_date_field(text), language) == printed


def test_format_date_by_precision() -> None:
    day = datetime.date(2016, 2, 1)
    assert format_date(day, "id", MONTH) == "Februari 2016"
    assert format_date(day, "en", YEAR) == "2016"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Februari 2016", (2016, 2, 1), (2016, 2, 29)),
        ("Desember 2015", (2015, 12, 1), (2015, 12, 31)),
        ("2015", (2015, 1, 1), (2015, 12, 31)),
        ("3 Maret 2015", (2015, 3, 3), (2015, 3, 3)),
    ],
)
def test_date_field_spans_what_it_names(
    text: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    field = parse_date_field(text)
    assert (field.first_day, field.last_day) == (datetime.date(*first), datetime.date(*last))


@pytest.mark.parametrize(
    ("earlier", "later", "before"),
    [
        ("Januari 2016", "15 Januari 2016", False),
        ("15 Januari 2016", "Januari 2016", False),
        ("2016", "Maret 2016", False),
        ("Desember 2015", "1 Januari 2016", True),
        ("31 Desember 2015", "2016", True),
        ("2015", "Januari 2016", True),
        ("14 Januari 2016", "15 Januari 2016", True),
        ("Februari 2016", "Januari 2016", False),
        ("nonsense", "2016", False),
    ],
)
def test_is_before_compares_what_each_date_may_mean(earlier: str, later: str, before: bool) -> None:
    assert is_before(parse_date_field(earlier), parse_date_field(later)) is before


def test_unreadable_date_without_year_says_so() -> None:
    message = unreadable_date_message("25 September", "created")
    assert message.startswith("the date '25 September' in :created: has no year: add it")
    other = unreadable_date_message("32 Smarch 2019", "created")
    assert other.startswith("cannot read the date '32 Smarch 2019' in :created:: write it as")
    assert "Januari 2016" in other


# -- durations ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 menit", Duration(5, TimeUnit.MINUTE)),
        ("2 jam", Duration(2, TimeUnit.HOUR)),
        ("1 hari", Duration(1, TimeUnit.DAY)),
        ("3 hari kerja", Duration(3, TimeUnit.WORKING_DAY)),
        ("30 minutes", Duration(30, TimeUnit.MINUTE)),
        ("2 hours", Duration(2, TimeUnit.HOUR)),
        ("1 day", Duration(1, TimeUnit.DAY)),
        ("1,5 jam", Duration(1.5, TimeUnit.HOUR)),
        ("1.5 jam", Duration(1.5, TimeUnit.HOUR)),
        ("5-10 menit", Duration(5, TimeUnit.MINUTE, 10)),
        ("5 - 10 menit", Duration(5, TimeUnit.MINUTE, 10)),
        ("1 s.d. 2 hari", Duration(1, TimeUnit.DAY, 2)),
        ("1 sd 2 hari", Duration(1, TimeUnit.DAY, 2)),
        ("2 minggu", Duration(2, TimeUnit.WEEK)),
        ("5 Menit", Duration(5, TimeUnit.MINUTE)),
        ("10menit", Duration(10, TimeUnit.MINUTE)),
    ],
)
def test_parse_duration(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "secepatnya", "5", "menit", "5 parsecs", "lima menit", "10-5 menit", "3 s.d. 1 hari"],
)
def test_parse_duration_rejects(text: str) -> None:
    assert parse_duration(text) is None


MINUTES = HeaderUnit(TimeUnit.MINUTE, "menit")


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("menit", MINUTES),
        ("MENIT", MINUTES),
        ("Menit", MINUTES),
        ("dalam menit", MINUTES),
        ("in minutes", HeaderUnit(TimeUnit.MINUTE, "minutes")),
        ("HK", HeaderUnit(TimeUnit.WORKING_DAY, "HK")),
        ("Hari Kerja", HeaderUnit(TimeUnit.WORKING_DAY, "hari kerja")),
        ("perkiraan", None),
        ("", None),
    ],
)
def test_header_unit(qualifier: str, expected: HeaderUnit | None) -> None:
    assert header_unit(qualifier) == expected


@pytest.mark.parametrize(
    ("text", "expected", "printed"),
    [
        ("5", Duration(5, TimeUnit.MINUTE), "5 menit"),
        ("1,5", Duration(1.5, TimeUnit.MINUTE), "1,5 menit"),
        ("5-10", Duration(5, TimeUnit.MINUTE, 10), "5-10 menit"),
        ("5 s.d. 10", Duration(5, TimeUnit.MINUTE, 10), "5 s.d. 10 menit"),
        ("2 jam", Duration(2, TimeUnit.HOUR), "2 jam"),
        ("10-5", None, "10-5 menit"),
        ("lima", None, "lima"),
        ("", None, ""),
    ],
)
def test_bare_numbers_take_the_header_unit(
    text: str, expected: Duration | None, printed: str
) -> None:
    assert parse_duration(text, MINUTES) == expected
    assert time_with_unit(text, MINUTES) == printed
    if text and text[-1].isdigit():
        assert parse_duration(text) is None
        assert time_with_unit(text, None) == text


# -- flow --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", WrittenFlow()),
        ("   ", WrittenFlow()),
        ("3", WrittenFlow((Exit(3),))),
        ("3.", WrittenFlow((Exit(3),))),
        ("ke 3", WrittenFlow((Exit(3),))),
        ("Ke 3", WrittenFlow((Exit(3),))),
        ("to 3", WrittenFlow((Exit(3),))),
        ("→ 3", WrittenFlow((Exit(3),))),
        ("→3", WrittenFlow((Exit(3),))),
        ("-> 3", WrittenFlow((Exit(3),))),
        ("Selesai", WrittenFlow(ends=True)),
        ("selesai.", WrittenFlow(ends=True)),
        ("SELESAI", WrittenFlow(ends=True)),
        ("End", WrittenFlow(ends=True)),
        ("Ya: 3, Tidak: 6", WrittenFlow((Exit(3, "Ya"), Exit(6, "Tidak")))),
        ("Yes: 3; No: 6", WrittenFlow((Exit(3, "Yes"), Exit(6, "No")))),
        (
            "Lengkap: 3, Tidak lengkap: 1",
            WrittenFlow((Exit(3, "Lengkap"), Exit(1, "Tidak lengkap"))),
        ),
        ("Ya: 3\nTidak: 6", WrittenFlow((Exit(3, "Ya"), Exit(6, "Tidak")))),
        ("Ya → 3, Tidak → 6", WrittenFlow((Exit(3, "Ya"), Exit(6, "Tidak")))),
        ("Ya: ke 3, Tidak: 6", WrittenFlow((Exit(3, "Ya"), Exit(6, "Tidak")))),
        # One labelled exit is read as written; check_flow reports it.
        ("Ya: 3", WrittenFlow((Exit(3, "Ya"),))),
    ],
)
def test_parse_flow(text: str, expected: WrittenFlow) -> None:
    assert parse_flow(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("3, 5", ["'3'", "one of several", "Ya: 3, Tidak: 6"]),
        ("Ya: Selesai", ["'Ya'", "'Selesai'", "step number"]),
        ("banana", ["'banana'", "step number", "Selesai"]),
        ("Ya 3", ["'Ya 3'", "step number"]),
        ("Ya: 3, banana", ["'banana'", "step number"]),
    ],
)
def test_parse_flow_errors_say_what_to_write(text: str, words: list[str]) -> None:
    with pytest.raises(FlowError) as caught:
        parse_flow(text)
    for word in words:
        assert word in str(caught.value)


def test_parse_flow_huge_number_is_a_flow_error_not_a_crash() -> None:
    # Beyond Python's 4300-digit int() limit: must not escape as a plain ValueError.
    with contextlib.suppress(FlowError):
        parse_flow("9" * 5000)
    with contextlib.suppress(FlowError):
        parse_flow("Ya: 2, Tidak: " + "9" * 5000)


# -- options -----------------------------------------------------------------


def test_split_items_drops_typed_markers() -> None:
    text = "1. Satu\na) Dua\n- Tiga\n2) Empat\n\n* Lima\n• Enam\n\u2013 Tujuh"
    assert split_items(text) == ["Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh"]


def test_split_items_keeps_markup_inside_an_item() -> None:
    assert split_items("Aplikasi *Srikandi* (x)\n*Srikandi* aktif") == [
        "Aplikasi *Srikandi* (x)",
        "*Srikandi* aktif",
    ]


def test_split_items_keeps_text_after_a_number_without_separator() -> None:
    assert split_items("2019 Peraturan") == ["2019 Peraturan"]


def test_split_items_without_markers_one_item_per_line() -> None:
    text = "Surat yang tidak lengkap tidak dapat diproses\nSurat rahasia hanya dibuka pejabat"
    assert split_items(text) == [
        "Surat yang tidak lengkap tidak dapat diproses",
        "Surat rahasia hanya dibuka pejabat",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1. Surat yang tidak lengkap\ntidak dapat diproses\n2. Surat rahasia",
        "1) Surat yang tidak lengkap\ntidak dapat diproses\n2) Surat rahasia",
        "a. Surat yang tidak lengkap\ntidak dapat diproses\nb. Surat rahasia",
        "- Surat yang tidak lengkap\ntidak dapat diproses\n- Surat rahasia",
        "• Surat yang tidak lengkap\ntidak dapat diproses\n• Surat rahasia",
        "1 Surat yang tidak lengkap\ntidak dapat diproses\n2 Surat rahasia",
        "1. Surat yang tidak lengkap\n   tidak dapat diproses\n2. Surat rahasia",
        "1.\nSurat yang tidak lengkap\ntidak dapat diproses\n2.\nSurat rahasia",
    ],
)
def test_split_items_unmarked_lines_continue_marked_items(text: str) -> None:
    assert split_items(text) == [
        "Surat yang tidak lengkap tidak dapat diproses",
        "Surat rahasia",
    ]


def test_split_items_pasted_numbers_count_up_from_one() -> None:
    text = "1 Lurah\n2 Sekretaris Lurah\n3 Kepala Seksi Pemerintahan dibantu\n2 orang staf\n4 Staf"
    assert split_items(text) == [
        "Lurah",
        "Sekretaris Lurah",
        "Kepala Seksi Pemerintahan dibantu 2 orang staf",
        "Staf",
    ]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("2 Sekretaris\n3 Kasi", ["2 Sekretaris", "3 Kasi"]),
        ("Lurah\n1 Sekretaris\n2 Kasi", ["Lurah", "1 Sekretaris", "2 Kasi"]),
        ("1. UU Nomor 23 Tahun 2014, diubah UU Nomor\n2 Tahun 2015\n2. PP", None),
    ],
)
def test_split_items_other_numbers_are_text(text: str, items: list[str] | None) -> None:
    expected = items or ["UU Nomor 23 Tahun 2014, diubah UU Nomor 2 Tahun 2015", "PP"]
    assert split_items(text) == expected


def test_split_items_deeper_lines_always_continue() -> None:
    text = "Undang-Undang Nomor 43 Tahun 2009\n   tentang Kearsipan\nPeraturan Pemerintah"
    assert split_items(text) == [
        "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan",
        "Peraturan Pemerintah",
    ]
    marked = "1. Satu\n   2. bukan nomor\n2. Dua"
    assert split_items(marked) == ["Satu 2. bukan nomor", "Dua"]


def test_split_items_joins_a_word_broken_with_a_hyphen() -> None:
    assert split_items("1. Peraturan Menteri PAN-\nRB Nomor 35\n2. Undang-\nUndang") == [
        "Peraturan Menteri PAN-RB Nomor 35",
        "Undang-Undang",
    ]
    assert split_items("1. Surat masuk -\nditerima") == ["Surat masuk - diterima"]


def test_split_lines_keeps_each_line_and_no_markers() -> None:
    text = "PEMERINTAH KOTA MEDAN\nKECAMATAN MEDAN PETISAH\n1 KELURAHAN\n   SEI SIKAMBING D"
    assert split_lines(text) == [
        "PEMERINTAH KOTA MEDAN",
        "KECAMATAN MEDAN PETISAH",
        "1 KELURAHAN SEI SIKAMBING D",
    ]
    assert split_lines("- Subbagian Umum") == ["- Subbagian Umum"]
    assert split_lines("") == []


def test_split_items_reads_the_columns_it_is_given() -> None:
    lines = [WrittenLine(14, "Surat yang tidak lengkap"), WrittenLine(17, "tidak dapat diproses")]
    assert split_items(lines) == ["Surat yang tidak lengkap tidak dapat diproses"]
    aligned = [WrittenLine(14, "Surat yang tidak lengkap"), WrittenLine(6, "Surat rahasia")]
    assert split_items(aligned) == ["Surat yang tidak lengkap", "Surat rahasia"]


BLOCK = """.. sop:: Title
   :warnings: Surat yang tidak lengkap
                 tidak dapat diproses
      Surat rahasia
   :peringatan: kedua

   :warnings: body text
"""


def test_source_lines_keep_the_columns_docutils_drops() -> None:
    assert source_lines(BLOCK, ["warnings", "peringatan"]) == [
        WrittenLine(14, "Surat yang tidak lengkap"),
        WrittenLine(17, "tidak dapat diproses"),
        WrittenLine(6, "Surat rahasia"),
    ]
    assert source_lines(BLOCK, ["peringatan"]) == [WrittenLine(16, "kedua")]
    assert source_lines(BLOCK, ["records"]) is None


def test_written_lines_use_the_source_only_when_it_matches() -> None:
    value = "Surat yang tidak lengkap\ntidak dapat diproses\nSurat rahasia"
    names = ["warnings", "peringatan"]
    assert [line.column for line in written_lines(value, BLOCK, names)] == [14, 17, 6]
    assert split_items(written_lines(value, BLOCK, names)) == [
        "Surat yang tidak lengkap tidak dapat diproses",
        "Surat rahasia",
    ]
    yaml = "1. Satu\n   dua\n2. Tiga\n"
    assert written_lines(yaml, "```{sop} T\n---\nwarnings: |\n", names) == value_lines(yaml)
    assert [line.column for line in value_lines(yaml)] == [0, 3, 0]


def test_split_related() -> None:
    text = "bappeda-um-02, bappeda-um-03\nSOP Arsip, Dinas Kearsipan\n- bappeda-um-04"
    assert split_related(text) == [
        "bappeda-um-02",
        "bappeda-um-03",
        "SOP Arsip, Dinas Kearsipan",
        "bappeda-um-04",
    ]


def test_split_actors() -> None:
    text = "Staf TU, Kasubbag   Umum;Sekretaris\nStaf TU\n, "
    assert split_actors(text) == ["Staf TU", "Kasubbag Umum", "Sekretaris"]


@pytest.mark.parametrize("value", [None, "", "   ", "-", "—", "–", " - "])
def test_is_unset(value: str | None) -> None:
    assert is_unset(value)


@pytest.mark.parametrize("value", ["x", "0", "--", "- x"])
def test_is_set(value: str) -> None:
    assert not is_unset(value)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("800/01/SOP/BAPPEDA/2019", "800-01-sop-bappeda-2019"),
        ("Penerimaan Surat Masuk", "penerimaan-surat-masuk"),
        ("Édition àrsip ñ", "edition-arsip-n"),
        ("  --Bad   ID!--  ", "bad-id"),
        ("!!!", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["bappeda-um-01", "a", "800-01", "x1-2"])
def test_valid_ids(text: str) -> None:
    assert is_valid_id(text)


@pytest.mark.parametrize(
    "text", ["", "Bad ID!", "Bappeda", "a_b", "a--b", "-a", "a-", "a b", "sop.1"]
)
def test_invalid_ids(text: str) -> None:
    assert not is_valid_id(text)


@pytest.mark.parametrize("nip", ["196501011990031001", "19650101 199003 1 001"])
def test_check_nip_accepts(nip: str) -> None:
    assert check_nip(nip) is None


def test_check_nip_counts_digits() -> None:
    message = check_nip("19650101199003100")
    assert message is not None
    assert "17 digits" in message
    assert "18" in message


def test_check_nip_rejects_letters() -> None:
    message = check_nip("1965O1011990031001")
    assert message is not None
    assert "'1965O1011990031001'" in message
    assert "other than digits" in message


def test_canonical_options_maps_aliases() -> None:
    values, problems = canonical_options(
        {"nomor": " 800/01 ", "unit-kerja": "Umum", "created": "2019-09-25", "colour": "red"},
        {},
    )
    assert values == {"number": "800/01", "unit": "Umum", "created": "2019-09-25"}
    # An unknown name is left out, with a problem naming it.
    assert [problem.message for problem in problems] == [
        "unknown option :colour:: fix its name, or remove it (it is left out meanwhile)"
    ]


def test_canonical_options_field_given_twice_keeps_first() -> None:
    values, problems = canonical_options({"number": "A", "nomor": "B"}, {"number": 3, "nomor": 4})
    assert values == {"number": "A"}
    assert len(problems) == 1
    assert problems[0].line == 4
    assert problems[0].subtype == "option"
    assert ":nomor:" in problems[0].message
    assert ":number:" in problems[0].message


# -- columns -----------------------------------------------------------------

ALL_ALIASES = [(column, alias) for column, aliases in HEADER_ALIASES.items() for alias in aliases]


@pytest.mark.parametrize(("column", "alias"), ALL_ALIASES, ids=[a for _, a in ALL_ALIASES])
@pytest.mark.parametrize("variant", [str, str.upper, str.lower, lambda a: f"  {a}  "])
def test_map_columns_recognises_every_alias(column: Column, alias: str, variant) -> None:
    header = ("Foo", variant(alias))
    columns = map_columns(header)
    assert columns.index == {column: 1}
    assert columns.unknown == (0,)
    assert columns.repeated == ()


def test_map_columns_ignores_inner_spacing() -> None:
    columns = map_columns(("Uraian   Kegiatan", "Persyaratan / Kelengkapan", "PELAKSANA"))
    assert columns.index == {Column.ACTIVITY: 0, Column.REQUIREMENTS: 1, Column.ACTORS: 2}
    assert columns.missing == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aktifitas", Header(Column.ACTIVITY)),
        ("Aktivitas", Header(Column.ACTIVITY)),
        ("Uraian Aktifitas", Header(Column.ACTIVITY)),
        ("Persyaratan", Header(Column.REQUIREMENTS)),
        ("Persyaratan/Perlengkapan", Header(Column.REQUIREMENTS)),
        ("Kelengkapan dan Peralatan", Header(Column.REQUIREMENTS)),
        ("Kelengkapan & Peralatan", Header(Column.REQUIREMENTS)),
        ("Persyaratan / Kelengkapan / Peralatan", Header(Column.REQUIREMENTS)),
        ("Waktu (menit)", Header(Column.TIME, "menit")),
        ("WAKTU (MENIT)", Header(Column.TIME, "MENIT")),
        ("Waktu ( Jam )", Header(Column.TIME, "Jam")),
        ("Waktu [hari kerja]", Header(Column.TIME, "hari kerja")),
        ("Output/Hasil", Header(Column.OUTPUT)),
        ("Hasil atau Output", Header(Column.OUTPUT)),
        ("Output (dokumen)", Header(Column.OUTPUT, "dokumen")),
        ("Ket.", Header(Column.NOTES)),
        ("No.", Header(Column.NUMBER)),
    ],
)
def test_recognise_real_headers(text: str, expected: Header) -> None:
    assert recognise_header(text) == expected


@pytest.mark.parametrize(
    "text",
    ["(menit)", "Kegiatan/Pelaksana", "Waktu dan Biaya", "Biaya", "dan", "Output/", "Uraian"],
)
def test_recognise_header_rejects(text: str) -> None:
    assert recognise_header(text) is None


def test_map_columns_keeps_the_time_unit() -> None:
    columns = map_columns(("No", "Aktifitas", "Pelaksana", "Waktu (menit)", "Output/Hasil"))
    assert columns.index == {
        Column.NUMBER: 0, Column.ACTIVITY: 1, Column.ACTORS: 2, Column.TIME: 3, Column.OUTPUT: 4,
    }  # fmt: skip
    assert columns.qualifiers == {Column.TIME: "menit"}
    assert columns.unknown == columns.repeated == ()


def test_map_columns_unknown_and_repeated() -> None:
    columns = map_columns(("No", "Kegiatan", "Biaya", "Pelaksana", "Aktor", "Kegiatan"))
    assert columns.index == {Column.NUMBER: 0, Column.ACTIVITY: 1, Column.ACTORS: 3}
    assert columns.unknown == (2,)
    assert columns.repeated == (4, 5)


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ((), REQUIRED_COLUMNS),
        (("No", "Waktu"), (Column.ACTIVITY, Column.ACTORS)),
        (("Kegiatan",), (Column.ACTORS,)),
        (("Pelaksana",), (Column.ACTIVITY,)),
        (("Kegiatan", "Pelaksana"), ()),
    ],
)
def test_map_columns_missing(header: tuple[str, ...], missing: tuple[Column, ...]) -> None:
    assert map_columns(header).missing == missing


# -- steps -------------------------------------------------------------------

HEADER = ("No", "Kegiatan", "Pelaksana", "Alur")


def table(*rows: tuple[str, ...], header: tuple[str, ...] = HEADER, first: int = 10) -> RawTable:
    """A RawTable whose rows sit on lines ``first``, ``first + 1``, …"""
    return RawTable(
        header, tuple(RawRow(cells, first + i) for i, cells in enumerate(rows)), first - 2
    )


def read(raw: RawTable, actors: tuple[str, ...] = (), actors_line: int | None = 3) -> StepTable:
    result = read_step_table(raw, actors, actors_line)
    for problem in result.problems:
        assert problem.line is not None, problem
    return result


def messages(result: StepTable | list[Problem]) -> list[str]:
    problems = result.problems if isinstance(result, StepTable) else result
    return [problem.message for problem in problems]


def test_a_repeated_number_never_goes_on_to_itself() -> None:
    result = read(
        table(
            ("1", "Menerima", "Staf", ""),
            ("2", "Mencatat", "Staf", ""),
            ("2", "Mendistribusikan", "Staf", ""),
            ("3", "Mengarsipkan", "Staf", "Selesai"),
        )
    )
    exits = [[way_out.target for way_out in step.flow.exits] for step in result.steps]
    # The first row numbered 2 goes on to 3, not to the row after it (also 2): itself.
    assert exits == [[2], [3], [3], []]
    assert messages(result) == [
        "step number 2 is used twice: number each step once (flows to it go to the first)"
    ]


def test_steps_numbered_by_position_without_no_column() -> None:
    result = read(table(("A", "X"), ("B", "Y"), ("C", "X"), header=("Kegiatan", "Pelaksana")))
    assert [step.number for step in result.steps] == [1, 2, 3]
    assert [step.activity for step in result.steps] == ["A", "B", "C"]
    assert [step.line for step in result.steps] == [10, 11, 12]
    assert result.problems == []


def test_steps_default_exit_is_next_row() -> None:
    result = read(table(("1", "A", "X", ""), ("5", "B", "X", ""), ("7", "C", "X", "")))
    assert [step.flow.exits for step in result.steps] == [(Exit(5),), (Exit(7),), ()]
    assert result.steps[-1].flow.ends
    assert result.problems == []


def test_steps_goto() -> None:
    result = read(table(("1", "A", "X", "3"), ("2", "B", "X", ""), ("3", "C", "X", "ke 2")))
    assert result.steps[0].flow == Flow("3", (Exit(3),))
    assert result.steps[2].flow == Flow("ke 2", (Exit(2),))
    assert [step.kind for step in result.steps] == [
        StepKind.START,
        StepKind.PROCESS,
        StepKind.PROCESS,
    ]


def test_steps_decision() -> None:
    result = read(
        table(
            ("1", "A", "X", ""),
            ("2", "Check", "Y", "Ya: 3, Tidak: 4"),
            ("3", "C", "X", "Selesai"),
            ("4", "D", "X", "1"),
        )
    )
    decision = result.steps[1]
    assert decision.kind is StepKind.DECISION
    assert decision.flow.exits == (Exit(3, "Ya"), Exit(4, "Tidak"))
    assert decision.flow.is_decision
    assert result.problems == []


def test_steps_end_start_and_last() -> None:
    result = read(
        table(
            ("1", "A", "X", ""),
            ("2", "B", "X", "Selesai"),
            ("3", "C", "X", ""),
            ("4", "D", "X", ""),
        )
    )
    kinds = [step.kind for step in result.steps]
    assert kinds == [StepKind.START, StepKind.END, StepKind.PROCESS, StepKind.END]
    assert result.steps[1].flow == Flow("Selesai", (), ends=True)
    assert result.steps[3].flow.exits == ()
    assert result.steps[3].flow.ends


def test_steps_several_actors_per_step() -> None:
    result = read(table(("1", "A", "Staf TU, Kasubbag  Umum; Sekretaris", "")))
    assert result.steps[0].actors == ("Staf TU", "Kasubbag Umum", "Sekretaris")
    assert result.actors == ("Staf TU", "Kasubbag Umum", "Sekretaris")


def test_steps_actor_order_follows_first_appearance() -> None:
    result = read(table(("1", "A", "B", ""), ("2", "A", "A, C", "")))
    assert result.actors == ("B", "A", "C")


def test_steps_declared_actor_order_and_spelling() -> None:
    result = read(
        table(("1", "A", "staf tu", ""), ("2", "B", "KEPALA, Staf TU", "")),
        actors=("Kepala", "Staf TU"),
    )
    assert result.actors == ("Kepala", "Staf TU")
    assert result.steps[0].actors == ("Staf TU",)
    assert result.steps[1].actors == ("Kepala", "Staf TU")
    assert result.problems == []


def test_steps_undeclared_actor_is_appended_with_problem() -> None:
    result = read(table(("1", "A", "Kepala", ""), ("2", "B", "Sopir", "")), actors=("Kepala",))
    assert result.actors == ("Kepala", "Sopir")
    assert result.steps[1].actors == ("Sopir",)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert "'Sopir'" in problem.message
    assert ":actors:" in problem.message
    assert (problem.line, problem.subtype) == (11, "actors")


def test_steps_declared_actor_without_step() -> None:
    result = read(table(("1", "A", "Kepala", "")), actors=("Kepala", "Satpam"), actors_line=4)
    assert result.actors == ("Kepala", "Satpam")
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert "'Satpam'" in problem.message
    assert "performs no step" in problem.message
    assert (problem.line, problem.subtype) == (4, "actors")


def test_steps_duplicate_numbers() -> None:
    result = read(table(("1", "A", "X", ""), ("2", "B", "X", "Selesai"), ("2", "C", "X", "")))
    assert [step.number for step in result.steps] == [1, 2, 2]
    assert len(result.problems) == 1
    assert "step number 2 is used twice" in result.problems[0].message
    assert result.problems[0].line == 12


@pytest.mark.parametrize(("text", "what"), [("1a", "'1a' is not a step number"), ("", "no number")])
def test_steps_bad_number_uses_position(text: str, what: str) -> None:
    result = read(table(("1", "A", "X", ""), (text, "B", "X", ""), ("3", "C", "X", "")))
    assert [step.number for step in result.steps] == [1, 2, 3]
    assert len(result.problems) == 1
    assert what in result.problems[0].message
    assert "using 2" in result.problems[0].message
    assert result.problems[0].line == 11


def test_steps_number_with_dot() -> None:
    result = read(table(("1.", "A", "X", ""), ("2.", "B", "X", "")))
    assert [step.number for step in result.steps] == [1, 2]
    assert result.problems == []


def test_steps_flow_to_missing_step() -> None:
    result = read(table(("1", "A", "X", "9"), ("2", "B", "X", "")))
    # The exit is dropped and the step goes on to the next row.
    assert result.steps[0].flow.exits == (Exit(2),)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert "goes to step 9, which does not exist" in problem.message
    assert (problem.line, problem.subtype) == (10, "flow")


def test_steps_decision_exit_to_missing_step() -> None:
    result = read(table(("1", "A", "X", "Ya: 2, Tidak: 7"), ("2", "B", "X", "")))
    assert result.steps[0].flow.exits == (Exit(2, "Ya"),)
    assert "the exit 'Tidak' of step 1 goes to step 7" in messages(result)[0]
    assert result.problems[0].subtype == "flow"


def test_steps_flow_to_itself() -> None:
    result = read(table(("1", "A", "X", ""), ("2", "B", "X", "2"), ("3", "C", "X", "")))
    assert result.steps[1].flow.exits == (Exit(3),)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert "goes back to step 2 itself" in problem.message
    assert (problem.line, problem.subtype) == (11, "flow")


def test_steps_bad_flow_text() -> None:
    result = read(table(("1", "A", "X", "banana"), ("2", "B", "X", "")))
    assert result.steps[0].flow.exits == (Exit(2),)
    assert result.steps[0].flow.text == "banana"
    assert len(result.problems) == 1
    assert "'banana'" in result.problems[0].message
    assert "goes on to the next row" in result.problems[0].message
    assert (result.problems[0].line, result.problems[0].subtype) == (10, "flow")


def test_steps_unknown_column_kept_in_notes() -> None:
    header = ("No", "Kegiatan", "Pelaksana", "Biaya", "Keterangan", "Aktor")
    result = read(
        table(("1", "A", "X", "Rp 5.000", "Catatan", "Y"), ("2", "B", "X", "", "", ""),
              header=header)
    )  # fmt: skip
    assert result.steps[0].notes == "Catatan; Biaya: Rp 5.000; Aktor: Y"
    assert result.steps[1].notes == ""
    assert result.steps[0].actors == ("X",)
    found = messages(result)
    assert len(found) == 2
    assert "unknown column 'Biaya'" in found[0]
    assert "'Aktor' repeats" in found[1]
    assert {problem.line for problem in result.problems} == {8}


@pytest.mark.parametrize(
    ("header", "missing"),
    [(("No", "Pelaksana", "Alur"), "activity"), (("No", "Kegiatan", "Alur"), "actors")],
)
def test_steps_missing_required_column(header: tuple[str, ...], missing: str) -> None:
    result = read(table(("1", "A", ""), header=header))
    assert result.steps == ()
    assert len(result.problems) == 1
    assert f"no {missing} column" in result.problems[0].message
    assert result.problems[0].line == 8


TIMED = ("No", "Aktifitas", "Pelaksana", "Waktu (menit)", "Alur")


def test_steps_bare_numbers_under_a_minutes_header_are_minutes() -> None:
    result = read(
        table(("1", "A", "X", "5", ""), ("2", "B", "X", "10", ""), header=TIMED),
    )
    assert result.problems == []
    assert [step.duration for step in result.steps] == [
        Duration(5, TimeUnit.MINUTE),
        Duration(10, TimeUnit.MINUTE),
    ]
    assert [step.time for step in result.steps] == ["5 menit", "10 menit"]


def test_steps_own_unit_wins_over_the_header_unit() -> None:
    result = read(
        table(("1", "A", "X", "1 hari", ""), ("2", "B", "X", "sesuai jadwal", ""), header=TIMED)
    )
    assert result.steps[0].duration == Duration(1, TimeUnit.DAY)
    assert (result.steps[1].time, result.steps[1].duration) == ("sesuai jadwal", None)


def test_steps_bare_numbers_without_a_header_unit_stay_text() -> None:
    header = ("No", "Kegiatan", "Pelaksana", "Waktu", "Alur")
    result = read(table(("1", "A", "X", "5", ""), header=header))
    assert (result.steps[0].time, result.steps[0].duration) == ("5", None)


def test_steps_missing_activity_says_the_table_is_shown_as_written() -> None:
    result = read(table(("1", "A", "X"), header=("No", "Uraian", "Pelaksana")))
    assert result.steps == ()
    assert messages(result) == [
        "the step table has no activity column: add a column headed 'Kegiatan', 'Aktivitas', "
        "'Aktifitas', 'Uraian Kegiatan', 'Uraian Aktivitas', 'Uraian Aktifitas', 'Activity' "
        "(the table is shown as written meanwhile)",
        "unknown column 'Uraian' in the step table: rename it to a known header (see 'The "
        "step table' in the user guide); the table is shown as written meanwhile",
    ]
    assert not any("Keterangan" in message for message in messages(result))


def test_steps_header_only() -> None:
    result = read(table())
    assert result.steps == ()
    assert len(result.problems) == 1
    assert "header but no steps" in result.problems[0].message
    assert result.problems[0].line == 8


def test_steps_row_without_actor() -> None:
    result = read(table(("1", "A", "", ""), ("2", "B", "X", "")))
    assert result.steps[0].actors == ()
    assert len(result.problems) == 1
    assert "names no actor" in result.problems[0].message
    assert result.problems[0].line == 10


def test_steps_short_row_and_time() -> None:
    header = ("Kegiatan", "Pelaksana", "Waktu", "Keluaran", "Persyaratan")
    result = read(table(("A", "X", "5 menit", "Surat", "Formulir"), ("B", "X"), header=header))
    first, second = result.steps
    assert first.duration == Duration(5, TimeUnit.MINUTE)
    assert (first.time, first.output, first.requirements) == ("5 menit", "Surat", "Formulir")
    assert (second.time, second.duration, second.output) == ("", None, "")


def test_steps_row_line_falls_back_to_table_line() -> None:
    raw = RawTable(HEADER, (RawRow(("x", "A", "X", "")),), line=42)
    result = read_step_table(raw)
    assert result.steps[0].line == 42
    assert result.problems[0].line == 42


@pytest.mark.parametrize("cells", [("9" * 5000, "A", "X", ""), ("1", "A", "X", "9" * 5000)])
def test_steps_huge_numbers_are_problems_not_crashes(cells: tuple[str, ...]) -> None:
    result = read_step_table(table(cells))
    assert [(step.number, step.activity) for step in result.steps] == [(1, "A")]
    assert len(result.problems) == 1
    assert result.problems[0].line == 10


# -- validation --------------------------------------------------------------


def step(number: int, *exits: Exit, ends: bool = False, kind: StepKind | None = None) -> Step:
    flow = Flow("", exits, ends)
    if kind is None:
        kind = StepKind.DECISION if flow.is_decision else StepKind.PROCESS
    return Step(number, f"step {number}", ("X",), flow=flow, kind=kind, line=100 + number)


def test_check_flow_clean() -> None:
    steps = (
        step(1, Exit(2)),
        step(2, Exit(3, "Ya"), Exit(4, "Tidak")),
        step(3, ends=True),
        step(4, Exit(2)),
    )
    assert check_flow(steps) == []


def test_check_flow_decision_with_one_exit() -> None:
    steps = (step(1, Exit(2, "Ya")), step(2, ends=True))
    problems = check_flow(steps)
    assert len(problems) == 1
    assert "step 1 is a decision with 1 exit(s)" in problems[0].message
    assert (problems[0].line, problems[0].subtype) == (101, "flow")


def test_check_flow_decision_with_three_exits() -> None:
    steps = (
        step(1, Exit(2)),
        step(2, Exit(3, "A"), Exit(4, "B"), Exit(3, "C")),
        step(3, ends=True),
        step(4, ends=True),
    )
    problems = check_flow(steps)
    assert len(problems) == 1
    assert "step 2 is a decision with 3 exit(s)" in problems[0].message
    assert problems[0].line == 102


def test_check_flow_duplicate_labels() -> None:
    steps = (
        step(1, Exit(2)),
        step(2, Exit(3, "Ya"), Exit(4, "ya")),
        step(3, ends=True),
        step(4, ends=True),
    )
    problems = check_flow(steps)
    assert len(problems) == 1
    assert "step 2 labels two exits 'ya'" in problems[0].message
    assert problems[0].line == 102


def test_check_flow_unreachable_step() -> None:
    steps = (step(1, Exit(2)), step(2, ends=True), step(3, Exit(4)), step(4, ends=True))
    problems = check_flow(steps)
    assert [problem.message.split(":")[0] for problem in problems] == [
        "no path reaches step 3",
        "no path reaches step 4",
    ]
    assert [problem.line for problem in problems] == [103, 104]
    assert {problem.subtype for problem in problems} == {"flow"}


def test_check_flow_never_ends() -> None:
    steps = (step(1, Exit(2)), step(2, Exit(3)), step(3, Exit(1)))
    problems = check_flow(steps)
    assert len(problems) == 1
    assert "never ends" in problems[0].message
    assert problems[0].line == 103


def test_check_flow_first_step_decision() -> None:
    steps = (step(1, Exit(2, "Ya"), Exit(3, "Tidak")), step(2, ends=True), step(3, ends=True))
    problems = check_flow(steps)
    assert len(problems) == 1
    assert "step 1 is a decision" in problems[0].message
    assert "first step" in problems[0].message
    assert problems[0].line == 101


def test_check_flow_empty() -> None:
    assert check_flow(()) == []


def test_read_then_check_flow_loop_back() -> None:
    result = read(table(("1", "A", "X", ""), ("2", "B", "X", ""), ("3", "C", "X", "1")))
    assert result.problems == []
    problems = check_flow(result.steps)
    assert messages(problems) == [
        "the procedure never ends: write 'Selesai' in the Alur column of its last step"
    ]
    assert problems[0].line == 12


# -- properties --------------------------------------------------------------

FLOWISH = st.text(alphabet="0123456789 :;,.\n→->=YaTidkSelsaiEndke", max_size=30)
ANY_TEXT = st.one_of(st.text(max_size=40), FLOWISH)
HEADERS = st.one_of(
    st.sampled_from(
        [alias for _, alias in ALL_ALIASES]
        + ["", "Biaya", "??", "NO ", "Waktu (menit)", "Waktu (jam)", "Output/Hasil", "(", "[x]"]
    ),
    st.from_regex(r"\A\w{0,9}( ?(/|dan|\(|\[) ?\w{0,9}[)\]]?)*\Z"),
)
CELL = st.one_of(
    ANY_TEXT,
    st.integers(min_value=-3, max_value=12).map(str),
    st.sampled_from(["Selesai", "Ya: 2, Tidak: 3", "5 menit", "X, Y", "x", "", "9" * 5000]),
)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
@example("Ya: 3,, Tidak: 6")
@example("::")
@example("→")
@example("\n\n")
@example("9" * 5000)
def test_parse_flow_returns_or_raises_flow_error(text: str) -> None:
    try:
        result: WrittenFlow | FlowError = parse_flow(text)
    except FlowError as error:
        result = error
    if isinstance(result, FlowError):
        assert str(result)  # a message that says what to write
    else:
        assert isinstance(result, WrittenFlow)
        assert all(isinstance(way_out.target, int) for way_out in result.exits)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.from_regex(r"\d{1,3}[ -/.]\w{1,9}[ -/.,]\d{1,5}"),
        st.from_regex(r"\A(\w{1,9}\.?,? |\d{1,2}[-/.])?\d{1,5}\Z"),
    )
)
def test_parse_date_never_raises(text: str) -> None:
    result = parse_date(text)
    assert result is None or isinstance(result, datetime.date)
    field = parse_date_field(text)
    assert field.text == " ".join(text.split())
    if field.value is None:
        assert printed_date(field, "id") == field.text
        assert unreadable_date_message(text, "created")
    else:
        assert field.first_day <= field.last_day
        assert printed_date(field, "en")


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=40), st.from_regex(r"\d{1,3}([.,]\d)?( ?- ?\d{1,3})? \w{1,8}")))
def test_parse_duration_never_raises(text: str) -> None:
    result = parse_duration(text)
    assert result is None or isinstance(result, Duration)
    under_minutes = parse_duration(text, MINUTES)
    assert under_minutes is None or isinstance(under_minutes, Duration)
    assert time_with_unit(text, MINUTES).startswith(" ".join(text.split()))


@settings(max_examples=200, deadline=None)
@given(st.one_of(HEADERS, st.text(max_size=30)))
def test_recognise_header_never_raises(text: str) -> None:
    header = recognise_header(text)
    assert header is None or isinstance(header.column, Column)
    unit = header_unit(header.qualifier if header else text)
    assert unit is None or unit.word


ITEM_LINE = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"\A {0,4}(\d{1,2}[.)]?|[a-z][.)]|[-•])? ?\w{0,8}-?\Z"),
    st.sampled_from(["", "-", "1", "1.", "2 x", "Undang-", "   lanjut", "\\- x"]),
)
#: At most this is dropped from a line: its marker.
ANY_MARKER = re.compile(r"(?:\d+[.)]|[a-z][.)]|[-*•●▪◦–—]|\d{1,3})(?=\s|$)")


def squeeze(text: str) -> str:
    return "".join(text.split())


def is_subsequence(part: str, whole: str) -> bool:
    letters = iter(whole)
    return all(letter in letters for letter in part)


@settings(max_examples=300, deadline=None)
@given(st.lists(ITEM_LINE, max_size=8))
def test_split_items_never_raises_and_drops_only_markers(lines: list[str]) -> None:
    text = "\n".join(lines)
    items = split_items(text)
    assert all(item and item == item.strip() for item in items)
    kept, written = squeeze("".join(items)), squeeze(text)
    assert is_subsequence(kept, written)
    markers = sum(
        len(match[0]) for line in text.splitlines() if (match := ANY_MARKER.match(line.strip()))
    )
    assert len(kept) >= len(written) - markers
    assert split_related(text) is not None
    lines = split_lines(text)
    assert squeeze("".join(lines)) == written  # lines of a unit keep every character


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=60),
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.from_regex(r"\A {0,6}:(warnings|peringatan|records):( \w{0,8})?\Z"),
            st.from_regex(r"\A {0,9}\w{0,8}\Z"),
        ),
        max_size=8,
    ),
)
def test_written_lines_never_raise(value: str, block: list[str]) -> None:
    lines = written_lines(value, "\n".join(block), ["warnings", "peringatan"])
    assert [line.text for line in lines] == [line.text for line in value_lines(value)]
    assert all(line.column >= 0 for line in lines)


@st.composite
def raw_tables(draw: st.DrawFn) -> tuple[RawTable, tuple[str, ...]]:
    header = tuple(draw(st.lists(HEADERS, max_size=6)))
    rows = tuple(
        RawRow(
            tuple(draw(st.lists(CELL, max_size=7))),
            draw(st.one_of(st.none(), st.integers(1, 500))),
        )
        for _ in range(draw(st.integers(0, 5)))
    )
    actors = tuple(draw(st.lists(st.sampled_from(["X", "x", "Y", "Kepala", "ß", "SS"]))))
    return RawTable(header, rows, draw(st.one_of(st.none(), st.integers(1, 500)))), actors


@settings(max_examples=200, deadline=None)
@given(raw_tables())
def test_read_step_table_and_check_flow_never_raise(drawn) -> None:
    raw, actors = drawn
    result = read_step_table(raw, actors, 7)
    numbers = [step.number for step in result.steps]
    assert all(type(number) is int for number in numbers)
    assert result.steps == () or len(result.steps) == len(raw.rows)
    existing = set(numbers)
    for each in result.steps:
        assert all(way_out.target in existing for way_out in each.flow.exits)
        assert set(each.actors) <= set(result.actors)
    problems = check_flow(result.steps)
    assert all(isinstance(problem, Problem) for problem in problems)
    for each in result.steps:
        assert each.duration is None or each.duration.amount >= 0
