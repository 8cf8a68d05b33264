project = "SOPs of their own"
extensions = ["sphinxcontrib_sop"]
language = "en"
smartquotes = False
latex_documents = [("index", "handbook.tex", "Handbook", "Author", "manual")]
sop_pdf_per_sop = True
