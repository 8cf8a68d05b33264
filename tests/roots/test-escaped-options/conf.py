extensions = ["myst_parser", "sphinxcontrib_sop"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
language = "id"
