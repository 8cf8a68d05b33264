"""What changed in an SOP between editions, as plain data: steps matched by content, fields
compared, texts marked word by word, the summary; an SOP's revisions; a handbook's changes."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_sop.core.columns import Column
from sphinxcontrib_sop.core.dates import parse_date_field
from sphinxcontrib_sop.core.diff import (
    FieldChange,
    IdentityField,
    Mark,
    MarkKind,
    StepChangeKind,
    Wording,
    marks,
    procedure_diff,
    step_changes,
    summary,
)
from sphinxcontrib_sop.core.history import (
    ChangeKind,
    EditionSOPs,
    handbook_changes,
    revisions,
)
from sphinxcontrib_sop.core.model import Approver, Procedure, Status
from sphinxcontrib_sop.core.steps import RawRow, RawTable, read_step_table

HEADER = ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Alur", "Keterangan")

#: The outgoing-mail SOP of the example handbook, shortened: a decision and two ends.
MAIL = [
    ("1", "Menyusun konsep surat", "Pelaksana", "Disposisi", "1 jam", "Konsep surat", "", ""),
    ("2", "Memeriksa konsep surat dan membubuhkan paraf", "Kepala Unit", "Konsep", "30 menit",
     "Konsep berparaf", "Ya: 3, Tidak: 1", "Tidak: dikembalikan"),
    ("3", "Menandatangani surat", "Kepala Bappeda", "Konsep akhir", "1 hari",
     "Surat ditandatangani", "", ""),
    ("4", "Memberikan nomor dan tanggal surat", "Pengadministrasi", "Buku agenda", "10 menit",
     "Surat bernomor", "", ""),
    ("5", "Mengirimkan surat kepada alamat tujuan", "Pengadministrasi", "Sampul", "1 hari",
     "Surat terkirim", "Selesai", ""),
]  # fmt: skip


def steps(rows):
    """The steps of a step table with the columns of ``HEADER``."""
    table = RawTable(HEADER, tuple(RawRow(tuple(row)) for row in rows))
    read = read_step_table(table)
    assert not read.problems, read.problems
    return read.steps


def sop(rows=MAIL, **fields) -> Procedure:
    return Procedure(
        id="surat-keluar", title="Pengelolaan Surat Keluar", steps=steps(rows), **fields
    )


def renumbered(rows):
    """``rows`` numbered 1, 2, 3 … in their order; flows written as numbers kept."""
    return [(str(number), *row[1:]) for number, row in enumerate(rows, 1)]


def kinds(changes):
    return [
        (
            change.kind,
            change.old.number if change.old else None,
            change.new.number if change.new else None,
        )
        for change in changes
    ]


def test_the_same_sop_has_no_change():
    diff = procedure_diff(sop(), sop())
    assert not diff.changed
    assert diff.identity == ()
    assert diff.steps == ()
    assert summary(diff, str) == "No change"


def test_an_added_step_renumbers_the_steps_after_it_as_moves():
    added = ("4", "Memindai surat dan mengunggahnya ke Srikandi", "Pengadministrasi", "Surat",
             "15 menit", "Surat terunggah", "", "")  # fmt: skip
    new = MAIL[:3] + [added] + [(str(int(row[0]) + 1), *row[1:]) for row in MAIL[3:]]
    changes = step_changes(sop().steps, sop(new).steps)
    assert kinds(changes) == [
        (StepChangeKind.ADDED, None, 4),
        (StepChangeKind.MOVED, 4, 5),
        (StepChangeKind.MOVED, 5, 6),
    ]
    assert all(change.renumbered for change in changes[1:])
    assert changes[1].fields == ()


def test_a_decision_whose_targets_are_renumbered_with_their_steps_is_unchanged():
    # A step is added before the decision: its exits now read "Ya: 4, Tidak: 1".
    first = ("1", "Menerima disposisi", "Pelaksana", "", "5 menit", "", "", "")
    new = [first] + [(str(int(row[0]) + 1), *row[1:]) for row in MAIL]
    new[2] = (*new[2][:6], "Ya: 4, Tidak: 2", new[2][7])
    changes = step_changes(sop().steps, sop(new).steps)
    decision = next(change for change in changes if change.new and change.new.number == 3)
    assert decision.kind is StepChangeKind.MOVED
    assert decision.fields == ()


def test_a_flow_that_leads_elsewhere_is_changed():
    new = list(MAIL)
    new[1] = (*MAIL[1][:6], "Ya: 4, Tidak: 1", MAIL[1][7])
    (change,) = step_changes(sop().steps, sop(new).steps)
    assert change.kind is StepChangeKind.CHANGED
    assert change.fields == (FieldChange(Column.FLOW, "Ya → 3, Tidak → 1", "Ya → 4, Tidak → 1"),)


def test_a_removed_step_stands_where_it_stood():
    new = renumbered(MAIL[:3] + MAIL[4:])
    changes = step_changes(sop().steps, sop(new).steps)
    assert kinds(changes) == [
        (StepChangeKind.REMOVED, 4, None),
        (StepChangeKind.MOVED, 5, 4),
    ]


def test_changed_fields_of_a_step_are_listed_in_column_order():
    new = list(MAIL)
    new[2] = ("3", "Menandatangani surat", "Sekretaris", "Konsep akhir", "2 hari",
              "Surat ditandatangani", "", "Atas nama Kepala Bappeda")  # fmt: skip
    (change,) = step_changes(sop().steps, sop(new).steps)
    assert change.kind is StepChangeKind.CHANGED
    assert not change.renumbered
    assert change.fields == (
        FieldChange(Column.ACTORS, "Kepala Bappeda", "Sekretaris"),
        FieldChange(Column.TIME, "1 hari", "2 hari"),
        FieldChange(Column.NOTES, "", "Atas nama Kepala Bappeda"),
    )


def test_a_renumbered_step_that_also_changed_is_one_change():
    new = renumbered([MAIL[1], MAIL[0], *MAIL[2:]])
    new[0] = (*new[0][:6], "Ya: 3, Tidak: 2", new[0][7])
    new[1] = (*new[1][:4], "2 jam", *new[1][5:])
    changes = step_changes(sop().steps, sop(new).steps)
    first = next(change for change in changes if change.old and change.old.number == 1)
    assert first.kind is StepChangeKind.CHANGED
    assert first.renumbered
    assert (first.old.number, first.new.number) == (1, 2)
    # Its flow is left to the next row in both editions: unchanged, whichever step follows.
    assert first.fields == (FieldChange(Column.TIME, "1 jam", "2 jam"),)


def test_a_reworded_activity_is_the_same_step_changed():
    new = list(MAIL)
    new[3] = ("4", "Memberikan nomor dan tanggal surat melalui aplikasi Srikandi", *MAIL[3][2:])
    (change,) = step_changes(sop().steps, sop(new).steps)
    assert change.kind is StepChangeKind.CHANGED
    (field,) = change.fields
    assert field.field is Column.ACTIVITY
    assert field.marks == (
        Mark(MarkKind.SAME, "Memberikan nomor dan tanggal surat"),
        Mark(MarkKind.INSERTED, " melalui aplikasi Srikandi"),
    )


def test_a_step_rewritten_from_scratch_is_removed_and_another_added():
    new = list(MAIL)
    new[3] = ("4", "Mengarsipkan pertinggal", *MAIL[3][2:])
    assert kinds(step_changes(sop().steps, sop(new).steps)) == [
        (StepChangeKind.REMOVED, 4, None),
        (StepChangeKind.ADDED, None, 4),
    ]


def test_a_step_moved_to_another_place_is_matched_by_its_activity():
    new = renumbered([MAIL[0], MAIL[2], MAIL[3], MAIL[1], MAIL[4]])
    new[3] = (*new[3][:6], "Ya: 5, Tidak: 1", new[3][7])
    changes = step_changes(sop().steps, sop(new).steps)
    moved = {(change.old.number, change.new.number) for change in changes}
    assert moved == {(3, 2), (4, 3), (2, 4)}
    assert StepChangeKind.ADDED not in {change.kind for change in changes}
    assert StepChangeKind.REMOVED not in {change.kind for change in changes}


def test_steps_are_matched_by_content_even_with_repeated_activities():
    rows = [
        ("1", "Memeriksa berkas", "Staf", "", "", "", "", ""),
        ("2", "Memeriksa berkas", "Kepala", "", "", "", "Selesai", ""),
    ]
    new = [("1", "Menerima berkas", "Staf", "", "", "", "", ""), *renumbered(rows)]
    new = renumbered(new)
    new[2] = (*new[2][:6], "Selesai", "")
    changes = step_changes(sop(rows).steps, sop(new).steps)
    assert kinds(changes) == [
        (StepChangeKind.ADDED, None, 1),
        (StepChangeKind.MOVED, 1, 2),
        (StepChangeKind.MOVED, 2, 3),
    ]


def test_actors_are_compared_without_order_case_or_spacing():
    old = [("1", "Menerima surat", "Staf TU, Kasubbag", "", "", "", "Selesai", "")]
    new = [("1", "Menerima surat", "kasubbag,  Staf TU", "", "", "", "Selesai", "")]
    assert step_changes(sop(old).steps, sop(new).steps) == ()


def test_identity_changes_are_worded_as_printed():
    old = sop(
        revised=parse_date_field("2024-02-05"),
        approver=Approver("Kepala Bappeda", "Dr. Rahmat", "197203151998031004"),
        legal_basis=("UU 43/2009",),
    )
    new = dataclasses.replace(
        old,
        revised=parse_date_field("12 Maret 2025"),
        approver=Approver("Kepala Bappeda", "Dr. Siti", "197203151998031004"),
        legal_basis=("UU 43/2009", "Permendagri 1/2023"),
        status=Status.SUPERSEDED,
        superseded_by="surat-keluar-2",
    )
    wording = Wording(date=lambda field: field.value.isoformat(), status=lambda s: s.name.title())
    diff = procedure_diff(old, new, wording)
    assert diff.steps == ()
    assert [change.field for change in diff.identity] == [
        IdentityField.REVISED,
        IdentityField.APPROVER,
        IdentityField.LEGAL_BASIS,
        IdentityField.STATUS,
    ]
    revised, approver, legal, status = diff.identity
    assert (revised.old, revised.new) == ("2024-02-05", "2025-03-12")
    assert approver.new == "Kepala Bappeda, Dr. Siti, NIP. 197203151998031004"
    assert legal.new == "UU 43/2009; Permendagri 1/2023"
    assert (status.old, status.new) == ("In_Force", "Superseded (surat-keluar-2)")


def test_a_date_written_another_way_is_no_change():
    old = sop(revised=parse_date_field("2024-02-05"))
    new = sop(revised=parse_date_field("5 Februari 2024"))
    wording = Wording(date=lambda field: field.value.isoformat())
    assert not procedure_diff(old, new, wording).changed


INDONESIAN = {
    "{count} step added": "{count} langkah ditambah",
    "{count} steps added": "{count} langkah ditambah",
    "{count} changed": "{count} diubah",
    "{count} step changed": "{count} langkah diubah",
    "{count} renumbered": "{count} dinomori ulang",
    "date revised": "tanggal revisi",
    "effective date": "tanggal efektif",
    "{fields} changed": "{fields} diubah",
}


def test_the_summary_counts_steps_then_names_identity_fields():
    added = ("2", "Mencatat surat", "Staf", "", "5 menit", "", "", "")
    new = [MAIL[0], added, *[(str(int(row[0]) + 1), *row[1:]) for row in MAIL[1:]]]
    new.insert(1, ("2", "Meminta nomor surat", "Staf", "", "", "", "", ""))
    new = renumbered(new)
    new[3] = (*new[3][:6], "Ya: 5, Tidak: 1", new[3][7])
    new[4] = (*new[4][:4], "2 hari", *new[4][5:])
    old = sop(revised=parse_date_field("2024-02-05"), effective=parse_date_field("2024-02-19"))
    revised = sop(
        new, revised=parse_date_field("2025-03-12"), effective=parse_date_field("2025-04-01")
    )
    diff = procedure_diff(old, revised)
    assert summary(diff, str) == (
        "2 steps added, 1 changed, 3 renumbered; date revised, effective date changed"
    )
    assert summary(diff, lambda message: INDONESIAN.get(message, message)) == (
        "2 langkah ditambah, 1 diubah, 3 dinomori ulang; tanggal revisi, tanggal efektif diubah"
    )


def test_a_summary_of_one_kind_names_the_steps():
    new = list(MAIL)
    new[2] = (*MAIL[2][:4], "2 hari", *MAIL[2][5:])
    assert summary(procedure_diff(sop(), sop(new)), str) == "1 step changed"


def test_a_label_holding_braces_or_a_wrong_placeholder_does_not_break_the_summary():
    new = list(MAIL)
    new[2] = (*MAIL[2][:4], "2 hari", *MAIL[2][5:])
    labels = {"{count} step changed": "{jumlah} {count} langkah {diubah}"}
    text = summary(procedure_diff(sop(), sop(new)), lambda message: labels.get(message, message))
    assert text == "{jumlah} 1 langkah {diubah}"


def test_marks_show_the_words_deleted_and_inserted():
    assert marks("30 menit", "1 jam") == (
        Mark(MarkKind.DELETED, "30 menit"),
        Mark(MarkKind.INSERTED, "1 jam"),
    )
    assert marks("1 hari", "2 hari") == (
        Mark(MarkKind.DELETED, "1"),
        Mark(MarkKind.INSERTED, "2"),
        Mark(MarkKind.SAME, " hari"),
    )
    assert marks("Memeriksa  konsep\nsurat", "Memeriksa konsep surat dinas") == (
        Mark(MarkKind.SAME, "Memeriksa konsep surat"),
        Mark(MarkKind.INSERTED, " dinas"),
    )


def test_punctuation_is_marked_apart_from_words():
    assert marks("kurir, pos, atau Srikandi", "kurir, pos, atau Srikandi; pos") == (
        Mark(MarkKind.SAME, "kurir, pos, atau Srikandi"),
        Mark(MarkKind.INSERTED, "; pos"),
    )
    assert marks("800/02/SOP/2024", "800/02/SOP/2025") == (
        Mark(MarkKind.SAME, "800/02/SOP/"),
        Mark(MarkKind.DELETED, "2024"),
        Mark(MarkKind.INSERTED, "2025"),
    )
    assert marks("", "Baru") == (Mark(MarkKind.INSERTED, "Baru"),)
    assert marks("Lama", "") == (Mark(MarkKind.DELETED, "Lama"),)


def test_hostile_text_passes_through_the_diff_as_written():
    hostile = "<script>alert(1)</script> \\end{document} [-x-] {+y+} & % $"
    new = list(MAIL)
    new[2] = (*MAIL[2][:7], hostile)
    (change,) = step_changes(sop().steps, sop(new).steps)
    assert change.fields == (FieldChange(Column.NOTES, "", hostile),)
    assert change.fields[0].marks == (Mark(MarkKind.INSERTED, hostile),)


words = st.lists(st.text(alphabet="abc<>&[]{}-+\\", min_size=1, max_size=3), max_size=8)


def unspaced(text: str) -> str:
    return "".join(text.split())


@given(words, words)
def test_marks_give_back_both_texts_spaces_aside(old_words, new_words):
    old, new = " ".join(old_words), " ".join(new_words)
    found = marks(old, new)
    assert "".join(m.text for m in found if m.kind is not MarkKind.DELETED) == new
    assert unspaced("".join(m.text for m in found if m.kind is not MarkKind.INSERTED)) == (
        unspaced(old)
    )
    assert all(m.text.strip() for m in found)


# -- an SOP through the editions, and what an edition changed ---------------------


def test_revisions_compare_each_edition_with_the_one_before_that_has_the_sop():
    first = sop()
    second = sop([*MAIL[:4], (*MAIL[4][:4], "2 hari", *MAIL[4][5:])])
    editions = [
        EditionSOPs("terbaru", {"surat-keluar": second}),
        EditionSOPs("edisi-2024", {}),
        EditionSOPs("edisi-2023", {"surat-keluar": first}),
    ]
    found = revisions("surat-keluar", editions)
    assert [(revision.edition, revision.procedure) for revision in found] == [
        ("terbaru", second),
        ("edisi-2023", first),
    ]
    assert summary(found[0].diff, str) == "1 step changed"
    assert found[1].diff is None
    assert revisions("elsewhere", editions) == ()


def test_an_editions_changes_are_grouped_and_sorted_by_number():
    def numbered(number, sop_id, **fields):
        return dataclasses.replace(sop(), id=sop_id, number=number, **fields)

    old = {
        "kept": numbered("800/1", "kept"),
        "edited": numbered("800/10", "edited"),
        "edited-too": numbered("800/2", "edited-too"),
        "withdrawn": numbered("800/3", "withdrawn"),
        "superseded": numbered("800/4", "superseded"),
        "gone": numbered("800/5", "gone"),
        "retired": numbered("800/6", "retired", status=Status.WITHDRAWN),
    }
    new = {
        "kept": old["kept"],
        "edited": numbered("800/10", "edited", title="Surat Keluar Elektronik"),
        "edited-too": numbered("800/2", "edited-too", status=Status.DRAFT),
        "withdrawn": numbered("800/3", "withdrawn", status=Status.WITHDRAWN),
        "superseded": numbered(
            "800/4", "superseded", superseded_by="fresh", status=Status.SUPERSEDED
        ),
        "retired": old["retired"],
        "fresh": numbered("800/7", "fresh"),
    }
    changes = handbook_changes(old, new)
    assert {kind: [change.procedure.id for change in group] for kind, group in changes.items()} == {
        ChangeKind.ADDED: ["fresh"],
        ChangeKind.WITHDRAWN: ["withdrawn"],
        ChangeKind.SUPERSEDED: ["superseded"],
        ChangeKind.CHANGED: ["edited-too", "edited"],
        ChangeKind.REMOVED: ["gone"],
    }
    assert changes[ChangeKind.REMOVED][0].procedure is old["gone"]
    assert [c.field for c in changes[ChangeKind.CHANGED][1].diff.identity] == [IdentityField.TITLE]
