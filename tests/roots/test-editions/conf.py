project = "Buku SOP"
extensions = ["sphinxcontrib_sop"]
language = "id"
# Each test builds it as an edition of a site (sop_site, sop_edition), in the themes it checks.
html_theme = "alabaster"
latex_documents = [("index", "buku.tex", "Buku SOP", "Penulis", "manual")]
