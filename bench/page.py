"""How long one page of a built handbook takes to write, and its registry to fill.

Run by ``run.py`` in a process of its own, after a clean build, for the page
holding the registry: it loads the built project as an incremental build would
and writes that page again as Sphinx does (resolve, index for search,
translate, write), printing the seconds as JSON::

    python bench/page.py SOURCE OUTPUT DOCNAME

``write`` is the best of a few writes of the page; ``fill`` the time the
extension takes to fill the page's registries from every SOP of the handbook,
the first time in the process (each SOP's steps still pickled, as in an
incremental build), ``null`` for the plain project.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

from sphinx.application import Sphinx

WRITES = 3


def main(argv: list[str]) -> int:
    source, output, docname = Path(argv[0]), Path(argv[1]), argv[2]
    app = Sphinx(
        source, source, output, output / ".doctrees", "html",
        status=None, warning=io.StringIO(), freshenv=False,
    )  # fmt: skip
    fill = _fill_seconds(app, docname) if "sphinxcontrib_sop" in app.extensions else None
    app.builder.prepare_writing({docname})
    writes = []
    for _ in range(WRITES):
        start = time.perf_counter()
        doctree = app.env.get_and_resolve_doctree(docname, app.builder)
        app.builder.write_doc_serialized(docname, doctree)
        app.builder.write_doc(docname, doctree)
        writes.append(time.perf_counter() - start)
    print(json.dumps({"write": min(writes), "fill": fill}))
    return 0


def _fill_seconds(app: Sphinx, docname: str) -> float:
    from sphinxcontrib_sop.doctree.registry import fill_registries

    doctree = app.env.get_doctree(docname)
    start = time.perf_counter()
    fill_registries(app, doctree, docname)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
