extensions = ["sphinxcontrib_sop"]
language = "en"
