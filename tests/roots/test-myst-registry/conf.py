extensions = ["myst_parser", "sphinxcontrib_sop"]
