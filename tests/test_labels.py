"""The shipped message catalogs cover every printed label."""

from __future__ import annotations

import gettext

from babel.messages.pofile import read_po

from sphinxcontrib_sop.i18n.labels import LOCALE_DIR, MESSAGE_CATALOG, MESSAGES

INDONESIAN = LOCALE_DIR / "id" / "LC_MESSAGES"


def test_every_label_has_an_indonesian_translation():
    with (INDONESIAN / f"{MESSAGE_CATALOG}.po").open("rb") as po_file:
        catalog = read_po(po_file)
    translated = {message.id: message.string for message in catalog if message.id}
    assert set(translated) == set(MESSAGES)
    assert all(translated.values())


def test_compiled_catalog_matches_its_source():
    with (INDONESIAN / f"{MESSAGE_CATALOG}.po").open("rb") as po_file:
        catalog = read_po(po_file)
    compiled = gettext.translation(MESSAGE_CATALOG, str(LOCALE_DIR), languages=["id"])
    for message in catalog:
        if message.id:
            assert compiled.gettext(message.id) == message.string


def test_template_lists_every_label():
    with (LOCALE_DIR / f"{MESSAGE_CATALOG}.pot").open("rb") as pot_file:
        template = read_po(pot_file)
    assert {message.id for message in template if message.id} == set(MESSAGES)
