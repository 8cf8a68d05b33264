"""``sphinx-sop-site``: every edition of a handbook built into one site, with sphinx-polyversion.

``project`` reads the handbook's settings as sphinx-build would; ``driver``
builds each edition in its own checkout, concurrently, through
sphinx-polyversion's git provider, driver and command builder; ``redirects``
writes the site's start page; ``cli`` is the command.
"""
