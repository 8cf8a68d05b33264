"""Soft hyphens in long words of the flowchart's cells, so narrow columns break them visibly.

An actor column is narrow: "Pengadministrasi" or "Kepegawaian" may not fit on
one line of its header.  Browsers then cut the word anywhere, or let it run
into the next column.  A soft hyphen (U+00AD) marks where a word may break,
and shows a hyphen when it does.

A browser breaks at a soft hyphen whenever that fills the line better, even
if the word would fit whole on the next line.  So each word that gets soft
hyphens is set in a ``span.sop-word`` that the stylesheet makes an inline
block no wider than its cell: the span moves to the next line whole, and
breaks inside only when it is wider than the cell.  Only words that may not
fit at the column's least width get them; the others stay plain text.

The breaks follow Indonesian syllables (PUEBI): a single consonant between
vowels starts the next syllable (*ke-pe-ga-wai-an*), of two or more the first
ends the syllable (*ad-mi-nis-tra-si*); *ng*, *ny*, *kh*, *sy* (and English
*qu*) are one consonant and *ai*, *au*, *ei*, *oi* one vowel.  English words
get the same breaks, rarely wrong at a syllable edge and always readable.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

SOFT_HYPHEN = "\N{SOFT HYPHEN}"
#: Letters kept together at the start and at the end of a word.
EDGE = 3

VOWELS = frozenset("aeiou")
DIPHTHONGS = frozenset({"ai", "au", "ei", "oi"})
DIGRAPHS = frozenset({"ng", "ny", "kh", "sy", "qu"})
WORD = re.compile(r"[^\W\d_]+")
TOKEN = re.compile(r"\S+")
#: The class of a long word's span.
WORD_CLASS = "sop-word"
#: Texts never hyphenated: code, math and raw markup (and addresses shown as links).
KEPT_WHOLE = (nodes.FixedTextElement, nodes.literal, nodes.math, nodes.raw)


def hyphenated_html(text: str, letters: int) -> str:
    """``text`` escaped for HTML; its long words with soft hyphens, each in a ``span.sop-word``.

    ``letters`` is how many letters surely fit on a line of the text's column.  The
    soft hyphens are characters, not ``&shy;``: XML, and so XHTML, knows no such entity.
    """
    return "".join(
        f'<span class="{WORD_CLASS}">{escape(part)}</span>' if long else escape(part)
        for part, long in split_long_words(text, letters)
    )


def write_with_soft_hyphens(
    translator: HTML5Translator, element: nodes.Element, letters: int
) -> None:
    """Write the children of ``element``, its texts' long words set as :func:`hyphenated_html`
    sets them: each in an inline ``span.sop-word``, as the translator writes one.

    Code, math and raw markup stay as they are, and so does an address shown as its link.
    The texts are written part by part as the translator meets them: the element is not
    copied, and nothing is left for the garbage collector.
    """
    if not _has_long_word(element.astext(), letters):
        for child in element.children:
            child.walkabout(translator)
        return
    write_text = translator.visit_Text

    def visit_text(text: nodes.Text) -> None:
        parts = split_long_words(str(text), letters)
        if not any(long for _, long in parts) or not _hyphenable(text, element):
            write_text(text)
            return
        for part, long in parts:
            if not long:
                write_text(nodes.Text(part))
                continue
            word = nodes.inline(classes=[WORD_CLASS])
            translator.dispatch_visit(word)
            write_text(nodes.Text(part))
            translator.dispatch_departure(word)

    translator.visit_Text = visit_text  # type: ignore[method-assign]
    try:
        for child in element.children:
            child.walkabout(translator)
    finally:
        del translator.visit_Text


def split_long_words(text: str, letters: int) -> list[tuple[str, bool]]:
    """``text`` cut into plain parts and long words with soft hyphens (``True``).

    A long word is kept with the punctuation around it ("pendukung,"), so that
    a line never starts with its comma.
    """
    parts: list[tuple[str, bool]] = []
    position = 0
    for token in TOKEN.finditer(text):
        if not any(len(word) > letters for word in WORD.findall(token.group())):
            continue
        if token.start() > position:
            parts.append((text[position : token.start()], False))
        parts.append(
            (WORD.sub(lambda word: _hyphenated(word.group(), letters), token.group()), True)
        )
        position = token.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts


def _hyphenable(text: nodes.Text, top: nodes.Element) -> bool:
    """Whether ``text`` in ``top`` may get soft hyphens: not code, math, raw markup, nor an
    address shown as its link."""
    if any(isinstance(node, KEPT_WHOLE) for node in _ancestors(text.parent, top)):
        return False
    parent = text.parent
    return not (isinstance(parent, nodes.reference) and str(text) == parent.get("refuri"))


def _has_long_word(text: str, letters: int) -> bool:
    return any(len(word) > letters for word in WORD.findall(text))


@functools.lru_cache(maxsize=4096)
def _hyphenated(word: str, letters: int) -> str:
    """``word`` with soft hyphens when it is long; a handbook's words repeat, so kept."""
    return SOFT_HYPHEN.join(syllable_groups(word)) if len(word) > letters else word


def _ancestors(node: nodes.Node | None, top: nodes.Node) -> Iterator[nodes.Node]:
    """``node`` and its ancestors up to ``top``, which is included."""
    while node is not None:
        yield node
        if node is top:
            return
        node = node.parent


def syllable_groups(word: str) -> list[str]:
    """``word`` cut where it may break: at syllable edges, keeping its ends whole."""
    cuts = [cut for cut in syllable_breaks(word) if EDGE <= cut <= len(word) - EDGE]
    return [word[start:end] for start, end in zip([0, *cuts], [*cuts, len(word)], strict=True)]


def syllable_breaks(word: str) -> list[int]:
    """The positions in ``word`` where one syllable ends and the next begins."""
    lower = word.lower()
    if len(lower) != len(word):  # a letter whose lower case is longer: leave the word whole
        return []
    units = _sound_units(lower)
    breaks = []
    position = 0
    after_vowel = False
    consonants: list[int] = []  # start positions of the consonant units since then
    for unit in units:
        if unit[0] in VOWELS:
            if after_vowel:
                if not consonants:
                    breaks.append(position)
                elif len(consonants) == 1:
                    breaks.append(consonants[0])
                else:
                    breaks.append(consonants[1])
            after_vowel = True
            consonants = []
        else:
            consonants.append(position)
        position += len(unit)
    return breaks


def _sound_units(word: str) -> list[str]:
    """``word`` as vowels, diphthongs and consonants (digraphs as one)."""
    units = []
    index = 0
    while index < len(word):
        pair = word[index : index + 2]
        if pair in DIGRAPHS or pair in DIPHTHONGS:
            units.append(pair)
            index += 2
        else:
            units.append(word[index])
            index += 1
    return units
