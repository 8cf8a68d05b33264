extensions = ["sphinxcontrib_sop"]
language = "en"
smartquotes = False
sop_agency = 'Agency <script>alert(1)</script> & "Co" $ # % ^ ~ _ {x}'
sop_logo = "logo.png"
latex_documents = [("index", "escaping.tex", "Escaping", "Tester", "howto")]
