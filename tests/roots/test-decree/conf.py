extensions = ["myst_parser", "sphinxcontrib_sop"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
language = "id"
smartquotes = False
latex_documents = [("index", "decree.tex", "Decree", "Tester", "howto")]
