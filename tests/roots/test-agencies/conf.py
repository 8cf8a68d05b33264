extensions = ["sphinxcontrib_sop"]
language = "id"
sop_agency = "Pemerintah Provinsi Sumatera Selatan"
sop_unit = "Badan Perencanaan Pembangunan Daerah"
latex_documents = [("index", "agencies.tex", "Agencies", "Tester", "howto")]
sop_logo = "logo.png"
