extensions = ["sphinxcontrib_sop"]
project = "Jumlah Waktu"
language = "id"
smartquotes = False
latex_documents = [("index", "buku.tex", "Jumlah Waktu", "Penguji", "manual")]
