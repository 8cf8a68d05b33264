"""Indonesian for docutils, which ships no ``id`` language.

Without it, every page of a project with ``language = "id"`` warns
``Language "id" not supported`` and a ``-W`` build fails.  The labels are
Indonesian; directive and role names stay the English ones users write.
"""

from __future__ import annotations

import importlib.util
import sys
import types

from docutils.parsers.rst.languages import en as rst_english

LANGUAGE_CODE = "id"

LABELS = {
    "author": "Penulis",
    "authors": "Para Penulis",
    "organization": "Organisasi",
    "address": "Alamat",
    "contact": "Kontak",
    "version": "Versi",
    "revision": "Revisi",
    "status": "Status",
    "date": "Tanggal",
    "copyright": "Hak Cipta",
    "dedication": "Persembahan",
    "abstract": "Abstrak",
    "attention": "Perhatian!",
    "caution": "Hati-hati!",
    "danger": "!BAHAYA!",
    "error": "Galat",
    "hint": "Petunjuk",
    "important": "Penting",
    "note": "Catatan",
    "tip": "Tips",
    "warning": "Peringatan",
    "contents": "Daftar Isi",
}
BIBLIOGRAPHIC_FIELDS = {
    "penulis": "author",
    "para penulis": "authors",
    "organisasi": "organization",
    "alamat": "address",
    "kontak": "contact",
    "versi": "version",
    "revisi": "revision",
    "status": "status",
    "tanggal": "date",
    "hak cipta": "copyright",
    "persembahan": "dedication",
    "abstrak": "abstract",
}


def register() -> None:
    """Give docutils an Indonesian language unless it has one of its own.

    The modules are installed under the names docutils imports languages from.
    """
    labels_name = f"docutils.languages.{LANGUAGE_CODE}"
    if labels_name in sys.modules or importlib.util.find_spec(labels_name) is not None:
        return
    labels = types.ModuleType(labels_name, __doc__)
    labels.labels = LABELS
    labels.bibliographic_fields = BIBLIOGRAPHIC_FIELDS
    labels.author_separators = [";", ","]
    syntax_name = f"docutils.parsers.rst.languages.{LANGUAGE_CODE}"
    syntax = types.ModuleType(syntax_name, __doc__)
    syntax.directives = dict(rst_english.directives)
    syntax.roles = dict(rst_english.roles)
    sys.modules[labels_name] = labels
    sys.modules[syntax_name] = syntax
