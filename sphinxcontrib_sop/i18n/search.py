"""Indonesian for the HTML search page, which Sphinx does not ship.

Without it, a project with ``language = "id"`` indexes Indonesian words with
the English stemmer: ``pemeriksaan`` and ``memeriksa`` stay unrelated.  The
Snowball Indonesian stemmer (``snowballstemmer``, a dependency of Sphinx)
stems the index, and Sphinx's own copy of its JavaScript port stems the
query in the browser, so both sides agree.
"""

from __future__ import annotations

from pathlib import Path

import snowballstemmer
import sphinx.search
from sphinx.application import Sphinx
from sphinx.search import SearchLanguage

from ..core.dates import is_indonesian

LANGUAGE_CODE = "id"
JS_STEMMER = "indonesian-stemmer.js"
#: Sphinx's Indonesian catalog turns the ", in " of a search result into ", di", with no
#: space before the page title ("SOP, diSOP Penerimaan …"): give the space back.
RESULT_WORDING_FIX = (
    "if (typeof Documentation !== 'undefined' && "
    "Documentation.TRANSLATIONS[', in '] === ', di') "
    "{ Documentation.TRANSLATIONS[', in '] = ', di '; }"
)

#: Common Indonesian function words, left out of the index and of queries.
STOPWORDS = frozenset((
    "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "apabila", "atas", "atau",
    "bagi", "bahwa", "belum", "beberapa", "begitu", "bila", "boleh", "bukan", "dalam", "dan",
    "dapat", "dari", "daripada", "demikian", "dengan", "di", "dia", "ialah", "ini", "itu", "jika",
    "juga", "kalau", "kami", "kamu", "karena", "ke", "kepada", "kita", "lagi", "lain", "maka",
    "masih", "mereka", "namun", "oleh", "pada", "para", "per", "perlu", "pun", "saat", "saja",
    "sampai", "sangat", "saya", "secara", "sedang", "sehingga", "sejak", "semua", "seperti",
    "serta", "setelah", "setiap", "sudah", "supaya", "tanpa", "telah", "tentang", "terhadap",
    "tersebut", "tetapi", "tiap", "untuk", "yaitu", "yakni", "yang",
))  # fmt: skip


class SearchIndonesian(SearchLanguage):
    """Indonesian words for Sphinx's search index: Snowball stems, common words left out."""

    lang = LANGUAGE_CODE
    language_name = "Indonesian"
    js_stemmer_rawcode = JS_STEMMER
    stopwords = STOPWORDS

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.stemmer = snowballstemmer.stemmer("indonesian")
        #: Each word's stem, once worked out: a handbook repeats a few thousand words.
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        word = word.lower()
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = self.stemmer.stemWord(word)
        return stem


def fix_result_wording(app: Sphinx) -> None:
    """In Indonesian HTML, put the space back into the search results' ", di "."""
    if app.builder.format == "html" and is_indonesian(app.config.language):
        app.add_js_file(None, body=RESULT_WORDING_FIX)


def sphinx_has_indonesian_stemmer() -> bool:
    """Whether Sphinx ships the browser's Indonesian stemmer (from Sphinx 9 on)."""
    scripts = Path(sphinx.search.__file__).parent
    return all(
        (scripts / folder / JS_STEMMER).is_file() for folder in ("minified-js", "non-minified-js")
    )


def register_search_language(app: Sphinx) -> None:
    """Add Indonesian search unless Sphinx has its own, or lacks the browser's stemmer."""
    if LANGUAGE_CODE not in sphinx.search.languages and sphinx_has_indonesian_stemmer():
        app.add_search_language(SearchIndonesian)
