extensions = ["sphinxcontrib_sop"]
language = "id"
html_theme = "sphinx_rtd_theme"
