"""Words as the compilation reader compares them with the base draft: letters and digits, any case.

OCR damages punctuation and spacing far more than it damages words, so every step that asks
"is this the base text?" compares runs of lower-cased words, never characters.
"""

from __future__ import annotations

import re

from amendtrack.model.tree import Paragraph

WORDS = re.compile(r"[A-Za-z0-9]+")


def words_of(text: str) -> list[str]:
    """The words of a text, lower-cased, in order."""
    return [w.lower() for w in WORDS.findall(text)]


def text_with_subparagraphs(paragraph: Paragraph) -> str:
    """A paragraph's text followed by its sub-paragraphs' and items': what its row of the compilation repeats."""
    return " ".join([paragraph.text] + [text_with_subparagraphs(child) for child in paragraph.children])


def without_quotes(text: str) -> str:
    """Words without the quotes around them (inner quotes kept): '“(see “X”)”.' → '(see “X”)'."""
    text = text.strip()
    if len(text) > 1 and text[0] in '“"‘':
        body = text[1:].rstrip(" .,;")
        if body[-1:] in '”"’':
            return body[:-1].strip()
        return text[1:].strip()
    return text
