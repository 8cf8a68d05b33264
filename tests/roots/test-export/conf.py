extensions = ["sphinxcontrib_sop"]
project = "Buku SOP <Sekretariat> & \"Data\""
language = "id"
smartquotes = False
sop_agency = "Pemerintah Kabupaten Contoh"
