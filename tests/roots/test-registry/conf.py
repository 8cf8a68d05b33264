extensions = ["sphinxcontrib_sop"]
language = "en"
sop_agency = "Pemerintah Kota Contoh"
