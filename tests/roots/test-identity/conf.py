extensions = ["myst_parser", "sphinxcontrib_sop"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
language = "id"
sop_agency = "Pemerintah Provinsi Sumatera Selatan"
sop_unit = "Badan Perencanaan Pembangunan Daerah"
sop_logo = "logo.png"
