extensions = ["sphinxcontrib_sop"]
project = "Nomor Ganda"
language = "id"
smartquotes = False
latex_documents = [("index", "ganda.tex", "Nomor Ganda", "Penguji", "manual")]
