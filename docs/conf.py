"""Sphinx configuration of the sphinxcontrib-sop documentation and example handbook."""

from sphinxcontrib_sop import __version__

project = "sphinxcontrib-sop"
author = "sphinxcontrib-sop contributors"
copyright = "2026, sphinxcontrib-sop contributors"
version = release = __version__

extensions = ["myst_parser", "sphinxcontrib_sop"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

# The user guide is written in English; the example handbook's SOP sheets
# carry the Indonesian labels of the national format.
language = "en"
sop_language = "id"
sop_agency = "Pemerintah Provinsi Sumatera Selatan"
sop_unit = "Badan Perencanaan Pembangunan Daerah"
sop_logo = "_static/logo.png"

# The site holds two editions of this documentation (see guide/editions): the
# current one, from the commit checked out, and an earlier one from this
# repository's own history, before the handbook layer (registry, map, status),
# which is no longer in force. ./dev.sh docs builds both with sphinx-sop-site.
sop_editions = {
    "edisi-2025": "HEAD",
    "edisi-2024": "9075a26e0a29ad82989daef14b97ba9e4f93eb15",
}

html_theme = "sphinx_rtd_theme"
html_static_path = ["_static"]
html_css_files = ["handbook.css"]
html_title = "sphinxcontrib-sop"
html_theme_options = {"navigation_depth": 3}

# The PDF is the example handbook itself: an SOP manual in Indonesian, with the
# SOP AP cover (sop_agency is set) instead of Sphinx's title page, and its
# captions (Daftar Isi, Bab, …) in Indonesian because sop_language is "id".
latex_documents = [
    (
        "handbook/index",
        "buku-pedoman-sop.tex",
        "Buku Pedoman SOP Sekretariat Bappeda",
        "Sekretariat Bappeda Provinsi Sumatera Selatan",
        "manual",
    ),
]
# The monitoring and evaluation forms close the manual as its appendix (Lampiran).
latex_appendices = ["handbook/formulir"]
sop_address = "Jalan Kapten A. Rivai Nomor 23, Palembang 30129"
sop_year = "2024"
# Beside the manual, a PDF of each SOP alone (sop-<id>.pdf), as agencies circulate them.
sop_pdf_per_sop = True
