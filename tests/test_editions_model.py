"""The editions of a site as plain data: newest, old, links between editions, JSON."""

from __future__ import annotations

import datetime

from sphinxcontrib_sop.core.editions import Edition, Site

WORKING = Edition(
    "terbaru",
    "main",
    "c" * 40,
    datetime.date(2025, 3, 1),
    working=True,
    pages=frozenset({"index", "sop/masuk", "sop/baru"}),
)
NEWEST = Edition(
    "edisi-2024",
    "edisi-2024",
    "b" * 40,
    datetime.date(2024, 6, 1),
    pages=frozenset({"index", "sop/masuk"}),
)
OLDEST = Edition(
    "edisi-2023",
    "edisi-2023",
    "a" * 40,
    datetime.date(2023, 6, 1),
    pages=frozenset({"index", "sop/masuk", "sop/lama"}),
)
SITE = Site((WORKING, NEWEST, OLDEST), current="edisi-2023")


def test_the_newest_edition_is_the_newest_published_one() -> None:
    assert SITE.newest == NEWEST
    assert SITE.this == OLDEST
    assert SITE.is_old()
    assert not SITE.is_old("edisi-2024")
    assert not SITE.is_old("terbaru")  # the working edition is not old, it is not out yet
    assert SITE.older_than("terbaru") == (NEWEST, OLDEST)
    assert SITE.older_than("edisi-2024") == (OLDEST,)
    assert SITE.older_than() == ()


def test_links_lead_to_the_same_page_or_the_editions_start_page() -> None:
    assert SITE.link("sop/masuk", "edisi-2024") == "../../edisi-2024/sop/masuk.html"
    assert SITE.link("sop/lama", "edisi-2024") == "../../edisi-2024/index.html"
    assert SITE.link("index", "terbaru") == "../terbaru/index.html"


def test_the_site_goes_through_json_unchanged() -> None:
    text = SITE.to_json()
    assert Site.from_json(text) == SITE
    assert Site.from_json(text, current="edisi-2024").this == NEWEST
    assert '"newest": "edisi-2024"' in text
