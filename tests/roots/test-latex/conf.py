extensions = ["sphinxcontrib_sop"]
project = "Buku Uji"
release = "2.1"
language = "id"
smartquotes = False
latex_documents = [("index", "buku.tex", "Buku Uji", "Penguji", "manual")]
latex_appendices = ["appendix"]
