project = "Status in print"
extensions = ["sphinxcontrib_sop"]
language = "en"
latex_documents = [("index", "handbook.tex", "Handbook", "Author", "manual")]
