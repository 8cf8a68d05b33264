"""The content of the benchmark's handbook: N SOPs as plain data, the same for the same N.

Both projects of a run (with ``.. sop::`` and as plain tables) are written from
these objects, so they hold the same text.  Every SOP has 20 steps, 4 actors,
two decisions looping back and every identity field filled; SOP *k* refers to
SOP *k - 1* (``:related:``), so every SOP but the last has a back-link.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

#: SOPs per unit: one toctree, one page of the unit, one SOP map.
UNIT_SIZE = 25
STEPS = 20
#: Steps that are decisions: (step, where *Tidak* goes back to).
DECISIONS = {6: 4, 14: 11}
#: The step whose text an edit-one rebuild changes, and the words it adds.
EDITED_STEP = 10
EDIT_WORDS = " dan mencatatnya kembali"

_VERBS = (
    "Menerima", "Memeriksa", "Mencatat", "Menelaah", "Memverifikasi", "Menyusun", "Mengoreksi",
    "Menandatangani", "Mengagendakan", "Mendisposisikan", "Menyampaikan", "Mengarsipkan",
    "Menilai", "Menyetujui", "Mengunggah", "Mengirimkan", "Meneruskan", "Menggandakan",
)  # fmt: skip
_OBJECTS = (
    "berkas permohonan", "surat masuk", "konsep naskah dinas", "laporan kegiatan",
    "dokumen anggaran", "daftar hadir", "formulir pengajuan", "nota dinas",
    "data kepegawaian", "usulan program", "rekapitulasi capaian", "bukti pembayaran",
    "lembar disposisi", "surat keputusan", "rencana kerja", "berita acara",
)  # fmt: skip
_PURPOSES = (
    "sesuai ketentuan yang berlaku", "untuk ditindaklanjuti", "secara lengkap dan benar",
    "melalui aplikasi Srikandi", "kepada pejabat yang berwenang", "dalam buku agenda",
)  # fmt: skip
_ROLES = (
    "Staf TU", "Kasubbag Umum", "Sekretaris", "Kepala Badan", "Analis Kebijakan", "Arsiparis",
    "Bendahara", "Pengadministrasi Umum", "Kepala Bidang", "Kasubbid Program", "Verifikator",
    "Operator SIMDA", "Perencana Ahli Muda", "Pengelola Keuangan", "Kasubbag Kepegawaian",
    "Pemohon",
)  # fmt: skip
_FIELDS = (
    "Umum dan Kepegawaian", "Keuangan", "Perencanaan Program", "Ekonomi", "Infrastruktur",
    "Sosial Budaya", "Penelitian dan Pengembangan", "Pengendalian dan Evaluasi",
)  # fmt: skip
_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)  # fmt: skip
_LAWS = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan",
    "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah",
    "Peraturan Menteri PAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP AP",
)


@dataclass(frozen=True)
class StepText:
    """One row of the step table, as written."""

    number: int
    activity: str
    actor: str
    requirement: str
    time_minutes: int
    output: str
    flow: str

    @property
    def time(self) -> str:
        return f"{self.time_minutes} menit"

    def cells(self) -> tuple[str, ...]:
        """The row's cells, in the order of :data:`HEADER`."""
        return (
            str(self.number),
            self.activity,
            self.actor,
            self.requirement,
            self.time,
            self.output,
            self.flow,
        )


HEADER = ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Alur")


@dataclass(frozen=True)
class SOPText:
    """One SOP of the handbook: its page, identity fields and steps."""

    index: int
    unit: str
    title: str
    created: str
    revised: str
    effective: str
    approver_name: str
    approver_nip: str
    legal_basis: tuple[str, ...]
    qualifications: tuple[str, ...]
    equipment: tuple[str, ...]
    warnings: tuple[str, ...]
    records: tuple[str, ...]
    actors: tuple[str, ...]
    steps: tuple[StepText, ...]

    approved_by = "Kepala Badan Perencanaan Pembangunan Daerah"
    approver_rank = "Pembina Utama Muda (IV/c)"
    related_text = "SOP Pengelolaan Arsip Dinamis (Dinas Perpustakaan dan Kearsipan)"

    @property
    def id(self) -> str:
        return sop_id(self.index)

    @property
    def number(self) -> str:
        return f"800/{self.index:04d}/SOP/BENCH/2024"

    @property
    def unit_folder(self) -> str:
        return unit_folder(self.index)

    @property
    def docname(self) -> str:
        return docname(self.index)

    @property
    def related_index(self) -> int | None:
        """The SOP this one refers to (the one before it), ``None`` for the first."""
        return self.index - 1 if self.index > 1 else None

    @property
    def id_of_related(self) -> str:
        """The ``:id:`` of the SOP this one refers to, ``""`` for the first."""
        return sop_id(self.related_index) if self.related_index else ""

    def edited(self) -> SOPText:
        """This SOP with the text of step :data:`EDITED_STEP` changed."""
        steps = tuple(
            _with_activity(step, step.activity + EDIT_WORDS) if step.number == EDITED_STEP else step
            for step in self.steps
        )
        return dataclasses.replace(self, steps=steps)

    @property
    def total_minutes(self) -> int:
        return sum(step.time_minutes for step in self.steps)


def sop_id(index: int) -> str:
    return f"bench-{index:04d}"


def docname(index: int) -> str:
    """The page of SOP ``index``: ``unit-01/sop-0001``."""
    return f"{unit_folder(index)}/sop-{index:04d}"


def unit_folder(index: int) -> str:
    """The folder of SOP ``index``'s unit: ``unit-01`` for the first 25 SOPs."""
    return f"unit-{(index - 1) // UNIT_SIZE + 1:02d}"


def unit_name(folder: str) -> str:
    number = int(folder.removeprefix("unit-"))
    return f"Bidang {_FIELDS[(number - 1) % len(_FIELDS)]} {number:02d}"


def handbook(size: int) -> list[SOPText]:
    """The ``size`` SOPs of the handbook, the same for the same size."""
    return [_sop(index) for index in range(1, size + 1)]


def units(sops: list[SOPText]) -> dict[str, list[SOPText]]:
    """The SOPs by unit folder, in order."""
    grouped: dict[str, list[SOPText]] = {}
    for sop in sops:
        grouped.setdefault(sop.unit_folder, []).append(sop)
    return grouped


def _sop(index: int) -> SOPText:
    chance = random.Random(index)
    actors = tuple(chance.sample(_ROLES, 4))
    return SOPText(
        index=index,
        unit=unit_name(unit_folder(index)),
        title=f"{_phrase(chance)} {index:04d}".capitalize(),
        created=_date(chance, 2022),
        revised=_date(chance, 2023),
        effective=_date(chance, 2024),
        approver_name=f"Dr. Ir. Pejabat Nomor {index}, M.Si.",
        approver_nip=f"19{chance.randint(60, 85)}0{chance.randint(1, 9)}"
        f"1{chance.randint(0, 9)} 199{chance.randint(0, 9)}03 1 00{chance.randint(1, 9)}",
        legal_basis=tuple(chance.sample(_LAWS, 2)),
        qualifications=(
            f"Memahami tata cara {chance.choice(_OBJECTS)}",
            "Mampu mengoperasikan komputer dan aplikasi perkantoran",
        ),
        equipment=("Komputer dan printer", f"Map {chance.choice(_OBJECTS)}"),
        warnings=(f"Apabila {chance.choice(_OBJECTS)} tidak lengkap, proses tertunda",),
        records=(f"Buku agenda {chance.choice(_OBJECTS)}", "Arsip digital"),
        actors=actors,
        steps=tuple(_step(number, chance, actors) for number in range(1, STEPS + 1)),
    )


def _step(number: int, chance: random.Random, actors: tuple[str, ...]) -> StepText:
    if number in DECISIONS:
        flow = f"Ya: {number + 1}, Tidak: {DECISIONS[number]}"
    else:
        flow = "Selesai" if number == STEPS else ""
    return StepText(
        number=number,
        activity=f"{_phrase(chance)} {chance.choice(_PURPOSES)}",
        actor=actors[(number - 1) % len(actors)],
        requirement=chance.choice(_OBJECTS).capitalize(),
        time_minutes=chance.choice((5, 10, 15, 30, 60)),
        output=f"{chance.choice(_OBJECTS).capitalize()} {chance.choice(('diperiksa', 'selesai'))}",
        flow=flow,
    )


def _with_activity(step: StepText, activity: str) -> StepText:
    return dataclasses.replace(step, activity=activity)


def _phrase(chance: random.Random) -> str:
    return f"{chance.choice(_VERBS)} {chance.choice(_OBJECTS)}"


def _date(chance: random.Random, year: int) -> str:
    return f"{chance.randint(1, 28)} {chance.choice(_MONTHS)} {year}"
