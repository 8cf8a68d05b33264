extensions = ["sphinxcontrib_sop"]
