extensions = ["sphinxcontrib_sop"]
language = "id"
