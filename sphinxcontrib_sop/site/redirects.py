"""Pages that lead on: the site's start page, and the pages of an edition that failed."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import quote

from ..core.editions import Site

_PAGE = """\
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={address}">
<title>{title}</title>
</head>
<body>
<p>{title}: <a href="{address}">{target}</a></p>
</body>
</html>
"""


def redirect(address: str, title: str, target: str) -> str:
    """A page that goes on to ``address`` at once, with a link to it (it works from disk)."""
    return _PAGE.format(
        address=html.escape(quote(address, safe="/#.-_~"), quote=True),
        title=html.escape(title),
        target=html.escape(target),
    )


def write_start_page(output: Path, edition: str) -> None:
    """``output/index.html``, leading to the start page of ``edition``."""
    start = f"{edition}/index.html"
    (output / "index.html").write_text(
        redirect(start, f"Edition {edition}", edition), encoding="utf-8"
    )


def write_failed_edition(output: Path, site: Site, failed: str, instead: str) -> None:
    """A page for each page of edition ``failed``, leading to the same page of ``instead``.

    The other editions were built while ``failed`` was still expected, and link to it.
    """
    edition = site.edition(failed)
    if edition is None:
        return
    from_failed = Site(site.editions, failed, site.shallow)
    for page in edition.pages:
        path = output / failed / f"{page}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        title = f"Edition {failed} could not be built; the same page in {instead}"
        path.write_text(redirect(from_failed.link(page, instead), title, instead), encoding="utf-8")
