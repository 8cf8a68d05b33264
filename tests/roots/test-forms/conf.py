extensions = ["sphinxcontrib_sop"]
language = "en"
sop_agency = "Pemerintah Kota Contoh"
latex_documents = [("index", "forms.tex", "Forms", "Test", "manual")]
latex_appendices = ["forms"]
