extensions = ["sphinxcontrib_sop"]
language = "id"
numfig = True
