extensions = ["sphinxcontrib_sop"]
language = "en"
sop_diagram = "both"
