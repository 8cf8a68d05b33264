project = "Status"
extensions = ["sphinxcontrib_sop"]
language = "en"
latex_documents = [("index", "status.tex", "Status", "Author", "manual")]
