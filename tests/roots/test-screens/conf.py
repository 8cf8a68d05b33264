project = "SOP"
extensions = ["sphinxcontrib_sop"]
language = "id"
html_theme = "sphinx_rtd_theme"  # each test builds it in every theme it checks
