extensions = ["sphinxcontrib_sop"]
language = "id"
project = "Pencarian"
