"""``python -m sphinxcontrib_sop.history SOURCE CONFDIR OUTPUT``: an old edition's SOPs read
in a process of its own (see :mod:`.reader`)."""

from __future__ import annotations

import sys

from .reader import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
